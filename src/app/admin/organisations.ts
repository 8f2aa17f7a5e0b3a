/** Creating an organisation (a tenant) with its root site, from the command line, audited. */
import { AppError } from '../../core/errors.ts'
import { ensureOrganisation, findOrganisation, type OrganisationRow } from '../../storage/organisations.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { AppDeps } from '../deps.ts'

/** Lower-case letters, digits and hyphens, starting with a letter or digit, at most 64 characters (it appears in URLs). */
export const ORGANISATION_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/

const MAX_NAME_LENGTH = 200

export interface NewOrganisation {
  readonly code: string
  readonly name: string
}

/** Create the organisation and its root `system` site in one transaction; a code already taken is a `conflict`. */
export async function createOrganisation(deps: AppDeps, actor: Actor, input: NewOrganisation): Promise<OrganisationRow> {
  const code = input.code
  const name = input.name.trim()
  if (!ORGANISATION_CODE.test(code)) {
    throw new AppError('invalid_request', `"${code}" is not an organisation code (expected 1 to 64 lower-case letters, digits and hyphens, starting with a letter or digit, such as "riverside-ics").`)
  }
  if (name === '') throw new AppError('invalid_request', `Organisation "${code}" needs a name (expected something like "Riverside Integrated Care System").`)
  if (name.length > MAX_NAME_LENGTH) throw new AppError('invalid_request', `An organisation name must be at most ${MAX_NAME_LENGTH} characters (it has ${name.length}).`)
  const taken = (existingName: string) => new AppError('conflict', `An organisation with code "${code}" already exists (${existingName}).`)
  try {
    return await deps.store.db.transaction().execute(async (trx) => {
      const existing = await findOrganisation(trx, code)
      if (existing) throw taken(existing.name)
      const organisation = await ensureOrganisation(trx, { code, name })
      await audit(deps, actor, { organisationId: organisation.id, action: 'organisation.create', target: `organisation:${code}`, after: { code, name } }, trx)
      return organisation
    })
  } catch (error) {
    // Another process created the same code between our check and our insert.
    if (isUniqueViolation(error)) throw taken((await findOrganisation(deps.store.db, code))?.name ?? 'just now, by someone else')
    throw error
  }
}

function isUniqueViolation(error: unknown): boolean {
  return error instanceof Error && 'code' in error && error.code === '23505'
}
