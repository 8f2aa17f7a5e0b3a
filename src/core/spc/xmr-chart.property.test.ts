import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addPeriods } from '../period.ts'
import { PROFILES, type SpcInputPoint, type SpcResult } from './types.ts'
import { xmrChart } from './xmr-chart.ts'

function series(values: readonly number[]): SpcInputPoint[] {
  return values.map((value, i) => ({ period: addPeriods('2020-01-06', 'week', i), value }))
}

const profile = fc.constantFrom(...PROFILES)
const direction = fc.constantFrom('increase' as const, 'decrease' as const, 'neutral' as const)
/** Integer data: moving ranges are exact, so shifting the data cannot move a range across the screening cut. */
const integers = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 2, maxLength: 60 })

function marks(result: SpcResult): unknown[] {
  return result.points.map((p) => [p.rule, p.type])
}

describe('xmrChart properties', () => {
  it('limits and near band are symmetric about the centre line', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 60 }), profile, (values, p) => {
        for (const s of xmrChart(series(values), { profile: p }).segments) {
          const scale = Math.max(1, Math.abs(s.centre), s.upper - s.centre)
          expect(Math.abs(s.upper - s.centre - (s.centre - s.lower)) / scale).toBeLessThan(1e-12)
          expect(Math.abs(s.upper2sigma - s.centre - (s.centre - s.lower2sigma)) / scale).toBeLessThan(1e-12)
          expect(s.upper2sigma).toBeLessThanOrEqual(s.upper)
        }
      }),
    )
  })

  it('adding a constant shifts centre and limits by it and leaves the rules unchanged', () => {
    fc.assert(
      fc.property(integers, fc.integer({ min: -1e6, max: 1e6 }), profile, direction, (values, c, p, d) => {
        const before = xmrChart(series(values), { profile: p, direction: d })
        const after = xmrChart(series(values.map((v) => v + c)), { profile: p, direction: d })
        const s0 = before.segments[0]!
        const s1 = after.segments[0]!
        expect(s1.centre).toBeCloseTo(s0.centre + c, 6)
        expect(s1.upper).toBeCloseTo(s0.upper + c, 6)
        expect(s1.lower).toBeCloseTo(s0.lower + c, 6)
        expect(marks(after)).toEqual(marks(before))
        expect(s1.runs).toEqual(s0.runs)
      }),
    )
  })

  it('scaling by a positive constant scales the limits (and, by a power of two, keeps the rules)', () => {
    fc.assert(
      fc.property(integers, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), fc.integer({ min: -20, max: 20 }), profile, (values, k, e, p) => {
        const s0 = xmrChart(series(values), { profile: p }).segments[0]!
        const s1 = xmrChart(series(values.map((v) => v * k)), { profile: p }).segments[0]!
        const tolerance = 1e-9 * Math.max(1, Math.abs(s0.upper), Math.abs(s0.lower)) * k
        expect(Math.abs(s1.upper - s0.upper * k)).toBeLessThan(tolerance)
        expect(Math.abs(s1.lower - s0.lower * k)).toBeLessThan(tolerance)
        const twoToE = 2 ** e
        expect(marks(xmrChart(series(values.map((v) => v * twoToE)), { profile: p }))).toEqual(marks(xmrChart(series(values), { profile: p })))
      }),
    )
  })

  it('returns no NaN for any finite input of two or more values', () => {
    const finite = fc.double({ noNaN: true, noDefaultInfinity: true })
    fc.assert(
      fc.property(fc.array(finite, { minLength: 2, maxLength: 40 }), profile, fc.boolean(), (values, p, exclude) => {
        const input = series(values).map((point, i) => (exclude && i % 5 === 1 ? { ...point, excluded: 'x' } : point))
        const result = xmrChart(input, { profile: p, target: 0 })
        const numbers = [
          ...result.segments.flatMap((s) => [s.centre, s.upper, s.lower, s.upper2sigma, s.lower2sigma, ...Object.values(s.runs).filter((v) => typeof v === 'number')]),
          ...result.points.flatMap((pt) => [pt.value, pt.centre, pt.upper, pt.lower]),
        ]
        expect(numbers.filter((n) => Number.isNaN(n))).toEqual([])
        expect(result.points).toHaveLength(values.length)
      }),
    )
  })

  it('every point outside the limits is flagged and every flagged point is typed', () => {
    fc.assert(
      fc.property(integers, profile, direction, (values, p, d) => {
        for (const pt of xmrChart(series(values), { profile: p, direction: d }).points) {
          expect(pt.rule === 'outside_limits').toBe(pt.value > pt.upper || pt.value < pt.lower)
          expect(pt.type === 'common_cause').toBe(pt.rule === null)
        }
      }),
    )
  })
})
