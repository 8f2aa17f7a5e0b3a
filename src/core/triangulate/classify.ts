/**
 * What kind of finding it is, for a decision group: inequality, candidate to standardise,
 * acceptable local variation, area of excellence or opportunity for improvement. The rules are
 * tried in that order; the first that holds wins. @see docs/methods/triangulation.md
 */
import type { Stance } from './convergence.ts'
import type { Classification, FindingFocus, QualitativeSource, Signal, SourceEvidence } from './types.ts'
import { QUALITATIVE_SOURCES } from './types.ts'

export interface ClassifyInput {
  readonly focus: FindingFocus
  /** The focus's measure signals (none for a theme-only focus). */
  readonly signals: readonly Signal[]
  readonly numbers: Stance
  /** What all qualitative sources say together (used for theme-only foci). */
  readonly pooled: Stance
  readonly evidence: Readonly<Record<QualitativeSource, SourceEvidence>>
  /** True when an organisation-wide signal on the same measure and group leans improvement. */
  readonly organisationImproving: boolean
  readonly smallCell: number
}

export interface ClassifyResult {
  readonly classification: Classification
  readonly why: string
}

/** A funnel signal at or above this strength lies outside the 99.8% limits; below it, outside only the 95% limits. */
const OUTSIDE_998 = 0.5

/** The first rule that holds; see the module comment for the order. */
export function classify(input: ClassifyInput): ClassifyResult {
  const { focus, signals, numbers } = input
  if (focus.measure === null) return classifyThemeOnly(input.pooled)
  const hasGroup = focus.dimension !== null && focus.group !== null
  if (hasGroup && numbers.leaning === 'concern') return { classification: 'inequality', why: 'the focus is a community group and the numbers lean concern' }
  if (signals.some((s) => s.kind === 'gap_change' && s.leaning === 'concern')) return { classification: 'inequality', why: 'the gap between groups is widening' }
  const funnel = signals.filter((s) => s.kind === 'funnel_outlier')
  const excellentSite = funnel.some((s) => s.leaning === 'improvement' && s.strength >= OUTSIDE_998)
  if (focus.site !== null && excellentSite && !input.organisationImproving) {
    return { classification: 'candidate_to_standardise', why: 'this site is outside the 99.8% funnel limits on the better side while the organisation as a whole shows no improvement: what it does could spread' }
  }
  const local = localVariation(input, funnel)
  if (local !== undefined) return { classification: 'acceptable_local_variation', why: local }
  if (numbers.leaning === 'improvement') return { classification: 'area_of_excellence', why: `the numbers lean improvement ${focus.site === null ? 'across the organisation' : 'at this site'}` }
  return { classification: 'opportunity_for_improvement', why: numbers.leaning === 'concern' ? 'the numbers lean concern' : 'no rule for another class holds' }
}

function classifyThemeOnly(pooled: Stance): ClassifyResult {
  if (pooled.leaning === 'improvement') return { classification: 'area_of_excellence', why: 'there is no signal in the numbers, and what people say leans improvement' }
  return { classification: 'opportunity_for_improvement', why: 'there is no signal in the numbers, and what people say does not lean improvement' }
}

/** Why the variation may be acceptable locally, or undefined. */
function localVariation(input: ClassifyInput, funnel: readonly Signal[]): string | undefined {
  const { focus, signals, numbers, evidence, smallCell } = input
  if (numbers.leaning === 'neutral') return 'the numbers lean neither way (no better direction, or signals that balance out)'
  if (focus.site === null || funnel.length !== signals.length) return undefined
  if (funnel.every((s) => s.strength < OUTSIDE_998)) return 'this site differs from the others only within the 99.8% funnel limits'
  const sources = QUALITATIVE_SOURCES.map((s) => evidence[s])
  const content = sources.some((e) => e.leaning === 'improvement' && e.ids.length >= smallCell) && !sources.some((e) => e.leaning === 'concern')
  if (numbers.leaning === 'concern' && content) return 'this site differs from the others, but what people there say leans improvement with none leaning concern: the difference may be a local way of working that suits them'
  return undefined
}
