import { describe, expect, it } from 'vitest'
import { median } from './median.ts'

describe('median', () => {
  it.each([
    { values: [3], expected: 3 },
    { values: [5, 1, 3], expected: 3 },
    { values: [4, 1, 3, 2], expected: 2.5 },
    { values: [12, 30, 5, 48, 20, 9, 61, 15, 33, 27], expected: 23.5 },
    { values: [-1, -1, 7, 7], expected: 3 },
  ])('median of $values is $expected', ({ values, expected }) => {
    expect(median(values)).toBe(expected)
  })

  it('does not reorder its argument', () => {
    const values = [3, 1, 2]
    median(values)
    expect(values).toEqual([3, 1, 2])
  })

  it('does not overflow between two huge middle values', () => {
    expect(median([Number.MAX_VALUE, Number.MAX_VALUE])).toBe(Number.MAX_VALUE)
  })

  it('refuses an empty list, quoting it', () => {
    expect(() => median([])).toThrow('invalid values: []')
  })
})
