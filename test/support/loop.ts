/**
 * A little of the loop in an organisation's `htn` programme, for tests that need its records to
 * exist (the access matrix): a driver, a decision group with a member, a meeting on the first
 * finding, a decision, an action with a prediction and a PDSA cycle, a suggested rebase, a webhook
 * and an alert. Written with the owner connection; returns the ids.
 */
import type { AppDeps } from '../../src/app/deps.ts'
import { getProgrammeScope } from '../../src/app/catalogue.ts'

export interface LoopIds {
  readonly driver: number
  readonly group: string
  readonly meeting: number
  readonly decision: number
  readonly action: number
  readonly prediction: number
  readonly cycle: number
  readonly suggestion: number
  readonly webhook: number
  /** A monthly board-briefing schedule for the group, and one briefing it sent. */
  readonly schedule: number
  readonly issue: number
}

export async function seedLoopRecords(deps: AppDeps, organisation: string): Promise<LoopIds> {
  const scope = await getProgrammeScope(deps, organisation, 'htn')
  const db = deps.store.db
  const org = scope.organisation.id
  const programme = scope.programme.id
  const measure = await db.selectFrom('measures').select('id').where('organisation_id', '=', org).where('programme_id', '=', programme).orderBy('id').executeTakeFirstOrThrow()
  const site = await db.selectFrom('sites').select('id').where('organisation_id', '=', org).where('kind', '=', 'system').executeTakeFirstOrThrow()
  const member = await db.selectFrom('memberships').select('user_id').where('organisation_id', '=', org).orderBy('user_id').executeTakeFirstOrThrow()
  const finding = await db.selectFrom('findings').select('id').where('organisation_id', '=', org).orderBy('id').executeTakeFirst()
  const driver = await db.insertInto('drivers').values({ organisation_id: org, programme_id: programme, parent_id: null, kind: 'primary', title: 'People are found' }).returning('id').executeTakeFirstOrThrow()
  const group = await db.insertInto('decision_groups').values({ organisation_id: org, code: 'board', name: 'Programme board', kind: 'board' }).returning('id').executeTakeFirstOrThrow()
  await db.insertInto('decision_group_members').values({ organisation_id: org, group_id: group.id, user_id: member.user_id }).execute()
  const meeting = await db.insertInto('meetings').values({ organisation_id: org, group_id: group.id, programme_id: programme, held_on: '2025-05-05', title: 'May board', created_by: 'seed' }).returning('id').executeTakeFirstOrThrow()
  if (finding) await db.insertInto('meeting_items').values({ organisation_id: org, meeting_id: meeting.id, finding_id: finding.id }).execute()
  const decision = await db.insertInto('decisions').values({ organisation_id: org, programme_id: programme, meeting_id: meeting.id }).returning('id').executeTakeFirstOrThrow()
  await db
    .insertInto('decision_versions')
    .values({ organisation_id: org, decision_id: decision.id, version: 1, title: 'Lend home monitors', rationale: 'Access barriers', option_chosen: 'Lend monitors', label: 'standardise', changed_by: 'seed', change_reason: null, finding_ids: finding ? [finding.id] : [] })
    .execute()
  const action = await db
    .insertInto('actions')
    .values({ organisation_id: org, programme_id: programme, decision_id: decision.id, title: 'Monitor loans', owner_user_id: member.user_id, start_date: '2025-03-03', review_date: '2025-09-01', status: 'in_progress', created_by: 'seed' })
    .returning('id')
    .executeTakeFirstOrThrow()
  await db.insertInto('meeting_attendance').values({ organisation_id: org, meeting_id: meeting.id, user_id: member.user_id }).execute()
  await db.insertInto('action_sites').values({ organisation_id: org, action_id: action.id, site_id: site.id }).execute()
  const reasons = JSON.stringify(['Seeded: not yet clear.'])
  await db.insertInto('action_reviews').values({ organisation_id: org, action_id: action.id, verdict: 'not_yet_clear', reasons, evidence: JSON.stringify({ verdict: 'not_yet_clear', label: 'Not yet clear', reasons: ['Seeded: not yet clear.'], changeDate: '2025-03-03', asOf: '2025-06-02', predictions: [] }), data_through: null, evaluated_at: new Date('2025-06-02T09:00:00Z') }).execute()
  await db.insertInto('verdict_changes').values({ organisation_id: org, action_id: action.id, previous: null, verdict: 'not_yet_clear', reasons, changed_at: new Date('2025-06-02T09:00:00Z') }).execute()
  const prediction = await addPrediction(deps, org, action.id, measure.id, site.id, 'increase')
  await db.insertInto('pdsa_cycles').values({ organisation_id: org, action_id: action.id, number: 1, plan: 'Lend ten monitors', prediction: 'Eight come back', started_on: '2025-03-03', created_by: 'seed' }).returning('id').executeTakeFirstOrThrow()
  const suggestion = await db
    .insertInto('rebases')
    .values({ organisation_id: org, measure_id: measure.id, site_id: site.id, rebase_date: '2025-03-03', reason: 'Change made: Monitor loans', created_by: 'review engine', action_id: action.id, status: 'suggested' })
    .returning('id')
    .executeTakeFirstOrThrow()
  const webhook = await addWebhookRow(deps, org)
  const alert = await db.insertInto('alerts').values({ organisation_id: org, programme_id: programme, kind: 'review_due', action_id: action.id, measure_id: null, title: 'Review due', dedupe_key: `seed|${action.id}` }).returning('id').executeTakeFirstOrThrow()
  await db.insertInto('alert_recipients').values({ organisation_id: org, alert_id: alert.id, user_id: member.user_id }).execute()
  const schedule = await addScheduleRow(deps, org, programme, group.id)
  const issue = await db
    .insertInto('briefing_issues')
    .values({ organisation_id: org, programme_id: programme, schedule_id: schedule, title: 'Board briefing', file_name: 'htn-board.pdf', content_type: 'application/pdf', content: new TextEncoder().encode('%PDF-1.4 seeded'), issued_at: new Date('2025-06-01T06:30:00Z') })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { driver: driver.id, group: 'board', meeting: meeting.id, decision: decision.id, action: action.id, prediction, cycle: 1, suggestion: suggestion.id, webhook, schedule, issue: issue.id }
}

/** A monthly board-briefing schedule (removal routes need a fresh one per request). */
export async function addScheduleRow(deps: AppDeps, organisationId: number, programmeId: number, groupId: number): Promise<number> {
  const row = await deps.store.db
    .insertInto('briefing_schedules')
    .values({ organisation_id: organisationId, programme_id: programmeId, kind: 'board', audience: 'internal', format: 'pdf', cadence: 'monthly', day_of_month: 1, group_id: groupId, created_by: 'seed' })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

/** One more prediction on the action (removal routes need a fresh one per request). */
export async function addPrediction(deps: AppDeps, organisationId: number, actionId: number, measureId: number, siteId: number, direction: 'increase' | 'decrease', dimension = ''): Promise<number> {
  const row = await deps.store.db
    .insertInto('predictions')
    .values({ organisation_id: organisationId, action_id: actionId, role: 'primary', measure_id: measureId, site_id: siteId, direction, dimension, group_name: dimension === '' ? '' : '1' })
    .returning('id')
    .executeTakeFirstOrThrow()
  return row.id
}

export async function addWebhookRow(deps: AppDeps, organisationId: number): Promise<number> {
  const row = await deps.store.db.insertInto('webhooks').values({ organisation_id: organisationId, url: 'http://127.0.0.1:9/hook', secret: 'a-secret-of-sixteen-or-more', created_by: 'seed' }).returning('id').executeTakeFirstOrThrow()
  return row.id
}

export async function addDriver(deps: AppDeps, organisationId: number, programmeId: number, title: string): Promise<number> {
  const row = await deps.store.db.insertInto('drivers').values({ organisation_id: organisationId, programme_id: programmeId, parent_id: null, kind: 'primary', title }).returning('id').executeTakeFirstOrThrow()
  return row.id
}
