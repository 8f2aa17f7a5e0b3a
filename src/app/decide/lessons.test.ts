import { describe, expect, it } from 'vitest'
import { focusOf, rankLessons, type LessonCandidate } from './lessons.ts'

const candidate = (id: number, measures: string[], themes: number[], verdicts = 1, decidedAt = `2025-0${id}-01T00:00:00.000Z`): LessonCandidate => ({ id, decidedAt, measures, themes, verdicts })

describe('rankLessons', () => {
  const lessons = [
    candidate(1, ['bp-control'], [1, 2]),
    candidate(2, ['falls'], [3]),
    candidate(3, ['bp-control', 'bp-recorded'], [2], 2),
    candidate(4, ['bp-control'], [1, 2], 0),
    candidate(5, [], [1]),
  ]

  it('ranks by shared measures and themes, leaving out lessons that share nothing and decisions with no verdict yet', () => {
    const ranked = rankLessons(lessons, { measures: ['bp-control'], themes: [1, 2] })
    expect(ranked.map((r) => [r.candidate.id, r.score, r.sharedMeasures, r.sharedThemes])).toEqual([
      [1, 3, ['bp-control'], [1, 2]],
      [3, 2, ['bp-control'], [2]],
      [5, 1, [], [1]],
    ])
  })

  it('puts a shared measure before a shared theme when the totals tie, then the newer decision', () => {
    const ranked = rankLessons([candidate(1, [], [7]), candidate(2, ['m'], []), candidate(3, [], [7])], { measures: ['m'], themes: [7] })
    expect(ranked.map((r) => r.candidate.id)).toEqual([2, 3, 1])
  })

  it('with nothing in focus, offers every lesson with a verdict, newest first', () => {
    expect(rankLessons(lessons, { measures: [], themes: [] }).map((r) => r.candidate.id)).toEqual([5, 3, 2, 1])
  })

  it('counts a measure named twice (finding and prediction) once, and keeps to the limit', () => {
    const ranked = rankLessons([candidate(1, ['m', 'm'], [])], { measures: ['m'], themes: [] })
    expect(ranked[0]?.score).toBe(1)
    expect(rankLessons(lessons, { measures: [], themes: [] }, 2)).toHaveLength(2)
    expect(rankLessons(lessons, { measures: [], themes: [] }, 0)).toEqual([])
  })
})

describe('focusOf', () => {
  it('gathers the measures and themes of findings, skipping what is malformed', () => {
    expect(focusOf([{ measure: 'falls', themes: [3, 1] }, { measure: null, themes: [1] }, null, 'x', { measure: '', themes: ['a', 2.5, 4] }, undefined])).toEqual({ measures: ['falls'], themes: [1, 3, 4] })
  })
})
