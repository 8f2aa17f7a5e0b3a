import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addPeriods } from '../period.ts'
import { attributeChart } from './attribute-chart.ts'
import { ATTRIBUTE_CHART_KINDS, type AttributeInputPoint, type AttributeResult } from './attribute-types.ts'
import { pChart, pPrimeChart } from './p-chart.ts'
import { PROFILES } from './types.ts'
import { uChart, uPrimeChart } from './u-chart.ts'
import { cChart } from './c-chart.ts'

function series(counts: readonly (readonly [number, number])[]): AttributeInputPoint[] {
  return counts.map(([numerator, denominator], i) => ({ period: addPeriods('2020-01-06', 'week', i), numerator, denominator }))
}

/** (numerator, denominator) with numerator ≤ denominator, so every chart kind accepts it. */
const count = fc.integer({ min: 1, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n)))
const countSeries = fc.array(count, { minLength: 1, maxLength: 40 })
const kind = fc.constantFrom(...ATTRIBUTE_CHART_KINDS)
const profile = fc.constantFrom(...PROFILES)

function close(a: number, b: number): boolean {
  return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))
}

function limits(result: AttributeResult): number[][] {
  return result.points.map((p) => [p.lower, p.lower2sigma, p.centre, p.upper2sigma, p.upper])
}

describe('attribute chart properties', () => {
  it('limits are ordered: lower ≤ lower 2σ ≤ centre ≤ upper 2σ ≤ upper, all ≥ 0, proportions ≤ 1', () => {
    fc.assert(
      fc.property(countSeries, kind, profile, (counts, k, p) => {
        const result = attributeChart(k, series(counts), { profile: p })
        for (const point of result.points) {
          expect(point.lower).toBeGreaterThanOrEqual(0)
          expect(point.lower).toBeLessThanOrEqual(point.lower2sigma)
          expect(point.lower2sigma).toBeLessThanOrEqual(point.centre)
          expect(point.centre).toBeLessThanOrEqual(point.upper2sigma)
          expect(point.upper2sigma).toBeLessThanOrEqual(point.upper)
          if (k === 'p' || k === 'p_prime') expect(point.upper).toBeLessThanOrEqual(1)
        }
      }),
    )
  })

  it('P′ limits in per cent ÷ 100 equal U′ limits (truncated at 1), and P′ per cent equals U′ per 100', () => {
    fc.assert(
      fc.property(countSeries, profile, (counts, p) => {
        const points = series(counts)
        const percent = pPrimeChart(points, { profile: p, multiplier: 100 })
        const perUnit = uPrimeChart(points, { profile: p })
        const per100 = uPrimeChart(points, { profile: p, multiplier: 100 })
        percent.points.forEach((point, i) => {
          const u = perUnit.points[i]!
          const u100 = per100.points[i]!
          expect(close(point.upper / 100, Math.min(u.upper, 1))).toBe(true)
          expect(close(point.lower / 100, u.lower)).toBe(true)
          expect(close(point.upper, Math.min(u100.upper, 100))).toBe(true)
          expect(close(point.lower, u100.lower)).toBe(true)
        })
      }),
    )
  })

  it('with very large equal denominators P limits narrow as 1/√n while P′ limits do not move', () => {
    const proportions = fc.array(fc.integer({ min: 100, max: 900 }), { minLength: 2, maxLength: 30 })
    fc.assert(
      fc.property(proportions, fc.integer({ min: 2, max: 1000 }), (perMille, k) => {
        const at = (n: number): AttributeInputPoint[] => series(perMille.map((q) => [q * n, 1000 * n] as const))
        const width = (result: AttributeResult): number => result.points[0]!.upper - result.points[0]!.lower
        const small = 1e3
        const large = small * k * k
        expect(close(width(pChart(at(large))), width(pChart(at(small))) / k)).toBe(true)
        expect(close(width(pPrimeChart(at(large))), width(pPrimeChart(at(small))))).toBe(true)
      }),
    )
  })

  it('does not depend on the order of the inputs (they are sorted by period)', () => {
    fc.assert(
      fc.property(countSeries.chain((counts) => fc.tuple(fc.constant(counts), fc.shuffledSubarray(series(counts), { minLength: counts.length }))), kind, profile, ([counts, shuffled], k, p) => {
        const sorted = attributeChart(k, series(counts), { profile: p })
        const unsorted = attributeChart(k, shuffled, { profile: p })
        expect(unsorted).toEqual(sorted)
        expect(limits(unsorted)).toEqual(limits(sorted))
      }),
    )
  })

  it('a C chart is a U chart with every denominator 1', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 40 }), profile, (values, p) => {
        const c = cChart(values.map((value, i) => ({ period: addPeriods('2020-01-06', 'week', i), value })), { profile: p })
        const u = uChart(series(values.map((v) => [v, 1] as const)), { profile: p })
        expect(limits(c)).toEqual(limits(u))
        expect(c.points.map((point) => point.rule)).toEqual(u.points.map((point) => point.rule))
      }),
    )
  })
})
