import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { groupDifferences } from './group-differences.ts'

const group = fc.integer({ min: 1, max: 10_000 }).chain((n) => fc.record({ numerator: fc.integer({ min: 0, max: n }), denominator: fc.constant(n) }))
const groups = fc.array(group, { minLength: 1, maxLength: 8 }).map((gs) => gs.map((g, i) => ({ group: i === gs.length - 1 && i > 0 ? 'Not stated' : `Q${i + 1}`, ...g })))

describe('groupDifferences properties', () => {
  it('keeps every group once, in order, with one reference and intervals containing their estimates', () => {
    fc.assert(
      fc.property(groups, fc.constantFrom('proportion' as const, 'rate' as const), (gs, measure) => {
        const result = groupDifferences(gs, { measure })
        expect(result.groups.map((g) => g.group)).toEqual(gs.map((g) => g.group))
        expect(result.groups.filter((g) => g.isReference)).toHaveLength(1)
        expect(result.reference).toBe('Q1')
        for (const g of result.groups) {
          expect(g.value.lower).toBeLessThanOrEqual(g.value.estimate)
          expect(g.value.upper).toBeGreaterThanOrEqual(g.value.estimate)
          if (g.difference !== undefined) {
            expect(g.difference.lower).toBeLessThanOrEqual(g.difference.estimate + 1e-12)
            expect(g.difference.upper).toBeGreaterThanOrEqual(g.difference.estimate - 1e-12)
          }
          if (g.ratio !== undefined) {
            expect(g.ratio.lower).toBeLessThanOrEqual(g.ratio.estimate)
            expect(g.ratio.upper).toBeGreaterThanOrEqual(g.ratio.estimate)
          }
          expect(g.small).toBe(g.numerator < 5 || g.denominator < 5)
        }
      }),
    )
  })
})
