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

/** Most intervals between ticks, whatever `count` asks for. */
const MAX_INTERVALS = 1000

type Ticks = { ticks: number[]; step: number; domain: [number, number] }

/**
 * Nice ticks covering [lo, hi] with at most about `count` intervals, and the domain widened to the outer
 * ticks (steps of 1, 2 or 5 × 10^k). A range that floating point cannot divide into such steps (values
 * at a subnormal number such as 4.4e-323, or so close together for their size that adding a step
 * changes nothing) is widened around its middle first, so the loop always ends.
 */
export function niceTicks(lo: number, hi: number, count: number): Ticks {
  if (!(Number.isFinite(lo) && Number.isFinite(hi) && lo <= hi)) throw new Error(`invalid tick range: [${lo}, ${hi}]`)
  const intervals = Number.isFinite(count) ? Math.min(MAX_INTERVALS, Math.max(1, count)) : 1
  const nice = tryNiceTicks(lo, hi, intervals)
  if (nice !== undefined) return nice
  const middle = lo / 2 + hi / 2
  const half = Math.max(Math.abs(middle) < 1e-300 ? 1 : Math.abs(middle) * 1e-6, hi - lo)
  return tryNiceTicks(middle - half, middle + half, intervals) ?? { ticks: lo === hi ? [lo] : [lo, hi], step: hi / 2 - lo / 2 || 1, domain: [lo, hi] }
}

/** The nice ticks of [lo, hi], or undefined when the step or the tick count is not usable in floating point. */
function tryNiceTicks(lo: number, hi: number, count: number): Ticks | undefined {
  const span = hi > lo ? hi - lo : Math.abs(lo) || 1
  const rough = span / count
  const power = 10 ** Math.floor(Math.log10(rough))
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power
  if (!(Number.isFinite(step) && step > 0) || lo + step === lo || hi + step === hi) return undefined
  const first = Math.floor(lo / step + 1e-9)
  const last = Math.max(first + 1, Math.ceil(hi / step - 1e-9))
  // Safe integers so that i++ moves on; at most count + 2 intervals, as the step is at least span / count.
  if (!(Number.isSafeInteger(first) && Number.isSafeInteger(last)) || last - first > count + 2) return undefined
  const ticks: number[] = []
  for (let i = first; i <= last; i++) ticks.push(roundTo(i * step, step))
  const domain: [number, number] = [roundTo(first * step, step), roundTo(last * step, step)]
  return ticks.every(Number.isFinite) ? { ticks, step, domain } : undefined
}

/**
 * Remove floating-point noise such as 0.30000000000000004 from a multiple of `step`. Below a step of
 * about 1e-10 fixed decimals would round every tick to 0, so 12 significant digits are kept instead.
 */
function roundTo(value: number, step: number): number {
  const decimals = Math.max(0, -Math.floor(Math.log10(step)) + 2)
  return decimals > 12 ? Number(value.toPrecision(12)) : Number(value.toFixed(decimals))
}
