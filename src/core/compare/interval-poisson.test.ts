import { describe, expect, it } from 'vitest'
import { exactPoissonInterval } from './interval-poisson.ts'

// Exact (Garwood) 95% limits for a Poisson count, as tabulated by Ulm K. A simple method to
// calculate the confidence interval of a standardized mortality ratio. Am J Epidemiol
// 1990;131:373–375 (and Sahai & Khurshid 1993), to the digits printed there; full-precision
// values from scipy 1.17: stats.chi2.ppf(0.025, 2x)/2 and stats.chi2.ppf(0.975, 2x + 2)/2.
describe('exactPoissonInterval, published 95% limits', () => {
  it.each([
    { count: 0, lower: 0, upper: 3.6888794541139354 },
    { count: 1, lower: 0.025317807984289876, upper: 5.571643390938898 },
    { count: 5, lower: 1.6234863901184207, upper: 11.66833207932267 },
    { count: 10, lower: 4.7953886961324335, upper: 18.39035604201778 },
    { count: 30, lower: 20.240874021420915, upper: 42.82686539480766 },
  ])('$count → ($lower, $upper)', ({ count, lower, upper }) => {
    const interval = exactPoissonInterval(count)
    expect(interval.estimate).toBe(count)
    expect(interval.lower).toBeCloseTo(lower, 10)
    expect(interval.upper).toBeCloseTo(upper, 10)
  })

  it('divides by the exposure: 10 events in 2,000 bed days', () => {
    const interval = exactPoissonInterval(10, 2000)
    expect(interval.estimate).toBe(0.005)
    expect(interval.lower).toBeCloseTo(4.7953886961324335 / 2000, 12)
    expect(interval.upper).toBeCloseTo(18.39035604201778 / 2000, 12)
  })

  it('throws on a fractional count or no exposure', () => {
    expect(() => exactPoissonInterval(2.5)).toThrow('invalid count: 2.5')
    expect(() => exactPoissonInterval(2, 0)).toThrow('invalid exposure: 0')
  })
})
