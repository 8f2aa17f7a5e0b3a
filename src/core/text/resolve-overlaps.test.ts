import { describe, expect, it } from 'vitest'
import type { Entity } from './entity.ts'
import { resolveOverlaps } from './resolve-overlaps.ts'

describe('resolveOverlaps', () => {
  it('keeps the longer of two overlapping spans', () => {
    const entities: Entity[] = [
      { type: 'postcode', start: 20, end: 28 },
      { type: 'address', start: 0, end: 28 },
    ]
    expect(resolveOverlaps(entities)).toEqual([{ type: 'address', start: 0, end: 28 }])
  })

  it('breaks a tie of length by priority (NHS number before phone, anything before name)', () => {
    expect(resolveOverlaps([{ type: 'phone', start: 0, end: 10 }, { type: 'nhs_number', start: 0, end: 10 }])).toEqual([{ type: 'nhs_number', start: 0, end: 10 }])
    expect(resolveOverlaps([{ type: 'name', start: 5, end: 9 }, { type: 'address', start: 5, end: 9 }])).toEqual([{ type: 'address', start: 5, end: 9 }])
  })

  it('breaks a tie of length and type by the earlier start, and keeps touching spans', () => {
    const entities: Entity[] = [
      { type: 'name', start: 3, end: 8 },
      { type: 'name', start: 0, end: 5 },
      { type: 'name', start: 8, end: 10 },
    ]
    expect(resolveOverlaps(entities)).toEqual([
      { type: 'name', start: 0, end: 5 },
      { type: 'name', start: 8, end: 10 },
    ])
  })

  it('sorts by start and drops empty spans, whatever the input order', () => {
    const entities: Entity[] = [
      { type: 'email', start: 30, end: 40 },
      { type: 'name', start: 12, end: 12 },
      { type: 'phone', start: 0, end: 11 },
    ]
    expect(resolveOverlaps(entities)).toEqual([
      { type: 'phone', start: 0, end: 11 },
      { type: 'email', start: 30, end: 40 },
    ])
    expect(resolveOverlaps([...entities].reverse())).toEqual(resolveOverlaps(entities))
  })
})
