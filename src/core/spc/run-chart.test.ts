import { describe, expect, it } from 'vitest'
import { addPeriods } from '../period.ts'
import { runChart } from './run-chart.ts'
import type { SpcInputPoint } from './types.ts'

function series(values: readonly (number | null)[]): SpcInputPoint[] {
  return values.map((value, i) => ({ period: addPeriods('2020-01-06', 'week', i), value }))
}

// STATISTICS.md §3, critical values as n: longest-run max / fewest crossings allowed
// (Anhøj J, Olesen AV. Run charts revisited. PLoS ONE 2014;9(11):e113825, table 1).
const CRITICAL_VALUES = [
  { n: 10, longest: 6, crossings: 2 },
  { n: 12, longest: 7, crossings: 3 },
  { n: 15, longest: 7, crossings: 4 },
  { n: 20, longest: 7, crossings: 6 },
  { n: 24, longest: 8, crossings: 8 },
  { n: 30, longest: 8, crossings: 10 },
  { n: 40, longest: 8, crossings: 14 },
  { n: 50, longest: 9, crossings: 19 },
  { n: 60, longest: 9, crossings: 23 },
  { n: 100, longest: 10, crossings: 41 },
]

/**
 * n values (n even), half at −1 and half at 1 so the median is 0: a run of `run` (≤ n/2) points
 * below, then 1, −1 alternating while the −1s last, then the remaining `run` points above.
 */
function withLongestRun(n: number, run: number): number[] {
  const pairs = n / 2 - run
  return [...repeat(-1, run), ...Array.from({ length: 2 * pairs }, (_, i) => (i % 2 === 0 ? 1 : -1)), ...repeat(1, run)]
}

/** n values (n even), half at −1 and half at 1, in `crossings` + 1 alternating runs (at most n/2 runs a side). */
function withCrossings(n: number, crossings: number): number[] {
  const runs = crossings + 1
  const lowRuns = Math.ceil(runs / 2)
  const highRuns = Math.floor(runs / 2)
  const values: number[] = []
  for (let r = 0; r < runs; r++) {
    const low = r % 2 === 0
    const first = r < 2
    const count = low ? lowRuns : highRuns
    values.push(...repeat(low ? -1 : 1, first ? n / 2 - (count - 1) : 1))
  }
  return values
}

function repeat(value: number, times: number): number[] {
  return Array.from({ length: times }, () => value)
}

describe('runChart: STATISTICS.md §3 critical values', () => {
  it.each(CRITICAL_VALUES)('n = $n useful points: longest run allowed $longest, fewest crossings $crossings', ({ n, longest, crossings }) => {
    // Alternating −1, 1; for odd n two points at 0 make 0 the median (they are then dropped).
    const values = [...Array.from({ length: n }, (_, i) => (i % 2 === 0 ? -1 : 1)), ...repeat(0, n % 2 === 0 ? 0 : 2)]
    const runs = runChart(series(values)).segments[0]!.runs
    expect(runs.usefulPoints).toBe(n)
    expect(runs.longestRunMax).toBe(longest)
    expect(runs.crossingsMin).toBe(crossings)
  })

  it.each(CRITICAL_VALUES.filter(({ n, longest }) => n % 2 === 0 && longest + 1 <= n / 2))('n = $n: a run of the maximum is no signal, one longer is', ({ n, longest }) => {
    const atMax = runChart(series(withLongestRun(n, longest))).segments[0]!
    expect(atMax.centre).toBe(0)
    expect(atMax.runs.longestRun).toBe(longest)
    expect(atMax.runs.signal).toBe(false)
    const beyond = runChart(series(withLongestRun(n, longest + 1))).segments[0]!.runs
    expect(beyond.longestRun).toBe(longest + 1)
    expect(beyond.signal).toBe(true)
  })

  it.each(CRITICAL_VALUES.filter(({ n }) => n % 2 === 0))('n = $n: the fewest crossings allowed is no signal, one fewer is', ({ n, longest, crossings }) => {
    const atMin = runChart(series(withCrossings(n, crossings))).segments[0]!
    expect(atMin.centre).toBe(0)
    expect(atMin.runs.crossings).toBe(crossings)
    expect(atMin.runs.crossings < atMin.runs.crossingsMin).toBe(false)
    expect(atMin.runs.signal).toBe(atMin.runs.longestRun > longest)
    const fewer = runChart(series(withCrossings(n, crossings - 1))).segments[0]!.runs
    expect(fewer.crossings).toBe(crossings - 1)
    expect(fewer.signal).toBe(true)
  })
})

describe('runChart: worked example of docs/methods/run-chart.md', () => {
  const values = [10, 11, 9, 12, 8, 13, 14, 15, 16, 17, 18, 19]
  const result = runChart(series(values))

  it('has the median 13.5 as its centre line on every point', () => {
    expect(result.chart).toBe('run')
    expect(result.segments[0]!.centre).toBe(13.5)
    expect(result.points.map((p) => p.centre)).toEqual(values.map(() => 13.5))
    expect(result.issues).toEqual([])
  })

  it('finds 12 useful points, longest run 6 (allowed 7) and 1 crossing (fewest allowed 3): a signal', () => {
    expect(result.segments[0]!.runs).toEqual({ usefulPoints: 12, longestRun: 6, longestRunMax: 7, crossings: 1, crossingsMin: 3, signal: true })
  })
})

describe('runChart: baseline, exclusions, points on the centre line, rebases', () => {
  it('drops points exactly on the median: they neither break nor extend a run', () => {
    const runs = runChart(series([1, 3, 2, 1, 3, 2, 1, 3, 2])).segments[0]!.runs
    expect(runs.usefulPoints).toBe(6)
    expect(runs.crossings).toBe(5)
  })

  it('leaves excluded points out of the median and the runs, but keeps drawing them', () => {
    const points = series([1, 2, 3, 4, 5, 100, 100, 100])
    const excluded = points.map((p, i) => (i >= 5 ? { ...p, excluded: 'data entry error' } : p))
    const result = runChart(excluded)
    expect(result.segments[0]!.centre).toBe(3)
    expect(result.segments[0]!.runs.usefulPoints).toBe(4)
    expect(result.points).toHaveLength(8)
    expect(result.points[7]!.excluded).toBe('data entry error')
  })

  it('takes the median of the first k points of the baseline only', () => {
    const values = [...Array.from({ length: 12 }, (_, i) => i + 1), 50, 60, 70]
    const segment = runChart(series(values), { baseline: 12 }).segments[0]!
    expect(segment.centre).toBe(6.5)
    expect(segment.baselinePoints).toBe(12)
    expect(segment.runs.usefulPoints).toBe(15)
  })

  it('gives each rebased segment its own median and runs analysis', () => {
    const points = series([1, 2, 3, 4, 10, 20, 30, 40])
    const result = runChart(points, { rebases: [{ date: points[4]!.period, reason: 'new triage system' }] })
    expect(result.segments.map((s) => [s.centre, s.reason, s.runs.usefulPoints])).toEqual([[2.5, null, 4], [25, 'new triage system', 4]])
    expect(result.points.map((p) => p.segment)).toEqual([0, 0, 0, 0, 1, 1, 1, 1])
  })

  it('reports missing values and duplicate periods as issues', () => {
    expect(runChart(series([1, null, 3])).issues.map((i) => i.code)).toContain('missing_value')
    const duplicate = runChart([{ period: '2020-01-06', value: 1 }, { period: '2020-01-06', value: 2 }])
    expect(duplicate.segments).toEqual([])
    expect(duplicate.issues.map((i) => i.code)).toEqual(['duplicate_period'])
  })

  it('warns about an empty series instead of charting it', () => {
    const result = runChart([])
    expect(result.points).toEqual([])
    expect(result.issues.map((i) => i.code)).toEqual(['too_few_points'])
  })

  it('does not warn about limits for a single point (a run chart has none)', () => {
    expect(runChart(series([5])).issues).toEqual([])
  })

  it('refuses a baseline under 12, quoting it', () => {
    expect(() => runChart(series([1, 2, 3]), { baseline: 5 })).toThrow('invalid baseline: 5')
  })
})
