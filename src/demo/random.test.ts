import { describe, expect, it } from 'vitest'
import { createRandom, deriveSeed } from './random.ts'

const draws = (seed: number, n: number) => {
  const random = createRandom(seed)
  return Array.from({ length: n }, () => random.next())
}
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length
const variance = (values: readonly number[]) => {
  const m = mean(values)
  return values.reduce((a, b) => a + (b - m) ** 2, 0) / (values.length - 1)
}

describe('createRandom', () => {
  it('repeats the same sequence for the same seed and differs for another seed', () => {
    expect(draws(42, 100)).toEqual(draws(42, 100))
    expect(draws(42, 100)).not.toEqual(draws(43, 100))
  })

  it('is pinned: the first draws of seed 1 never change between machines or versions', () => {
    // Golden values, cross-checked against an independent Python sfc32/splitmix32; if this fails,
    // every demo number changes too.
    expect(draws(1, 3).map((x) => x.toFixed(10))).toMatchInlineSnapshot(`
      [
        "0.5636717735",
        "0.5851113414",
        "0.8959073920",
      ]
    `)
  })

  it('draws uniforms in [0, 1) with mean 1/2 and variance 1/12', () => {
    const values = draws(7, 20_000)
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0)
    expect(Math.max(...values)).toBeLessThan(1)
    expect(mean(values)).toBeCloseTo(0.5, 2)
    expect(variance(values)).toBeCloseTo(1 / 12, 2)
  })

  it('draws normals with the requested mean and sd', () => {
    const random = createRandom(3)
    const values = Array.from({ length: 20_000 }, () => random.normal(10, 2))
    expect(mean(values)).toBeCloseTo(10, 1)
    expect(Math.sqrt(variance(values))).toBeCloseTo(2, 1)
  })

  it.each([
    { n: 8, p: 0.3, path: 'Bernoulli sum' },
    { n: 400, p: 0.02, path: 'inversion' },
    { n: 400, p: 0.97, path: 'inversion of the complement' },
    { n: 2_000, p: 0.58, path: 'normal approximation' },
  ])('draws binomials with mean np and variance np(1−p) ($path)', ({ n, p }) => {
    const random = createRandom(11)
    const values = Array.from({ length: 20_000 }, () => random.binomial(n, p))
    expect(values.every((k) => Number.isInteger(k) && k >= 0 && k <= n)).toBe(true)
    expect(Math.abs(mean(values) - n * p)).toBeLessThan(0.05 * Math.sqrt(n * p * (1 - p)) + 0.01)
    expect(variance(values) / (n * p * (1 - p))).toBeGreaterThan(0.93)
    expect(variance(values) / (n * p * (1 - p))).toBeLessThan(1.07)
  })

  it('gives the certain answers at the edges', () => {
    const random = createRandom(5)
    expect(random.binomial(0, 0.5)).toBe(0)
    expect(random.binomial(50, 0)).toBe(0)
    expect(random.binomial(50, 1)).toBe(50)
  })

  it('rejects impossible arguments, quoting the value', () => {
    const random = createRandom(5)
    expect(() => random.binomial(2.5, 0.5)).toThrow('invalid binomial n: 2.5')
    expect(() => random.binomial(10, 1.5)).toThrow('invalid binomial p: 1.5')
    expect(() => random.binomial(10, Number.NaN)).toThrow('invalid binomial p: NaN')
    expect(() => createRandom(Number.POSITIVE_INFINITY)).toThrow('invalid seed: Infinity')
  })

  it('shuffles into a permutation without touching the input', () => {
    const items = Array.from({ length: 50 }, (_, i) => i)
    const shuffled = createRandom(9).shuffle(items)
    expect(shuffled).not.toEqual(items)
    expect([...shuffled].sort((a, b) => a - b)).toEqual(items)
    expect(items[0]).toBe(0)
  })
})

describe('deriveSeed', () => {
  it('gives different streams for different labels and the same for the same label', () => {
    expect(deriveSeed(1, 'riverside/bp-control/eastgate')).toBe(deriveSeed(1, 'riverside/bp-control/eastgate'))
    expect(deriveSeed(1, 'riverside/bp-control/eastgate')).not.toBe(deriveSeed(1, 'riverside/bp-control/westbrook'))
    expect(deriveSeed(1, 'a')).not.toBe(deriveSeed(2, 'a'))
  })
})
