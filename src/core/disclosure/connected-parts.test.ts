import { describe, expect, it } from 'vitest'
import { checkTable } from './check-table.ts'
import { connectedParts } from './connected-parts.ts'

describe('connectedParts', () => {
  it('keeps a total with the cells it adds up, and cells that share nothing apart', () => {
    const table = checkTable([
      { id: 'a', value: 3 },
      { id: 'b', value: 40 },
      { id: 'ab', value: 43, childIds: ['a', 'b'] },
      { id: 'c', value: 12 },
      { id: 'd', value: 5 },
      { id: 'cd', value: 17, childIds: ['c', 'd'] },
      { id: 'lone', value: 2 },
    ])
    expect(connectedParts(table)).toEqual([['a', 'b', 'ab'], ['c', 'd', 'cd'], ['lone']])
  })
})
