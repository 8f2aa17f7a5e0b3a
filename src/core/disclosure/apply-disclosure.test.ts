import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.ts'
import { applyDisclosure } from './apply-disclosure.ts'
import { disclosurePolicy } from './policies.ts'
import type { TableCell } from './types.ts'

function oneLevel(values: Record<string, number>, totalId = 'total'): TableCell[] {
  const cells = Object.entries(values).map(([id, value]) => ({ id, value }))
  return [...cells, { id: totalId, value: cells.reduce((acc, c) => acc + c.value, 0), childIds: cells.map((c) => c.id) }]
}

function texts(published: ReadonlyMap<string, { text: string }>): Record<string, string> {
  return Object.fromEntries([...published].map(([id, cell]) => [id, cell.text]))
}

describe('applyDisclosure worked examples', () => {
  it('nhs-digital hides 1 to 7, keeps 0 and rounds the rest to the nearest 5', () => {
    const published = applyDisclosure(disclosurePolicy('nhs-digital'), oneLevel({ none: 0, a: 3, b: 7, c: 8, d: 12, e: 13, f: 22 }))
    expect(texts(published)).toEqual({ none: '0', a: '*', b: '*', c: '10', d: '10', e: '15', f: '20', total: '65' })
    expect(published.get('none')).toEqual({ id: 'none', value: 0, text: '0', reason: 'exact' })
    expect(published.get('c')).toEqual({ id: 'c', value: 10, text: '10', reason: 'rounded' })
    expect(published.get('a')?.reason).toBe('primary')
  })

  it('FFT (STANDARDS.md): the smallest answer is hidden, so the next smallest is hidden too and nothing follows by subtraction', () => {
    // One ward's Friends and Family Test answers: 3 "Neither good nor poor" answers are hidden (1-4),
    // so the next smallest count, 6 "Poor", is hidden too: 69 - 40 - 12 - 0 - 8 = 9 = Neither + Poor.
    const ward = oneLevel({ veryGood: 40, good: 12, neither: 3, poor: 6, veryPoor: 0, dontKnow: 8 }, 'ward')
    const published = applyDisclosure(disclosurePolicy('fft'), ward)
    expect(texts(published)).toEqual({ veryGood: '40', good: '12', neither: '*', poor: '*', veryPoor: '0', dontKnow: '8', ward: '69' })
    expect(published.get('neither')?.reason).toBe('primary')
    expect(published.get('poor')?.reason).toBe('secondary')
  })

  it('a year total minus eleven published months is a disclosure, so a second month is hidden', () => {
    const months = [21, 18, 25, 3, 22, 30, 19, 24, 28, 17, 26, 20]
    const cells = oneLevel(Object.fromEntries(months.map((v, i) => [`m${i + 1}`, v])), 'year')
    const published = applyDisclosure(disclosurePolicy('gpps'), cells)
    const hidden = [...published.values()].filter((c) => c.value === null).map((c) => c.id)
    expect(hidden).toEqual(['m4', 'm10'])
    expect(published.get('m10')?.reason).toBe('secondary')
    const shownMonths = [...published.values()].filter((c) => c.id !== 'year' && c.value !== null).reduce((acc, c) => acc + (c.value ?? 0), 0)
    expect(published.get('year')?.value).toBe(253)
    expect(253 - shownMonths).toBe(3 + 17)
  })

  it('hides a third count when the two hidden ones would pin each other (1 beside a 5 that is known to be 5 or more)', () => {
    // With 1 and 5 hidden under FFT, a reader knows the first is 1-4 and the second 0 or 5+; their sum
    // is 26 - 20 = 6, so the first must be 1. Hiding the 20 as well leaves many possibilities.
    const published = applyDisclosure(disclosurePolicy('fft'), oneLevel({ a: 1, b: 5, c: 20 }))
    expect(texts(published)).toEqual({ a: '*', b: '*', c: '*', total: '26' })
  })

  it('in a two-way table a column total cannot be worked out as the grand total minus the other columns', () => {
    const cells: TableCell[] = [
      { id: 'r0c0', value: 1 }, { id: 'r0c1', value: 8 }, { id: 'r1c0', value: 0 }, { id: 'r1c1', value: 2 },
      { id: 'r0', value: 9, childIds: ['r0c0', 'r0c1'] }, { id: 'r1', value: 2, childIds: ['r1c0', 'r1c1'] },
      { id: 'c0', value: 1, childIds: ['r0c0', 'r1c0'] }, { id: 'c1', value: 10, childIds: ['r0c1', 'r1c1'] },
      { id: 'all', value: 11, childIds: ['r0', 'r1'] },
    ]
    const published = applyDisclosure(disclosurePolicy('gpps'), cells)
    expect(published.get('c0')?.value).toBeNull()
    expect(published.get('c1')?.value === null || published.get('all')?.value === null).toBe(true)
  })

  it('research never lets a zero leave, and hides enough beside it', () => {
    const published = applyDisclosure(disclosurePolicy('research'), oneLevel({ a: 0, b: 15, c: 30 }))
    expect(texts(published)).toEqual({ a: '*', b: '*', c: '30', total: '45' })
    expect(published.get('a')?.reason).toBe('primary')
  })

  it('keeps the input order and leaves tables with nothing small untouched', () => {
    const published = applyDisclosure(disclosurePolicy('fft'), oneLevel({ z: 10, y: 20 }))
    expect([...published.keys()]).toEqual(['z', 'y', 'total'])
    expect([...published.values()].every((c) => c.reason === 'exact')).toBe(true)
  })
})

describe('applyDisclosure refuses tables that are not counts adding up', () => {
  const policy = disclosurePolicy('fft')
  const cases: [string, TableCell[], RegExp][] = [
    ['a negative count', [{ id: 'a', value: -1 }], /Cell "a" has value -1/],
    ['a fractional count', [{ id: 'a', value: 2.5 }], /Cell "a" has value 2.5/],
    ['a count that is not finite', [{ id: 'a', value: Number.POSITIVE_INFINITY }], /Cell "a" has value Infinity/],
    ['NaN', [{ id: 'a', value: Number.NaN }], /Cell "a" has value NaN/],
    ['a total that is not the sum', [{ id: 'a', value: 2 }, { id: 't', value: 5, childIds: ['a'] }], /Total "t" has value 5 but its 1 cells \(a\) add up to 2/],
    ['an unknown child', [{ id: 't', value: 0, childIds: ['ghost'] }], /Total "t" \(value 0\) lists an unknown cell "ghost"/],
    ['a cycle', [{ id: 'x', value: 0, childIds: ['y'] }, { id: 'y', value: 0, childIds: ['x'] }], /Cell "x" \(value 0\) is part of a cycle/],
    ['a total listing itself', [{ id: 't', value: 0, childIds: ['t'] }], /Total "t" \(value 0\) lists itself/],
    ['a duplicate id', [{ id: 'a', value: 1 }, { id: 'a', value: 2 }], /Cell id "a" is used twice \(values 1 and 2\)/],
    ['a child listed twice', [{ id: 'a', value: 1 }, { id: 't', value: 2, childIds: ['a', 'a'] }], /lists cell "a" twice/],
  ]
  for (const [what, cells, message] of cases) {
    it(`refuses ${what}`, () => {
      expect(() => applyDisclosure(policy, cells)).toThrow(message)
      expect(() => applyDisclosure(policy, cells)).toThrow(AppError)
    })
  }
})
