import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { addPeriods } from '../period.ts'
import { runChart } from './run-chart.ts'
import type { SpcInputPoint } from './types.ts'

function series(values: readonly number[]): SpcInputPoint[] {
  return values.map((value, i) => ({ period: addPeriods('2020-01-06', 'week', i), value }))
}

/** Integer data: the median of shifted data is exactly the shifted median. */
const integers = fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 1, maxLength: 80 })

describe('runChart properties', () => {
  it('adding a constant shifts the centre line by it and leaves the runs analysis unchanged', () => {
    fc.assert(
      fc.property(integers, fc.integer({ min: -1e6, max: 1e6 }), (values, c) => {
        const before = runChart(series(values)).segments[0]!
        const after = runChart(series(values.map((v) => v + c))).segments[0]!
        expect(after.centre).toBe(before.centre + c)
        expect(after.runs).toEqual(before.runs)
      }),
    )
  })

  it('scaling by a positive constant, or reversing the sign, leaves the runs analysis unchanged', () => {
    fc.assert(
      fc.property(integers, fc.integer({ min: 1, max: 1000 }), (values, k) => {
        const before = runChart(series(values)).segments[0]!.runs
        expect(runChart(series(values.map((v) => v * k))).segments[0]!.runs).toEqual(before)
        expect(runChart(series(values.map((v) => -v))).segments[0]!.runs).toEqual(before)
      }),
    )
  })

  it('has a centre line between the smallest and largest value and consistent runs counts', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 80 }), (values) => {
        const { centre, runs } = runChart(series(values)).segments[0]!
        expect(centre).toBeGreaterThanOrEqual(Math.min(...values))
        expect(centre).toBeLessThanOrEqual(Math.max(...values))
        expect(runs.usefulPoints).toBe(values.filter((v) => v !== centre).length)
        expect(runs.longestRun).toBeLessThanOrEqual(runs.usefulPoints)
        expect(runs.crossings).toBeLessThanOrEqual(Math.max(runs.usefulPoints - 1, 0))
        expect(runs.signal).toBe(runs.longestRun > runs.longestRunMax || runs.crossings < runs.crossingsMin)
      }),
    )
  })
})
