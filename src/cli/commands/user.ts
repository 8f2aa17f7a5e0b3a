/** `lhs user add`: give someone a role in an organisation (creating their account if need be). */
import { parseArgs } from 'node:util'
import { CLI_ACTOR } from '../../app/auth/audit.ts'
import { addMember } from '../../app/auth/people.ts'
import { getOrganisation } from '../../app/catalogue.ts'
import { isRole, ROLES, type Role } from '../../core/access.ts'
import { readConfig } from '../config.ts'
import { EXIT_OK, UsageError, type CliIo } from '../io.ts'
import { openApp } from '../open-app.ts'
import { passwordFromStdin } from './password-input.ts'

const SUBCOMMANDS = ['add'] as const

export async function userCommand(args: string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args
  if (subcommand === 'add') return addCommand(rest, io)
  throw new UsageError(`user: ${subcommand === undefined ? 'say what to do' : `unknown subcommand "${subcommand}"`} (expected one of: ${SUBCOMMANDS.join(', ')}), as in "lhs user add --email EMAIL --organisation CODE --role ROLE".`)
}

/**
 * Creates or updates the user and sets their role (and optionally their sites) in the organisation.
 * With --password-stdin the first line of standard input becomes their password; otherwise an
 * existing password is kept and a new user has none (single sign-on or API tokens only).
 */
async function addCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { email: { type: 'string' }, organisation: { type: 'string' }, role: { type: 'string' }, sites: { type: 'string' }, 'password-stdin': { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  })
  if (!values.email) throw new UsageError('user add: give their email address with --email EMAIL.')
  if (!values.organisation) throw new UsageError('user add: give the organisation with --organisation CODE.')
  if (!values.role) throw new UsageError(`user add: give their role with --role ROLE (one of: ${ROLES.join(', ')}).`)
  if (!isRole(values.role)) throw new UsageError(`user add: "${values.role}" is not a role (expected one of: ${ROLES.join(', ')}).`)
  const role = values.role
  const sites = values.sites === undefined ? undefined : siteList(values.sites)
  const { email } = values
  const deps = await openApp(readConfig(io.env, io.cwd))
  try {
    const organisation = await getOrganisation(deps, values.organisation)
    const password = values['password-stdin'] ? await passwordFromStdin(io, 'user add') : undefined
    const user = await addMember(deps, CLI_ACTOR, { email, organisation: organisation.code, role, sites, password })
    const where = sites ? `, for ${sites.length === 1 ? 'site' : 'sites'} ${sites.join(', ')}` : ', for every site'
    io.stdout(`${user.email} is now ${roleInWords(role)} of ${organisation.name}${where}.\n`)
    if (user.passwordHash === null) io.stderr(`${user.email} has no password: they can sign in with single sign-on, or use an API token ("lhs token create --email ${user.email}"). Set one with --password-stdin.\n`)
    return EXIT_OK
  } finally {
    await deps.store.close()
  }
}

/** `a,b` → ['a', 'b']: spaces trimmed, duplicates kept for addMember to fold. */
function siteList(text: string): string[] {
  const codes = text.split(',').map((code) => code.trim()).filter((code) => code !== '')
  if (codes.length === 0) throw new UsageError(`user add: --sites "${text}" names no site (expected site codes separated by commas, such as --sites eastgate,westbrook; leave it out for every site).`)
  return codes
}

/** `analyst` → "an analyst", `decision_maker` → "a decision maker", `admin` → "an administrator". */
export function roleInWords(role: Role): string {
  const words = role === 'admin' ? 'administrator' : role.replace('_', ' ')
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`
}
