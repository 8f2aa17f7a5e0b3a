/**
 * "Lessons from earlier decisions" for a decision being prepared: the organisation's own past
 * decisions whose actions have a verdict (until a learning community exists), ranked by the
 * measures and themes they share with the chosen findings (lessons.ts).
 */
import { listDecisionActions, listDecisionPredictionMeasures, listDecisionsByIds, listFindingFocuses } from '../../storage/decisions.ts'
import { listThemes } from '../../storage/themes.ts'
import { listProgrammeMeasures, type ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { decisionLabelText, verdictWords, type DecisionLabel, type VerdictValue } from './labels.ts'
import { focusOf, LESSON_LIMIT, rankLessons, type LessonCandidate } from './lessons.ts'

export interface LessonAction {
  readonly id: number
  readonly title: string
  readonly verdict: VerdictValue
  /** The verdict in plain words: "working", "harming a balancing measure"… */
  readonly words: string
}

export interface LessonView {
  /** The past decision's id. */
  readonly decision: number
  /** Its programme's code (lessons come from any programme of the organisation). */
  readonly programme: string
  readonly title: string
  readonly label: DecisionLabel
  readonly labelText: string
  readonly reviewDate: string | null
  readonly decidedAt: string
  readonly actions: readonly LessonAction[]
  readonly shared: { readonly measures: readonly { code: string; name: string }[]; readonly themes: readonly { id: number; name: string }[] }
  readonly score: number
}

export interface LessonOptions {
  /** Leave this decision out (the one being changed). */
  readonly exclude?: number | undefined
  readonly limit?: number | undefined
}

type Candidate = LessonCandidate & { readonly view: Omit<LessonView, 'shared' | 'score'> }

/** Lessons for a decision resting on `findingIds` (findings of the programme; others are ignored). */
export async function lessonsFor(deps: AppDeps, scope: ProgrammeScope, findingIds: readonly number[], options: LessonOptions = {}): Promise<LessonView[]> {
  const db = deps.store.db
  const organisationId = scope.organisation.id
  const actions = (await listDecisionActions(db, organisationId, 'all', { withVerdictOnly: true })).filter((a) => a.decisionId !== options.exclude)
  const byDecision = groupBy(actions, (a) => a.decisionId)
  const decisions = await listDecisionsByIds(db, organisationId, [...byDecision.keys()])
  const predicted = groupBy(await listDecisionPredictionMeasures(db, organisationId, [...byDecision.keys()]), (p) => p.decisionId)
  const focuses = new Map((await listFindingFocuses(db, organisationId, [...new Set([...findingIds, ...decisions.flatMap((d) => d.current.findingIds)])])).map((f) => [f.id, f]))
  const candidates: Candidate[] = decisions.map((d) => {
    const own = focusOf(d.current.findingIds.map((id) => focuses.get(id)?.focus))
    const verdicts = (byDecision.get(d.id) ?? []).map((a) => ({ id: a.id, title: a.title, verdict: a.verdict as VerdictValue, words: verdictWords(a.verdict) }))
    return {
      id: d.id,
      decidedAt: d.createdAt,
      measures: [...own.measures, ...(predicted.get(d.id) ?? []).map((p) => p.measure)],
      themes: own.themes,
      verdicts: verdicts.length,
      view: { decision: d.id, programme: d.programmeCode, title: d.current.title, label: d.current.label, labelText: decisionLabelText(d.current.label), reviewDate: d.current.reviewDate, decidedAt: d.createdAt, actions: verdicts },
    }
  })
  const chosen = findingIds.map((id) => focuses.get(id)).filter((f): f is NonNullable<typeof f> => f !== undefined && f.programmeId === scope.programme.id)
  const ranked = rankLessons(candidates, focusOf(chosen.map((f) => f.focus)), options.limit ?? LESSON_LIMIT)
  if (ranked.length === 0) return []
  const measureNames = new Map((await listProgrammeMeasures(deps, scope)).map((m) => [m.code, m.name]))
  const themeNames = new Map((await listThemes(db, organisationId, scope.programme.id)).map((t) => [t.id, t.name]))
  return ranked.map((r) => ({
    ...r.candidate.view,
    shared: { measures: r.sharedMeasures.map((code) => ({ code, name: measureNames.get(code) ?? code })), themes: r.sharedThemes.map((id) => ({ id, name: themeNames.get(id) ?? `Theme ${id}` })) },
    score: r.score,
  }))
}

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>()
  for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row])
  return map
}

