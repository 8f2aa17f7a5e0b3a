/**
 * `lhs audit verify`: recompute the audit trail's hash chain (exit 1 when it is broken).
 * `lhs audit export --organisation CODE [--output FILE]`: one organisation's entries as CSV.
 */
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { CLI_ACTOR } from '../../app/auth/audit.ts'
import { exportAuditCsv, verifyAuditTrail } from '../../app/auth/audit-trail.ts'
import { getOrganisation } from '../../app/catalogue.ts'
import { readConfig } from '../config.ts'
import { EXIT_FAILURE, EXIT_OK, readFailure, UsageError, type CliIo } from '../io.ts'
import { openApp } from '../open-app.ts'

const SUBCOMMANDS = ['verify', 'export'] as const

export async function auditCommand(args: string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args
  if (subcommand === 'verify') return verifyCommand(rest, io)
  if (subcommand === 'export') return exportCommand(rest, io)
  throw new UsageError(`audit: say what to do: "lhs audit verify" or "lhs audit export --organisation CODE" (got ${subcommand === undefined ? 'nothing' : `"${subcommand}"`}; expected one of: ${SUBCOMMANDS.join(', ')}).`)
}

async function verifyCommand(args: string[], io: CliIo): Promise<number> {
  parseArgs({ args, options: {}, strict: true, allowPositionals: false })
  const deps = await openApp(readConfig(io.env, io.cwd))
  try {
    const report = await verifyAuditTrail(deps)
    const count = `${report.entries.toLocaleString('en-GB')} ${report.entries === 1 ? 'entry' : 'entries'}`
    if (report.broken) {
      io.stderr(`The audit trail is broken at entry ${report.broken.seq}: ${report.broken.problem}. The ${count} before it hold.\n`)
      return EXIT_FAILURE
    }
    io.stdout(report.entries === 0 ? 'The audit trail holds: 0 entries.\n' : `The audit trail holds: ${count}, last hash ${report.lastHash}.\n`)
    return EXIT_OK
  } finally {
    await deps.store.close()
  }
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      organisation: { type: 'string' },
      output: { type: 'string' },
      actor: { type: 'string' },
      action: { type: 'string' },
      from: { type: 'string' },
      to: { type: 'string' },
    },
    strict: true,
    allowPositionals: false,
  })
  if (!values.organisation) throw new UsageError('audit export: give the organisation with --organisation CODE.')
  const deps = await openApp(readConfig(io.env, io.cwd))
  try {
    const organisation = await getOrganisation(deps, values.organisation)
    const filters = { actor: values.actor, action: values.action, from: values.from, to: values.to }
    const { csv, rows } = await exportAuditCsv(deps, CLI_ACTOR, organisation.id, filters, `organisation:${organisation.code}/audit`)
    if (values.output === undefined) {
      io.stdout(csv)
      return EXIT_OK
    }
    const file = resolve(io.cwd, values.output)
    await writeFile(file, csv).catch((error: unknown) => {
      throw new UsageError(`audit export: cannot write ${values.output} (${readFailure(error)}).`)
    })
    io.stdout(`Wrote ${rows.toLocaleString('en-GB')} ${rows === 1 ? 'entry' : 'entries'} of ${organisation.name}'s audit trail to ${values.output}.\n`)
    return EXIT_OK
  } finally {
    await deps.store.close()
  }
}
