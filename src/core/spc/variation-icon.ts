/** MDC variation icon. @see docs/methods/xmr.md */
import type { PointType, SpcPoint } from './types.ts'

/** The point type of the last point; null when there are no points. */
export function variationIcon(points: readonly SpcPoint[]): PointType | null {
  return points.at(-1)?.type ?? null
}
