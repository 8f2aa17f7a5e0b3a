import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CHART_TYPES, type ChartType, type MeasureKind } from '../model.ts'
import { addPeriods } from '../period.ts'
import { pChart, pPrimeChart } from './p-chart.ts'
import { MIN_CONTROL_CHART_POINTS, OVERDISPERSION_OUTSIDE_SHARE, OVERDISPERSION_SIGMA_Z, recommendChart, type RecommendChartInput, type RecommendationPoint } from './recommend-chart.ts'

/** Public reference data sets (a copy of shared/reference-data, see its README). */
const REFERENCE_DATA = new URL('../../../test/reference-data/', import.meta.url)

/** Rows of a reference CSV as points: period, numerator[, denominator]; value = numerator/denominator or the count. */
function readPoints(file: string): RecommendationPoint[] {
  const lines = readFileSync(new URL(file, REFERENCE_DATA), 'utf8').trim().split(/\r?\n/).slice(1)
  return lines.map((line) => {
    const [period, numerator, denominator] = line.split(',')
    if (denominator === undefined) return { period: period as string, numerator: null, denominator: null, value: Number(numerator) }
    return { period: period as string, numerator: Number(numerator), denominator: Number(denominator), value: Number(numerator) / Number(denominator) }
  })
}

/** Weekly points from 2024-01-01 with these numerators and denominators. */
function counted(numerators: readonly number[], denominators: readonly number[] | number): RecommendationPoint[] {
  return numerators.map((numerator, i) => {
    const denominator = typeof denominators === 'number' ? denominators : (denominators[i] as number)
    return { period: addPeriods('2024-01-01', 'week', i), numerator, denominator, value: numerator / denominator }
  })
}

/** Weekly points from 2024-01-01 with these values and no counts (null: missing). */
function valued(values: readonly (number | null)[]): RecommendationPoint[] {
  return values.map((value, i) => ({ period: addPeriods('2024-01-01', 'week', i), numerator: null, denominator: null, value }))
}

/**
 * docs/methods/chart-choice.md, worked example: 14 weeks of 10,000 cases, p̄ = 0.9, σ_i = 0.003, so
 * numerator = 9000 + 30·z. Moving ranges of z add up to 57: σ_z = 57/13/1.128 = 3.887; 6 of 14 points
 * have |z| > 3 (z = ±3 lies on the limit and is inside).
 */
const WORKED_Z = [4, 1, 6, -2, -3, -6, 2, -5, 1, 5, 3, -1, -4, -1]
const WORKED = counted(WORKED_Z.map((z) => 9000 + 30 * z), 10000)

/** Alternating ±2.5 binomial SDs around p̄ = 0.9 with 10,000 cases: σ_z = 5/1.128 = 4.43, yet no point outside. */
const SAWTOOTH = counted(Array.from({ length: 14 }, (_, i) => (i % 2 === 0 ? 9075 : 8925)), 10000)

/** A real step from 5% to 35% with 100 cases a week: every point outside the P limits, yet σ_z = 0.3 (the step's moving range is screened out). */
const STEP = counted([5, 6, 4, 5, 6, 4, 5, 35, 34, 36, 35, 34, 36, 35], 100)

/** Counts around 500 spread 25 × z (Poisson SD √500 ≈ 22.4): σ_z ≈ 4.3 and 8 of 14 outside the C limits (±3·22.4). */
const LARGE_COUNTS = valued(WORKED_Z.map((z) => 500 + 25 * z))

/** Events per 100,000 bed days around 500, spread 22 × z (Poisson SD ≈ 22.4). */
const LARGE_EXPOSURE = counted(WORKED_Z.map((z) => 500 + 22 * z), 100000)

const THIRTEEN_MEANS = [4.2, 4.5, 3.9, 4.8, 4.1, 4.4, 4.0, 4.6, 4.3, 3.8, 4.7, 4.2, 4.5]

interface Case {
  readonly name: string
  readonly input: RecommendChartInput
  readonly chart: ChartType
  readonly alternatives: readonly ChartType[]
  /** Text the reason must contain. */
  readonly says?: string
}

const proportion = (points: RecommendationPoint[]): RecommendChartInput => ({ kind: 'proportion', hasNumerators: true, hasDenominators: true, points })
const rate = (points: RecommendationPoint[]): RecommendChartInput => ({ kind: 'rate', hasNumerators: true, hasDenominators: true, points })
const uncounted = (kind: MeasureKind, points: RecommendationPoint[]): RecommendChartInput => ({ kind, hasNumerators: false, hasDenominators: false, points })

const CASES: readonly Case[] = [
  // reference-data/ae-weekly-4hour.csv (qicharts2 nhs_accidents, also in PowerBI-SPC's tests): 20 weeks
  // of about 279,000 attendances; the P chart flags 16 weeks, σ_z = 10.6 (qicharts2 vignette, case 5).
  { name: 'A&E 4-hour weeks, denominators near 280,000 → P′', input: proportion(readPoints('ae-weekly-4hour.csv')), chart: 'pp', alternatives: ['p', 'xmr', 'run'], says: 'about 279,399 cases a period, the percentages vary 10.6 times as much as chance alone would make them, so an ordinary P chart would flag 16 of 20 points' },
  { name: 'worked example of chart-choice.md → P′', input: proportion(WORKED), chart: 'pp', alternatives: ['p', 'xmr', 'run'], says: 'vary 3.9 times as much as chance alone would make them, so an ordinary P chart would flag 6 of 14 points' },
  // Montgomery table 7.4 (STATISTICS.md's P chart example): 80–120 a sample, σ_z = 0.85.
  { name: 'small denominators (Montgomery 7.4) → P', input: proportion(readPoints('montgomery-7.4-variable-n.csv')), chart: 'p', alternatives: ['pp', 'xmr', 'run'], says: 'P chart' },
  { name: 'σ_z above 2 from a sawtooth, but no point outside the P limits → P', input: proportion(SAWTOOTH), chart: 'p', alternatives: ['pp', 'xmr', 'run'] },
  { name: 'every point outside the P limits from a real step, σ_z 0.3 → P', input: proportion(STEP), chart: 'p', alternatives: ['pp', 'xmr', 'run'] },
  // PowerBI-SPC's test data: 17 months of harms per bed day, σ_z = 0.60.
  { name: 'harms per bed day → U', input: rate(readPoints('harms-per-bed-day.csv')), chart: 'u', alternatives: ['up', 'xmr', 'run'], says: 'U chart' },
  { name: 'rate with 100,000 bed days a week and overdispersion → U′', input: rate(LARGE_EXPOSURE), chart: 'up', alternatives: ['u', 'xmr', 'run'], says: 'about 100,000 units of exposure a period' },
  // Montgomery table 7.8 (reference-data/montgomery-7.3-defects.csv): 46 counts of defects, a C chart.
  { name: 'counts of defects (Montgomery 7.8) → C', input: uncounted('count', readPoints('montgomery-7.3-defects.csv')), chart: 'c', alternatives: ['xmr', 'run'], says: 'C chart' },
  { name: 'large, overdispersed counts → XmR', input: uncounted('count', LARGE_COUNTS), chart: 'xmr', alternatives: ['c', 'run'], says: 'vary 4.3 times as much as chance alone would make them, so a C chart would flag 8 of 14 points' },
  { name: 'counts that are not whole numbers → XmR', input: uncounted('count', valued(THIRTEEN_MEANS)), chart: 'xmr', alternatives: ['c', 'run'], says: 'not whole counts' },
  { name: 'mean → XmR', input: uncounted('mean', valued(THIRTEEN_MEANS)), chart: 'xmr', alternatives: ['run'], says: 'average' },
  { name: 'proportion without denominators → XmR', input: { kind: 'proportion', hasNumerators: true, hasDenominators: false, points: valued(THIRTEEN_MEANS.map((v) => v / 10)) }, chart: 'xmr', alternatives: ['run'], says: 'numerators and denominators are not recorded' },
  { name: 'rate without counts → XmR', input: uncounted('rate', valued(THIRTEEN_MEANS)), chart: 'xmr', alternatives: ['run'], says: 'exposure' },
  {
    name: 'denominators declared but missing in the data → XmR',
    input: proportion(readPoints('ae-weekly-4hour.csv').map((point, i) => (i < 10 ? { ...point, denominator: null } : point))),
    chart: 'xmr',
    alternatives: ['run'],
    says: 'only 10 of 20 periods have both a numerator and a denominator',
  },
  // As the app's picker (chartsFor): a P chart needs every period's counts, so one gap is enough.
  {
    name: 'one period without its denominator → XmR',
    input: proportion(WORKED.map((point, i) => (i === 3 ? { ...point, denominator: null } : point))),
    chart: 'xmr',
    alternatives: ['run'],
    says: 'only 13 of 14 periods',
  },
  { name: 'a period with no data at all does not count as missing counts → P′', input: proportion([...WORKED, { period: '2024-04-08', numerator: null, denominator: null, value: null }]), chart: 'pp', alternatives: ['p', 'xmr', 'run'] },
  { name: 'too few points (8 weeks of counts) → run', input: proportion(WORKED.slice(0, 8)), chart: 'run', alternatives: ['p', 'pp', 'xmr'], says: 'Only 8 periods have data' },
  { name: 'one point → run', input: uncounted('mean', valued([4.2])), chart: 'run', alternatives: ['xmr'], says: 'Only 1 period has data' },
  { name: '13 periods of which 2 are missing → run', input: uncounted('mean', valued([...THIRTEEN_MEANS.slice(0, 11), null, null])), chart: 'run', alternatives: ['xmr'], says: 'Only 11 periods' },
  { name: 'no points at all → run', input: uncounted('count', []), chart: 'run', alternatives: ['c', 'xmr'], says: 'Only 0 periods' },
]

describe('recommendChart', () => {
  it.each(CASES)('$name', ({ input, chart, alternatives, says }) => {
    const recommendation = recommendChart(input)
    expect(recommendation.chart).toBe(chart)
    expect(recommendation.alternatives).toEqual(alternatives)
    if (says !== undefined) expect(recommendation.reason).toContain(says)
  })

  it.each(CASES)('$name: one plain sentence, alternatives without the chart, the same answer twice', ({ input }) => {
    const recommendation = recommendChart(input)
    expect(recommendation.reason).toMatch(/^[A-Z][^\n]*\.$/)
    expect(recommendation.reason.slice(0, -1)).not.toMatch(/\.\s/)
    expect(recommendation.alternatives).not.toContain(recommendation.chart)
    expect([recommendation.chart, ...recommendation.alternatives].every((c) => CHART_TYPES.includes(c))).toBe(true)
    expect(recommendChart(input)).toEqual(recommendation)
  })

  it('uses the σ_z and the points outside that the P chart itself reports (worked example)', () => {
    const p = pChart(WORKED)
    expect(p.segments[0]!.sigmaZ).toBeCloseTo(57 / 13 / 1.128, 12)
    expect(p.points.filter((point) => point.rule === 'outside_limits')).toHaveLength(6)
    expect(6 / 14).toBeGreaterThanOrEqual(OVERDISPERSION_OUTSIDE_SHARE)
    expect(p.segments[0]!.sigmaZ).toBeGreaterThan(OVERDISPERSION_SIGMA_Z)
    // The P′ chart it recommends: 0.9 ± 3 × 0.003 × σ_z = 0.8650164 and 0.9349836, no point outside.
    const prime = pPrimeChart(WORKED)
    expect(prime.points[0]!.upper).toBeCloseTo(0.9349836, 7)
    expect(prime.points[0]!.lower).toBeCloseTo(0.8650164, 7)
    expect(prime.points.filter((point) => point.rule !== null)).toEqual([])
  })

  it('switches to a control chart at exactly 13 usable points', () => {
    expect(MIN_CONTROL_CHART_POINTS).toBe(13)
    expect(recommendChart(uncounted('mean', valued(THIRTEEN_MEANS.slice(0, 12)))).chart).toBe('run')
    expect(recommendChart(uncounted('mean', valued(THIRTEEN_MEANS))).chart).toBe('xmr')
  })

  it('ignores the order of the points', () => {
    const reversed = proportion([...readPoints('ae-weekly-4hour.csv')].reverse())
    expect(recommendChart(reversed)).toEqual(recommendChart(proportion(readPoints('ae-weekly-4hour.csv'))))
  })

  it('refuses an unknown kind, quoting it', () => {
    expect(() => recommendChart({ kind: 'ratio' as MeasureKind, hasNumerators: false, hasDenominators: false, points: [] })).toThrow('invalid kind: "ratio"')
  })
})
