/** Decision groups of an organisation (boards, committees, huddles) and their members. Changes need `lead` and are audited. */
import { AppError, invalidField } from '../../core/errors.ts'
import { findDecisionGroup, insertDecisionGroup, listDecisionGroups as listGroupRows, listGroupMembers, replaceGroupMembers, type DecisionGroupRow } from '../../storage/decision-groups.ts'
import { audit, type Actor } from '../auth/audit.ts'
import { getOrganisation, type OrganisationRow } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { FieldChecks } from './field-checks.ts'
import { isGroupKind, GROUP_KINDS, type DecisionGroupKind } from './labels.ts'
import { listPeopleOf, personView, userIdsOf, type PersonView } from './people.ts'

export interface GroupSummary {
  readonly code: string
  readonly name: string
  readonly kind: DecisionGroupKind
  readonly purpose: string
  readonly memberCount: number
}

export interface GroupView extends GroupSummary {
  readonly members: readonly PersonView[]
}

export interface GroupInput {
  readonly code?: string | undefined
  readonly name?: string | undefined
  readonly kind?: string | undefined
  readonly purpose?: string | undefined
}

function summary(row: DecisionGroupRow): GroupSummary {
  return { code: row.code, name: row.name, kind: row.kind, purpose: row.purpose, memberCount: row.memberCount }
}

export async function listDecisionGroups(deps: AppDeps, organisationCode: string): Promise<GroupSummary[]> {
  const organisation = await getOrganisation(deps, organisationCode)
  return (await listGroupRows(deps.store.db, organisation.id)).map(summary)
}

async function groupRow(deps: AppDeps, organisation: OrganisationRow, code: string): Promise<DecisionGroupRow> {
  const row = await findDecisionGroup(deps.store.db, organisation.id, code)
  if (!row) throw new AppError('not_found', `No decision group with code "${code.slice(0, 60)}" in ${organisation.name}.`)
  return row
}

export async function getDecisionGroup(deps: AppDeps, organisationCode: string, code: string): Promise<GroupView> {
  const organisation = await getOrganisation(deps, organisationCode)
  const row = await groupRow(deps, organisation, code)
  return { ...summary(row), members: (await listGroupMembers(deps.store.db, organisation.id, row.id)).map(personView) }
}

/** Create a group; its code is how pages and the API name it, so it must be new in the organisation. */
export async function createDecisionGroup(deps: AppDeps, actor: Actor, organisationCode: string, input: GroupInput): Promise<GroupView> {
  const checks = new FieldChecks()
  const code = (input.code ?? '').trim().toLowerCase()
  if (!/^[a-z0-9][a-z0-9-]{0,39}$/.test(code)) checks.fail('code', code === '' ? 'Enter a short code for the group, such as "programme-board".' : `The code "${code.slice(0, 60)}" is not valid (expected up to 40 lower-case letters, digits and hyphens, starting with a letter or digit).`, code)
  const name = checks.text('name', 'Name', input.name, { max: 120, ask: 'Enter the group’s name.' })
  const kind = (input.kind ?? '').trim()
  if (!isGroupKind(kind)) checks.fail('kind', `Choose the kind of group (expected ${GROUP_KINDS.map((k) => k.value).join(', ')}).`, kind)
  const purpose = checks.text('purpose', 'Purpose', input.purpose, { max: 1000, optional: true })
  checks.throwIfAny()
  return inTransaction(deps, async (tx) => {
    const organisation = await getOrganisation(tx, organisationCode)
    const id = await insertDecisionGroup(tx.store.db, organisation.id, { code, name, kind: kind as DecisionGroupKind, purpose, at: deps.clock() })
    if (id === undefined) throw new AppError('conflict', `${organisation.name} already has a decision group with code "${code}". Choose another code.`, [{ severity: 'error', code: 'duplicate', message: `A group with code "${code}" already exists.`, column: 'code', value: code }])
    await audit(tx, actor, { organisationId: organisation.id, action: 'decision_group.create', target: `organisation:${organisation.code}/group:${code}`, after: { name, kind, purpose } }, tx.store.db)
    return getDecisionGroup(tx, organisationCode, code)
  })
}

/** Make the group's members exactly these people (by email, each a member of the organisation). */
export function setGroupMembers(deps: AppDeps, actor: Actor, organisationCode: string, code: string, emails: readonly string[]): Promise<GroupView> {
  return changeMembers(deps, actor, organisationCode, code, () => emails)
}

/** Add one person to the group, or take one off it. */
export function changeGroupMember(deps: AppDeps, actor: Actor, organisationCode: string, code: string, change: { readonly add?: string; readonly remove?: string }): Promise<GroupView> {
  if (change.add !== undefined && change.add.trim() === '') throw invalidField('member', 'Choose a person to add.')
  const remove = change.remove?.trim().toLowerCase()
  return changeMembers(deps, actor, organisationCode, code, (current) => [...current.filter((e) => e !== remove), ...(change.add === undefined ? [] : [change.add])])
}

/** Read the members, work out the new list and save it, in one transaction with its audit entry. */
async function changeMembers(deps: AppDeps, actor: Actor, organisationCode: string, code: string, next: (current: readonly string[]) => readonly string[]): Promise<GroupView> {
  return inTransaction(deps, async (tx) => {
    const organisation = await getOrganisation(tx, organisationCode)
    const row = await groupRow(tx, organisation, code)
    const before = (await listGroupMembers(tx.store.db, organisation.id, row.id)).map((m) => m.email)
    const checks = new FieldChecks()
    const userIds = userIdsOf(checks, 'member', await listPeopleOf(tx, organisation.id), next(before), organisation.name)
    checks.throwIfAny()
    await replaceGroupMembers(tx.store.db, organisation.id, row.id, userIds)
    const view = await getDecisionGroup(tx, organisationCode, code)
    await audit(tx, actor, { organisationId: organisation.id, action: 'decision_group.members', target: `organisation:${organisation.code}/group:${code}`, before: { members: before }, after: { members: view.members.map((m) => m.email) } }, tx.store.db)
    return view
  })
}
