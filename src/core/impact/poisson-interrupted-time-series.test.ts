import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { poissonInterruptedTimeSeries } from './poisson-interrupted-time-series.ts'

// Sicily acute coronary events (Lopez Bernal, Cummins & Gasparrini, Int J Epidemiol 2017, tutorial
// data; shared/reference-data): 59 months, smoking ban from month 37, offset log(stdpop), with a
// level and a slope change. Expected values computed independently by maximising the Poisson
// log-likelihood with SciPy 1.17 (optimize.minimize, trust-exact), not by IRLS. (The tutorial's own
// model has no slope-change term, so its published rate ratio is not comparable.)
const rows = readFileSync(new URL('../../../test/reference-data/sicily-acute-coronary-events.csv', import.meta.url), 'utf8').trim().split('\n').slice(1)
const counts = rows.map((line) => Number(line.split(',')[2]))
const populations = rows.map((line) => Number(line.split(',')[6]))

interface Row {
  readonly name: 'intercept' | 'preSlope' | 'levelChange' | 'slopeChange'
  readonly estimate: number
  readonly se: number
  readonly lower?: number
  readonly upper?: number
  readonly p?: number
}

describe('poissonInterruptedTimeSeries, Sicily', () => {
  const result = poissonInterruptedTimeSeries(counts, populations, { changeIndex: 36 })
  const r = result.value

  it.each([
    { name: 'intercept', estimate: -6.241430679607596, se: 0.012253486267631128 },
    { name: 'preSlope', estimate: 0.004854916048152363, se: 0.0005638416075662954, lower: 1.0037568461258206, upper: 1.0059778215805844 },
    { name: 'levelChange', estimate: -0.11411102634864705, se: 0.018689898148769812, lower: 0.8600690918553276, upper: 0.9254459966758329, p: 1.0248439492387965e-9 },
    { name: 'slopeChange', estimate: 0.0004168453492204664, se: 0.0012129834227513673, lower: 0.9980413621661668, upper: 1.0027981567245852, p: 0.7311072878527449 },
  ] satisfies Row[])('$name: β = $estimate, SE $se', (c) => {
    const actual = r?.coefficients[c.name]
    expect(actual?.estimate).toBeCloseTo(c.estimate, 9)
    expect(actual?.se).toBeCloseTo(c.se, 9)
    expect(actual?.rateRatio).toBeCloseTo(Math.exp(c.estimate), 9)
    if (c.lower !== undefined) expect(actual?.rateRatioLower).toBeCloseTo(c.lower, 8)
    if (c.upper !== undefined) expect(actual?.rateRatioUpper).toBeCloseTo(c.upper, 8)
    if (c.p !== undefined) expect(Math.abs((actual?.p ?? 0) / c.p - 1)).toBeLessThan(1e-5)
  })

  it('level change: rate ratio 0.892 (0.860, 0.925); deviance, dispersion and effect at the end', () => {
    expect(result.issues).toEqual([])
    expect(r?.coefficients.levelChange.rateRatio).toBeCloseTo(0.8922, 4)
    expect(r?.deviance).toBeCloseTo(197.1915123863771, 7)
    expect(r?.dispersion).toBeCloseTo(3.6213771121461122, 8)
    expect(r?.effectAtEnd.estimate).toBeCloseTo(-0.10452358331657632, 9)
    expect(r?.effectAtEnd.se).toBeCloseTo(0.02691135846268985, 9)
    expect(r?.effectAtEnd.rateRatio).toBeCloseTo(0.9007535544001632, 9)
  })

  it('the counterfactual equals the fitted counts before the change', () => {
    for (let i = 0; i < 36; i++) expect((r?.counterfactual[i] ?? 0) / (r?.fitted[i] ?? 1)).toBeCloseTo(1, 12)
  })
})

describe('poissonInterruptedTimeSeries, refusals and checks', () => {
  it('fewer than 3 points after the change: no estimate, and the reason', () => {
    const result = poissonInterruptedTimeSeries([5, 6, 7, 8, 9], [100, 100, 100, 100, 100], { changeIndex: 3 })
    expect(result.value).toBeUndefined()
    expect(result.issues.map((i) => i.code)).toEqual(['too_few_points'])
  })

  it('throws on a negative count or a zero population', () => {
    expect(() => poissonInterruptedTimeSeries([1, -2, 3], [1, 1, 1], { changeIndex: 1 })).toThrow('invalid count at index 1: -2')
    expect(() => poissonInterruptedTimeSeries([1, 2, 3], [1, 0, 1], { changeIndex: 1 })).toThrow('invalid population at index 1: 0')
  })

  it('recovers exact rates: counts = population × exp(β·x) give those β', () => {
    const populations2 = Array.from({ length: 12 }, (_, i) => 1000 + 100 * i)
    const truth = [-3, 0.05, -0.4, 0.1]
    const exact = populations2.map((p, i) => {
      const post = i >= 6 ? 1 : 0
      return p * Math.exp((truth[0] ?? 0) + (truth[1] ?? 0) * (i + 1) + post * ((truth[2] ?? 0) + (truth[3] ?? 0) * (i - 5)))
    })
    // Non-integer "counts" are refused, so scale up and round, then allow for the rounding.
    const scaled = exact.map((c) => Math.round(c * 1000))
    const r = poissonInterruptedTimeSeries(scaled, populations2, { changeIndex: 6 }).value
    expect(r?.coefficients.preSlope.estimate).toBeCloseTo(0.05, 4)
    expect(r?.coefficients.levelChange.estimate).toBeCloseTo(-0.4, 4)
    expect(r?.coefficients.slopeChange.estimate).toBeCloseTo(0.1, 4)
  })
})
