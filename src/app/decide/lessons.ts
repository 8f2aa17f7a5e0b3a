/**
 * Lessons from earlier decisions at the moment of deciding: past decisions whose actions already
 * have a verdict, ranked by how much they share with the findings now on the table — the measures
 * they speak to (a finding's focus measure; an action's predicted measures) and the themes of what
 * people said. Pure: the caller reads the candidates and the findings' focus.
 */

/** A past decision that may teach something. */
export interface LessonCandidate {
  readonly id: number
  /** ISO timestamp: newer lessons first among equals. */
  readonly decidedAt: string
  /** Measure codes of its findings' focus and of its actions' predictions. */
  readonly measures: readonly string[]
  /** Theme ids of its findings' focus. */
  readonly themes: readonly number[]
  /** How many of its actions have a verdict; none means nothing has been learned yet. */
  readonly verdicts: number
}

/** What the findings now on the table are about. */
export interface LessonFocus {
  readonly measures: readonly string[]
  readonly themes: readonly number[]
}

export interface RankedLesson<C extends LessonCandidate> {
  readonly candidate: C
  readonly sharedMeasures: readonly string[]
  readonly sharedThemes: readonly number[]
  /** Shared measures plus shared themes. */
  readonly score: number
}

/** How many lessons are shown by default. */
export const LESSON_LIMIT = 10

/**
 * Rank candidates with at least one verdict: most shared measures and themes first (a shared
 * measure outranks a shared theme when the totals tie), then the newest decision, then the higher
 * id. With findings in focus, a lesson that shares nothing is left out; with none (nothing chosen
 * yet), every lesson is shown, newest first.
 */
export function rankLessons<C extends LessonCandidate>(candidates: readonly C[], focus: LessonFocus, limit = LESSON_LIMIT): RankedLesson<C>[] {
  const measures = new Set(focus.measures)
  const themes = new Set(focus.themes)
  const open = measures.size === 0 && themes.size === 0
  return candidates
    .filter((c) => c.verdicts > 0)
    .map((candidate) => {
      const sharedMeasures = [...new Set(candidate.measures)].filter((m) => measures.has(m)).sort()
      const sharedThemes = [...new Set(candidate.themes)].filter((t) => themes.has(t)).sort((a, b) => a - b)
      return { candidate, sharedMeasures, sharedThemes, score: sharedMeasures.length + sharedThemes.length }
    })
    .filter((r) => open || r.score > 0)
    .sort((a, b) => b.score - a.score || b.sharedMeasures.length - a.sharedMeasures.length || b.candidate.decidedAt.localeCompare(a.candidate.decidedAt) || b.candidate.id - a.candidate.id)
    .slice(0, Math.max(0, limit))
}

/** The measures and themes of findings, read from their stored focus (anything malformed is skipped). */
export function focusOf(focuses: readonly unknown[]): LessonFocus {
  const measures = new Set<string>()
  const themes = new Set<number>()
  for (const focus of focuses) {
    if (typeof focus !== 'object' || focus === null) continue
    const { measure, themes: ids } = focus as { measure?: unknown; themes?: unknown }
    if (typeof measure === 'string' && measure !== '') measures.add(measure)
    if (Array.isArray(ids)) for (const id of ids) if (Number.isInteger(id)) themes.add(id as number)
  }
  return { measures: [...measures].sort(), themes: [...themes].sort((a, b) => a - b) }
}
