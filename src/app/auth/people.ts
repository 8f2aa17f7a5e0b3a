/** Accounts and memberships: the first administrator, adding people to an organisation with a role. */
import { isRole, ROLES, type Role } from '../../core/access.ts'
import { AppError } from '../../core/errors.ts'
import { findOrganisation } from '../../storage/organisations.ts'
import { listSites } from '../../storage/sites.ts'
import { findUserByEmail, listMemberships, setMembership, upsertUser, type MembershipRow, type UserRow } from '../../storage/users.ts'
import type { AppDeps } from '../deps.ts'
import { audit, type Actor } from './audit.ts'
import { hashPassword, passwordProblem } from './secrets.ts'

export interface MemberInput {
  readonly email: string
  readonly organisation: string
  readonly role: string
  /** Narrow the membership to these site codes; undefined or empty for every site. */
  readonly sites?: readonly string[] | undefined
  /** Set (or reset) the password; undefined leaves it as it is (single sign-on users have none). */
  readonly password?: string | undefined
  readonly displayName?: string | undefined
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{1,63}$/

/** Create the user (or update them) and give them `role` in the organisation, in one transaction, audited. */
export async function addMember(deps: AppDeps, actor: Actor, input: MemberInput): Promise<UserRow> {
  const email = input.email.trim().toLowerCase()
  if (!EMAIL.test(email)) throw new AppError('invalid_request', `"${input.email}" is not an email address (expected something like name@example.nhs.uk).`)
  if (!isRole(input.role)) throw new AppError('invalid_request', `"${input.role}" is not a role (expected one of: ${ROLES.join(', ')}).`)
  const role: Role = input.role
  if (input.password !== undefined) {
    const problem = passwordProblem(input.password)
    if (problem) throw new AppError('invalid_request', problem)
  }
  const passwordHash = input.password === undefined ? undefined : await hashPassword(input.password)
  return deps.store.db.transaction().execute(async (trx) => {
    const organisation = await findOrganisation(trx, input.organisation)
    if (!organisation) throw new AppError('not_found', `No organisation with code "${input.organisation}".`)
    const siteCodes = input.sites && input.sites.length > 0 ? [...new Set(input.sites)] : null
    if (siteCodes) {
      const known = new Set((await listSites(trx, organisation.id)).map((s) => s.code))
      const unknown = siteCodes.filter((code) => !known.has(code))
      if (unknown.length > 0) throw new AppError('invalid_request', `${organisation.name} has no site with code ${unknown.map((c) => `"${c}"`).join(', ')}.`)
    }
    const existing = await findUserByEmail(trx, email)
    const user = await upsertUser(trx, { email, ...(input.displayName === undefined ? {} : { displayName: input.displayName }), passwordHash: passwordHash ?? existing?.passwordHash ?? null })
    const before = existing ? (await listMemberships(trx, existing.id)).find((m) => m.organisationId === organisation.id) : undefined
    await setMembership(trx, organisation.id, user.id, role, siteCodes)
    await audit(
      deps,
      actor,
      {
        organisationId: organisation.id,
        action: before ? 'membership.update' : 'membership.create',
        target: `organisation:${organisation.code}/user:${email}`,
        before: before ? { role: before.role, sites: before.siteCodes } : null,
        after: { role, sites: siteCodes, passwordSet: passwordHash !== undefined },
      },
      trx,
    )
    return user
  })
}

export type { MembershipRow, UserRow }

/** The ids of an organisation's sites with these codes (a membership narrowed to sites). */
export async function siteIdsOf(deps: AppDeps, organisationId: number, codes: readonly string[]): Promise<number[]> {
  if (codes.length === 0) return []
  const sites = await listSites(deps.store.db, organisationId)
  return sites.filter((s) => codes.includes(s.code)).map((s) => s.id)
}

export function membershipsOf(deps: AppDeps, userId: number): Promise<MembershipRow[]> {
  return listMemberships(deps.store.db, userId)
}
