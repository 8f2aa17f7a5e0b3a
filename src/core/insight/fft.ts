/**
 * The Friends and Family Test's headline: percentage positive = (Very good + Good) / all responses,
 * Don't know included, as NHS England computes it. Higher levels are recomputed from summed
 * counts, never averaged.
 */
import { FFT_ANSWERS } from './model.ts'

export interface FftSummary {
  /** Count per answer, in FFT order (1 Very good … 6 Don't know). */
  readonly counts: readonly { readonly code: number; readonly label: string; readonly count: number }[]
  readonly responses: number
  readonly positive: number
  readonly negative: number
  /** Share positive (0–1); null with no responses. */
  readonly percentPositive: number | null
  readonly percentNegative: number | null
}

export function summariseFft(counts: ReadonlyMap<number, number>): FftSummary {
  const rows = FFT_ANSWERS.map((a) => ({ code: a.code, label: a.label, count: counts.get(a.code) ?? 0 }))
  const responses = rows.reduce((sum, r) => sum + r.count, 0)
  const positive = (counts.get(1) ?? 0) + (counts.get(2) ?? 0)
  const negative = (counts.get(4) ?? 0) + (counts.get(5) ?? 0)
  return { counts: rows, responses, positive, negative, percentPositive: responses > 0 ? positive / responses : null, percentNegative: responses > 0 ? negative / responses : null }
}
