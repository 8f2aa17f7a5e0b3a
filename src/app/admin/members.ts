/** An organisation's people: who they are, and adding or changing them without ever leaving it with no administrator. */
import { AppError } from '../../core/errors.ts'
import { findOrganisation } from '../../storage/organisations.ts'
import { listMembers, type MemberRow, type UserRow } from '../../storage/users.ts'
import type { Actor } from '../auth/audit.ts'
import { addMember, type MemberInput } from '../auth/people.ts'
import type { AppDeps } from '../deps.ts'

export type { MemberRow }

/** The organisation's members by email (pass row-level-security scoped deps from a request). */
export async function listPeople(deps: AppDeps, organisationId: number): Promise<MemberRow[]> {
  return listMembers(deps.store.db, organisationId)
}

/**
 * `addMember`, refused with `conflict` when it would take the admin role from the organisation's
 * only administrator (an administrator demoting themselves, in practice: any other actor who may
 * change roles is an administrator too). The check runs just before addMember's transaction, so
 * two administrators demoting each other at the same instant could both pass it.
 */
export async function setMember(deps: AppDeps, actor: Actor, input: MemberInput): Promise<UserRow> {
  if (input.role !== 'admin') {
    const organisation = await findOrganisation(deps.store.db, input.organisation)
    const email = input.email.trim().toLowerCase()
    const admins = organisation ? (await listMembers(deps.store.db, organisation.id)).filter((m) => m.role === 'admin') : []
    if (organisation && admins.length === 1 && admins[0]?.email === email) {
      const who = actor.name === email ? 'You are' : `${email} is`
      throw new AppError(
        'conflict',
        `${who} the only administrator of ${organisation.name}, so the role cannot change to ${input.role.replace('_', ' ')}: nobody would be left to manage its people. Make someone else an administrator first.`,
      )
    }
  }
  return addMember(deps, actor, input)
}
