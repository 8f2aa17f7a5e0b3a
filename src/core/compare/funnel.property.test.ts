import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { funnelPlot } from './funnel.ts'
import type { FunnelOptions, FunnelType, FunnelUnit, FunnelUnitInput } from './funnel-types.ts'

const options = fc.record({
  type: fc.constantFrom<FunnelType>('proportion', 'ratio', 'rate'),
  method: fc.constantFrom('shmi' as const, 'cqc' as const),
  direction: fc.constantFrom('increase' as const, 'decrease' as const, 'neutral' as const),
})

/** Units with distinct names; numerators ≥ 1 (the SHMI log needs O > 0) and ≤ the denominator. */
const unitList = fc
  .array(fc.record({ denominator: fc.integer({ min: 1, max: 5000 }), share: fc.double({ min: 0, max: 1, noNaN: true }) }), {
    minLength: 1,
    maxLength: 30,
  })
  .map((rows) =>
    rows.map(({ denominator, share }, i): FunnelUnitInput => ({
      unit: `u${i}`,
      denominator,
      numerator: Math.max(1, Math.round(share * denominator)),
    })),
  )

const input = fc.tuple(unitList, options)

describe('funnelPlot properties', () => {
  it('reordering the units changes no unit’s result', () => {
    fc.assert(
      fc.property(input, fc.infiniteStream(fc.nat()), ([units, opts], seeds) => {
        const keys = units.map(() => seeds.next().value)
        const shuffled = units.map((u, i) => ({ u, k: keys[i]! })).sort((a, b) => a.k - b.k).map(({ u }) => u)
        const before = funnelPlot(units, opts)
        const after = funnelPlot(shuffled, opts)
        expect(after.phi).toBe(before.phi)
        expect(after.tau2).toBe(before.tau2)
        expect(after.adjusted).toBe(before.adjusted)
        for (const u of after.units) expect(u).toEqual(before.units.find((b) => b.unit === u.unit))
      }),
    )
  })

  it('φ ≥ 0 and τ² ≥ 0; τ² > 0 exactly when adjusted, and adjusted only when φ > 1', () => {
    fc.assert(
      fc.property(input, ([units, opts]) => {
        const r = funnelPlot(units, opts)
        expect(r.phi).toBeGreaterThanOrEqual(0)
        expect(r.tau2).toBeGreaterThanOrEqual(0)
        expect(r.tau2 > 0).toBe(r.adjusted)
        if (r.adjusted) expect(r.phi).toBeGreaterThan(1)
        expect(r.spread === 'beyond chance').toBe(r.adjusted)
      }),
    )
  })

  it('limits are ordered: lower99.8 ≤ lower95 ≤ target ≤ upper95 ≤ upper99.8', () => {
    fc.assert(
      fc.property(input, ([units, opts]) => {
        const r = funnelPlot(units, opts)
        const slack = 1e-12 * Math.max(1, r.target)
        for (const u of r.units) {
          expect(u.lower998).toBeLessThanOrEqual(u.lower95 + slack)
          expect(u.lower95).toBeLessThanOrEqual(r.target + slack)
          expect(u.upper95).toBeGreaterThanOrEqual(r.target - slack)
          expect(u.upper998).toBeGreaterThanOrEqual(u.upper95 - slack)
          expect(u.lower998).toBeGreaterThanOrEqual(0)
        }
      }),
    )
  })

  it('the funnel narrows as the denominator grows', () => {
    fc.assert(
      fc.property(input, fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 1, max: 5000 }), ([units, opts], d1, d2) => {
        fc.pre(d1 !== d2)
        const [small, large] = d1 < d2 ? [d1, d2] : [d2, d1]
        const probes = [
          { unit: 'probe-small', denominator: small, numerator: 1 },
          { unit: 'probe-large', denominator: large, numerator: 1 },
        ]
        const r = funnelPlot([...units, ...probes], opts)
        const s = r.units.find((u) => u.unit === 'probe-small')!
        const l = r.units.find((u) => u.unit === 'probe-large')!
        const slack = 1e-12 * Math.max(1, r.target)
        expect(l.upper998 - l.lower998).toBeLessThanOrEqual(s.upper998 - s.lower998 + slack)
        expect(l.upper95 - l.lower95).toBeLessThanOrEqual(s.upper95 - s.lower95 + slack)
      }),
    )
  })

  it('when not adjusted, the limits are those of a funnel with τ² = 0 (no overdispersion at all)', () => {
    fc.assert(
      fc.property(input, ([units, opts]) => {
        const r = funnelPlot(units, opts)
        fc.pre(!r.adjusted)
        for (const u of r.units) {
          const expected = unadjusted(u.denominator, r.target, opts)
          expect(u.lower95).toBeCloseTo(expected.lower95, 12)
          expect(u.upper95).toBeCloseTo(expected.upper95, 12)
          expect(u.lower998).toBeCloseTo(expected.lower998, 12)
          expect(u.upper998).toBeCloseTo(expected.upper998, 12)
        }
      }),
      { numRuns: 50 },
    )
  })
})

/** The limits at denominator x of a one-unit funnel lying exactly on the target (φ = 0, so never adjusted). */
function unadjusted(x: number, target: number, opts: FunnelOptions): FunnelUnit {
  return funnelPlot([{ unit: 'x', numerator: x * target, denominator: x }], opts).units[0]!
}
