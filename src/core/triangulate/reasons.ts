/** The plain-English lines that say why a finding got each of its labels and its score. @see docs/methods/triangulation.md */
import type { FindingCells } from './cells.ts'
import type { ClassifyResult } from './classify.ts'
import type { Stance } from './convergence.ts'
import type { Names } from './names.ts'
import type { ScoreParts } from './rank.ts'
import { SCORE_WEIGHTS } from './rank.ts'
import type { Classification, Convergence, FindingFocus, QualitativeSource, Signal, SourceEvidence } from './types.ts'
import { QUALITATIVE_SOURCES } from './types.ts'
import { plural } from './wording.ts'

export const CONVERGENCE_WORDS: Readonly<Record<Convergence, string>> = { agreement: 'agreement', partial_agreement: 'partial agreement', dissonance: 'dissonance', silence: 'silence' }
export const CLASSIFICATION_WORDS: Readonly<Record<Classification, string>> = {
  area_of_excellence: 'area of excellence',
  opportunity_for_improvement: 'opportunity for improvement',
  candidate_to_standardise: 'candidate to standardise',
  acceptable_local_variation: 'acceptable local variation',
  inequality: 'inequality',
}
const SOURCE_TITLE: Readonly<Record<QualitativeSource, string>> = { staff: 'Staff', patients: 'Patients', community: 'Community' }

export interface ReasonsInput {
  readonly focus: FindingFocus
  readonly signals: readonly Signal[]
  readonly numbers: Stance
  readonly cells: FindingCells
  readonly evidence: Readonly<Record<QualitativeSource, SourceEvidence>>
  readonly classification: ClassifyResult
  readonly score: ScoreParts
  readonly names: Names
}

export function findingReasons(input: ReasonsInput): string[] {
  const { cells, classification, score } = input
  const w = SCORE_WEIGHTS
  return [
    numbersReason(input),
    ...QUALITATIVE_SOURCES.map((s) => `${SOURCE_TITLE[s]}${countsNote(input.evidence[s])}: ${CONVERGENCE_WORDS[cells.cells[s] ?? 'silence']} — ${cells.why[s]}.`),
    'Peers: silence — no lessons shared yet.',
    `Overall: ${CONVERGENCE_WORDS[cells.overall]} — ${cells.overallWhy}.`,
    `Classified as ${CLASSIFICATION_WORDS[classification.classification]}: ${classification.why}.`,
    `Score ${score.score.toFixed(1)} of 100 = ${w.agreement} × agreement ${score.agreement.toFixed(2)} + ${w.strength} × strongest signal ${score.strength.toFixed(2)} + ${w.recency} × recency ${score.recency.toFixed(2)} + ${w.people} × people affected ${score.people.toFixed(2)}.`,
  ]
}

function numbersReason({ focus, signals, numbers, names }: ReasonsInput): string {
  const strongest = signals[0]
  const detail = strongest === undefined ? '' : ` Strongest (strength ${strongest.strength.toFixed(2)}): ${strongest.summary}`
  if (focus.measure === null) {
    const where = `${focus.group === null || focus.dimension === null ? '' : ` in ${names.groupLabel(focus.dimension, focus.group)}`} ${names.place(focus.site)}`
    return `Numbers: silence — no signal on a measure linked to "${names.themeName(focus.themes[0] as number)}"${where}, so each source is compared with the other sources instead of the numbers.${detail}`
  }
  const weak = numbers.weakness === null ? '' : ` (${numbers.weakness})`
  return `Numbers: ${plural(signals.length, 'signal')} leaning ${numbers.leaning ?? 'nowhere'}${weak}.${detail}`
}

/** " (6 excerpts: 4 negative, 1 neutral, 1 positive)", or "" with none. */
function countsNote(e: SourceEvidence): string {
  if (e.ids.length === 0) return ''
  return ` (${plural(e.ids.length, 'excerpt')}: ${e.negative} negative, ${e.neutral} neutral, ${e.positive} positive${e.small ? '; small cell' : ''})`
}
