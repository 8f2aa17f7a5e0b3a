/** FHIR R4 for sharing measures: Measure and summary MeasureReport builders, code systems, deterministic ids. */
export * from './canonical.ts'
export { dimensionConcept, groupConcept, dimensionOf, groupOf, DIMENSION_NAMES, UK_CORE_ETHNICITY } from './community-codes.ts'
export { measureResource, periodOf, populationCode, SCORING_BY_KIND, type MeasureOwner, type MeasureScoring } from './measure.ts'
export { measureReport, type CellNumber, type ReportCell, type ReportInput } from './measure-report.ts'
export { programmeBundle, type ExportCell, type ProgrammeBundleInput } from './programme-bundle.ts'
export { deterministicUuid, urnUuid } from './uuid.ts'
export type * from './types.ts'
