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
  const db = deps.store.db
  const org = scope.organisation.id
  const today = deps.clock().toISOString().slice(0, 10)
  const actions = await db
    .selectFrom('actions as a')
    .leftJoin('users as u', 'u.id', 'a.owner_user_id')
    .select(['a.id', 'a.title', 'a.status', 'a.start_date', 'a.review_date', 'a.decision_id', 'u.display_name', 'u.email'])
    .where('a.organisation_id', '=', org)
    .where('a.programme_id', '=', scope.programme.id)
    .orderBy('a.start_date')
    .orderBy('a.id')
    .execute()
  const ids = actions.map((a) => a.id)
  const [predictions, sites, cycles, reviews, suggestions] = ids.length === 0
    ? [[], [], [], [], []]
    : await Promise.all([
        db
          .selectFrom('predictions as p')
          .innerJoin('measures as m', (j) => j.onRef('m.organisation_id', '=', 'p.organisation_id').onRef('m.id', '=', 'p.measure_id'))
          .innerJoin('sites as s', (j) => j.onRef('s.organisation_id', '=', 'p.organisation_id').onRef('s.id', '=', 'p.site_id'))
          .select(['p.action_id', 'p.role', 'm.code as measure', 'm.name as measure_name', 'm.kind as measure_kind', 'm.unit', 's.code as site', 's.name as site_name', 's.kind as site_kind', 'p.dimension', 'p.group_name', 'p.direction', 'p.expected_size', 'p.by_date'])
          .where('p.organisation_id', '=', org)
          .where('p.action_id', 'in', ids)
          .orderBy('p.role', 'desc')
          .orderBy('p.id')
          .execute(),
        db
          .selectFrom('action_sites as x')
          .innerJoin('sites as s', (j) => j.onRef('s.organisation_id', '=', 'x.organisation_id').onRef('s.id', '=', 'x.site_id'))
          .select(['x.action_id', 's.name'])
          .where('x.organisation_id', '=', org)
          .where('x.action_id', 'in', ids)
          .orderBy('s.name')
          .execute(),
        db.selectFrom('pdsa_cycles').select(['action_id']).where('organisation_id', '=', org).where('action_id', 'in', ids).execute(),
        listReviews(db, org, ids),
        listRebaseSuggestions(db, org),
      ])
  const board: BoardAction[] = actions.map((a) => {
    const review = reviews.find((r) => r.actionId === a.id)
    return {
      id: a.id,
      title: a.title,
      status: a.status,
      startDate: a.start_date,
      reviewDate: a.review_date,
      overdue: a.review_date !== null && a.review_date < today && !CLOSED.includes(a.status),
      owner: a.display_name || a.email || null,
      decisionId: a.decision_id,
      sites: sites.filter((s) => s.action_id === a.id).map((s) => s.name),
      predictions: predictions
        .filter((p) => p.action_id === a.id)
        .map((p) => ({
          role: p.role,
          measure: p.measure,
          measureName: p.measure_name,
          measureKind: p.measure_kind as BoardPrediction['measureKind'],
          unit: p.unit,
          site: p.site,
          siteName: p.site_name,
          wholeOrganisation: p.site_kind === 'system',
          dimension: p.dimension || null,
          group: p.group_name || null,
          groupLabel: p.dimension ? groupLabel(p.dimension, p.group_name) : null,
          direction: p.direction,
          expectedSize: p.expected_size,
          by: p.by_date,
        })),
      verdict: review?.verdict ?? null,
      verdictLabel: review ? VERDICT_LABELS[review.verdict] : null,
      summary: review?.reasons[0] ?? null,
      reviewedAt: review?.evaluatedAt ?? null,
      dataThrough: review?.dataThrough ?? null,
      cycles: cycles.filter((c) => c.action_id === a.id).length,
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
