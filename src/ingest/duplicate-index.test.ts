import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { DuplicateIndex } from './duplicate-index.ts'

describe('DuplicateIndex', () => {
  it('answers like a map of joined strings, also past the bit budgets', () => {
    const part = fc.constantFrom('', 'a', 'b', 'c', 'd', 'e', 'f', 'a\u0000')
    fc.assert(
      fc.property(fc.array(fc.tuple(part, part, part), { maxLength: 200 }), (rows) => {
        // Two bits per part: the fifth distinct text of a part overflows into the string map.
        const index = new DuplicateIndex([2], [2, 2])
        const naive = new Map<string, number>()
        rows.forEach((parts, i) => {
          const key = JSON.stringify(parts)
          expect(index.firstLine(parts, i + 1)).toBe(naive.get(key))
          if (!naive.has(key)) naive.set(key, i + 1)
        })
      }),
    )
  })

  it('refuses keys that would not fit in a small integer', () => {
    expect(() => new DuplicateIndex([20, 11], [1])).toThrow('invalid bit budget: 20+11')
  })
})
