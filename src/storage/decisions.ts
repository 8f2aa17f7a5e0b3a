/**
 * Decisions and their versions. A version row is never updated: a change appends the next version
 * and moves the decision's `current_version` on, but only when it still names the version the
 * change started from (optimistic concurrency), so a stale edit writes nothing.
 */
import { sql, type Kysely } from 'kysely'
import type { Database, DecisionLabel } from './schema.ts'

export interface DecisionVersionValues {
  readonly title: string
  readonly rationale: string
  readonly optionChosen: string
  readonly optionsConsidered: readonly string[]
  readonly label: DecisionLabel
  readonly ownerUserId: number | null
  readonly reviewDate: string | null
  readonly findingIds: readonly number[]
  readonly lessonIds: readonly number[]
  readonly changedBy: string
  /** Null for the first version; required from the second on. */
  readonly changeReason: string | null
  readonly at: Date
}

export interface DecisionVersionRow extends Omit<DecisionVersionValues, 'at'> {
  readonly version: number
  readonly ownerEmail: string | null
  readonly ownerName: string | null
  readonly createdAt: string
}

export interface DecisionRow {
  readonly id: number
  readonly programmeId: number
  readonly meetingId: number | null
  readonly createdAt: string
  readonly current: DecisionVersionRow
}

export interface NewDecision {
  readonly programmeId: number
  readonly meetingId: number | null
}

function versionValues(organisationId: number, decisionId: number, version: number, v: DecisionVersionValues) {
  return {
    organisation_id: organisationId,
    decision_id: decisionId,
    version,
    title: v.title,
    rationale: v.rationale,
    option_chosen: v.optionChosen,
    options_considered: JSON.stringify(v.optionsConsidered),
    label: v.label,
    owner_user_id: v.ownerUserId,
    review_date: v.reviewDate,
    finding_ids: [...v.findingIds],
    lesson_ids: [...v.lessonIds],
    changed_by: v.changedBy,
    change_reason: v.changeReason,
    created_at: v.at,
  }
}

/** Insert a decision with its first version; returns its id. */
export async function insertDecision(db: Kysely<Database>, organisationId: number, decision: NewDecision, first: DecisionVersionValues): Promise<number> {
  const row = await db
    .insertInto('decisions')
    .values({ organisation_id: organisationId, programme_id: decision.programmeId, meeting_id: decision.meetingId, current_version: 1, created_at: first.at })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db.insertInto('decision_versions').values(versionValues(organisationId, row.id, 1, first)).execute()
  return row.id
}

/**
 * Append the version after `fromVersion`, if `fromVersion` is still the current one; returns the new
 * version number, or undefined when someone else changed the decision first (nothing is written).
 * The conditional update locks the decision row, so two concurrent changes cannot both succeed.
 */
export async function appendVersionIfCurrent(db: Kysely<Database>, organisationId: number, decisionId: number, fromVersion: number, next: DecisionVersionValues): Promise<number | undefined> {
  const moved = await db
    .updateTable('decisions')
    .set({ current_version: fromVersion + 1 })
    .where('organisation_id', '=', organisationId)
    .where('id', '=', decisionId)
    .where('current_version', '=', fromVersion)
    .returning('current_version')
    .executeTakeFirst()
  if (!moved) return undefined
  await db.insertInto('decision_versions').values(versionValues(organisationId, decisionId, moved.current_version, next)).execute()
  return moved.current_version
}

function versions(db: Kysely<Database>, organisationId: number) {
  return db
    .selectFrom('decision_versions as v')
    .leftJoin('users as u', 'u.id', 'v.owner_user_id')
    .select(['v.decision_id', 'v.version', 'v.title', 'v.rationale', 'v.option_chosen', 'v.options_considered', 'v.label', 'v.owner_user_id', 'v.review_date', 'v.finding_ids', 'v.lesson_ids', 'v.changed_by', 'v.change_reason', 'v.created_at', 'u.email', 'u.display_name'])
    .where('v.organisation_id', '=', organisationId)
}

type VersionSelected = Awaited<ReturnType<ReturnType<typeof versions>['executeTakeFirstOrThrow']>>

function toVersion(r: VersionSelected): DecisionVersionRow {
  const options = typeof r.options_considered === 'string' ? (JSON.parse(r.options_considered) as unknown) : r.options_considered
  return {
    version: r.version,
    title: r.title,
    rationale: r.rationale,
    optionChosen: r.option_chosen,
    optionsConsidered: Array.isArray(options) ? options.filter((o): o is string => typeof o === 'string') : [],
    label: r.label,
    ownerUserId: r.owner_user_id,
    ownerEmail: r.email,
    ownerName: r.display_name,
    reviewDate: r.review_date,
    findingIds: r.finding_ids,
    lessonIds: r.lesson_ids,
    changedBy: r.changed_by,
    changeReason: r.change_reason,
    createdAt: new Date(r.created_at).toISOString(),
  }
}

/** The decision with its current version, when it belongs to the programme. */
export async function findDecision(db: Kysely<Database>, organisationId: number, programmeId: number, id: number): Promise<DecisionRow | undefined> {
  const decision = await db
    .selectFrom('decisions')
    .select(['id', 'programme_id', 'meeting_id', 'current_version', 'created_at'])
    .where('organisation_id', '=', organisationId)
    .where('programme_id', '=', programmeId)
    .where('id', '=', id)
    .executeTakeFirst()
  if (!decision) return undefined
  const current = await versions(db, organisationId).where('v.decision_id', '=', id).where('v.version', '=', decision.current_version).executeTakeFirstOrThrow()
  return { id: decision.id, programmeId: decision.programme_id, meetingId: decision.meeting_id, createdAt: new Date(decision.created_at).toISOString(), current: toVersion(current) }
}

/** Every version of the decision, oldest first. */
export async function listDecisionVersions(db: Kysely<Database>, organisationId: number, decisionId: number): Promise<DecisionVersionRow[]> {
  return (await versions(db, organisationId).where('v.decision_id', '=', decisionId).orderBy('v.version').execute()).map(toVersion)
}

export type ReviewState = 'due' | 'upcoming' | 'none'

export interface DecisionSearch {
  /** Words, quoted phrases, `or` and `-word`, as web search engines take them (websearch_to_tsquery). */
  readonly query?: string | undefined
  readonly label?: DecisionLabel | undefined
  /** due: review date on or before `today`; upcoming: after it; none: no review date. */
  readonly review?: ReviewState | undefined
  readonly today: string
  readonly meetingId?: number | undefined
  /** Only these decisions. */
  readonly ids?: readonly number[] | undefined
}

export interface DecisionSummaryRow {
  readonly id: number
  readonly programmeId: number
  readonly meetingId: number | null
  readonly createdAt: string
  readonly current: DecisionVersionRow
  /** Full-text rank against the query (0 without one). */
  readonly rank: number
}

const DOCUMENT = sql`to_tsvector('english', v.title || ' ' || v.rationale || ' ' || v.option_chosen)`

/** The programme's decisions (current versions) that match, best match first, else newest first. */
export async function searchDecisions(db: Kysely<Database>, organisationId: number, programmeId: number, search: DecisionSearch): Promise<DecisionSummaryRow[]> {
  const text = search.query?.trim() ?? ''
  const tsquery = sql`websearch_to_tsquery('english', ${text})`
  let query = versions(db, organisationId)
    .innerJoin('decisions as d', (j) => j.onRef('d.organisation_id', '=', 'v.organisation_id').onRef('d.id', '=', 'v.decision_id').onRef('d.current_version', '=', 'v.version'))
    .select(['d.id', 'd.programme_id', 'd.meeting_id', 'd.created_at as decided_at'])
    .select(text === '' ? sql<number>`0`.as('rank') : sql<number>`ts_rank(${DOCUMENT}, ${tsquery})`.as('rank'))
    .where('d.programme_id', '=', programmeId)
  if (text !== '') query = query.where(sql<boolean>`${DOCUMENT} @@ ${tsquery}`)
  if (search.label) query = query.where('v.label', '=', search.label)
  if (search.review === 'due') query = query.where('v.review_date', '<=', search.today)
  if (search.review === 'upcoming') query = query.where('v.review_date', '>', search.today)
  if (search.review === 'none') query = query.where('v.review_date', 'is', null)
  if (search.meetingId !== undefined) query = query.where('d.meeting_id', '=', search.meetingId)
  if (search.ids !== undefined) query = search.ids.length === 0 ? query.where(sql<boolean>`false`) : query.where('d.id', 'in', [...search.ids])
  if (text !== '') query = query.orderBy('rank', 'desc')
  const rows = await query.orderBy('d.created_at', 'desc').orderBy('d.id', 'desc').execute()
  return rows.map((r) => ({ id: r.id, programmeId: r.programme_id, meetingId: r.meeting_id, createdAt: new Date(r.decided_at).toISOString(), current: toVersion(r), rank: Number(r.rank) }))
}

export interface DecisionActionRow {
  readonly decisionId: number
  readonly id: number
  readonly title: string
  readonly status: string
  readonly verdict: string | null
}

/** The actions that came from these decisions (or from any decision), with the review engine's latest verdict if any. */
export async function listDecisionActions(db: Kysely<Database>, organisationId: number, decisionIds: readonly number[] | 'all', options: { withVerdictOnly?: boolean } = {}): Promise<DecisionActionRow[]> {
  if (decisionIds !== 'all' && decisionIds.length === 0) return []
  let query = db
    .selectFrom('actions as a')
    .leftJoin('action_reviews as r', (j) => j.onRef('r.organisation_id', '=', 'a.organisation_id').onRef('r.action_id', '=', 'a.id'))
    .select(['a.decision_id', 'a.id', 'a.title', 'a.status', 'r.verdict'])
    .where('a.organisation_id', '=', organisationId)
  query = decisionIds === 'all' ? query.where('a.decision_id', 'is not', null) : query.where('a.decision_id', 'in', [...decisionIds])
  if (options.withVerdictOnly) query = query.where('r.verdict', 'is not', null)
  const rows = await query.orderBy('a.start_date').orderBy('a.id').execute()
  return rows.map((r) => ({ decisionId: r.decision_id ?? 0, id: r.id, title: r.title, status: r.status, verdict: r.verdict }))
}

/** Measure codes the actions of these decisions predict or watch. */
export async function listDecisionPredictionMeasures(db: Kysely<Database>, organisationId: number, decisionIds: readonly number[]): Promise<{ decisionId: number; measure: string }[]> {
  if (decisionIds.length === 0) return []
  const rows = await db
    .selectFrom('predictions as p')
    .innerJoin('actions as a', (j) => j.onRef('a.organisation_id', '=', 'p.organisation_id').onRef('a.id', '=', 'p.action_id'))
    .innerJoin('measures as m', (j) => j.onRef('m.organisation_id', '=', 'p.organisation_id').onRef('m.id', '=', 'p.measure_id'))
    .select(['a.decision_id', 'm.code'])
    .distinct()
    .where('p.organisation_id', '=', organisationId)
    .where('a.decision_id', 'in', [...decisionIds])
    .execute()
  return rows.map((r) => ({ decisionId: r.decision_id ?? 0, measure: r.code }))
}

/** The current versions of these decisions, in any programme of the organisation, with their programme's code. */
export async function listDecisionsByIds(db: Kysely<Database>, organisationId: number, ids: readonly number[]): Promise<(DecisionSummaryRow & { programmeCode: string })[]> {
  if (ids.length === 0) return []
  const rows = await versions(db, organisationId)
    .innerJoin('decisions as d', (j) => j.onRef('d.organisation_id', '=', 'v.organisation_id').onRef('d.id', '=', 'v.decision_id').onRef('d.current_version', '=', 'v.version'))
    .innerJoin('programmes as p', (j) => j.onRef('p.organisation_id', '=', 'd.organisation_id').onRef('p.id', '=', 'd.programme_id'))
    .select(['d.id', 'd.programme_id', 'd.meeting_id', 'd.created_at as decided_at', 'p.code as programme_code'])
    .where('d.id', 'in', [...ids])
    .orderBy('d.created_at', 'desc')
    .orderBy('d.id', 'desc')
    .execute()
  return rows.map((r) => ({ id: r.id, programmeId: r.programme_id, meetingId: r.meeting_id, createdAt: new Date(r.decided_at).toISOString(), current: toVersion(r), rank: 0, programmeCode: r.programme_code }))
}

/** The focus (measure and themes) of these findings, as stored in their proposals. */
export async function listFindingFocuses(db: Kysely<Database>, organisationId: number, findingIds: readonly number[]): Promise<{ id: number; programmeId: number; focus: unknown }[]> {
  if (findingIds.length === 0) return []
  const rows = await db
    .selectFrom('findings')
    .select(['id', 'programme_id', sql<unknown>`proposal -> 'focus'`.as('focus')])
    .where('organisation_id', '=', organisationId)
    .where('id', 'in', [...findingIds])
    .execute()
  return rows.map((r) => ({ id: r.id, programmeId: r.programme_id, focus: typeof r.focus === 'string' ? (JSON.parse(r.focus) as unknown) : r.focus }))
}
