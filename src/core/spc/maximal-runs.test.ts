import { describe, expect, it } from 'vitest'
import { maximalRuns, sideOf } from './maximal-runs.ts'

describe('maximalRuns', () => {
  it.each([
    { keys: [], runs: [] },
    { keys: [1], runs: [{ start: 0, end: 0, key: 1 }] },
    { keys: [1, 1, -1, 0, 0, 1], runs: [{ start: 0, end: 1, key: 1 }, { start: 2, end: 2, key: -1 }, { start: 3, end: 4, key: 0 }, { start: 5, end: 5, key: 1 }] },
  ])('splits $keys into maximal runs', ({ keys, runs }) => {
    expect(maximalRuns(keys)).toEqual(runs)
  })
})

describe('sideOf', () => {
  it.each([
    [2, 1, 1],
    [0, 1, -1],
    [1, 1, 0],
    [-0, 0, 0],
  ])('sideOf(%d, %d) is %d', (value, centre, side) => {
    expect(sideOf(value, centre)).toBe(side)
  })
})
