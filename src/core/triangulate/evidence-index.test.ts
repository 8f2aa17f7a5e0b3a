import { describe, expect, it } from 'vitest'
import { createEvidenceIndex } from './evidence-index.ts'
import { THEMES, excerpts, negatives } from './fixtures.ts'

const ALL = { site: null, dimension: null, group: null }

describe('createEvidenceIndex', () => {
  it('a theme covers its sub-themes; an excerpt coded twice counts once', () => {
    const index = createEvidenceIndex([...excerpts(1, negatives(2), { themeId: 2 }), ...excerpts(1, negatives(1), { themeId: 1 }), ...excerpts(10, negatives(1), { themeId: 3 })], THEMES, '2025-03-31', 12)
    expect(index.covered(1)).toEqual([1, 2])
    expect(index.covered(99)).toEqual([99])
    expect(index.ancestors(2)).toEqual([1])
    expect(index.match({ themes: [1], ...ALL }).map((e) => e.excerptId)).toEqual([1, 2])
    expect(index.match({ themes: [2], ...ALL }).map((e) => e.excerptId)).toEqual([1, 2])
    expect(index.match({ themes: [1, 3], ...ALL }).map((e) => e.excerptId)).toEqual([1, 2, 10])
  })

  it('keeps the window from today minus 12 months to today, both inclusive', () => {
    const dates = ['2024-03-30', '2024-03-31', '2025-03-31', '2025-04-01']
    const index = createEvidenceIndex(dates.flatMap((date, i) => excerpts(i + 1, [0], { date })), THEMES, '2025-03-31', 12)
    expect(index.from).toBe('2024-03-31')
    expect(index.match({ themes: [1], ...ALL }).map((e) => e.date)).toEqual(['2024-03-31', '2025-03-31'])
  })

  it('matches the site (null = any) and the group when the filter has one', () => {
    const data = [...excerpts(1, [0], { site: 'eastgate', groups: { imd_quintile: '1' } }), ...excerpts(2, [0], { site: 'northfield', groups: { imd_quintile: '1' } }), ...excerpts(3, [0], { site: 'eastgate', groups: { imd_quintile: '5' } }), ...excerpts(4, [0], { site: null })]
    const index = createEvidenceIndex(data, THEMES, '2025-03-31', 12)
    const ids = (site: string | null, group: string | null) => index.match({ themes: [1], site, dimension: group === null ? null : 'imd_quintile', group }).map((e) => e.excerptId)
    expect(ids(null, null)).toEqual([1, 2, 3, 4])
    expect(ids('eastgate', null)).toEqual([1, 3])
    expect(ids('eastgate', '1')).toEqual([1])
    expect(ids(null, '1')).toEqual([1, 2])
  })

  it('survives a cycle in the codebook and throws on an invalid today or window', () => {
    const cyclic = createEvidenceIndex([], [{ id: 1, name: 'a', parentId: 2 }, { id: 2, name: 'b', parentId: 1 }], '2025-03-31', 12)
    expect(cyclic.covered(1)).toEqual([1, 2])
    expect(cyclic.ancestors(1)).toEqual([2])
    expect(() => createEvidenceIndex([], THEMES, '2025-02-30', 12)).toThrow('invalid today: "2025-02-30"')
    expect(() => createEvidenceIndex([], THEMES, '2025-03-31', 0)).toThrow('invalid windowMonths: 0')
  })
})
