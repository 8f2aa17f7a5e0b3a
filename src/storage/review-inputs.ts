/**
 * What the review engine reads about actions: each action with its predictions, the measure,
 * site and group each names, and who should hear about it (owner and the decision group's members).
 */
import type { Kysely } from 'kysely'
import type { ActionStatus, Database } from './schema.ts'

export interface PredictionToReview {
  readonly id: number
  readonly role: 'primary' | 'balancing'
  readonly measureId: number
  readonly siteId: number
  readonly siteCode: string
  readonly siteName: string
  /** The organisation's root site: the prediction is about the whole organisation. */
  readonly wholeOrganisation: boolean
  readonly dimension: string
  readonly group: string
  readonly direction: 'increase' | 'decrease'
  readonly expectedSize: number | null
  readonly byDate: string | null
}

export interface ActionToReview {
  readonly id: number
  readonly programmeId: number
  readonly programmeCode: string
  readonly organisationCode: string
  readonly title: string
  readonly status: ActionStatus
  readonly startDate: string
  readonly reviewDate: string | null
  readonly ownerUserId: number | null
  readonly decisionId: number | null
  readonly predictions: readonly PredictionToReview[]
}

export interface ReviewFilter {
  readonly programmeId?: number
  readonly actionIds?: readonly number[]
  /** Only actions with a prediction on one of these measures. */
  readonly measureIds?: readonly number[]
}

/** Actions that are not abandoned, with their predictions, in id order. */
export async function readActionsToReview(db: Kysely<Database>, organisationId: number, filter: ReviewFilter = {}): Promise<ActionToReview[]> {
  if (filter.actionIds?.length === 0 || filter.measureIds?.length === 0) return []
  let actions = db
    .selectFrom('actions as a')
    .innerJoin('programmes as p', (j) => j.onRef('p.organisation_id', '=', 'a.organisation_id').onRef('p.id', '=', 'a.programme_id'))
    .innerJoin('organisations as o', 'o.id', 'a.organisation_id')
    .select(['a.id', 'a.programme_id', 'p.code as programme_code', 'o.code as organisation_code', 'a.title', 'a.status', 'a.start_date', 'a.review_date', 'a.owner_user_id', 'a.decision_id'])
    .where('a.organisation_id', '=', organisationId)
    .where('a.status', '<>', 'abandoned')
  if (filter.programmeId !== undefined) actions = actions.where('a.programme_id', '=', filter.programmeId)
  if (filter.actionIds !== undefined) actions = actions.where('a.id', 'in', [...filter.actionIds])
  if (filter.measureIds !== undefined) {
    const measureIds = [...filter.measureIds]
    actions = actions.where((eb) =>
      eb.exists(eb.selectFrom('predictions as m').select('m.id').whereRef('m.organisation_id', '=', 'a.organisation_id').whereRef('m.action_id', '=', 'a.id').where('m.measure_id', 'in', measureIds)),
    )
  }
  const rows = await actions.orderBy('a.id').execute()
  if (rows.length === 0) return []
  const predictions = await db
    .selectFrom('predictions as r')
    .innerJoin('sites as s', (j) => j.onRef('s.organisation_id', '=', 'r.organisation_id').onRef('s.id', '=', 'r.site_id'))
    .select(['r.id', 'r.action_id', 'r.role', 'r.measure_id', 'r.site_id', 's.code as site_code', 's.name as site_name', 's.kind as site_kind', 'r.dimension', 'r.group_name', 'r.direction', 'r.expected_size', 'r.by_date'])
    .where('r.organisation_id', '=', organisationId)
    .where('r.action_id', 'in', rows.map((r) => r.id))
    .orderBy('r.action_id')
    .orderBy('r.role', 'desc')
    .orderBy('r.id')
    .execute()
  return rows.map((a) => ({
    id: a.id,
    programmeId: a.programme_id,
    programmeCode: a.programme_code,
    organisationCode: a.organisation_code,
    title: a.title,
    status: a.status,
    startDate: a.start_date,
    reviewDate: a.review_date,
    ownerUserId: a.owner_user_id,
    decisionId: a.decision_id,
    predictions: predictions
      .filter((p) => p.action_id === a.id)
      .map((p) => ({
        id: p.id,
        role: p.role,
        measureId: p.measure_id,
        siteId: p.site_id,
        siteCode: p.site_code,
        siteName: p.site_name,
        wholeOrganisation: p.site_kind === 'system',
        dimension: p.dimension,
        group: p.group_name,
        direction: p.direction,
        expectedSize: p.expected_size,
        byDate: p.by_date,
      })),
  }))
}

/** Who hears about an action: its owner and the members of the group whose meeting took its decision. */
export async function actionAudience(db: Kysely<Database>, organisationId: number, action: { ownerUserId: number | null; decisionId: number | null }): Promise<number[]> {
  const ids = new Set<number>()
  if (action.ownerUserId !== null) ids.add(action.ownerUserId)
  if (action.decisionId !== null) {
    const members = await db
      .selectFrom('decisions as d')
      .innerJoin('meetings as m', (j) => j.onRef('m.organisation_id', '=', 'd.organisation_id').onRef('m.id', '=', 'd.meeting_id'))
      .innerJoin('decision_group_members as g', (j) => j.onRef('g.organisation_id', '=', 'm.organisation_id').onRef('g.group_id', '=', 'm.group_id'))
      .select('g.user_id')
      .where('d.organisation_id', '=', organisationId)
      .where('d.id', '=', action.decisionId)
      .execute()
    for (const m of members) ids.add(m.user_id)
  }
  return [...ids].sort((a, b) => a - b)
}
