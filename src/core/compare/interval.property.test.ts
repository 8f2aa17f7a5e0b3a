import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { proportionDifference } from './interval-contrasts.ts'
import { exactPoissonInterval } from './interval-poisson.ts'
import { wilsonInterval } from './interval-wilson.ts'

const level = fc.constantFrom(0.8, 0.9, 0.95, 0.99, 0.998)
const proportion = fc.integer({ min: 1, max: 100_000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)))

describe('interval properties', () => {
  it('the Wilson interval lies within [0, 1] and contains p̂', () => {
    fc.assert(
      fc.property(proportion, level, ([x, n], l) => {
        const i = wilsonInterval(x, n, l)
        expect(i.lower).toBeGreaterThanOrEqual(0)
        expect(i.upper).toBeLessThanOrEqual(1)
        expect(i.lower).toBeLessThanOrEqual(i.estimate)
        expect(i.upper).toBeGreaterThanOrEqual(i.estimate)
      }),
    )
  })

  it('the exact Poisson interval contains the rate, and widens with the level', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.double({ min: 1e-3, max: 1e7, noNaN: true }), (count, exposure) => {
        const i95 = exactPoissonInterval(count, exposure, 0.95)
        const i99 = exactPoissonInterval(count, exposure, 0.99)
        expect(i95.lower).toBeGreaterThanOrEqual(0)
        expect(i95.lower).toBeLessThanOrEqual(i95.estimate)
        expect(i95.upper).toBeGreaterThan(i95.estimate)
        expect(i99.lower).toBeLessThanOrEqual(i95.lower)
        expect(i99.upper).toBeGreaterThan(i95.upper)
      }),
    )
  })

  it('the Newcombe difference lies within [−1, 1] and contains the difference', () => {
    fc.assert(
      fc.property(proportion, proportion, level, ([x1, n1], [x2, n2], l) => {
        const d = proportionDifference({ numerator: x1, denominator: n1 }, { numerator: x2, denominator: n2 }, l)
        expect(d.lower).toBeGreaterThanOrEqual(-1 - 1e-12)
        expect(d.upper).toBeLessThanOrEqual(1 + 1e-12)
        expect(d.lower).toBeLessThanOrEqual(d.estimate + 1e-12)
        expect(d.upper).toBeGreaterThanOrEqual(d.estimate - 1e-12)
      }),
    )
  })
})
