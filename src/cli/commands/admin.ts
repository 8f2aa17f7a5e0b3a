/** `lhs admin create --email E --organisation CODE`: the first administrator (or another), with a password. */
import { parseArgs } from 'node:util'
import { CLI_ACTOR } from '../../app/auth/audit.ts'
import { addMember } from '../../app/auth/people.ts'
import { getOrganisation } from '../../app/catalogue.ts'
import { readConfig } from '../config.ts'
import { EXIT_OK, UsageError, type CliIo } from '../io.ts'
import { openApp } from '../open-app.ts'
import { newPasswordFor } from './password-input.ts'

const SUBCOMMANDS = ['create'] as const

export async function adminCommand(args: string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args
  if (subcommand === 'create') return createCommand(rest, io)
  throw new UsageError(`admin: ${subcommand === undefined ? 'say what to do' : `unknown subcommand "${subcommand}"`} (expected one of: ${SUBCOMMANDS.join(', ')}), as in "lhs admin create --email EMAIL --organisation CODE".`)
}

/**
 * Creates the user, or updates an existing one, as `admin` of the organisation and sets their
 * password: asked twice on a terminal, otherwise the first line of standard input.
 */
async function createCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, organisation: { type: 'string' } }, strict: true, allowPositionals: false })
  if (!values.email) throw new UsageError('admin create: give the administrator\'s email address with --email EMAIL.')
  if (!values.organisation) throw new UsageError('admin create: give the organisation with --organisation CODE (create it first with "lhs org create").')
  const { email, organisation: code } = values
  const deps = await openApp(readConfig(io.env, io.cwd))
  try {
    // Checked before the password is asked for, so a mistyped code costs no typing.
    const organisation = await getOrganisation(deps, code)
    const password = await newPasswordFor(io, email, 'admin create')
    const user = await addMember(deps, CLI_ACTOR, { email, organisation: organisation.code, role: 'admin', password })
    io.stdout(`${user.email} is now an administrator of ${organisation.name}.\n`)
    return EXIT_OK
  } finally {
    await deps.store.close()
  }
}
