/** G chart: the number of opportunities (cases, days) between rare events. @see docs/methods/rare-event-charts.md */
import { gLimits } from './g-limits.ts'
import { invalidValueIssues, rareEventChart, type RareEventOptions, type RareEventResult } from './rare-event-chart.ts'
import type { SpcInputPoint } from './types.ts'

/**
 * G chart of `points` (counts ≥ 0 between events, any order): per segment the median as centre line,
 * limits ḡ ± 3√(ḡ(ḡ + 1)) around the mean (lower ≥ 0), points outside the limits flagged and the
 * Anhøj runs analysis against the median. A negative count rejects the series with an error issue.
 * @see docs/methods/rare-event-charts.md
 */
export function gChart(points: readonly SpcInputPoint[], options: RareEventOptions = {}): RareEventResult {
  return rareEventChart(points, options, {
    chart: 'g',
    limitsOf: gLimits,
    valueIssues: (checked) => invalidValueIssues(checked, (value) => value >= 0, 'a count of at least 0', 'G chart'),
  })
}
