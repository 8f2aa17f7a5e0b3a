import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addPeriods } from '../period.ts'
import { gChart } from './g-chart.ts'
import type { RareEventSegment } from './rare-event-segment.ts'
import { tChart } from './t-chart.ts'
import type { SpcInputPoint } from './types.ts'

function series(values: readonly number[]): SpcInputPoint[] {
  return values.map((value, i) => ({ period: addPeriods('2020-01-06', 'week', i), value }))
}

const counts = fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 60 })
const times = fc.array(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 60 })

function expectOrdered(s: RareEventSegment): void {
  expect(s.lower).toBeGreaterThanOrEqual(0)
  expect(s.lower).toBeLessThanOrEqual(s.lower2sigma)
  expect(s.lower2sigma).toBeLessThanOrEqual(s.mean)
  expect(s.mean).toBeLessThanOrEqual(s.upper2sigma)
  expect(s.upper2sigma).toBeLessThanOrEqual(s.upper)
  expect(s.centre).toBeGreaterThanOrEqual(s.lower)
  expect(s.centre).toBeLessThanOrEqual(s.upper)
}

describe('gChart properties', () => {
  it('orders lower ≤ lower 2σ ≤ mean ≤ upper 2σ ≤ upper, with the median between the limits', () => {
    fc.assert(fc.property(counts, (values) => expectOrdered(gChart(series(values)).segments[0]!)))
  })

  it('never flags a count below the lower limit (it is 0)', () => {
    fc.assert(
      fc.property(counts, (values) => {
        const result = gChart(series(values))
        expect(result.segments[0]!.lower).toBe(0)
        expect(result.points.every((p) => p.rule === null || p.value > p.upper)).toBe(true)
      }),
    )
  })
})

describe('tChart properties', () => {
  it('orders lower ≤ lower 2σ ≤ centre ≤ upper 2σ ≤ upper', () => {
    fc.assert(fc.property(times, (values) => expectOrdered(tChart(series(values)).segments[0]!)))
  })

  it('scales its centre line and limits by k when every time is scaled by k (days to hours)', () => {
    fc.assert(
      fc.property(times, fc.double({ min: 1e-2, max: 1e2, noNaN: true }), (values, k) => {
        const s0 = tChart(series(values)).segments[0]!
        const s1 = tChart(series(values.map((t) => t * k))).segments[0]!
        for (const key of ['centre', 'upper', 'lower', 'upper2sigma', 'lower2sigma'] as const) {
          expect(Math.abs(s1[key] - s0[key] * k)).toBeLessThanOrEqual(1e-9 * Math.max(s0.upper * k, 1e-300))
        }
      }),
    )
  })
})
