/**
 * Recording decisions: a new decision (version 1), and a change as a new version with who and
 * why, only from the version in force (a stale change is refused with `conflict` and writes
 * nothing). Each is one transaction with its audit entry; a version is never edited.
 */
import { AppError } from '../../core/errors.ts'
import { appendVersionIfCurrent, findDecision, insertDecision } from '../../storage/decisions.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { checkDecision, checkMeeting, type CheckedDecision, type DecisionInput } from './decision-input.ts'
import { comparable, getDecision, versionView, type DecisionView } from './decisions.ts'
import { FieldChecks } from './field-checks.ts'
import { versionChanges } from './version-changes.ts'

export interface NewDecisionInput extends DecisionInput {
  /** The meeting it was taken at, if any. */
  readonly meeting?: number | string | null | undefined
}

export interface RevisionInput extends DecisionInput {
  /** Why it changed: required. */
  readonly reason?: string | undefined
  /** The version the change started from. */
  readonly fromVersion?: number | string | undefined
}

function target(scope: ProgrammeScope, id: number): string {
  return `organisation:${scope.organisation.code}/programme:${scope.programme.code}/decision:${id}`
}

function audited(d: CheckedDecision) {
  return { title: d.title, label: d.label, optionChosen: d.optionChosen, reviewDate: d.reviewDate, findings: d.findingIds, lessons: d.lessonIds }
}

export async function createDecision(deps: AppDeps, actor: Actor, scope: ProgrammeScope, input: NewDecisionInput): Promise<DecisionView> {
  return inTransaction(deps, async (tx) => {
    const checks = new FieldChecks()
    const decision = await checkDecision(tx, scope, input, checks)
    const meetingId = await checkMeeting(tx, scope, input.meeting, checks)
    checks.throwIfAny()
    const id = await insertDecision(tx.store.db, scope.organisation.id, { programmeId: scope.programme.id, meetingId }, { ...decision, changedBy: actor.name, changeReason: null, at: deps.clock() })
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'decision.create', target: target(scope, id), after: { ...audited(decision), meeting: meetingId } }, tx.store.db)
    return getDecision(tx, scope, id)
  })
}

export async function reviseDecision(deps: AppDeps, actor: Actor, scope: ProgrammeScope, id: number, input: RevisionInput): Promise<DecisionView> {
  return inTransaction(deps, async (tx) => {
    const existing = await findDecision(tx.store.db, scope.organisation.id, scope.programme.id, id)
    if (!existing) throw new AppError('not_found', `No decision ${id} in ${scope.programme.name}.`)
    const checks = new FieldChecks()
    const fromVersion = Number(String(input.fromVersion ?? '').trim())
    if (!Number.isInteger(fromVersion) || fromVersion < 1) checks.fail('fromVersion', `Say which version the change starts from (expected a version number such as ${existing.current.version}, got "${String(input.fromVersion ?? '').slice(0, 20)}").`)
    const reason = checks.text('reason', 'Reason for the change', input.reason, { max: 2000, ask: 'Enter why the decision is changing: it is kept with the new version for everyone to read.' })
    const decision = await checkDecision(tx, scope, input, checks, id)
    checks.throwIfAny()
    const before = versionView(existing.current)
    if (fromVersion !== before.version) throw staleChange(before.version, before.changedBy, before.createdAt, before.changeReason)
    const owner = decision.ownerUserId === existing.current.ownerUserId ? before.owner : { email: (input.owner ?? '').trim().toLowerCase(), displayName: '' }
    const changes = versionChanges(comparable(before), comparable({ ...before, ...decision, owner, findings: decision.findingIds, lessons: decision.lessonIds }))
    if (changes.length === 0) throw new AppError('invalid_request', `Nothing differs from version ${before.version}: change at least one field, or leave the decision as it is.`, [{ severity: 'error', code: 'no_change', message: `Nothing differs from version ${before.version}.`, column: 'title' }])
    const version = await appendVersionIfCurrent(tx.store.db, scope.organisation.id, id, fromVersion, { ...decision, changedBy: actor.name, changeReason: reason, at: deps.clock() })
    if (version === undefined) throw staleChange(fromVersion + 1, 'someone else', null, null)
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'decision.revise', target: target(scope, id), before: { version: before.version, ...audited({ ...existing.current }) }, after: { version, ...audited(decision), reason, changed: changes.map((c) => c.field) } }, tx.store.db)
    return getDecision(tx, scope, id)
  })
}

function staleChange(current: number, by: string, at: string | null, reason: string | null): AppError {
  const when = at ? ` on ${at.slice(0, 10)}` : ''
  const why = reason ? ` ("${reason.slice(0, 200)}")` : ''
  const message = `Someone else changed this decision after you opened it: it is now at version ${current}, changed by ${by}${when}${why}. Your change has not been saved. Read the current version, then send your change again if it still stands.`
  return new AppError('conflict', message, [{ severity: 'error', code: 'stale_version', message, column: 'fromVersion', value: String(current) }])
}
