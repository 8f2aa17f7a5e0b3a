import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import type { PeriodUnit } from '../model.ts'
import { addPeriods } from '../period.ts'
import type { Profile, SpcInputPoint } from './types.ts'
import { xmrChart } from './xmr-chart.ts'

/** Public reference data sets (a copy of shared/reference-data, see its README). */
const REFERENCE_DATA = new URL('../../../test/reference-data/', import.meta.url)

function series(values: readonly number[], start: string, unit: PeriodUnit): SpcInputPoint[] {
  return values.map((value, i) => ({ period: addPeriods(start, unit, i), value }))
}

// STATISTICS.md, "Worked examples": XmR, MDC profile, screening on and off (daily from 2021-03-22).
const DAILY = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]

// STATISTICS.md, "Anhøj rules on an I chart, profile qic" (24 values).
const ANHOJ = [
  -1.18945374525972, 0.388581229632553, -0.344333349210725, -0.547896138418295, 0.980662215750191,
  -0.236646007272852, 0.809739704347715, -0.744779528664041, -0.259787013127099, -0.183083830410215,
  0.518629987612905, 0.883465100720313, 1.00128475258219, 2.53482999228741, 1.87623204831409,
  4.1193033079271, 0.486524126076013, 2.25519487062244, 3.50474143843066, 1.60991952529912,
  2.57935817012673, 2.21035583968694, 2.94404277553313, 0.173306766388917,
]

// STATISTICS.md, "I chart with a frozen baseline, profile qic": Montgomery, Introduction to
// Statistical Quality Control, table 6.7 (40 weekly costs, baseline the first 20).
const MONTGOMERY = [
  310, 288, 297, 298, 307, 303, 294, 297, 308, 306, 294, 299, 297, 299, 314, 295, 293, 306, 301, 304,
  305, 282, 305, 296, 314, 295, 287, 301, 298, 311, 310, 292, 305, 299, 304, 310, 304, 305, 333, 328,
]

interface LimitsCase {
  readonly name: string
  readonly values: readonly number[]
  readonly profile: Profile
  readonly baseline?: number
  readonly centre: number
  readonly lower: number
  readonly upper: number
  readonly digits: number
  /** 1-based positions of the points outside the limits. */
  readonly outside: readonly number[]
}

const LIMITS_CASES: readonly LimitsCase[] = [
  { name: 'daily, mdc (screening on)', values: DAILY, profile: 'mdc', centre: 1.944444444, lower: -0.715555556, upper: 4.604444444, digits: 8, outside: [5] },
  { name: 'daily, mdc_excel (no screening)', values: DAILY, profile: 'mdc_excel', centre: 1.944444444, lower: -3.062614379, upper: 6.951503268, digits: 8, outside: [5] },
  { name: 'Anhøj 24 values, qic', values: ANHOJ, profile: 'qic', centre: 1.057091, lower: -2.114884, upper: 4.229067, digits: 6, outside: [] },
  { name: 'Anhøj 24 values, mdc', values: ANHOJ, profile: 'mdc', centre: 1.057091, lower: -2.115392, upper: 4.229574, digits: 6, outside: [] },
  { name: 'Montgomery, qic, baseline 20', values: MONTGOMERY, profile: 'qic', baseline: 20, centre: 300.5, lower: 279.783314669653, upper: 321.216685330347, digits: 9, outside: [39, 40] },
]

describe('xmrChart: worked examples of STATISTICS.md', () => {
  it.each(LIMITS_CASES)('$name: centre, limits and points outside', (c) => {
    const options = c.baseline === undefined ? { profile: c.profile } : { profile: c.profile, baseline: c.baseline }
    const result = xmrChart(series(c.values, '2021-03-22', 'day'), options)
    expect(result.segments).toHaveLength(1)
    const segment = result.segments[0]!
    expect(segment.centre).toBeCloseTo(c.centre, c.digits)
    expect(segment.lower).toBeCloseTo(c.lower, c.digits)
    expect(segment.upper).toBeCloseTo(c.upper, c.digits)
    const outside = result.points.flatMap((p, i) => (p.rule === 'outside_limits' ? [i + 1] : []))
    expect(outside).toEqual(c.outside)
  })

  it.each(['mdc', 'mdc_excel'] as const)('daily example under %s: point 5 is an improvement, the rest common cause', (profile) => {
    const result = xmrChart(series(DAILY, '2021-03-22', 'day'), { profile, direction: 'increase' })
    expect(result.points.map((p) => p.type)).toEqual(DAILY.map((_, i) => (i === 4 ? 'improvement' : 'common_cause')))
    expect(result.points.map((p) => p.rule)).toEqual(DAILY.map((_, i) => (i === 4 ? 'outside_limits' : null)))
    expect(result.variation).toBe('common_cause')
    expect(result.issues).toEqual([])
  })

  it('daily example, mdc: the near band is mean ± (2/3)·2.66·AMR with AMR = 1 after screening', () => {
    const segment = xmrChart(series(DAILY, '2021-03-22', 'day')).segments[0]!
    expect(segment.upper2sigma).toBeCloseTo(1.944444444444 + (2 / 3) * 2.66, 10)
    expect(segment.lower2sigma).toBeCloseTo(1.944444444444 - (2 / 3) * 2.66, 10)
  })

  it('Anhøj example under qic: 2σ band, runs analysis and no point flagged', () => {
    const result = xmrChart(series(ANHOJ, '2020-01-06', 'week'), { profile: 'qic' })
    const segment = result.segments[0]!
    expect(segment.lower2sigma).toBeCloseTo(-1.057559, 6)
    expect(segment.upper2sigma).toBeCloseTo(3.171742, 6)
    expect(segment.runs).toEqual({ usefulPoints: 24, longestRun: 13, longestRunMax: 8, crossings: 4, crossingsMin: 8, signal: true })
    expect(result.points.every((p) => p.rule === null && p.type === 'common_cause')).toBe(true)
  })

  it('Montgomery example: weeks 39 and 40 are concerns when lower cost is better; baseline of 20', () => {
    const result = xmrChart(series(MONTGOMERY, '2020-01-06', 'week'), { profile: 'qic', baseline: 20, direction: 'decrease' })
    expect(result.segments[0]!.baselinePoints).toBe(20)
    expect(result.points.slice(38).map((p) => p.type)).toEqual(['concern', 'concern'])
    expect(result.variation).toBe('concern')
  })
})

describe('xmrChart: reference data', () => {
  // reference-data/montgomery-6.5-weekly-cost.csv: Montgomery table 6.7 as shipped in qicharts2.
  it('montgomery-6.5-weekly-cost.csv reproduces the frozen-baseline example', () => {
    const text = readFileSync(new URL('montgomery-6.5-weekly-cost.csv', REFERENCE_DATA), 'utf8')
    const points = text.trim().split('\n').slice(1).map((line) => {
      const [period, value] = line.split(',')
      return { period: period!, value: Number(value) }
    })
    const result = xmrChart(points, { profile: 'qic', baseline: 20 })
    expect(points).toHaveLength(40)
    expect(result.issues).toEqual([])
    expect(result.segments[0]!.centre).toBeCloseTo(300.5, 12)
    expect(result.segments[0]!.lower).toBeCloseTo(279.783314669653, 9)
    expect(result.segments[0]!.upper).toBeCloseTo(321.216685330347, 9)
    expect(result.points.flatMap((p) => (p.rule === null ? [] : [p.period]))).toEqual(['2020-09-28', '2020-10-05'])
  })
})

/** n values alternating low, high (mean (low + high)/2, every moving range high − low). */
function alternating(n: number, low: number, high: number): number[] {
  return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? low : high))
}

describe('xmrChart: rebasing', () => {
  const values = [...alternating(14, 9, 11), ...alternating(14, 19, 21)]
  const points = series(values, '2024-01-01', 'week')

  it('starts a segment at the first point on or after the rebase, with its own centre and limits', () => {
    const result = xmrChart(points, { rebases: [{ date: '2024-04-03', reason: 'new triage' }] })
    expect(result.segments.map((s) => [s.from, s.to, s.reason, s.centre])).toEqual([
      ['2024-01-01', '2024-04-01', null, 10],
      ['2024-04-08', '2024-07-08', 'new triage', 20],
    ])
    expect(result.points.map((p) => p.segment)).toEqual([...Array(14).fill(0), ...Array(14).fill(1)])
    expect(result.points[20]!.centre).toBe(20)
    expect(result.points.every((p) => p.rule === null)).toBe(true)
    expect(result.issues).toEqual([])
  })

  it('without the rebase the step is flagged', () => {
    expect(xmrChart(points).points.some((p) => p.rule !== null)).toBe(true)
  })

  it('every segment carries its own runs analysis, under every profile', () => {
    for (const profile of ['mdc', 'mdc_excel', 'mdc2023', 'qic'] as const) {
      const result = xmrChart(points, { profile, rebases: [{ date: '2024-04-08', reason: 'x' }] })
      expect(result.segments.map((s) => s.runs.usefulPoints)).toEqual([14, 14])
    }
  })

  it('assurance uses the limits of the last point, in the last segment', () => {
    const result = xmrChart(points, { target: 14, rebases: [{ date: '2024-04-08', reason: 'x' }] })
    expect(result.segments[1]!.lower).toBeGreaterThan(14)
    expect(result.segments[0]!.upper).toBeGreaterThan(14)
    expect(result.assurance).toBe('pass')
    expect(xmrChart(points, { target: 14, direction: 'decrease', rebases: [{ date: '2024-04-08', reason: 'x' }] }).assurance).toBe('fail')
  })
})

describe('xmrChart: baseline, exclusions, short segments', () => {
  it('fixes the limits on the first k points', () => {
    const result = xmrChart(series([...alternating(12, 9, 11), 30, 30], '2024-01-01', 'month'), { baseline: 12 })
    expect(result.segments[0]).toMatchObject({ centre: 10, baselinePoints: 12 })
    expect(result.segments[0]!.upper).toBeCloseTo(10 + 2.66 * 2, 12)
    expect(result.points.slice(12).map((p) => p.rule)).toEqual(['outside_limits', 'outside_limits'])
  })

  it('uses every point of a segment shorter than the baseline, with a warning', () => {
    const result = xmrChart(series(alternating(10, 9, 11), '2024-01-01', 'month'), { baseline: 12 })
    expect(result.segments[0]!.baselinePoints).toBe(10)
    expect(result.issues.map((i) => i.code)).toEqual(['short_baseline'])
  })

  it('throws on a baseline below 12', () => {
    expect(() => xmrChart(series(alternating(20, 9, 11), '2024-01-01', 'month'), { baseline: 5 })).toThrow('invalid baseline: 5 (expected at least 12 points)')
  })

  it('leaves an excluded point out of the centre, limits and runs, but still flags it', () => {
    const input = series([9, 11, 9, 11, 9, 11, 9, 50, 11, 9, 11, 9, 11, 9, 11], '2024-01-01', 'month')
      .map((p, i) => (i === 7 ? { ...p, excluded: 'data entry error' } : p))
    const result = xmrChart(input)
    // the moving range spans the excluded point: |11 − 9| = 2
    expect(result.segments[0]).toMatchObject({ centre: 10, baselinePoints: 14 })
    expect(result.segments[0]!.upper).toBeCloseTo(10 + 2.66 * 2, 12)
    expect(result.segments[0]!.runs.usefulPoints).toBe(14)
    expect(result.points[7]).toMatchObject({ value: 50, rule: 'outside_limits', type: 'improvement', excluded: 'data entry error' })
    expect(result.points.filter((p) => p.excluded === null)).toHaveLength(14)
  })

  it.each([
    { n: 12, trial: true },
    { n: 13, trial: false },
  ])('a segment of $n points has trialLimits $trial', ({ n, trial }) => {
    expect(xmrChart(series(alternating(n, 9, 11), '2024-01-01', 'month')).segments[0]!.trialLimits).toBe(trial)
  })

  it('a single point gives limits equal to its value and a too_few_points warning', () => {
    const result = xmrChart([{ period: '2024-01-01', value: 4 }])
    expect(result.segments[0]).toMatchObject({ centre: 4, upper: 4, lower: 4, upper2sigma: 4, lower2sigma: 4, trialLimits: true })
    expect(result.points[0]).toMatchObject({ rule: null, type: 'common_cause' })
    expect(result.issues.map((i) => i.code)).toEqual(['too_few_points'])
  })

  it('a series with no values gives no segments and a too_few_points warning', () => {
    const result = xmrChart([{ period: '2024-01-01', value: null }], { target: 3 })
    expect(result).toMatchObject({ segments: [], points: [], variation: null, assurance: null })
    expect(result.issues.map((i) => i.code)).toEqual(['missing_value', 'too_few_points'])
  })
})

describe('xmrChart: rules end to end', () => {
  it('mdc ignores a band point whose companion is beyond the limit; mdc2023 flags it', () => {
    const input = series([...alternating(12, 0, 1), 1, 2.5, 3.5, 0], '2024-01-01', 'month')
    const mdc = xmrChart(input, { baseline: 12 })
    const mdc2023 = xmrChart(input, { baseline: 12, profile: 'mdc2023' })
    expect(mdc.points.slice(12).map((p) => p.rule)).toEqual([null, null, 'outside_limits', null])
    expect(mdc2023.points.slice(12).map((p) => p.rule)).toEqual([null, 'two_of_three', 'outside_limits', null])
  })

  it('shifts of 6 are flagged with ruleLength 6, not with the default 7', () => {
    const input = series([5, -5, 5, -5, 1, 1, 1, 1, 1, 1, -1, -1, -1, -1, -1, -1, 5, -5], '2024-01-01', 'month')
    expect(xmrChart(input).points.some((p) => p.rule === 'shift')).toBe(false)
    expect(xmrChart(input, { ruleLength: 6 }).points.filter((p) => p.rule === 'shift')).toHaveLength(12)
  })

  it.each([
    { direction: 'increase', types: ['concern', 'improvement'], variation: 'improvement' },
    { direction: 'decrease', types: ['improvement', 'concern'], variation: 'concern' },
    { direction: 'neutral', types: ['neutral_low', 'neutral_high'], variation: 'neutral_high' },
  ] as const)('point types and variation icon for direction $direction', ({ direction, types, variation }) => {
    const input = series([...alternating(14, 9, 11), -20, 40], '2024-01-01', 'month')
    const result = xmrChart(input, { direction, baseline: 14, target: 10 })
    expect(result.points.slice(14).map((p) => p.type)).toEqual(types)
    expect(result.variation).toBe(variation)
    expect(result.assurance).toBe(direction === 'neutral' ? null : 'hit_or_miss')
  })

  it('a point below the mean inside an increasing trend is an improvement when higher is better', () => {
    const input = series([...alternating(14, 8, 12), 7, 7.5, 8, 8.5, 9, 9.5, 9.8], '2024-01-01', 'month')
    const result = xmrChart(input, { baseline: 14 })
    expect(result.points.slice(14).map((p) => [p.rule, p.type])).toEqual(Array(7).fill(['trend', 'improvement']))
  })
})

describe('xmrChart: data problems', () => {
  it('duplicate periods give an error and an empty result', () => {
    const input = [...series([1, 2, 3], '2024-01-01', 'month'), { period: '2024-02-01', value: 5 }]
    const result = xmrChart(input, { target: 2 })
    expect(result).toMatchObject({ chart: 'xmr', profile: 'mdc', segments: [], points: [], variation: null, assurance: null })
    expect(result.issues.map((i) => [i.severity, i.code])).toEqual([['error', 'duplicate_period']])
  })

  it('missing values are dropped before the rules, with one warning each', () => {
    const input = series([1, 2, 3, 4, 5], '2024-01-01', 'month').map((p, i) => (i === 1 || i === 3 ? { ...p, value: null } : p))
    const result = xmrChart(input)
    expect(result.points.map((p) => p.value)).toEqual([1, 3, 5])
    expect(result.issues.filter((i) => i.code === 'missing_value').map((i) => i.value)).toEqual(['null', 'null'])
    expect(result.issues.find((i) => i.code === 'missing_value')!.message).toContain('2024-02-01')
  })

  it('a missing week is a data-quality warning naming the gap', () => {
    const input = series(alternating(13, 9, 11), '2024-01-01', 'week').filter((p) => p.period !== '2024-03-11' && p.period !== '2024-03-18')
    const result = xmrChart(input)
    expect(result.points).toHaveLength(11)
    expect(result.issues).toHaveLength(1)
    expect(result.issues[0]).toMatchObject({ severity: 'warning', code: 'irregular_spacing' })
    expect(result.issues[0]!.message).toContain('2 weeks missing between 2024-03-04 and 2024-03-25')
  })

  it('unsorted input gives the same chart as sorted input', () => {
    const sorted = series(ANHOJ, '2020-01-06', 'week')
    expect(xmrChart([...sorted].reverse())).toEqual(xmrChart(sorted))
  })

  it('reports its profile, direction and target', () => {
    expect(xmrChart(series(DAILY, '2021-03-22', 'day'), { profile: 'qic', direction: 'neutral', target: 3 })).toMatchObject({
      chart: 'xmr',
      profile: 'qic',
      direction: 'neutral',
      target: 3,
    })
  })
})
