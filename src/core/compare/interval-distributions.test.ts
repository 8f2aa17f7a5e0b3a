import { describe, expect, it } from 'vitest'
import { chiSquareQuantile, gammaP, gammaQ, gammaQuantile, logGamma, normalCdf, normalQuantile } from './interval-distributions.ts'

// Reference values: scipy 1.17 (special.gammaln, gammainc, gammaincc; stats.norm, chi2, gamma),
// which agree with Abramowitz & Stegun tables 26.1 and 26.8 to the digits printed there
// (e.g. z(0.975) = 1.959964, χ²(0.975; 12) = 23.3367, χ²(0.999; 100) = 149.449).
describe('logGamma', () => {
  it.each([
    { x: 0.5, expected: 0.5723649429247 }, // log √π
    { x: 10.3, expected: 13.482036786138359 },
    { x: 1e-3, expected: 6.907178885383853 },
    { x: 1, expected: 0 },
    { x: 5, expected: Math.log(24) },
  ])('log Γ($x) = $expected', ({ x, expected }) => {
    expect(logGamma(x)).toBeCloseTo(expected, 12)
  })

  it('throws on x ≤ 0, quoting the value', () => {
    expect(() => logGamma(0)).toThrow('invalid x: 0')
  })
})

describe('regularised incomplete gamma', () => {
  it('P(2.5, 1.7) and Q(30, 45)', () => {
    expect(gammaP(2.5, 1.7)).toBeCloseTo(0.36143007689620493, 13)
    expect(gammaQ(30, 45)).toBeCloseTo(0.007337199297796568, 14)
    expect(gammaP(30, 45) + gammaQ(30, 45)).toBeCloseTo(1, 14)
  })

  it('P(1, x) = 1 − e^−x', () => {
    expect(gammaP(1, 0.7)).toBeCloseTo(1 - Math.exp(-0.7), 14)
  })
})

describe('normal distribution', () => {
  it.each([
    { p: 0.975, expected: 1.959963984540054 },
    { p: 0.995, expected: 2.5758293035489004 },
    { p: 1e-10, expected: -6.361340902404056 },
    { p: 0.3, expected: -0.5244005127080409 },
    { p: 0.5, expected: 0 },
  ])('Φ⁻¹($p) = $expected', ({ p, expected }) => {
    expect(normalQuantile(p)).toBeCloseTo(expected, 12)
  })

  it('Φ(−1.5) and Φ(2.3)', () => {
    expect(normalCdf(-1.5)).toBeCloseTo(0.06680720126885807, 14)
    expect(normalCdf(2.3)).toBeCloseTo(0.9892758899783242, 14)
  })

  it('throws on p outside (0, 1)', () => {
    expect(() => normalQuantile(1)).toThrow('invalid probability: 1 (expected 0 < p < 1)')
  })
})

describe('chi-square and gamma quantiles', () => {
  it.each([
    { p: 0.025, df: 2, expected: 0.05063561596857975 },
    { p: 0.975, df: 12, expected: 23.33666415864534 },
    { p: 0.5, df: 1, expected: 0.454936423119572 },
    { p: 0.001, df: 7, expected: 0.598493752375376 },
    { p: 0.999, df: 100, expected: 149.44925277903886 },
  ])('χ²($p; $df) = $expected', ({ p, df, expected }) => {
    expect(chiSquareQuantile(p, df) / expected).toBeCloseTo(1, 12)
  })

  it.each([
    { p: 0.025, shape: 0.5, expected: 0.0004910345585876278 },
    { p: 0.975, shape: 30.5, expected: 42.23821872140453 },
    { p: 0.1, shape: 3, expected: 1.1020653282493214 },
  ])('gamma quantile ($p; shape $shape) = $expected', ({ p, shape, expected }) => {
    expect(gammaQuantile(p, shape) / expected).toBeCloseTo(1, 12)
  })
})
