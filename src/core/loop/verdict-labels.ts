/** Verdicts in plain words, for pages, briefings and the loop board. */
import type { BalancingVerdict, Verdict } from './types.ts'

export const VERDICT_LABELS: Readonly<Record<Verdict, string>> = {
  working: 'Working',
  not_yet_clear: 'Not yet clear',
  not_working: 'Not working',
  harm: 'Harming a balancing measure',
}

/** A balancing measure's own verdict, in plain words. */
export const BALANCING_VERDICT_LABELS: Readonly<Record<BalancingVerdict, string>> = {
  harm: 'Worse since the change',
  no_harm: 'No sign of harm',
  not_yet_clear: 'Not yet clear',
}
