/** The y scale of an SPC chart, decided before Plot runs so labels can be placed in pixels. */
import { formatTick, niceTicks, type ValueFormat } from './format-value.ts'

export interface YScale {
  readonly domain: readonly [number, number]
  readonly ticks: readonly number[]
  readonly format: (value: number) => string
}

/** A scale covering `values` with nice ticks about every 45 px; percentages stay within 0–100%. */
export function yScale(values: readonly number[], format: ValueFormat, innerHeight: number): YScale {
  const finite = values.filter(Number.isFinite)
  let lo = finite.length > 0 ? Math.min(...finite) : 0
  let hi = finite.length > 0 ? Math.max(...finite) : 1
  const pad = (hi - lo) * 0.05 || Math.abs(hi) * 0.1 || 1
  ;[lo, hi] = [lo - pad, hi + pad]
  if (format === 'percent') [lo, hi] = [Math.max(0, lo), Math.min(1, hi)]
  const { ticks, step, domain } = niceTicks(lo, hi, Math.max(2, Math.round(innerHeight / 45)))
  const clamped: [number, number] = format === 'percent' ? [Math.max(0, domain[0]), Math.min(1, domain[1])] : domain
  return {
    domain: clamped,
    ticks: ticks.filter((t) => t >= clamped[0] && t <= clamped[1]),
    format: (value) => formatTick(value, format, step),
  }
}

/** Pixel position of `value` in a frame from `top` to `bottom`. */
export function toPixel(scale: YScale, value: number, top: number, bottom: number): number {
  const [d0, d1] = scale.domain
  return top + ((d1 - value) / (d1 - d0 || 1)) * (bottom - top)
}

export function fromPixel(scale: YScale, pixel: number, top: number, bottom: number): number {
  const [d0, d1] = scale.domain
  return d1 - ((pixel - top) / (bottom - top || 1)) * (d1 - d0)
}

/**
 * Move label positions (pixels) apart so that neighbours are at least `gap` apart, keeping them
 * within [top, bottom] and in their original order.
 */
export function spreadLabels(positions: readonly number[], gap: number, top: number, bottom: number): number[] {
  const order = positions.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y || a.i - b.i)
  const placed = order.map((o) => o.y)
  for (let k = 1; k < placed.length; k++) placed[k] = Math.max(placed[k] ?? 0, (placed[k - 1] ?? 0) + gap)
  const overflow = (placed.at(-1) ?? bottom) - bottom
  if (overflow > 0) for (let k = 0; k < placed.length; k++) placed[k] = (placed[k] ?? 0) - overflow
  for (let k = 0; k < placed.length; k++) placed[k] = Math.max(placed[k] ?? 0, top + k * gap)
  const result: number[] = []
  order.forEach((o, k) => (result[o.i] = placed[k] ?? o.y))
  return result
}
