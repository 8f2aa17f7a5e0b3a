/**
 * Community groups as FHIR codes. Every group is coded in our own system for its dimension
 * (`…/CodeSystem/community-group/{dimension}`, the group's label as the code), so any dimension an
 * organisation configures can travel. Where an ethnicity group is exactly one UK Core ethnic
 * category, that coding is added too; the broad groups (Asian or Asian British, …) span several
 * categories and stay in our system only.
 */
import { DIMENSION_SYSTEM, groupSystem, UK_CORE_ETHNIC_CATEGORY_SYSTEM } from './canonical.ts'
import type { CodeableConcept, Coding } from './types.ts'

/** The dimensions the demo and docs/DEMO.md use, with what each one means. */
export const DIMENSION_NAMES: Readonly<Record<string, string>> = {
  imd_quintile: 'Index of Multiple Deprivation quintile (1 = most deprived fifth, Core20)',
  ethnicity: 'Ethnic group (NHS ethnic category, broad groups)',
  sex: 'Sex',
  age_band: 'Age band (years)',
}

/** Ethnicity groups that are exactly one UK Core ethnic category code. */
export const UK_CORE_ETHNICITY: Readonly<Record<string, { readonly code: string; readonly display: string }>> = {
  'White British': { code: 'A', display: 'White - British' },
  'Not stated': { code: 'Z', display: 'Not stated' },
}

/** The stratifier's code for a dimension. */
export function dimensionConcept(dimension: string): CodeableConcept {
  const display = DIMENSION_NAMES[dimension]
  return { coding: [{ system: DIMENSION_SYSTEM, code: dimension, ...(display === undefined ? {} : { display }) }], text: dimension }
}

/** A stratum's value for one group of a dimension. */
export function groupConcept(dimension: string, group: string): CodeableConcept {
  const coding: Coding[] = [{ system: groupSystem(dimension), code: group, display: group }]
  const ukCore = dimension === 'ethnicity' ? UK_CORE_ETHNICITY[group] : undefined
  if (ukCore !== undefined) coding.push({ system: UK_CORE_ETHNIC_CATEGORY_SYSTEM, code: ukCore.code, display: ukCore.display })
  return { coding, text: group }
}

/** The dimension a stratifier code names: our coding, else its text; undefined when neither is there. */
export function dimensionOf(concept: CodeableConcept): string | undefined {
  const ours = codings(concept).find((c) => c.system === DIMENSION_SYSTEM && typeof c.code === 'string' && c.code.trim() !== '')
  return ours?.code ?? nonEmpty(concept.text)
}

/** The codings of a concept read from an untrusted file: only objects, whatever `coding` held. */
function codings(concept: CodeableConcept): readonly Coding[] {
  const list: unknown = concept.coding
  return Array.isArray(list) ? list.filter((c): c is Coding => typeof c === 'object' && c !== null) : []
}

/** The group a stratum value names: our coding, else a UK Core ethnic category we map, else its text. */
export function groupOf(dimension: string, concept: CodeableConcept): string | undefined {
  const ours = codings(concept).find((c) => c.system === groupSystem(dimension) && typeof c.code === 'string' && c.code.trim() !== '')
  if (ours?.code !== undefined) return ours.code
  if (dimension === 'ethnicity') {
    const ukCode = codings(concept).find((c) => c.system === UK_CORE_ETHNIC_CATEGORY_SYSTEM)?.code
    const group = Object.entries(UK_CORE_ETHNICITY).find(([, v]) => v.code === ukCode)?.[0]
    if (group !== undefined) return group
  }
  return nonEmpty(concept.text)
}

function nonEmpty(text: unknown): string | undefined {
  return typeof text === 'string' && text.trim() !== '' ? text.trim() : undefined
}
