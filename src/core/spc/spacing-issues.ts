/** Data-quality warnings for gaps and uneven spacing between periods. @see docs/methods/xmr.md */
import type { Issue } from '../issues.ts'
import type { PeriodUnit } from '../model.ts'
import { addPeriods, periodsBetween } from '../period.ts'

/**
 * One `irregular_spacing` warning for each pair of consecutive periods (sorted, distinct, valid ISO
 * dates) that are not exactly one `unit` apart, e.g. "2 weeks missing between 2024-03-04 and 2024-03-25".
 */
export function spacingIssues(periods: readonly string[], unit: PeriodUnit): Issue[] {
  const issues: Issue[] = []
  for (let i = 1; i < periods.length; i++) {
    const message = gapMessage(periods[i - 1] as string, periods[i] as string, unit)
    if (message !== undefined) issues.push({ severity: 'warning', code: 'irregular_spacing', message, expected: `one ${unit} apart` })
  }
  return issues
}

function gapMessage(from: string, to: string, unit: PeriodUnit): string | undefined {
  const count = periodsBetween(from, to, unit)
  if (count === 1 && addPeriods(from, unit, 1) === to) return undefined
  if (count > 1 && addPeriods(from, unit, count) === to) {
    const missing = count - 1
    return `${missing} ${unit}${missing === 1 ? '' : 's'} missing between ${from} and ${to}: the chart joins the points on either side of the gap.`
  }
  return `Uneven spacing between ${from} and ${to} (expected one ${unit} apart): the chart joins the two points.`
}
