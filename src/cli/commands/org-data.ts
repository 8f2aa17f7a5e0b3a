/**
 * `lhs org export CODE [--output FILE] [--force]` and `lhs org delete CODE --confirm`: a whole
 * organisation's data as one JSON archive, or deleted in one transaction. `lhs org` passes its
 * arguments from the subcommand on (`export …`, `delete …`).
 */
import { createWriteStream } from 'node:fs'
import { rm, stat } from 'node:fs/promises'
import { resolve } from 'node:path'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { parseArgs } from 'node:util'
import { CLI_ACTOR } from '../../app/auth/audit.ts'
import { archiveCounts, archiveJson, deleteOrganisation, exportOrganisation, previewOrganisationDeletion, type ArchiveCounts, type DeletionCounts } from '../../app/admin/organisation-data.ts'
import { readConfig } from '../config.ts'
import { EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from '../io.ts'
import { openApp } from '../open-app.ts'

export const ORG_DATA_USAGE = `  org export CODE [--output FILE] [--force]  Write everything the organisation owns to a JSON archive
                                             (default FILE: CODE-YYYY-MM-DD.json; --force overwrites)
  org delete CODE --confirm                  Delete everything the organisation owns, and the people
                                             who belong to no other organisation (the audit trail stays)
`

export async function orgDataCommand(args: string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args
  if (subcommand === 'export') return exportCommand(rest, io)
  if (subcommand === 'delete') return deleteCommand(rest, io)
  throw new UsageError(`org: expected "export" or "delete" (got ${subcommand === undefined ? 'nothing' : `"${subcommand}"`}).`)
}

async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { output: { type: 'string', short: 'o' }, force: { type: 'boolean', default: false } }, strict: true, allowPositionals: true })
  const code = onlyCode('export', positionals)
  const deps = await openApp(readConfig(io.env, io.cwd))
  try {
    const fileName = values.output ?? `${code}-${deps.clock().toISOString().slice(0, 10)}.json`
    const file = resolve(io.cwd, fileName)
    if (!values.force && (await exists(file))) throw new UsageError(`org export: ${fileName} already exists; choose another file with --output FILE, or add --force to overwrite it.`)
    const archive = await exportOrganisation(deps, CLI_ACTOR, code)
    await writeArchive(file, archiveJson(archive), values.force)
    io.stdout(`Wrote ${fileName}: organisation ${archive.organisation.code} (${archive.organisation.name}), ${describeExport(archiveCounts(archive))}.\n`)
    io.stdout('It holds personal data (people, the audit trail): keep it somewhere safe and delete it when it is no longer needed.\n')
    return EXIT_OK
  } finally {
    await deps.store.close()
  }
}

async function deleteCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { confirm: { type: 'boolean', default: false } }, strict: true, allowPositionals: true })
  const code = onlyCode('delete', positionals)
  const deps = await openApp(readConfig(io.env, io.cwd))
  try {
    if (!values.confirm) {
      const preview = await previewOrganisationDeletion(deps, code)
      io.stderr(
        `lhs: org delete would permanently delete organisation ${preview.code} (${preview.name}): ${describeDeletion(preview.counts)}. ` +
          `The audit trail is kept. Export the data first with "lhs org export ${preview.code}" if you need it, then add --confirm to delete.\n`,
      )
      return EXIT_USAGE
    }
    const result = await deleteOrganisation(deps, CLI_ACTOR, code)
    io.stdout(`Deleted organisation ${result.code} (${result.name}): ${describeDeletion(result.counts)}. The audit trail is kept.\n`)
    return EXIT_OK
  } finally {
    await deps.store.close()
  }
}

function onlyCode(subcommand: string, positionals: readonly string[]): string {
  const [code, extra] = positionals
  if (code === undefined) throw new UsageError(`org ${subcommand}: give the organisation's code, as in "lhs org ${subcommand} riverside".`)
  if (extra !== undefined) throw new UsageError(`org ${subcommand}: unexpected argument "${extra}" (one organisation at a time).`)
  return code
}

async function exists(file: string): Promise<boolean> {
  return stat(file).then(
    () => true,
    (error: unknown) => {
      if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return false
      throw error
    },
  )
}

/** Stream the JSON to the file (readable by its owner only); a half-written file is removed. */
async function writeArchive(file: string, chunks: Iterable<string>, overwrite: boolean): Promise<void> {
  const out = createWriteStream(file, { flags: overwrite ? 'w' : 'wx', mode: 0o600 })
  try {
    await pipeline(Readable.from(chunks), out)
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && error.code === 'EEXIST')) await rm(file, { force: true })
    throw error
  }
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`
}

function describeExport(counts: ArchiveCounts): string {
  return [
    plural(counts.sites, 'site'),
    plural(counts.programmes, 'programme'),
    plural(counts.measures, 'measure'),
    plural(counts.observations, 'observation'),
    plural(counts.rebases, 'rebase'),
    plural(counts.imports, 'import'),
    plural(counts.people, 'person', 'people'),
    plural(counts.audit, 'audit entry', 'audit entries'),
  ].join(', ')
}

export function describeDeletion(counts: DeletionCounts): string {
  return [
    plural(counts.observations, 'observation'),
    plural(counts.rebases, 'rebase'),
    plural(counts.imports, 'import'),
    plural(counts.measures, 'measure'),
    plural(counts.programmes, 'programme'),
    plural(counts.sites, 'site'),
    plural(counts.memberships, 'membership'),
    `${plural(counts.users, 'user')} who belong${counts.users === 1 ? 's' : ''} to no other organisation (with their sessions and API tokens)`,
  ].join(', ')
}
