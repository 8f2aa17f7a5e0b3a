import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Direction } from '../model.ts'
import { addPeriods } from '../period.ts'
import { compactSpc, compactSpcJson, expandSpc, parseCompactSpc } from './compact.ts'
import type { SpcInputPoint, SpcResult } from './types.ts'
import { xmrChart } from './xmr-chart.ts'

const direction = fc.constantFrom<Direction>('increase', 'decrease', 'neutral')
const series = fc.record({
  values: fc.array(fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.constant(null)), { minLength: 0, maxLength: 40 }),
  direction,
  target: fc.option(fc.integer({ min: -50, max: 50 })),
  rebaseAt: fc.option(fc.integer({ min: 1, max: 39 })),
  excludeAt: fc.option(fc.integer({ min: 0, max: 39 })),
  baseline: fc.option(fc.integer({ min: 12, max: 20 })),
})

type Case = typeof series extends fc.Arbitrary<infer T> ? T : never

function analyse(c: Case): SpcResult {
  const points: SpcInputPoint[] = c.values.map((value, i) => ({ period: addPeriods('2020-01-01', 'month', i), value, ...(i === c.excludeAt ? { excluded: 'a data error' } : {}) }))
  const rebases = c.rebaseAt === null ? [] : [{ date: addPeriods('2020-01-01', 'month', c.rebaseAt), reason: 'new pathway' }]
  return xmrChart(points, { direction: c.direction, target: c.target, interval: 'month', rebases, ...(c.baseline === null ? {} : { baseline: c.baseline }) })
}

describe('compact SPC results', () => {
  it('expands back to exactly the result it was made from, through JSON text', () => {
    fc.assert(
      fc.property(series, (c) => {
        const result = analyse(c)
        expect(expandSpc(compactSpc(result))).toStrictEqual(result)
        expect(parseCompactSpc(compactSpcJson(result))).toStrictEqual(result)
        // A JSON column hands back an object, not text.
        expect(parseCompactSpc(JSON.parse(compactSpcJson(result)) as object)).toStrictEqual(result)
      }),
      { numRuns: 300 },
    )
  })

  it('is a fraction of the size of the full result for a five-year monthly series', () => {
    const points = Array.from({ length: 60 }, (_, i) => ({ period: addPeriods('2020-01-01', 'month', i), value: 50 + (i % 7) + (i > 40 ? 9 : 0) }))
    const result = xmrChart(points, { direction: 'increase', target: 55, interval: 'month' })
    const full = JSON.stringify(result).length
    const compact = compactSpcJson(result).length
    expect(compact).toBeLessThan(full / 3)
    expect(compactSpc(result).limits).toBeUndefined()
  })

  it('keeps non-finite limits, which plain JSON would turn into null', () => {
    const result = xmrChart([{ period: '2020-01-01', value: 1e308 }, { period: '2020-02-01', value: -1e308 }, { period: '2020-03-01', value: 1e308 }], { interval: 'month' })
    expect(parseCompactSpc(compactSpcJson(result))).toStrictEqual(result)
  })

  it('refuses a stored form of another version', () => {
    const stored = { ...compactSpc(analyse({ values: [1, 2, 3], direction: 'increase', target: null, rebaseAt: null, excludeAt: null, baseline: null })), version: 2 }
    expect(() => expandSpc(stored as never)).toThrow('unknown stored analysis version: 2 (expected 1)')
  })
})
