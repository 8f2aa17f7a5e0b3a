/** Numbers as people read them on a chart: proportions as percentages, counts with separators. */

/** `percent`: a fraction shown as a percentage; `number`: a count; `decimal1`: one decimal place. */
export type ValueFormat = 'percent' | 'number' | 'decimal1'

const oneDecimal = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 1, maximumFractionDigits: 1 })
const upToOneDecimal = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 1 })

/**
 * A value for text (labels, descriptions): percent and decimal1 with one decimal place, counts
 * whole when whole and otherwise with one decimal. The unit follows non-percent values.
 * `trim` drops a trailing ".0" (for round targets: "70%", not "70.0%").
 */
export function formatValue(value: number, format: ValueFormat, options: { unit?: string | undefined; trim?: boolean } = {}): string {
  const { unit, trim = false } = options
  const digits = trim || (format === 'number' && Number.isInteger(value)) ? upToOneDecimal : oneDecimal
  if (format === 'percent') return `${digits.format(value * 100)}%`
  const text = digits.format(value)
  return unit ? `${text} ${unit}` : text
}

/** A tick label, with as many decimals as the tick step needs (and no unit). */
export function formatTick(value: number, format: ValueFormat, step: number): string {
  const scaled = format === 'percent' ? step * 100 : step
  const decimals = Math.max(0, Math.min(4, -Math.floor(Math.log10(scaled) + 1e-9)))
  const text = new Intl.NumberFormat('en-GB', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(
    format === 'percent' ? value * 100 : value,
  )
  return format === 'percent' ? `${text}%` : text
}

/**
 * Nice ticks covering [lo, hi] with at most about `count` intervals, and the domain widened to the outer
 * ticks (steps of 1, 2 or 5 × 10^k).
 */
export function niceTicks(lo: number, hi: number, count: number): { ticks: number[]; step: number; domain: [number, number] } {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) throw new Error(`invalid tick range: [${lo}, ${hi}]`)
  const span = hi > lo ? hi - lo : Math.abs(lo) || 1
  const rough = span / Math.max(1, count)
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power
  const first = Math.floor(lo / step + 1e-9)
  const last = Math.max(first + 1, Math.ceil(hi / step - 1e-9))
  const ticks: number[] = []
  for (let i = first; i <= last; i++) ticks.push(roundTo(i * step, step))
  return { ticks, step, domain: [roundTo(first * step, step), roundTo(last * step, step)] }
}

/** Remove floating-point noise such as 0.30000000000000004 from a multiple of `step`. */
function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2)
  return Number(value.toFixed(Math.min(decimals, 12)))
}
