import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { addPeriods } from '../period.ts'
import { attributeChart } from './attribute-chart.ts'
import type { AttributeChartKind, AttributeInputPoint, AttributeOptions } from './attribute-types.ts'
import { cChart } from './c-chart.ts'
import { pChart, pPrimeChart } from './p-chart.ts'
import { uChart, uPrimeChart } from './u-chart.ts'

/** Public reference data sets (a copy of shared/reference-data, see its README). */
const REFERENCE_DATA = new URL('../../../test/reference-data/', import.meta.url)

function counts(numerators: readonly number[], denominators: readonly number[]): AttributeInputPoint[] {
  return numerators.map((numerator, i) => ({ period: addPeriods('2020-01-06', 'week', i), numerator, denominator: denominators[i] ?? 1 }))
}

function readCounts(file: string): AttributeInputPoint[] {
  const lines = readFileSync(new URL(file, REFERENCE_DATA), 'utf8').trim().split('\n').slice(1)
  return lines.map((line) => {
    const [period, numerator, denominator] = line.split(',')
    return { period: period as string, numerator: Number(numerator), denominator: denominator === undefined ? 1 : Number(denominator) }
  })
}

function excluding(points: readonly AttributeInputPoint[], positions: readonly number[]): AttributeInputPoint[] {
  return points.map((point, i) => (positions.includes(i + 1) ? { ...point, excluded: 'known cause' } : point))
}

// STATISTICS.md, "Worked examples": P chart with varying denominators (Montgomery table 7.4).
const P_NUMERATORS = [12, 8, 6, 9, 10, 12, 11, 16, 10, 6, 20, 15, 9, 8, 6, 8, 10, 7, 5, 8, 5, 8, 10, 6, 9]
const P_DENOMINATORS = [100, 80, 80, 100, 110, 110, 100, 100, 90, 90, 110, 120, 120, 120, 110, 80, 80, 80, 90, 100, 100, 100, 100, 90, 90]

interface LimitsCase {
  readonly name: string
  readonly kind: AttributeChartKind
  readonly points: () => AttributeInputPoint[]
  readonly options?: AttributeOptions
  readonly centre: number
  /** 1-based position of a point whose limits are checked. */
  readonly at: number
  readonly lower: number
  readonly upper: number
  /** Largest allowed |computed − published|: textbooks round the centre before the limits. */
  readonly tolerance: number
  /** 1-based positions of the points outside their limits. */
  readonly outside: readonly number[]
}

const LIMITS_CASES: readonly LimitsCase[] = [
  // STATISTICS.md worked example: limits for n = 100 (sample 1) and n = 110 (sample 5); sample 11 above.
  { name: 'STATISTICS.md P chart, n = 100', kind: 'p', points: () => counts(P_NUMERATORS, P_DENOMINATORS), centre: 0.0955102040816327, at: 1, lower: 0.0073346947, upper: 0.1836857134, tolerance: 1e-10, outside: [11] },
  { name: 'STATISTICS.md P chart, n = 110', kind: 'p', points: () => counts(P_NUMERATORS, P_DENOMINATORS), centre: 0.0955102040816327, at: 5, lower: 0.0114381546, upper: 0.1795822535, tolerance: 1e-10, outside: [11] },
  // Montgomery, Introduction to Statistical Quality Control, example 7.1 (table 7.1): 30 samples of 50,
  // p̄ = 0.2313, UCL = 0.4102, LCL = 0.0524; samples 15 and 23 are above the upper limit.
  { name: 'Montgomery 7.1 P chart, trial limits', kind: 'p', points: () => readCounts('montgomery-7.1-nonconforming.csv').slice(0, 30), centre: 0.2313, at: 1, lower: 0.0524, upper: 0.4102, tolerance: 1e-4, outside: [15, 23] },
  // Same, revised with samples 15 and 23 (assignable causes) excluded: p̄ = 0.2150, UCL = 0.3893,
  // LCL = 0.0407; sample 21 (0.40) is now above the upper limit, and 15 and 23 are still flagged.
  { name: 'Montgomery 7.1 P chart, revised', kind: 'p', points: () => excluding(readCounts('montgomery-7.1-nonconforming.csv').slice(0, 30), [15, 23]), centre: 0.2150, at: 1, lower: 0.0407, upper: 0.3893, tolerance: 1e-4, outside: [15, 21, 23] },
  // Montgomery prints 2 decimals computed from the rounded centre (19.85 + 3√19.85 = 33.216 → 33.22),
  // so these cases allow 0.01.
  // Montgomery example 7.3 (C chart, 26 samples): c̄ = 19.85, UCL = 33.22, LCL = 6.48; samples 6 and 20 outside.
  { name: 'Montgomery 7.3 C chart, trial limits', kind: 'c', points: () => readCounts('montgomery-7.3-defects.csv').slice(0, 26), centre: 19.85, at: 1, lower: 6.48, upper: 33.22, tolerance: 0.01, outside: [6, 20] },
  // Same, revised with samples 6 and 20 excluded: c̄ = 19.67, UCL = 32.97, LCL = 6.36.
  { name: 'Montgomery 7.3 C chart, revised', kind: 'c', points: () => excluding(readCounts('montgomery-7.3-defects.csv').slice(0, 26), [6, 20]), centre: 19.67, at: 1, lower: 6.36, upper: 32.97, tolerance: 0.01, outside: [6, 20] },
  // Montgomery example 7.5 (U chart, textile rolls in units of 50 m²): ū = 153/107.5 = 1.42; a roll
  // of 10 units (500 here, in metres per 50) has LCL 0.29 and UCL 2.55.
  { name: 'Montgomery 7.5 U chart per 50 units', kind: 'u', points: () => readCounts('montgomery-7.5-defects-per-meter.csv'), options: { multiplier: 50 }, centre: 1.42, at: 1, lower: 0.29, upper: 2.55, tolerance: 0.01, outside: [] },
]

describe('attribute charts: worked examples and published values', () => {
  it.each(LIMITS_CASES)('$name: centre, limits and points outside', (c) => {
    const result = attributeChart(c.kind, c.points(), c.options)
    expect(result.segments).toHaveLength(1)
    expect(Math.abs(result.segments[0]!.centre - c.centre)).toBeLessThanOrEqual(c.tolerance)
    const point = result.points[c.at - 1]!
    expect(Math.abs(point.lower - c.lower)).toBeLessThanOrEqual(c.tolerance)
    expect(Math.abs(point.upper - c.upper)).toBeLessThanOrEqual(c.tolerance)
    expect(result.points.flatMap((p, i) => (p.rule === 'outside_limits' ? [i + 1] : []))).toEqual(c.outside)
  })

  it('STATISTICS.md P chart: sample 11 (0.181818) is above its own upper limit (n = 110)', () => {
    const point = pChart(counts(P_NUMERATORS, P_DENOMINATORS), { direction: 'decrease' }).points[10]!
    expect(point.value).toBeCloseTo(0.181818, 6)
    expect(point.upper).toBeCloseTo(0.1795822535, 10)
    expect(point.type).toBe('concern')
  })

  it('the 2σ band of a P chart is p̄ ± 2σ_i', () => {
    const point = pChart(counts(P_NUMERATORS, P_DENOMINATORS)).points[0]!
    const sigma = Math.sqrt((0.0955102040816327 * (1 - 0.0955102040816327)) / 100)
    expect(point.sigma).toBeCloseTo(sigma, 14)
    expect(point.upper2sigma).toBeCloseTo(0.0955102040816327 + 2 * sigma, 14)
    expect(point.lower2sigma).toBeCloseTo(0.0955102040816327 - 2 * sigma, 14)
  })
})

// Hand-checkable P′ example (docs/methods/attribute-charts.md): n = 100 each, p̄ = 0.1, σ_i = 0.03,
// z = 1, −1, 2, −2, moving ranges 2, 3, 4, AMR 3, σ_z = 3/1.128.
const LANEY_NUMERATORS = [13, 7, 16, 4]
const LANEY_DENOMINATORS = [100, 100, 100, 100]

describe('Laney P′ and U′', () => {
  it('hand-checked example: σ_z = AMR(z)/1.128 and σ′_i = σ_i·σ_z, the lower limit truncated at 0', () => {
    const result = pPrimeChart(counts(LANEY_NUMERATORS, LANEY_DENOMINATORS))
    const sigmaZ = 3 / 1.128
    expect(result.segments[0]!.sigmaZ).toBeCloseTo(sigmaZ, 12)
    const point = result.points[0]!
    expect(point.centre).toBeCloseTo(0.1, 14)
    expect(point.sigma).toBeCloseTo(0.03 * sigmaZ, 12)
    expect(point.upper).toBeCloseTo(0.1 + 3 * 0.03 * sigmaZ, 12)
    expect(point.upper).toBeCloseTo(0.3393617021, 9)
    expect(point.lower).toBe(0)
    expect(point.lower2sigma).toBe(0)
  })

  it('screening drops a moving range of at least 3.267·AMR before σ_z (the default profile)', () => {
    // z = 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, then a jump: ranges 0 × 9 and one large one, screened out.
    const numerators = [...Array.from({ length: 10 }, () => 10), 40]
    const denominators = numerators.map(() => 100)
    const screened = pPrimeChart(counts(numerators, denominators)).segments[0]!.sigmaZ
    const unscreened = pPrimeChart(counts(numerators, denominators), { profile: 'mdc_excel' }).segments[0]!.sigmaZ
    expect(unscreened).toBeGreaterThan(0)
    expect(screened).toBeLessThan(unscreened as number)
  })

  // reference-data/ae-weekly-4hour.csv: NHS England A&E attendances (qicharts2 nhs_accidents). With
  // denominators near 280,000 the P chart flags most weeks; P′ widens the limits by σ_z ≈ 10.6.
  // (Reproduced here, not a published value.)
  it('A&E weeks: the P chart signals in most weeks, the P′ chart in none, and σ_z is far above 1', () => {
    const weeks = readCounts('ae-weekly-4hour.csv')
    const p = pChart(weeks)
    const prime = pPrimeChart(weeks)
    expect(p.points.filter((point) => point.rule === 'outside_limits').length).toBeGreaterThanOrEqual(15)
    expect(prime.points.filter((point) => point.rule === 'outside_limits')).toEqual([])
    expect(prime.segments[0]!.sigmaZ).toBeGreaterThan(10)
    expect(p.segments[0]!.sigmaZ).toBe(prime.segments[0]!.sigmaZ)
  })

  it('U′ limits equal P′ limits on the same counts when no truncation applies', () => {
    const weeks = readCounts('harms-per-bed-day.csv')
    const p = pPrimeChart(weeks)
    const u = uPrimeChart(weeks)
    u.points.forEach((point, i) => {
      expect(point.upper).toBeCloseTo(p.points[i]!.upper, 12)
      expect(Math.max(point.lower, 0)).toBeCloseTo(p.points[i]!.lower, 12)
    })
  })
})

describe('attributeChart: data problems and options', () => {
  it('drops invalid counts with a warning and missing ones with missing_value', () => {
    const points: AttributeInputPoint[] = [
      ...counts([1, 2, 3], [10, 10, 10]),
      { period: '2020-01-27', numerator: 11, denominator: 10 },
      { period: '2020-02-03', numerator: 1, denominator: 0 },
      { period: '2020-02-10', numerator: null, denominator: 10 },
    ]
    const result = pChart(points)
    expect(result.points).toHaveLength(3)
    // The two dropped weeks also leave a gap, reported as irregular spacing.
    expect(result.issues.map((issue) => issue.code)).toEqual(['invalid_count', 'invalid_count', 'missing_value', 'irregular_spacing'])
    expect(result.issues[0]!.message).toContain('2020-01-27 (11 of 10)')
    expect(uChart(points).points).toHaveLength(4)
  })

  it('rejects duplicate periods', () => {
    const result = cChart([{ period: '2020-01-06', value: 1 }, { period: '2020-01-06', value: 2 }])
    expect(result.points).toEqual([])
    expect(result.issues.map((issue) => issue.code)).toEqual(['duplicate_period'])
  })

  it('throws on an impossible multiplier or baseline', () => {
    expect(() => pChart(counts([1], [2]), { multiplier: 0 })).toThrow('invalid multiplier: 0')
    expect(() => pChart(counts([1], [2]), { baseline: 5 })).toThrow('invalid baseline: 5')
    expect(() => attributeChart('x' as AttributeChartKind, [])).toThrow('invalid chart: "x"')
  })

  it('a rebase gives each segment its own centre line', () => {
    const points = counts([...Array.from({ length: 12 }, () => 10), ...Array.from({ length: 12 }, () => 30)], Array.from({ length: 24 }, () => 100))
    const result = pChart(points, { rebases: [{ date: points[12]!.period, reason: 'new pathway' }] })
    expect(result.segments.map((s) => s.centre)).toEqual([0.1, 0.3])
    expect(result.segments[1]!.reason).toBe('new pathway')
    expect(result.points.every((p) => p.rule === null)).toBe(true)
  })

  it('a baseline of k points fixes p̄ from the first k; later points are tested against it', () => {
    const points = counts([...Array.from({ length: 12 }, (_, i) => 10 + (i % 2)), 40], Array.from({ length: 13 }, () => 100))
    const result = pChart(points, { baseline: 12, target: 0.5 })
    expect(result.segments[0]!.centre).toBeCloseTo(0.105, 14)
    expect(result.points[12]!.rule).toBe('outside_limits')
    expect(result.variation).toBe('improvement')
    expect(result.assurance).toBe('fail')
  })
})

describe('exclusions on attribute charts', () => {
  it('an excluded point is left out of p̄ and σ_z (the moving ranges span it) but still flagged', () => {
    // Weeks of 100: 13, 7, [excluded 90], 16, 4 → the hand-checked P′ example with a wild week inside.
    const points = excluding(counts([13, 7, 90, 16, 4], [100, 100, 100, 100, 100]), [3])
    const result = pPrimeChart(points, { direction: 'decrease' })
    expect(result.segments[0]!.centre).toBeCloseTo(0.1, 14)
    expect(result.segments[0]!.sigmaZ).toBeCloseTo(3 / 1.128, 12)
    expect(result.segments[0]!.baselinePoints).toBe(4)
    const excluded = result.points[2]!
    expect(excluded.excluded).toBe('known cause')
    expect(excluded.rule).toBe('outside_limits')
    expect(excluded.type).toBe('concern')
  })
})
