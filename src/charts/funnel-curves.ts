/** The funnel's limit curves, computed by the core's own limit function at a grid of denominators. */
import { LEVEL_95, LEVEL_998 } from '../core/compare/funnel-levels.ts'
import { funnelScale } from '../core/compare/funnel-limits.ts'
import type { FunnelResult } from '../core/compare/funnel-types.ts'

export type FunnelLine = 'upper998' | 'upper95' | 'lower95' | 'lower998'
export const FUNNEL_LINES: readonly FunnelLine[] = ['upper998', 'upper95', 'lower95', 'lower998']

export interface CurvePoint {
  readonly x: number
  readonly y: number
  readonly line: FunnelLine
}

/** Grid points per curve, spaced evenly on a log scale so the narrow mouth of the funnel is smooth. */
const GRID = 160

/** The four limits at denominator `x`, as the core computes each unit's (same scale, levels, τ² and adjustment). */
export function funnelLimitsAt(result: FunnelResult, x: number): Readonly<Record<FunnelLine, number>> {
  const scale = funnelScale(result.type, result.method ?? 'shmi', result.target)
  const [lower95, upper95] = scale.limits(x, LEVEL_95, result.tau2, result.adjusted)
  const [lower998, upper998] = scale.limits(x, LEVEL_998, result.tau2, result.adjusted)
  return { lower95, upper95, lower998, upper998 }
}

/**
 * Each curve from `from` to `to` (denominators, 0 < from < to), its values times `multiplier`,
 * kept within `domain`: a curve that leaves the frame (the wide mouth of the funnel) starts where it
 * crosses the frame's edge, found by bisection, so no clip path is needed.
 */
export function funnelCurves(result: FunnelResult, range: { from: number; to: number; multiplier: number; domain: readonly [number, number] }): CurvePoint[] {
  const { from, to, multiplier, domain } = range
  if (!(from > 0 && to > from)) throw new Error(`invalid funnel range: ${from} to ${to} (expected 0 < from < to)`)
  const xs = Array.from({ length: GRID + 1 }, (_, i) => from * (to / from) ** (i / GRID))
  return FUNNEL_LINES.flatMap((line) => {
    const y = (x: number): number => funnelLimitsAt(result, x)[line] * multiplier
    const inside = (x: number): boolean => {
      const v = y(x)
      return Number.isFinite(v) && v >= domain[0] && v <= domain[1]
    }
    const points: CurvePoint[] = []
    xs.forEach((x, i) => {
      if (!inside(x)) return
      const previous = xs[i - 1]
      if (previous !== undefined && !inside(previous)) {
        const edge = crossing(previous, x, inside)
        points.push({ x: edge, y: Math.min(Math.max(y(edge), domain[0]), domain[1]), line })
      }
      points.push({ x, y: y(x), line })
    })
    return points
  })
}

/** The x between `outside` and `inside` where the curve enters the frame (40 halvings). */
function crossing(outside: number, inside: number, isInside: (x: number) => boolean): number {
  let [a, b] = [outside, inside]
  for (let i = 0; i < 40; i++) {
    const middle = (a + b) / 2
    if (isInside(middle)) b = middle
    else a = middle
  }
  return b
}
