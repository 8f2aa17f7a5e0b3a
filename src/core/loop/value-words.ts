/** Values and differences in the measure's units: proportions as percentages and percentage points. */
import type { LoopMeasure } from './types.ts'

export interface ValueWords {
  /** "62.0%", "140.3 mmHg". */
  value(value: number): string
  /** A size without its sign: "4.1 percentage points", "2.3 mmHg". */
  amount(size: number): string
  /** A bare number on the display scale, signed with "−": "−0.4", "5.9". */
  bare(value: number): string
  /** The unit of a difference: "percentage points", "mmHg", or "" for none. */
  readonly differenceUnit: string
}

/**
 * Words for the values of `measure`, with as many decimals as its typical size (`scale`, such as
 * the baseline average) needs: one for percentages, three significant figures otherwise (1 to 4 decimals).
 */
export function valueWords(measure: LoopMeasure, scale: number | null): ValueWords {
  if (measure.kind === 'proportion') {
    const bare = (v: number) => formatNumber(v * 100, 1)
    return { value: (v) => `${bare(v)}%`, amount: (d) => `${bare(Math.abs(d))} percentage points`, bare, differenceUnit: 'percentage points' }
  }
  const decimals = decimalsFor(scale)
  const unit = unitOf(measure)
  const withUnit = (text: string) => (unit === '' ? text : `${text} ${unit}`)
  const bare = (v: number) => formatNumber(v, decimals)
  return { value: (v) => withUnit(bare(v)), amount: (d) => withUnit(bare(Math.abs(d))), bare, differenceUnit: unit }
}

function unitOf(measure: LoopMeasure): string {
  if (measure.unit !== undefined && measure.unit !== null && measure.unit !== '') return measure.unit
  const multiplier = measure.rateMultiplier
  return measure.kind === 'rate' && multiplier !== undefined && multiplier !== null && multiplier !== 1 ? `per ${formatNumber(multiplier, 0)}` : ''
}

function decimalsFor(scale: number | null): number {
  const size = scale === null ? 0 : Math.abs(scale)
  if (!(size > 0) || !Number.isFinite(size)) return 1
  return Math.min(4, Math.max(1, 2 - Math.floor(Math.log10(size))))
}

/** Fixed decimals, thousands separated by commas, negatives with a true minus sign; −0 is 0. */
export function formatNumber(value: number, decimals: number): string {
  const fixed = Math.abs(value).toFixed(decimals)
  const [whole = '', fraction] = fixed.split('.')
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
  const text = fraction === undefined ? grouped : `${grouped}.${fraction}`
  const zero = Number(fixed) === 0
  return value < 0 && !zero ? `−${text}` : text
}

/** "p = 0.012", or "p < 0.001". */
export function formatP(p: number): string {
  return p < 0.001 ? 'p < 0.001' : `p = ${p.toFixed(3)}`
}
