/**
 * Sending scheduled briefings. Issuing renders the briefing as it stands, keeps the exact file and
 * raises a `briefing` alert for the group's members in one transaction (nothing half-sent: the
 * inbox item and the file commit together), then hands the alert to the job queue, which sends
 * it on to the organisation's webhooks and the members' email with the file attached.
 */
import { isScheduleDue } from '../../core/share/schedule-due.ts'
import { raiseAlert } from '../../storage/alerts.ts'
import { insertBriefingIssue, latestImportAt, listBriefingSchedules, markScheduleIssued, type BriefingIssueFile, type BriefingScheduleRow } from '../../storage/briefing-schedules.ts'
import { listGroupMembers } from '../../storage/decision-groups.ts'
import type { BriefingAudience, BriefingFormat, ScheduledBriefingKind } from '../../storage/schema.ts'
import { getProgrammeScope, type ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { deliverAlerts } from '../review/alerts.ts'
import { inTransaction } from '../transaction.ts'

export interface BriefingRequest {
  readonly kind: ScheduledBriefingKind
  readonly audience: BriefingAudience
  readonly format: BriefingFormat
  /** The receiving decision group, if any: its members' roles decide whether quotes are included. */
  readonly groupId?: number
}

/** Makes the file of a briefing as it stands now (app/share/render-briefing.ts in the server; tests pass their own). */
export type BriefingRenderer = (deps: AppDeps, scope: ProgrammeScope, request: BriefingRequest) => Promise<BriefingIssueFile>

export interface IssuedBriefing {
  readonly scheduleId: number
  readonly issueId: number
  readonly alertId: number | undefined
}

export function issueLink(scope: ProgrammeScope, issueId: number): string {
  return `/organisations/${scope.organisation.code}/programmes/${scope.programme.code}/briefings/issued/${issueId}`
}

/** Issue one schedule now, due or not. */
export async function issueBriefing(deps: AppDeps, render: BriefingRenderer, schedule: BriefingScheduleRow): Promise<IssuedBriefing> {
  const scope = await scopeById(deps, schedule.organisationId, schedule.programmeId)
  const file = await render(deps, scope, schedule)
  const issued = await inTransaction(deps, async (tx) => {
    const at = tx.clock()
    const db = tx.store.db
    const issueId = await insertBriefingIssue(db, scope.organisation.id, scope.programme.id, schedule.id, file, at)
    const members = await listGroupMembers(db, scope.organisation.id, schedule.groupId)
    const alertId = await raiseAlert(db, scope.organisation.id, {
      programmeId: scope.programme.id, kind: 'briefing', actionId: null, measureId: null, issueId,
      title: file.title,
      body: `${file.title} is ready for ${schedule.groupName} (${schedule.audience === 'external' ? 'external version: small numbers suppressed' : 'internal: exact numbers, not for sharing outside the organisation'}).`,
      link: issueLink(scope, issueId),
      dedupeKey: `briefing|${schedule.id}|${issueId}`,
    }, members.map((m) => m.userId), at)
    await markScheduleIssued(db, scope.organisation.id, schedule.id, at)
    return { scheduleId: schedule.id, issueId, alertId }
  })
  if (issued.alertId !== undefined) await deliverAlerts(deps, scope.organisation.id, [issued.alertId])
  return issued
}

/** Issue every due schedule of one organisation (all organisations when omitted); one failing briefing does not stop the others. */
export async function issueDueBriefings(deps: AppDeps, render: BriefingRenderer, organisationId?: number): Promise<{ issued: IssuedBriefing[]; failed: { scheduleId: number; error: string }[] }> {
  const now = deps.clock()
  const organisations = organisationId === undefined
    ? (await deps.store.db.selectFrom('organisations').select('id').orderBy('id').execute()).map((o) => o.id)
    : [organisationId]
  const issued: IssuedBriefing[] = []
  const failed: { scheduleId: number; error: string }[] = []
  for (const org of organisations) {
    for (const schedule of await listBriefingSchedules(deps.store.db, org)) {
      const imported = schedule.cadence === 'after_import' ? await latestImportAt(deps.store.db, org, schedule.programmeId) : null
      if (!isScheduleDue(schedule, now, imported)) continue
      try {
        issued.push(await issueBriefing(deps, render, schedule))
      } catch (error) {
        failed.push({ scheduleId: schedule.id, error: error instanceof Error ? error.message : String(error) })
      }
    }
  }
  return { issued, failed }
}

async function scopeById(deps: AppDeps, organisationId: number, programmeId: number): Promise<ProgrammeScope> {
  const row = await deps.store.db
    .selectFrom('programmes as p')
    .innerJoin('organisations as o', 'o.id', 'p.organisation_id')
    .select(['o.code as organisation', 'p.code as programme'])
    .where('p.organisation_id', '=', organisationId)
    .where('p.id', '=', programmeId)
    .executeTakeFirstOrThrow()
  return getProgrammeScope(deps, row.organisation, row.programme)
}
