import { describe, expect, it } from 'vitest'
import { splitAtRebases } from './split-at-rebases.ts'

const WEEKS = ['2024-01-01', '2024-01-08', '2024-01-15', '2024-01-22', '2024-01-29']

describe('splitAtRebases', () => {
  it('starts one segment when there is no rebase', () => {
    expect(splitAtRebases(WEEKS, [])).toEqual({ starts: [{ start: 0, reason: null }], issues: [] })
  })

  it('starts a new segment at the first point on or after the rebase date', () => {
    const split = splitAtRebases(WEEKS, [{ date: '2024-01-17', reason: 'new pathway' }, { date: '2024-01-08', reason: 'new form' }])
    expect(split.starts).toEqual([{ start: 0, reason: null }, { start: 1, reason: 'new form' }, { start: 3, reason: 'new pathway' }])
    expect(split.issues).toEqual([])
  })

  it('a rebase on the first point gives the first segment its reason', () => {
    expect(splitAtRebases(WEEKS, [{ date: '2024-01-01', reason: 'new definition' }]).starts).toEqual([{ start: 0, reason: 'new definition' }])
  })

  it('ignores rebases before the first point or after the last, with a warning', () => {
    const split = splitAtRebases(WEEKS, [{ date: '2023-12-31', reason: 'a' }, { date: '2024-01-30', reason: 'b' }])
    expect(split.starts).toEqual([{ start: 0, reason: null }])
    expect(split.issues.map((i) => [i.severity, i.code, i.value])).toEqual([
      ['warning', 'rebase_out_of_range', '2023-12-31'],
      ['warning', 'rebase_out_of_range', '2024-01-30'],
    ])
    expect(split.issues[0]!.message).toContain('before the first point (2024-01-01)')
    expect(split.issues[1]!.message).toContain('after the last point (2024-01-29)')
  })

  it('warns when two rebases land on the same point and keeps the later one', () => {
    const split = splitAtRebases(WEEKS, [{ date: '2024-01-14', reason: 'later' }, { date: '2024-01-10', reason: 'earlier' }])
    expect(split.starts).toEqual([{ start: 0, reason: null }, { start: 2, reason: 'later' }])
    expect(split.issues.map((i) => i.code)).toEqual(['rebase_same_point'])
    expect(split.issues[0]!.message).toContain('2024-01-10 and 2024-01-14 both start a segment at 2024-01-15')
  })

  it('warns about a rebase without a reason and about an invalid date', () => {
    const split = splitAtRebases(WEEKS, [{ date: '2024-01-15', reason: null }, { date: '15/01/2024', reason: 'x' }])
    expect(split.starts).toEqual([{ start: 0, reason: null }, { start: 2, reason: null }])
    expect(split.issues.map((i) => i.code).sort()).toEqual(['invalid_rebase', 'rebase_without_reason'])
  })
})
