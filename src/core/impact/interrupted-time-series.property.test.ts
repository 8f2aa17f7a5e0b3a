import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { interruptedTimeSeries } from './interrupted-time-series.ts'

const coefficient = fc.double({ min: -100, max: 100, noNaN: true })
const layout = fc.tuple(fc.integer({ min: 3, max: 40 }), fc.integer({ min: 3, max: 40 }))
const noise = fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 80, maxLength: 80 })

function estimate(values: readonly number[], changeIndex: number) {
  const result = interruptedTimeSeries(values, { changeIndex })
  if (result.value === undefined) throw new Error('expected an estimate')
  return result.value
}

describe('interruptedTimeSeries properties', () => {
  it('recovers an exact segmented line with zero residuals', () => {
    fc.assert(
      fc.property(layout, coefficient, coefficient, coefficient, coefficient, ([pre, post], b0, b1, b2, b3) => {
        const values = Array.from({ length: pre + post }, (_, i) => b0 + b1 * (i + 1) + (i >= pre ? b2 + b3 * (i - pre + 1) : 0))
        const r = estimate(values, pre)
        const scale = 1e-7 * (1 + Math.abs(b0) + Math.abs(b1) + Math.abs(b2) + Math.abs(b3))
        expect(Math.abs(r.coefficients.intercept.estimate - b0)).toBeLessThan(scale * (pre + post))
        expect(Math.abs(r.coefficients.preSlope.estimate - b1)).toBeLessThan(scale)
        expect(Math.abs(r.coefficients.levelChange.estimate - b2)).toBeLessThan(scale * (pre + post))
        expect(Math.abs(r.coefficients.slopeChange.estimate - b3)).toBeLessThan(scale)
        for (const e of r.residuals) expect(Math.abs(e)).toBeLessThan(scale * (pre + post))
      }),
    )
  })

  it('adding a constant to y shifts the intercept only', () => {
    fc.assert(
      fc.property(layout, noise, fc.double({ min: -1000, max: 1000, noNaN: true }), ([pre, post], e, shift) => {
        const values = e.slice(0, pre + post)
        const a = estimate(values, pre)
        const b = estimate(values.map((v) => v + shift), pre)
        const tol = 1e-7 * (1 + Math.abs(shift))
        expect(Math.abs(b.coefficients.intercept.estimate - a.coefficients.intercept.estimate - shift)).toBeLessThan(tol)
        for (const name of ['preSlope', 'levelChange', 'slopeChange'] as const) {
          expect(Math.abs(b.coefficients[name].estimate - a.coefficients[name].estimate)).toBeLessThan(tol)
          // Variances, not SEs: a square root would magnify rounding noise near a zero variance.
          expect(Math.abs(b.coefficients[name].se ** 2 - a.coefficients[name].se ** 2)).toBeLessThan(1e-9 * (1 + shift * shift))
        }
        expect(Math.abs(b.effectAtEnd.estimate - a.effectAtEnd.estimate)).toBeLessThan(tol)
      }),
    )
  })

  it('intervals contain their estimate and p lies in [0, 1]', () => {
    fc.assert(
      fc.property(layout, noise, ([pre, post], e) => {
        const r = estimate(e.slice(0, pre + post), pre)
        for (const c of [...Object.values(r.coefficients), r.postSlope, r.effectAtEnd]) {
          expect(c.lower).toBeLessThanOrEqual(c.estimate)
          expect(c.upper).toBeGreaterThanOrEqual(c.estimate)
          expect(c.p).toBeGreaterThanOrEqual(0)
          expect(c.p).toBeLessThanOrEqual(1)
        }
        expect(r.durbinWatson).toBeGreaterThanOrEqual(0)
        expect(r.durbinWatson).toBeLessThanOrEqual(4)
      }),
    )
  })
})
