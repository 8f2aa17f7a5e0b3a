/**
 * The "Done when" point: no suppressed value can be recovered from any total shown beside it.
 * Random tables (one level, two levels, two-way with row and column totals; small counts so small
 * cells are common) go through each policy, then an independent brute-force search finds every value
 * each hidden cell can take given everything published; each must have at least two.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { applyDisclosure } from './apply-disclosure.ts'
import { STANDARD_RULES, feasibleHiddenValues } from './feasible-values.test-support.ts'
import { disclosurePolicy, type DisclosurePolicyId } from './policies.ts'
import type { TableCell } from './types.ts'

const count = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 12 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 30 }) })

function total(id: string, parts: readonly TableCell[]): TableCell {
  return { id, value: parts.reduce((acc, c) => acc + c.value, 0), childIds: parts.map((c) => c.id) }
}

/** A total over 2 to 8 cells (e.g. a year total over its months). */
const oneLevel = fc.array(count, { minLength: 2, maxLength: 8 }).map((values) => {
  const cells = values.map((value, i) => ({ id: `c${i}`, value }))
  return [...cells, total('all', cells)]
})

/** Two to three subtotals of two to four cells each, and a grand total over the subtotals. */
const twoLevel = fc.array(fc.array(count, { minLength: 2, maxLength: 4 }), { minLength: 2, maxLength: 3 }).map((groups) => {
  const cells: TableCell[] = []
  const subtotals = groups.map((values, g) => {
    const children = values.map((value, i) => ({ id: `g${g}c${i}`, value }))
    cells.push(...children)
    return total(`g${g}`, children)
  })
  return [...cells, ...subtotals, total('all', subtotals)]
})

/** A rows-by-columns table with a total for each row and each column and a grand total. */
const twoWay = fc.tuple(fc.integer({ min: 2, max: 3 }), fc.integer({ min: 2, max: 3 })).chain(([rows, cols]) =>
  fc.array(count, { minLength: rows * cols, maxLength: rows * cols }).map((values) => {
    const grid = Array.from({ length: rows }, (_, r) => Array.from({ length: cols }, (_, c) => ({ id: `r${r}c${c}`, value: values[r * cols + c] ?? 0 })))
    const rowTotals = grid.map((row, r) => total(`r${r}`, row))
    const colTotals = Array.from({ length: cols }, (_, c) => total(`c${c}`, grid.map((row) => row[c]!)))
    return [...grid.flat(), ...rowTotals, ...colTotals, total('all', rowTotals)]
  }),
)

/** Runs per policy and shape; raise with DISCLOSURE_RUNS=2000 for a longer search (the brute-force checker takes seconds on the odd two-way table, hence the long timeout). */
const RUNS = Number(globalThis.process?.env['DISCLOSURE_RUNS'] ?? 100)
const POLICIES: readonly DisclosurePolicyId[] = ['nhs-digital', 'fft', 'gpps', 'research']
const SHAPES = { 'one level': oneLevel, 'two levels': twoLevel, 'two-way': twoWay }

describe('applyDisclosure: no hidden count can be worked out', () => {
  for (const id of POLICIES) {
    for (const [shape, tables] of Object.entries(SHAPES)) {
      it(`${id}, ${shape}: every hidden cell has at least two values consistent with what is published`, () => {
        fc.assert(
          fc.property(tables, (cells) => {
            const published = applyDisclosure(disclosurePolicy(id), cells)
            const cap = Math.max(...cells.map((c) => c.value)) + 10
            for (const [cellId, values] of feasibleHiddenValues(STANDARD_RULES[id], cells, published, cap)) {
              expect(values.length, `hidden small count ${cellId} can only be ${values.join(', ')}`).toBeGreaterThanOrEqual(2)
            }
          }),
          { numRuns: RUNS },
        )
      }, 600_000)
    }
  }

  it('the checker does find a disclosure when a lone small count is hidden beside its total', () => {
    const cells = [{ id: 'a', value: 3 }, { id: 'b', value: 20 }, total('all', [{ id: 'a', value: 3 }, { id: 'b', value: 20 }])]
    const primaryOnly = new Map(cells.map((c) => [c.id, c.id === 'a' ? { id: c.id, value: null, text: '*', reason: 'primary' as const } : { id: c.id, value: c.value, text: String(c.value), reason: 'exact' as const }]))
    expect(feasibleHiddenValues(STANDARD_RULES.fft, cells, primaryOnly, 40).get('a')).toEqual([3])
  })
})
