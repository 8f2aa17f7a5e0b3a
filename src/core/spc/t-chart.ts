/** T chart: the time between rare events. @see docs/methods/rare-event-charts.md */
import { invalidValueIssues, rareEventChart, type RareEventOptions, type RareEventResult } from './rare-event-chart.ts'
import { tLimits } from './t-limits.ts'
import type { SpcInputPoint } from './types.ts'

/**
 * T chart of `points` (times > 0 between events, any order): XmR limits (`qic` constants, screening)
 * of t^(1/3.6), transformed back with ^3.6; points outside the limits flagged and the Anhøj runs
 * analysis against the centre line. A time ≤ 0 rejects the series with an error issue.
 * @see docs/methods/rare-event-charts.md
 */
export function tChart(points: readonly SpcInputPoint[], options: RareEventOptions = {}): RareEventResult {
  return rareEventChart(points, options, {
    chart: 't',
    limitsOf: tLimits,
    valueIssues: (checked) => invalidValueIssues(checked, (value) => value > 0, 'a time greater than 0', 'T chart'),
  })
}
