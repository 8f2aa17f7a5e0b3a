import { describe, expect, it } from 'vitest'
import { createRandom } from './random.ts'
import { buildRegister, largestRemainder } from './register.ts'
import { RIVERSIDE_PRACTICES } from './riverside-practices.ts'
import { DIMENSIONS, GROUPS } from './strata.ts'

describe('largestRemainder', () => {
  it.each([
    { total: 10, shares: [1, 1, 1], expected: [4, 3, 3] },
    { total: 7, shares: [0.5, 0.25, 0.25], expected: [3, 2, 2] },
    { total: 820, shares: [0.8, 0.07, 0.04, 0.03, 0.008, 0.052], expected: [656, 57, 33, 25, 6, 43] },
  ])('splits $total by $shares into $expected', ({ total, shares, expected }) => {
    expect(largestRemainder(total, shares, 'test')).toEqual(expected)
  })

  it('rejects a mix with no positive share, quoting it', () => {
    expect(() => largestRemainder(5, [0, 0], 'eastgate sex')).toThrow('invalid mix for eastgate sex: [0,0]')
    expect(() => largestRemainder(5, [2, -1], 'eastgate sex')).toThrow('invalid mix')
  })
})

describe('buildRegister', () => {
  const practice = RIVERSIDE_PRACTICES.find((p) => p.code === 'riverbank')!
  const cells = buildRegister(practice, 78, createRandom(1))
  const size = Math.round(practice.listSize * practice.prevalence)
  const total = (week: number) => cells.reduce((sum, cell) => sum + cell.register[week]!, 0)

  it('ends with the whole register, grown slowly from about 96% of it', () => {
    expect(total(77)).toBe(size)
    expect(total(0) / size).toBeGreaterThan(0.93)
    expect(total(0) / size).toBeLessThan(0.99)
  })

  it('never shrinks a cell from one week to the next', () => {
    for (const cell of cells) {
      cell.register.slice(1).forEach((n, week) => expect(n).toBeGreaterThanOrEqual(cell.register[week]!))
    }
  })

  it('keeps every dimension total exactly to the mix, so a small group stays small', () => {
    for (const dimension of DIMENSIONS) {
      const expected = largestRemainder(size, practice.mix[dimension], dimension)
      const actual = GROUPS[dimension].map((group) =>
        cells.filter((cell) => cell.strata[dimension] === group).reduce((sum, cell) => sum + cell.register[77]!, 0),
      )
      expect(actual).toEqual(expected)
    }
  })

  it('gives every cell an adult list at least as large as its register', () => {
    for (const cell of cells) expect(cell.list).toBeGreaterThanOrEqual(cell.register[77]!)
  })
})
