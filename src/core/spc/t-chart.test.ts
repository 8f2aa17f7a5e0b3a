import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { addPeriods } from '../period.ts'
import { tChart } from './t-chart.ts'
import { tLimits } from './t-limits.ts'
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

describe('tLimits: STATISTICS.md §2 (y = t^(1/3.6), XmR with qic constants, back-transformed)', () => {
  it('transforms back exactly for times that are powers y^3.6', () => {
    // y = 1, 2, 1, 2: mean 1.5, AMR 1, limits 1.5 ± 3/1.128 (lower negative, so 0).
    const limits = tLimits([1, 2 ** 3.6, 1, 2 ** 3.6])
    expect(limits.centre).toBeCloseTo(1.5 ** 3.6, 12)
    expect(limits.mean).toBe(limits.centre)
    expect(limits.upper).toBeCloseTo((1.5 + 3 / 1.128) ** 3.6, 10)
    expect(limits.lower).toBe(0)
    expect(limits.upper2sigma).toBeCloseTo((1.5 + 2 / 1.128) ** 3.6, 10)
    expect(limits.lower2sigma).toBe(0)
  })

  it('keeps a positive lower limit', () => {
    // y = 10, 11, 10, 11: mean 10.5, AMR 1: lower (10.5 − 3/1.128)^3.6 > 0.
    const limits = tLimits([10, 11, 10, 11].map((y) => y ** 3.6))
    expect(limits.lower).toBeCloseTo((10.5 - 3 / 1.128) ** 3.6, 6)
    expect(limits.lower2sigma).toBeCloseTo((10.5 - 2 / 1.128) ** 3.6, 6)
  })

  it('screens a moving range of at least 3.267·AMR on the transformed scale', () => {
    // y = 1,1,1,1,1,1,1,1,1,1,1,2,1: moving ranges ten 0s, then 1, 1; AMR = 2/12, 1 ≥ 3.267·AMR? 1 ≥ 0.5445: screened.
    const y = [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 1]
    const limits = tLimits(y.map((v) => v ** 3.6))
    const mean = 14 / 13
    expect(limits.upper).toBeCloseTo(mean ** 3.6, 12) // every kept moving range is 0
  })
})

describe('tChart: reference data', () => {
  // reference-data/montgomery-7.6-hours-between-failures.csv: Montgomery, Introduction to Statistical
  // Quality Control, example 7.6 (table 7.14), as shipped in qicharts2. On the transformed scale
  // y = t^(1/3.6) the mean is 5.3893 and the average moving range 2.3609;
  // no moving range is screened out, so the limits are 5.3893 ± 3·2.3609/1.128 = 11.6683 and −0.8898
  // (recomputed here in double precision, independently in Python; not checked against the book's
  // printed, rounded values).
  it('montgomery-7.6-hours-between-failures.csv', () => {
    const result = tChart(readSeries('montgomery-7.6-hours-between-failures.csv'))
    const segment = result.segments[0]!
    expect(result.issues).toEqual([])
    expect(segment.centre ** (1 / 3.6)).toBeCloseTo(5.389276972749053, 12)
    expect(segment.upper ** (1 / 3.6)).toBeCloseTo(11.668321048346652, 10)
    expect(segment.centre).toBeCloseTo(430.040951789758, 8)
    expect(segment.upper).toBeCloseTo(6937.933488166568, 6)
    expect(segment.lower).toBe(0)
    expect(segment.lower2sigma).toBeCloseTo(1.9466057438307587, 10)
    expect(result.points.every((p) => p.rule === null)).toBe(true)
    expect(segment.runs).toEqual({ usefulPoints: 20, longestRun: 5, longestRunMax: 7, crossings: 10, crossingsMin: 6, signal: false })
  })

  // reference-data/days-between-events-t.csv: 67 gaps between rare events from PowerBI-SPC's tests.
  // No published expected output: values recomputed independently (Python, double precision) from
  // STATISTICS.md §2; one moving range of the transformed data is screened out.
  it('days-between-events-t.csv', () => {
    const result = tChart(readSeries('days-between-events-t.csv'))
    const segment = result.segments[0]!
    expect(result.issues).toEqual([])
    expect(segment.centre).toBeCloseTo(11.205060797289482, 10)
    expect(segment.upper).toBeCloseTo(97.26801772260963, 9)
    expect(segment.lower).toBeCloseTo(0.022128879574555792, 12)
    expect(segment.upper2sigma).toBeCloseTo(54.08117578691708, 9)
    expect(segment.lower2sigma).toBeCloseTo(0.6402480739293067, 12)
    expect(result.points.flatMap((p, i) => (p.rule === null ? [] : [i + 1]))).toEqual([24])
    expect(segment.runs).toEqual({ usefulPoints: 67, longestRun: 4, longestRunMax: 9, crossings: 37, crossingsMin: 26, signal: false })
  })
})

describe('tChart: worked example of docs/methods/rare-event-charts.md', () => {
  it('eight days between pressure ulcers', () => {
    const result = tChart(series([10, 3, 25, 7, 14, 40, 5, 18]))
    const segment = result.segments[0]!
    expect(segment.centre ** (1 / 3.6)).toBeCloseTo(2.009762, 6)
    expect(segment.centre).toBeCloseTo(12.3401, 4)
    expect(segment.upper).toBeCloseTo(150.9566, 4)
    expect(segment.lower).toBe(0)
    expect(segment.upper2sigma).toBeCloseTo(78.1692, 4)
    expect(segment.lower2sigma).toBeCloseTo(0.2282, 4)
    expect(result.points.every((p) => p.rule === null && p.type === 'common_cause')).toBe(true)
    expect(segment.runs).toEqual({ usefulPoints: 8, longestRun: 2, longestRunMax: 6, crossings: 5, crossingsMin: 1, signal: false })
    expect(segment.trialLimits).toBe(true)
  })
})

describe('tChart', () => {
  it('rejects a time of 0 or less with an error that quotes it', () => {
    const result = tChart(series([3, 0, 5, -1]))
    expect(result.chart).toBe('t')
    expect(result.segments).toEqual([])
    expect(result.issues.map((i) => [i.severity, i.code, i.value])).toEqual([['error', 'invalid_value', '0'], ['error', 'invalid_value', '-1']])
  })

  it('marks a short gap as concern when longer times between harms are better', () => {
    const times = [20, 25, 30, 22, 28, 24, 26, 21, 29, 23, 27, 25, 0.001]
    const result = tChart(series(times), { direction: 'increase' })
    expect(result.points.at(-1)!.rule).toBe('outside_limits')
    expect(result.points.at(-1)!.type).toBe('concern')
    expect(result.segments[0]!.trialLimits).toBe(false)
  })
})
