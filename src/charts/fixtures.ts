/**
 * Typed builders of SpcResult fixtures for tests and the gallery. They compute simple XmR limits
 * (mean ± 2.66 × average moving range, no screening) so the pictures look right, but they are
 * not the statistics engine: special-cause marks other than "outside limits" are set by hand.
 */
import type { Direction, PeriodUnit } from '../core/model.ts'
import { addPeriods } from '../core/period.ts'
import type { Assurance, PointType, Profile, Rule, RunsAnalysis, Segment, SpcPoint, SpcResult } from '../core/spc/types.ts'

export interface SegmentFixture {
  readonly values: readonly number[]
  /** Reason of the rebase that starts this segment (ignored for the first). */
  readonly reason?: string | null
  /** Indices within the segment marked by hand, with their rule. */
  readonly marks?: readonly { readonly from: number; readonly to: number; readonly rule: Rule }[]
  /** Indices within the segment left out of the limits, with the reason. */
  readonly excluded?: Readonly<Record<number, string>>
  readonly runsSignal?: boolean
}

export interface SpcFixture {
  readonly start: string
  readonly unit: PeriodUnit
  readonly segments: readonly SegmentFixture[]
  readonly direction?: Direction
  readonly target?: number | null
  readonly profile?: Profile
}

export function spcFixture(fixture: SpcFixture): SpcResult {
  const { start, unit, direction = 'increase', target = null, profile = 'mdc' } = fixture
  const segments: Segment[] = []
  const points: SpcPoint[] = []
  fixture.segments.forEach((spec, index) => {
    const periods = spec.values.map((_, i) => addPeriods(start, unit, points.length + i))
    const segment = segmentLimits(spec, periods, index)
    segments.push(segment)
    points.push(...segmentPoints(spec, periods, index, segment, direction))
  })
  const last = points.at(-1)
  return {
    chart: 'xmr',
    profile,
    direction,
    target,
    segments,
    points,
    variation: last?.type ?? null,
    assurance: last ? assurance(target, direction, last) : null,
    issues: [],
  }
}

function segmentLimits(spec: SegmentFixture, periods: readonly string[], index: number): Segment {
  const kept = spec.values.filter((_, i) => spec.excluded?.[i] === undefined)
  const centre = mean(kept)
  const ranges = kept.slice(1).map((v, i) => Math.abs(v - (kept[i] ?? v)))
  const amr = ranges.length > 0 ? mean(ranges) : 0
  return {
    from: periods[0] ?? '',
    to: periods.at(-1) ?? '',
    reason: index === 0 ? null : (spec.reason ?? null),
    centre,
    upper: centre + 2.66 * amr,
    lower: centre - 2.66 * amr,
    upper2sigma: centre + (2 / 3) * 2.66 * amr,
    lower2sigma: centre - (2 / 3) * 2.66 * amr,
    baselinePoints: kept.length,
    trialLimits: spec.values.length < 13,
    runs: runs(kept, centre, spec.runsSignal ?? false),
  }
}

function segmentPoints(spec: SegmentFixture, periods: readonly string[], index: number, s: Segment, direction: Direction): SpcPoint[] {
  return spec.values.map((value, i) => {
    const outside = value > s.upper || value < s.lower
    const mark = spec.marks?.find((m) => i >= m.from && i <= m.to)
    const rule: Rule | null = outside ? 'outside_limits' : (mark?.rule ?? null)
    // A point in a trend takes the trend's direction, not its side of the mean (STATISTICS.md §1).
    const high = rule === 'trend' && mark ? (spec.values[mark.to] ?? 0) > (spec.values[mark.from] ?? 0) : value > s.centre
    return {
      period: periods[i] ?? '',
      value,
      segment: index,
      centre: s.centre,
      upper: s.upper,
      lower: s.lower,
      rule,
      type: rule === null ? 'common_cause' : pointType(high, direction),
      excluded: spec.excluded?.[i] ?? null,
    }
  })
}

function pointType(high: boolean, direction: Direction): PointType {
  if (direction === 'neutral') return high ? 'neutral_high' : 'neutral_low'
  return high === (direction === 'increase') ? 'improvement' : 'concern'
}

function assurance(target: number | null, direction: Direction, last: SpcPoint): Assurance | null {
  if (target === null || direction === 'neutral') return null
  if (target > last.upper) return direction === 'increase' ? 'fail' : 'pass'
  if (target < last.lower) return direction === 'increase' ? 'pass' : 'fail'
  return 'hit_or_miss'
}

function runs(values: readonly number[], centre: number, signal: boolean): RunsAnalysis {
  const sides = values.filter((v) => v !== centre).map((v) => v > centre)
  let longestRun = 0
  let run = 0
  let crossings = 0
  sides.forEach((side, i) => {
    run = i > 0 && sides[i - 1] === side ? run + 1 : 1
    if (i > 0 && sides[i - 1] !== side) crossings++
    longestRun = Math.max(longestRun, run)
  })
  const n = sides.length
  return { usefulPoints: n, longestRun, longestRunMax: Math.round(Math.log2(Math.max(n, 1))) + 3, crossings, crossingsMin: Math.max(0, Math.floor((n - 1) / 2) - 2), signal }
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length
}
