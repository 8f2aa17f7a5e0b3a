/**
 * The score that ranks findings (0–100): sources that agree, the strongest signal, how recent the
 * latest evidence is, and how many people are affected. @see docs/methods/triangulation.md
 */
import { isoDayNumber } from '../period.ts'
import { PEOPLE_FULL } from './defaults.ts'
import type { Convergence, EvidenceSource } from './types.ts'

export const SCORE_WEIGHTS = { agreement: 40, strength: 30, recency: 20, people: 10 } as const

export interface ScoreInput {
  readonly cells: Readonly<Record<EvidenceSource, Convergence | null>>
  /** Strongest signal's strength (0 with none). */
  readonly strength: number
  /** ISO date of the latest evidence (a signal's end or an excerpt's date); null with none. */
  readonly latest: string | null
  /** The evidence window: first day and today. */
  readonly from: string
  readonly today: string
  readonly people: number | null
}

export interface ScoreParts {
  readonly agreement: number
  readonly strength: number
  readonly recency: number
  readonly people: number
  readonly score: number
}

const CELL_WEIGHT: Readonly<Record<Convergence, number>> = { agreement: 1, partial_agreement: 0.5, dissonance: 0, silence: 0 }
const clamp01 = (x: number) => Math.min(1, Math.max(0, x))

/**
 * score = 40·agreement + 30·strength + 20·recency + 10·people, each part 0–1:
 * agreement = min(1, Σ over staff, patients, community and peers of (1 agreement, ½ partial) / 3);
 * recency = where the latest evidence falls in the window (1 today, 0 at its start or with none);
 * people = min(1, log10(1 + n) / log10(1 + 100,000)), 0 when unknown.
 */
export function findingScore(input: ScoreInput): ScoreParts {
  const sources: EvidenceSource[] = ['staff', 'patients', 'community', 'peers']
  const agreement = Math.min(1, sources.reduce((sum, s) => sum + CELL_WEIGHT[input.cells[s] ?? 'silence'], 0) / 3)
  const strength = clamp01(input.strength)
  const recency = input.latest === null ? 0 : windowShare(input.latest, input.from, input.today)
  const people = input.people === null || !(input.people > 0) ? 0 : Math.min(1, Math.log10(1 + input.people) / Math.log10(1 + PEOPLE_FULL))
  const w = SCORE_WEIGHTS
  return { agreement, strength, recency, people, score: w.agreement * agreement + w.strength * strength + w.recency * recency + w.people * people }
}

/** (date − from) / (today − from), clamped to 0–1. */
function windowShare(date: string, from: string, today: string): number {
  const [d, f, t] = [isoDayNumber(date.slice(0, 10)), isoDayNumber(from), isoDayNumber(today)]
  if (d === undefined || f === undefined || t === undefined) throw new Error(`invalid ISO date among ${JSON.stringify([date, from, today])}`)
  return t === f ? 1 : clamp01((d - f) / (t - f))
}
