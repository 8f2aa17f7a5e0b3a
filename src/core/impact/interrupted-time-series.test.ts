import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { interruptedTimeSeries, type InterruptedTimeSeries } from './interrupted-time-series.ts'

// STATISTICS.md section 6 has no numeric worked example. Expected values below were computed
// independently with NumPy 2.4 / SciPy 1.17 (explicit matrix formulas, not this code), and the
// point estimates of the first example can be checked by hand (docs/methods/interrupted-time-series.md).
interface Expected {
  readonly estimate: number
  readonly se: number
  readonly lower: number
  readonly upper: number
  readonly p: number
}

function expectEstimate(actual: Expected, expected: Expected): void {
  expect(actual.estimate).toBeCloseTo(expected.estimate, 10)
  expect(actual.se).toBeCloseTo(expected.se, 10)
  expect(actual.lower).toBeCloseTo(expected.lower, 9)
  expect(actual.upper).toBeCloseTo(expected.upper, 9)
  expect(Math.abs(actual.p - expected.p)).toBeLessThan(1e-9 * Math.max(1, expected.p) + 1e-12)
}

function fit(values: readonly number[], changeIndex: number, lag?: number): InterruptedTimeSeries {
  const result = interruptedTimeSeries(values, lag === undefined ? { changeIndex } : { changeIndex, lag })
  expect(result.issues).toEqual([])
  if (result.value === undefined) throw new Error('expected an estimate')
  return result.value
}

const HAND = [10, 12, 11, 13, 20, 21, 23, 22]

describe('interruptedTimeSeries, hand example (4 before, 4 after)', () => {
  const r = fit(HAND, 4)

  it('point estimates: intercept 9.5, slope 0.8, level change 6.8, no slope change', () => {
    expect(r.n).toBe(8)
    expect(r.nPre).toBe(4)
    expect(r.nPost).toBe(4)
    expect(r.df).toBe(4)
    expect(r.coefficients.intercept.estimate).toBeCloseTo(9.5, 12)
    expect(r.coefficients.preSlope.estimate).toBeCloseTo(0.8, 12)
    expect(r.coefficients.levelChange.estimate).toBeCloseTo(6.8, 12)
    expect(r.coefficients.slopeChange.estimate).toBeCloseTo(0, 12)
    expect(r.counterfactual.at(-1)).toBeCloseTo(15.9, 12)
    expect(r.fitted.at(-1)).toBeCloseTo(22.7, 12)
    expect(r.relativeEffectAtEnd).toBeCloseTo(6.8 / 15.9, 12)
  })

  it('Newey–West (lag 1) standard errors, t(4) intervals and p-values', () => {
    expectEstimate(r.coefficients.intercept, { estimate: 9.5, se: 0.6, lower: 7.834132936881339, upper: 11.16586706311869, p: 9.298226315129425e-5 })
    expectEstimate(r.coefficients.preSlope, { estimate: 0.8, se: 0.22045407685048632, lower: 0.18792135740756488, upper: 1.4120786425924268, p: 0.022182008808478402 })
    expectEstimate(r.coefficients.levelChange, { estimate: 6.8, se: 0.8669486720677368, lower: 4.392964602979819, upper: 9.20703539702021, p: 0.0014270352655374157 })
    expect(r.coefficients.slopeChange.se).toBeCloseTo(0.34496376621320807, 10)
    expect(r.coefficients.slopeChange.upper).toBeCloseTo(0.9577729601732582, 9)
    expect(r.coefficients.slopeChange.p).toBeCloseTo(1, 9)
    expectEstimate(r.postSlope, { estimate: 0.8, se: 0.29427877939124436, lower: -0.01704887660440524, upper: 1.6170488766043982, p: 0.05306842467467925 })
    expectEstimate(r.effectAtEnd, { estimate: 6.8, se: 1.375354499756339, lower: 2.98140373123977, upper: 10.618596268760264, p: 0.007793492793004225 })
  })

  it('Durbin–Watson 28/9 and lag-1 autocorrelation −0.63611', () => {
    expect(r.durbinWatson).toBeCloseTo(3.1111111111111147, 12)
    expect(r.autocorrelation).toBeCloseTo(-0.6361111111111138, 12)
  })

  it('lag 0 gives heteroscedasticity-robust (HC1) errors', () => {
    const r0 = fit(HAND, 4, 0)
    expect(r0.coefficients.intercept.se).toBeCloseTo(0.7937253933193843, 10)
    expect(r0.coefficients.slopeChange.se).toBeCloseTo(0.44, 10)
    expect(r0.effectAtEnd.se).toBeCloseTo(1.7492855684536088, 10)
  })
})

describe('interruptedTimeSeries, Sicily acute coronary events (reference-data)', () => {
  // Lopez Bernal, Cummins & Gasparrini 2017 tutorial data: 59 months, smoking ban from month 37.
  // Linear model of the standardised rate per 100,000 (aces / stdpop × 1e5); values from NumPy/SciPy.
  const rows = readFileSync(new URL('../../../test/reference-data/sicily-acute-coronary-events.csv', import.meta.url), 'utf8').trim().split('\n').slice(1)
  const rate = rows.map((line) => {
    const cells = line.split(',')
    return (Number(cells[2]) / Number(cells[6])) * 1e5
  })
  const r = fit(rate, 36)

  it('level change −24.84 (−38.45, −11.24), slope change 0.127, DW 1.594', () => {
    expect(r.n).toBe(59)
    expectEstimate(r.coefficients.levelChange, { estimate: -24.844363586436344, se: 6.790257010493209, lower: -38.452342725507805, upper: -11.23638444736488, p: 0.0005688397194321504 })
    expectEstimate(r.coefficients.slopeChange, { estimate: 0.12722044289129783, se: 0.4105031277042572, lower: -0.6954462087082967, upper: 0.9498870944908924, p: 0.7577980083109113 })
    expectEstimate(r.postSlope, { estimate: 1.1630690782039703, se: 0.37540020735179735, lower: 0.41075025101493734, upper: 1.9153879053930032, p: 0.003064681016877688 })
    expect(r.durbinWatson).toBeCloseTo(1.5939636367438201, 10)
    expect(r.autocorrelation).toBeCloseTo(0.2024682229419373, 10)
    expect(r.relativeEffectAtEnd).toBeCloseTo(-0.0858787171999015, 10)
  })
})

describe('interruptedTimeSeries refusals', () => {
  it.each([
    { changeIndex: 2, before: 2, after: 6 },
    { changeIndex: 6, before: 6, after: 2 },
    { changeIndex: 0, before: 0, after: 8 },
  ])('$before before and $after after: no estimate, and the reason', ({ changeIndex, before, after }) => {
    const result = interruptedTimeSeries(HAND, { changeIndex })
    expect(result.value).toBeUndefined()
    expect(result.issues).toEqual([
      {
        severity: 'error',
        code: 'too_few_points',
        message: `Interrupted time series needs at least 3 points before and 3 after the change; there are ${before} before and ${after} after, so no estimate is made.`,
        value: `${before} before, ${after} after`,
        expected: 'at least 3 on each side',
      },
    ])
  })

  it('throws on a non-finite value, quoting it', () => {
    expect(() => interruptedTimeSeries([1, 2, Number.NaN, 4, 5, 6], { changeIndex: 3 })).toThrow('invalid value at index 2: NaN')
  })
})
