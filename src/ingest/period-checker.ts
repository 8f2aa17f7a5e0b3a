/** Checks period dates, remembering the verdict for each distinct text (files repeat a few dates). */
import type { PeriodUnit } from '../core/model.ts'
import { isPeriodStart, parseIsoDate, periodStartRule } from '../core/period.ts'
import type { IssueCollector } from './issue-collector.ts'
import { quote } from './issue-collector.ts'

type Verdict = 'ok' | 'bad_date' | 'misaligned_period'
type Unit = PeriodUnit | 'any'

/** Distinct texts remembered per unit; beyond this, dates are still checked, just not remembered. */
const CACHE_LIMIT = 100_000

const UNIT_NAMES: Record<PeriodUnit, string> = { day: 'day', week: 'week', month: 'month', quarter: 'quarter' }

function judge(text: string, unit: Unit): Verdict {
  if (parseIsoDate(text) === undefined) return 'bad_date'
  return unit === 'any' || isPeriodStart(text, unit) ? 'ok' : 'misaligned_period'
}

export type PeriodChecker = (raw: string, unit: PeriodUnit | undefined, line: number, column?: string) => string | undefined

/**
 * A function that returns the trimmed ISO date in `raw` when it is a real date starting a period
 * of `unit` (any date when the unit is unknown), or reports why not and returns undefined.
 */
export function createPeriodChecker(issues: IssueCollector): PeriodChecker {
  const caches = new Map<Unit, Map<string, Verdict>>()
  return (raw, unit, line, column = 'period') => {
    const text = raw.trim()
    const key: Unit = unit ?? 'any'
    let cache = caches.get(key)
    if (cache === undefined) caches.set(key, (cache = new Map()))
    let verdict = cache.get(text)
    if (verdict === undefined) {
      verdict = judge(text, key)
      if (cache.size < CACHE_LIMIT) cache.set(text, verdict)
    }
    if (verdict === 'ok') return text
    reportPeriod(issues, verdict, raw, key, line, column)
    return undefined
  }
}

function reportPeriod(issues: IssueCollector, verdict: Verdict, raw: string, unit: Unit, line: number, column: string): void {
  const expected = unit === 'any' ? periodStartRule('day') : periodStartRule(unit)
  const text = raw.trim()
  if (text === '') {
    issues.error({ code: 'missing_value', line, column, value: raw, problem: `${column} is empty`, expected })
  } else if (verdict === 'bad_date') {
    const problem = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${quote(raw)} is not a real date` : `${quote(raw)} is not a date in the form YYYY-MM-DD`
    issues.error({ code: 'bad_date', line, column, value: raw, problem, expected })
  } else if (unit !== 'any') {
    const problem = `${quote(raw)} is not the start of a ${UNIT_NAMES[unit]}`
    issues.error({ code: 'misaligned_period', line, column, value: raw, problem, expected })
  }
}
