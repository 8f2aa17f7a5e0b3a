import { describe, expect, it } from 'vitest'
import { descendantsOf, parentProblem, treeOrder } from './driver-rules.ts'

describe('driver diagram rules', () => {
  it('puts primary drivers under the aim, secondary under a primary, change ideas under a secondary or a primary', () => {
    expect(parentProblem('primary', null)).toBeUndefined()
    expect(parentProblem('primary', 'primary')).toMatch(/straight under the aim/)
    expect(parentProblem('secondary', 'primary')).toBeUndefined()
    for (const parent of [null, 'secondary', 'change_idea'] as const) expect(parentProblem('secondary', parent)).toBe('A secondary driver goes under a primary driver: choose one.')
    expect(parentProblem('change_idea', 'secondary')).toBeUndefined()
    expect(parentProblem('change_idea', 'primary')).toBeUndefined()
    for (const parent of [null, 'change_idea'] as const) expect(parentProblem('change_idea', parent)).toMatch(/goes under a secondary driver or a primary driver/)
  })

  it('reads the tree depth first in the order given, an orphan as top level', () => {
    const rows = [
      { id: 1, parentId: null },
      { id: 2, parentId: null },
      { id: 3, parentId: 1 },
      { id: 4, parentId: 3 },
      { id: 5, parentId: 1 },
      { id: 6, parentId: 99 },
    ]
    expect(treeOrder(rows).map(({ row, depth }) => [row.id, depth])).toEqual([
      [1, 0],
      [3, 1],
      [4, 2],
      [5, 1],
      [2, 0],
      [6, 0],
    ])
    expect(descendantsOf(rows, 1).map((r) => r.id)).toEqual([3, 4, 5])
    expect(descendantsOf(rows, 2)).toEqual([])
  })
})
