/**
 * The loop board of a programme: every action with its predictions, verdict, next review and owner;
 * reviews whose date has passed are overdue (open actions only: not adopted or abandoned).
 */
import { VERDICT_LABELS } from '../../core/loop/index.ts'
import { listReviews } from '../../storage/action-reviews.ts'
import { listRebaseSuggestions } from '../../storage/rebases.ts'
import type { ActionStatus, VerdictValue } from '../../storage/schema.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { listProgrammeActions } from '../implement/actions.ts'
import { groupLabel } from '../triangulate/group-label.ts'

export interface BoardPrediction {
  readonly role: 'primary' | 'balancing'
  readonly measure: string
  readonly measureName: string
  readonly measureKind: 'count' | 'proportion' | 'rate' | 'mean'
  readonly unit: string | null
  readonly site: string
  readonly siteName: string
  readonly wholeOrganisation: boolean
  readonly dimension: string | null
  readonly group: string | null
  /** "the most deprived fifth"; null for all people. */
  readonly groupLabel: string | null
  readonly direction: 'increase' | 'decrease'
  readonly expectedSize: number | null
  readonly by: string | null
}

export interface BoardAction {
  readonly id: number
  readonly title: string
  readonly status: ActionStatus
  readonly startDate: string
  readonly reviewDate: string | null
  readonly overdue: boolean
  readonly owner: string | null
  readonly decisionId: number | null
  readonly sites: readonly string[]
  readonly predictions: readonly BoardPrediction[]
  readonly verdict: VerdictValue | null
  readonly verdictLabel: string | null
  /** The verdict's first reason (why it is what it is). */
  readonly summary: string | null
  readonly reviewedAt: string | null
  readonly dataThrough: string | null
  readonly cycles: number
  readonly rebaseSuggestions: number
}

export interface LoopBoard {
  readonly today: string
  readonly actions: readonly BoardAction[]
  readonly counts: Readonly<Record<VerdictValue | 'unreviewed' | 'overdue', number>>
}

const CLOSED: readonly ActionStatus[] = ['adopted', 'abandoned']

export async function loopBoard(deps: AppDeps, scope: ProgrammeScope): Promise<LoopBoard> {
  const org = scope.organisation.id
  const today = deps.clock().toISOString().slice(0, 10)
  const actions = (await listProgrammeActions(deps, scope)).sort((a, b) => (a.startDate === b.startDate ? a.id - b.id : a.startDate < b.startDate ? -1 : 1))
  const [reviews, suggestions] = await Promise.all([listReviews(deps.store.db, org, actions.map((a) => a.id)), listRebaseSuggestions(deps.store.db, org)])
  const board: BoardAction[] = actions.map((a) => {
    const review = reviews.find((r) => r.actionId === a.id)
    return {
      id: a.id,
      title: a.title,
      status: a.status,
      startDate: a.startDate,
      reviewDate: a.reviewDate,
      overdue: a.reviewDate !== null && a.reviewDate < today && !CLOSED.includes(a.status),
      owner: a.owner === null ? null : a.owner.name || a.owner.email,
      decisionId: a.decision?.id ?? null,
      sites: a.sites.map((s) => s.name).sort(),
      predictions: [...a.predictions]
        .sort((x, y) => (x.role === y.role ? x.id - y.id : x.role === 'primary' ? -1 : 1))
        .map((p) => ({
          role: p.role,
          measure: p.measure.code,
          measureName: p.measure.name,
          measureKind: p.measure.kind,
          unit: p.measure.unit,
          site: p.site.code,
          siteName: p.site.name,
          wholeOrganisation: p.site.wholeOrganisation,
          dimension: p.dimension,
          group: p.group,
          groupLabel: p.dimension && p.group ? groupLabel(p.dimension, p.group) : null,
          direction: p.direction,
          expectedSize: p.expectedSize,
          by: p.byDate,
        })),
      verdict: review?.verdict ?? null,
      verdictLabel: review ? VERDICT_LABELS[review.verdict] : null,
      summary: review?.reasons[0] ?? null,
      reviewedAt: review?.evaluatedAt ?? null,
      dataThrough: review?.dataThrough ?? null,
      cycles: a.cycles.length,
      rebaseSuggestions: suggestions.filter((s) => s.actionId === a.id).length,
    }
  })
  const counts = { working: 0, not_yet_clear: 0, not_working: 0, harm: 0, unreviewed: 0, overdue: 0 }
  for (const action of board) {
    counts[action.verdict ?? 'unreviewed'] += 1
    if (action.overdue) counts.overdue += 1
  }
  return { today, actions: board, counts }
}
