/** Words and numbers as briefings print them: dates, values of a measure, plain verdicts. */
import { formatValue, type ValueFormat } from '../../charts/index.ts'
import { formatDay, toUtcDate } from '../../charts/format-date.ts'
import type { MeasureKind } from '../../core/model.ts'

/** "3 Mar 2025" from an ISO date (or the date part of a timestamp). */
export function dateText(iso: string): string {
  return formatDay(toUtcDate(iso.slice(0, 10)))
}

export function valueFormatOf(kind: MeasureKind): ValueFormat {
  return kind === 'proportion' ? 'percent' : kind === 'count' ? 'number' : 'decimal1'
}

/** A measure's value as text ("72.4%", "3.1 days"); "*" when it was suppressed (null). */
export function measureValueText(value: number | null, kind: MeasureKind, unit: string | null): string {
  if (value === null || !Number.isFinite(value)) return '*'
  return formatValue(value, valueFormatOf(kind), unit ? { unit } : {})
}

/** "1 finding" / "3 findings". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`
}
