/**
 * Where LHS's own FHIR definitions live: one canonical base, and every URL, code system and
 * identifier system built on it. Exports and the importer use these and nothing else.
 */

/** The product's canonical base for FHIR: Measures, code systems and extensions are named under it. */
export const FHIR_CANONICAL_BASE = 'https://lhs.example.org/fhir'

/** HL7's population codes for MeasureReport.group.population (numerator, denominator, …). */
export const MEASURE_POPULATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-population'
export const MEASURE_SCORING_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-scoring'
export const MEASURE_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-type'
export const IMPROVEMENT_NOTATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation'
/** The extension that says why a value is absent; `masked` is what disclosure control uses. */
export const DATA_ABSENT_REASON_URL = 'http://hl7.org/fhir/StructureDefinition/data-absent-reason'
/** UK Core's ethnic category codes (NHS Data Dictionary, 2001 census basis). */
export const UK_CORE_ETHNIC_CATEGORY_SYSTEM = 'https://fhir.hl7.org.uk/CodeSystem/UKCore-EthnicCategoryEngland'

/** Identifier systems: a site's code, an organisation's code and a measure's code inside its programme. */
export const SITE_CODE_SYSTEM = `${FHIR_CANONICAL_BASE}/NamingSystem/site-code`
export const ORGANISATION_CODE_SYSTEM = `${FHIR_CANONICAL_BASE}/NamingSystem/organisation-code`
export const MEASURE_CODE_SYSTEM = `${FHIR_CANONICAL_BASE}/NamingSystem/measure-code`

/** Our code systems: the community-group dimensions, and the groups of each dimension. */
export const DIMENSION_SYSTEM = `${FHIR_CANONICAL_BASE}/CodeSystem/community-dimension`
/** The code systems of the dimensions the product knows (the IMD one is the insight importer's too). */
const KNOWN_GROUP_SYSTEMS: Readonly<Record<string, string>> = {
  imd_quintile: `${FHIR_CANONICAL_BASE}/CodeSystem/imd-quintile`,
  ethnicity: `${FHIR_CANONICAL_BASE}/CodeSystem/ethnicity`,
  sex: `${FHIR_CANONICAL_BASE}/CodeSystem/sex`,
  age_band: `${FHIR_CANONICAL_BASE}/CodeSystem/age-band`,
}
/** Groups of a dimension: `…/CodeSystem/imd-quintile`, `…/ethnicity`, `…/sex`, `…/age-band`; any other dimension `…/CodeSystem/community-group/{dimension}`. */
export function groupSystem(dimension: string): string {
  return Object.hasOwn(KNOWN_GROUP_SYSTEMS, dimension) ? (KNOWN_GROUP_SYSTEMS[dimension] as string) : `${FHIR_CANONICAL_BASE}/CodeSystem/community-group/${encodeURIComponent(dimension)}`
}
/** Measure types FHIR's measure-type system lacks (balancing measures). */
export const LHS_MEASURE_TYPE_SYSTEM = `${FHIR_CANONICAL_BASE}/CodeSystem/measure-type`
/** The disclosure policy a Bundle was made under, as a meta tag: `internal`, or the policy's id. */
export const DISCLOSURE_TAG_SYSTEM = `${FHIR_CANONICAL_BASE}/CodeSystem/disclosure-policy`

/** Extensions: a non-whole population amount (FHIR's count is an integer), and strata that cover everyone. */
export const POPULATION_AMOUNT_URL = `${FHIR_CANONICAL_BASE}/StructureDefinition/population-amount`
export const STRATIFIER_EXHAUSTIVE_URL = `${FHIR_CANONICAL_BASE}/StructureDefinition/stratifier-exhaustive`
/** The measure's period (day, week, month, quarter), on Measure. */
export const MEASURE_PERIOD_URL = `${FHIR_CANONICAL_BASE}/StructureDefinition/measure-period`

/** The canonical URL of a measure: `…/Measure/{organisation}/{programme}/{measure}`; the last segment is the measure's code. */
export function measureUrl(organisation: string, programme: string, measure: string): string {
  return `${FHIR_CANONICAL_BASE}/Measure/${[organisation, programme, measure].map(encodeURIComponent).join('/')}`
}
