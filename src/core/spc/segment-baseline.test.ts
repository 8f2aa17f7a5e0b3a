import { describe, expect, it } from 'vitest'
import type { SeriesPoint } from './check-input.ts'
import { segmentBaseline } from './segment-baseline.ts'

function points(values: readonly number[], excluded: readonly number[] = []): SeriesPoint[] {
  return values.map((value, i) => ({ period: `2024-01-${String(i + 1).padStart(2, '0')}`, value, excluded: excluded.includes(i) ? 'reason' : null }))
}

describe('segmentBaseline', () => {
  it('takes all points that are not excluded when no size is given', () => {
    expect(segmentBaseline(points([1, 2, 3, 4], [1]), undefined, 'S')).toEqual({ values: [1, 3, 4], issues: [] })
  })

  it('takes the first k points that are not excluded', () => {
    const values = Array.from({ length: 20 }, (_, i) => i)
    expect(segmentBaseline(points(values, [0, 5]), 12, 'S').values).toEqual([1, 2, 3, 4, 6, 7, 8, 9, 10, 11, 12, 13])
  })

  it('uses all points, with a warning, when there are fewer than k', () => {
    const baseline = segmentBaseline(points([1, 2, 3, 4, 5]), 12, 'Segment 2 (from 2024-01-01)')
    expect(baseline.values).toEqual([1, 2, 3, 4, 5])
    expect(baseline.issues.map((i) => i.code)).toEqual(['short_baseline'])
    expect(baseline.issues[0]!.message).toContain('Segment 2 (from 2024-01-01) has 5 points')
  })

  it('warns when a single point is left', () => {
    expect(segmentBaseline(points([7]), undefined, 'S').issues.map((i) => i.code)).toEqual(['too_few_points'])
  })

  it('falls back on the excluded points, with a warning, when every point is excluded', () => {
    const baseline = segmentBaseline(points([1, 2, 3], [0, 1, 2]), undefined, 'S')
    expect(baseline.values).toEqual([1, 2, 3])
    expect(baseline.issues.map((i) => i.code)).toEqual(['too_few_points'])
  })
})
