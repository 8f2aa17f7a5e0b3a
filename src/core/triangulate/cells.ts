/**
 * The row of the convergence matrix for one finding: each qualitative source against the numbers
 * (or, with no numbers, against the other sources), peers silent until lessons are shared.
 * @see docs/methods/triangulation.md
 */
import type { Cell, Stance } from './convergence.ts'
import { compareStances, overallConvergence } from './convergence.ts'
import { othersStance, sourceStance } from './stances.ts'
import type { Convergence, EvidenceSource, QualitativeSource, SourceEvidence } from './types.ts'
import { QUALITATIVE_SOURCES } from './types.ts'

export interface FindingCells {
  readonly cells: Readonly<Record<EvidenceSource, Convergence | null>>
  readonly why: Readonly<Record<QualitativeSource, string>>
  readonly overall: Convergence
  readonly overallWhy: string
}

const OVERALL_WHY: Readonly<Record<Convergence, string>> = {
  dissonance: 'at least one source points the opposite way',
  silence: 'fewer than two sources have evidence',
  agreement: 'every source with evidence agrees',
  partial_agreement: 'the sources with evidence point the same way or add to each other, but do not all fully agree',
}

/** `numbers` null for a theme-only focus: each source is then compared with the others pooled, and the numbers cell is silence. */
export function findingCells(numbers: Stance | null, evidence: Readonly<Record<QualitativeSource, SourceEvidence>>, smallCell: number, windowMonths: number): FindingCells {
  const cellOf = (source: QualitativeSource): Cell => {
    const stance = sourceStance(source, evidence[source], smallCell, windowMonths)
    return numbers === null ? compareStances(stance, othersStance(source, evidence, smallCell)) : compareStances(stance, numbers)
  }
  const computed = Object.fromEntries(QUALITATIVE_SOURCES.map((s) => [s, cellOf(s)])) as Record<QualitativeSource, Cell>
  const cells: Record<EvidenceSource, Convergence | null> = {
    numbers: numbers === null ? 'silence' : null,
    staff: computed.staff.convergence,
    patients: computed.patients.convergence,
    community: computed.community.convergence,
    peers: 'silence',
  }
  const withEvidence = (numbers !== null && numbers.leaning !== null ? 1 : 0) + QUALITATIVE_SOURCES.filter((s) => evidence[s].ids.length > 0).length
  const overall = overallConvergence(QUALITATIVE_SOURCES.map((s) => cells[s]), withEvidence)
  const why = Object.fromEntries(QUALITATIVE_SOURCES.map((s) => [s, computed[s].why])) as Record<QualitativeSource, string>
  return { cells, why, overall, overallWhy: OVERALL_WHY[overall] }
}
