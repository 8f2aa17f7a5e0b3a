import { describe, expect, it } from 'vitest'
import { gapSeries, type GroupPeriodCounts } from './group-gap-series.ts'

const ROWS: GroupPeriodCounts[] = [
  { period: '2024-02-01', group: 'Q1', numerator: 30, denominator: 200 },
  { period: '2024-01-01', group: 'Q1', numerator: 30, denominator: 200 },
  { period: '2024-01-01', group: 'Q5', numerator: 60, denominator: 200 },
  { period: '2024-02-01', group: 'Q5', numerator: 50, denominator: 200 },
  { period: '2024-03-01', group: 'Q5', numerator: 40, denominator: 200 },
]

describe('gapSeries', () => {
  const series = gapSeries(ROWS, { measure: 'proportion', reference: 'Q1', comparison: 'Q5' })

  it('gives comparison − reference per period, in period order', () => {
    expect(series.points.map((p) => p.period)).toEqual(['2024-01-01', '2024-02-01'])
    expect(series.points[0]?.value).toBeCloseTo(0.15, 14)
    expect(series.points[1]?.value).toBeCloseTo(0.1, 14)
    expect(series.points[0]?.lower).toBeCloseTo(0.06843335872419141, 12) // as in group-differences.test.ts
    expect(series.points[0]?.upper).toBeCloseTo(0.22936197734249825, 12)
    expect(series.points[0]?.referenceValue).toBe(0.15)
    expect(series.points[0]?.comparisonValue).toBe(0.3)
  })

  it('warns about a period where a group is missing instead of dropping it silently', () => {
    expect(series.issues).toEqual([
      { severity: 'warning', code: 'missing_group_period', message: 'No counts for group "Q1" in 2024-03-01; the gap is left out for that period.', value: '2024-03-01' },
    ])
  })

  it('throws on two rows for the same group and period', () => {
    expect(() => gapSeries([...ROWS, ROWS[0] as GroupPeriodCounts], { measure: 'rate', reference: 'Q1', comparison: 'Q5' })).toThrow('duplicate row: Q1 in 2024-02-01')
  })
})
