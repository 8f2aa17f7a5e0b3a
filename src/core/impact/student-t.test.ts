import { describe, expect, it } from 'vitest'
import { incompleteBeta, studentTCdf, studentTQuantile, studentTTwoSidedP } from './student-t.ts'

// Reference values: scipy 1.17 (stats.t.ppf, stats.t.cdf, special.betainc); they agree with the
// printed t tables (e.g. Abramowitz & Stegun table 26.10: t(0.975; 1) = 12.706, t(0.975; 10) = 2.228,
// t(0.995; 3) = 5.841).
describe('Student t quantile', () => {
  it.each([
    { p: 0.975, df: 1, expected: 12.706204736174694 },
    { p: 0.975, df: 2, expected: 4.302652729749462 },
    { p: 0.975, df: 10, expected: 2.228138851986274 },
    { p: 0.975, df: 55, expected: 2.0040447832891455 },
    { p: 0.995, df: 3, expected: 5.840909309733355 },
    { p: 0.05, df: 7, expected: -1.8945786050900066 },
    { p: 0.975, df: 1.5, expected: 6.016663104427929 },
  ])('t($p; $df) = $expected', ({ p, df, expected }) => {
    expect(studentTQuantile(p, df)).toBeCloseTo(expected, 11)
  })
})

describe('Student t CDF and two-sided p', () => {
  it.each([
    { t: 2, df: 5, cdf: 0.9490302605850708, p: 0.10193947882985835 },
    { t: -1.3, df: 12, cdf: 0.10900858554175706, p: 0.21801717108351412 },
    { t: 0.5, df: 1, cdf: 0.6475836176504333, p: 0.7048327646991335 },
    { t: 4.2, df: 55, cdf: 0.9999507386981119, p: 9.852260377621929e-5 },
  ])('t = $t, df $df', ({ t, df, cdf, p }) => {
    expect(studentTCdf(t, df)).toBeCloseTo(cdf, 13)
    expect(studentTTwoSidedP(t, df) / p).toBeCloseTo(1, 11)
  })

  it('I_0.4(2.5, 3.5) = 0.4869041915261176', () => {
    expect(incompleteBeta(0.4, 2.5, 3.5)).toBeCloseTo(0.4869041915261176, 13)
  })

  it('throws on df ≤ 0', () => {
    expect(() => studentTCdf(1, 0)).toThrow('invalid degrees of freedom: 0 (expected df > 0)')
  })
})
