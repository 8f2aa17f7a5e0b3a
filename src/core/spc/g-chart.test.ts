import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { addPeriods } from '../period.ts'
import { gChart } from './g-chart.ts'
import { gLimits } from './g-limits.ts'
import type { SpcInputPoint } from './types.ts'

/** Public reference data sets (a copy of shared/reference-data, see its README). */
const REFERENCE_DATA = new URL('../../../test/reference-data/', import.meta.url)

function series(values: readonly (number | null)[]): SpcInputPoint[] {
  return values.map((value, i) => ({ period: addPeriods('2020-01-06', 'week', i), value }))
}

function readSeries(file: string): SpcInputPoint[] {
  return readFileSync(new URL(file, REFERENCE_DATA), 'utf8').trim().split('\n').slice(1).map((line) => {
    const [period, value] = line.split(',')
    return { period: period!, value: Number(value) }
  })
}

describe('gLimits: STATISTICS.md §2 (median centre line, ḡ ± 3√(ḡ(ḡ + 1)), lower ≥ 0)', () => {
  // Worked example of docs/methods/rare-event-charts.md: ḡ = 26, σ = √(26·27) = √702.
  it.each([
    { values: [12, 30, 5, 48, 20, 9, 61, 15, 33, 27], centre: 23.5, mean: 26, upper: 26 + 3 * Math.sqrt(702), upper2sigma: 26 + 2 * Math.sqrt(702) },
    { values: [0, 0, 0], centre: 0, mean: 0, upper: 0, upper2sigma: 0 },
    { values: [3], centre: 3, mean: 3, upper: 3 + 3 * Math.sqrt(12), upper2sigma: 3 + 2 * Math.sqrt(12) },
  ])('$values', ({ values, centre, mean, upper, upper2sigma }) => {
    const limits = gLimits(values)
    expect(limits.centre).toBe(centre)
    expect(limits.mean).toBe(mean)
    expect(limits.upper).toBeCloseTo(upper, 12)
    expect(limits.upper2sigma).toBeCloseTo(upper2sigma, 12)
    expect(limits.lower).toBe(0)
    expect(limits.lower2sigma).toBe(0)
  })

  it('gives the documented example an upper limit of 105.4858 to 4 decimals', () => {
    expect(gLimits([12, 30, 5, 48, 20, 9, 61, 15, 33, 27]).upper).toBeCloseTo(105.4858478, 6)
  })
})

describe('gChart: worked example of docs/methods/rare-event-charts.md', () => {
  it('ten gaps in admissions between falls', () => {
    const result = gChart(series([12, 30, 5, 48, 20, 9, 61, 15, 33, 27]))
    const segment = result.segments[0]!
    expect([segment.mean, segment.centre, segment.lower, segment.lower2sigma]).toEqual([26, 23.5, 0, 0])
    expect(segment.upper).toBeCloseTo(105.4858, 4)
    expect(segment.upper2sigma).toBeCloseTo(78.9906, 4)
    expect(result.points.every((p) => p.rule === null && p.type === 'common_cause')).toBe(true)
    expect(result.variation).toBe('common_cause')
    expect(segment.runs).toEqual({ usefulPoints: 10, longestRun: 2, longestRunMax: 6, crossings: 7, crossingsMin: 2, signal: false })
  })
})

describe('gChart', () => {
  it('flags a count above the upper limit as improvement when more cases between harms is better', () => {
    const result = gChart(series([12, 30, 5, 48, 20, 9, 61, 15, 33, 27, 200]), { direction: 'increase' })
    const segment = result.segments[0]!
    expect(result.chart).toBe('g')
    // ḡ = 460/11 = 41.82, upper = ḡ + 3√(ḡ(ḡ + 1)) = 168.77 < 200.
    expect(segment.mean).toBeCloseTo(460 / 11, 12)
    expect(segment.upper).toBeCloseTo(460 / 11 + 3 * Math.sqrt((460 / 11) * (471 / 11)), 12)
    expect(result.points.map((p) => p.rule)).toEqual([...Array.from({ length: 10 }, () => null), 'outside_limits'])
    expect(result.points.at(-1)!.type).toBe('improvement')
    expect(result.variation).toBe('improvement')
  })

  it('freezes the limits on the first k points and judges the rest against them', () => {
    const values = [12, 30, 5, 48, 20, 9, 61, 15, 33, 27, 24, 26, 200, 3]
    const segment = gChart(series(values), { baseline: 12 }).segments[0]!
    expect(segment.baselinePoints).toBe(12)
    expect(segment.mean).toBe(310 / 12)
  })

  it('still tests an excluded point against the limits, leaving it out of them', () => {
    const points = series([12, 30, 5, 48, 20, 9, 61, 15, 33, 27, 900])
    points[10] = { ...points[10]!, excluded: 'count from a ward closure' }
    const result = gChart(points)
    expect(result.segments[0]!.mean).toBe(26)
    expect(result.points[10]!.rule).toBe('outside_limits')
    expect(result.segments[0]!.runs.usefulPoints).toBe(10)
  })

  it('rejects a negative count with an error that quotes it', () => {
    const result = gChart(series([3, -2, 5]))
    expect(result.segments).toEqual([])
    expect(result.points).toEqual([])
    expect(result.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'invalid_value', value: '-2' })])
    expect(result.issues[0]!.message).toContain('-2')
  })

  it('gives an assurance icon from a target', () => {
    // A target exactly on the lower limit 0 is hit or miss; one above the upper limit always fails.
    expect(gChart(series([1, 2, 3]), { target: 0 }).assurance).toBe('hit_or_miss')
    expect(gChart(series([1, 2, 3]), { target: 1000 }).assurance).toBe('fail')
  })
})

describe('gChart: reference data', () => {
  // reference-data/days-between-events-g.csv: 67 gaps between rare events from PowerBI-SPC's tests.
  // The file has no published expected output; these values were recomputed independently (Python,
  // double precision) from the STATISTICS.md §2 formula: ḡ = 2122/67, σ = √(ḡ(ḡ + 1)).
  it('days-between-events-g.csv', () => {
    const points = readSeries('days-between-events-g.csv')
    const result = gChart(points)
    const segment = result.segments[0]!
    expect(points).toHaveLength(67)
    expect(result.issues).toEqual([])
    expect(segment.centre).toBe(24)
    expect(segment.mean).toBeCloseTo(31.671641791044777, 12)
    expect(segment.upper).toBeCloseTo(128.17491023197215, 10)
    expect(segment.upper2sigma).toBeCloseTo(96.00715408499636, 10)
    expect(segment.lower).toBe(0)
    expect(result.points.flatMap((p, i) => (p.rule === null ? [] : [i + 1]))).toEqual([24])
    // Two gaps equal the median 24 and are dropped from the runs analysis.
    expect(segment.runs).toEqual({ usefulPoints: 65, longestRun: 4, longestRunMax: 9, crossings: 34, crossingsMin: 25, signal: false })
  })
})
