/**
 * `lhs org create CODE --name NAME`: a new organisation (tenant) with its root site.
 * `lhs org export|delete` are handed to org-data.ts.
 */
import { parseArgs } from 'node:util'
import { createOrganisation } from '../../app/admin/organisations.ts'
import { CLI_ACTOR } from '../../app/auth/audit.ts'
import { readConfig } from '../config.ts'
import { EXIT_OK, UsageError, type CliIo } from '../io.ts'
import { openApp } from '../open-app.ts'
import { orgDataCommand } from './org-data.ts'

const SUBCOMMANDS = ['create', 'export', 'delete'] as const

export async function orgCommand(args: string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args
  if (subcommand === 'create') return createCommand(rest, io)
  if (subcommand === 'export' || subcommand === 'delete') return orgDataCommand(args, io)
  throw new UsageError(`org: ${subcommand === undefined ? 'say what to do' : `unknown subcommand "${subcommand}"`} (expected one of: ${SUBCOMMANDS.join(', ')}), as in "lhs org create CODE --name NAME".`)
}

async function createCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { name: { type: 'string' } }, strict: true, allowPositionals: true })
  const [code, ...extra] = positionals
  if (code === undefined) throw new UsageError('org create: give the organisation code, as in "lhs org create riverside --name \'Riverside ICS\'".')
  if (extra.length > 0) throw new UsageError(`org create: unexpected argument "${extra[0]}" (put a name with spaces in quotes: --name 'Riverside ICS').`)
  if (values.name === undefined) throw new UsageError(`org create ${code}: give its name with --name NAME.`)
  const deps = await openApp(readConfig(io.env, io.cwd))
  try {
    const organisation = await createOrganisation(deps, CLI_ACTOR, { code, name: values.name })
    io.stdout(`Created organisation ${organisation.code} (${organisation.name}).\n`)
    io.stderr(`Next: make its first administrator with "lhs admin create --email EMAIL --organisation ${organisation.code}".\n`)
    return EXIT_OK
  } finally {
    await deps.store.close()
  }
}
