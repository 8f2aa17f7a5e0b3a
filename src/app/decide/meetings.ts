/**
 * Meetings of a decision group about a programme: listing, one meeting with its agenda (findings in
 * order), attendance, minutes and the decisions taken at it, and planning a new one (`lead`).
 */
import { AppError } from '../../core/errors.ts'
import { findDecisionGroup, listGroupMembers } from '../../storage/decision-groups.ts'
import { findMeeting, insertMeeting, listAgenda, listAttendance, listMeetings as listMeetingRows, type MeetingRow, type MeetingStatus } from '../../storage/meetings.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import type { FindingView } from '../triangulate/findings.ts'
import { inTransaction } from '../transaction.ts'
import { listProgrammeDecisions, type DecisionSummary } from './decisions.ts'
import { FieldChecks } from './field-checks.ts'
import type { DecisionGroupKind } from './labels.ts'
import { personView, type PersonView } from './people.ts'
import { programmeFindingsById } from './programme-findings.ts'

export type { MeetingStatus }

export interface MeetingSummary {
  readonly id: number
  readonly title: string
  readonly heldOn: string
  readonly status: MeetingStatus
  readonly group: { readonly code: string; readonly name: string; readonly kind: DecisionGroupKind }
  readonly agendaCount: number
  readonly createdBy: string
  readonly createdAt: string
}

export interface MeetingView extends MeetingSummary {
  readonly minutes: string
  /** People at the meeting who have no account, as free text. */
  readonly guests: string
  /** The findings on the agenda, in order. */
  readonly agenda: readonly FindingView[]
  readonly attendance: readonly PersonView[]
  /** The group's members now (whom the attendance list offers). */
  readonly groupMembers: readonly PersonView[]
  readonly decisions: readonly DecisionSummary[]
}

export interface MeetingInput {
  /** The decision group's code. */
  readonly group?: string | undefined
  readonly heldOn?: string | undefined
  readonly title?: string | undefined
}

function summary(row: MeetingRow): MeetingSummary {
  return { id: row.id, title: row.title, heldOn: row.heldOn, status: row.status, group: { code: row.group.code, name: row.group.name, kind: row.group.kind }, agendaCount: row.agendaCount, createdBy: row.createdBy, createdAt: row.createdAt }
}

export function meetingTarget(scope: ProgrammeScope, id: number): string {
  return `organisation:${scope.organisation.code}/programme:${scope.programme.code}/meeting:${id}`
}

export async function listMeetings(deps: AppDeps, scope: ProgrammeScope): Promise<MeetingSummary[]> {
  return (await listMeetingRows(deps.store.db, scope.organisation.id, scope.programme.id)).map(summary)
}

export async function getMeetingRow(deps: AppDeps, scope: ProgrammeScope, id: number): Promise<MeetingRow> {
  const row = await findMeeting(deps.store.db, scope.organisation.id, scope.programme.id, id)
  if (!row) throw new AppError('not_found', `No meeting ${id} in ${scope.programme.name}.`)
  return row
}

export async function getMeeting(deps: AppDeps, scope: ProgrammeScope, id: number): Promise<MeetingView> {
  const db = deps.store.db
  const row = await getMeetingRow(deps, scope, id)
  const findings = await programmeFindingsById(deps, scope)
  const agenda = (await listAgenda(db, scope.organisation.id, id)).map((f) => findings.get(f)).filter((f): f is FindingView => f !== undefined)
  return {
    ...summary(row),
    minutes: row.minutes,
    guests: row.guests,
    agenda,
    attendance: (await listAttendance(db, scope.organisation.id, id)).map(personView),
    groupMembers: (await listGroupMembers(db, scope.organisation.id, row.group.id)).map(personView),
    decisions: await listProgrammeDecisions(deps, scope, { meeting: id }),
  }
}

/** Plan a meeting of a group about the programme; the agenda is set afterwards. */
export async function createMeeting(deps: AppDeps, actor: Actor, scope: ProgrammeScope, input: MeetingInput): Promise<MeetingView> {
  return inTransaction(deps, async (tx) => {
    const checks = new FieldChecks()
    const code = (input.group ?? '').trim()
    const group = code === '' ? undefined : await findDecisionGroup(tx.store.db, scope.organisation.id, code)
    if (!group) checks.fail('group', code === '' ? 'Choose the decision group that meets.' : `There is no decision group "${code.slice(0, 60)}" in ${scope.organisation.name} (expected one of its groups).`, code)
    const heldOn = checks.date('heldOn', 'Date of the meeting', input.heldOn, false)
    const title = checks.text('title', 'Title', input.title, { max: 200, ask: 'Enter a title for the meeting, such as "June programme board".' })
    checks.throwIfAny()
    const id = await insertMeeting(tx.store.db, scope.organisation.id, { groupId: group!.id, programmeId: scope.programme.id, heldOn: heldOn!, title, createdBy: actor.name, at: deps.clock() })
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'meeting.create', target: meetingTarget(scope, id), after: { group: group!.code, heldOn, title } }, tx.store.db)
    return getMeeting(tx, scope, id)
  })
}
