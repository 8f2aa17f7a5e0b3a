/**
 * `lhs export fhir --programme CODE [--organisation CODE] [--external] [--out FILE]`: the
 * programme's measures and values as a FHIR R4 collection Bundle (docs/methods/fhir.md). Exact
 * numbers by default (the CLI runs as the database's owner); --external applies the organisation's
 * disclosure policy. Written to FILE, or to stdout; the export is audited.
 */
import { writeFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { CLI_ACTOR } from '../../app/auth/audit.ts'
import { listOrganisations } from '../../app/catalogue.ts'
import { exportProgrammeFhir } from '../../app/share/fhir-export.ts'
import { readConfig } from '../config.ts'
import { EXIT_OK, readFailure, UsageError, type CliIo } from '../io.ts'
import { openApp } from '../open-app.ts'

const FORMATS = ['fhir'] as const

export async function exportCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { programme: { type: 'string' }, organisation: { type: 'string' }, external: { type: 'boolean', default: false }, out: { type: 'string' } },
    strict: true,
    allowPositionals: true,
  })
  const [format, ...extra] = positionals
  if (format === undefined || !FORMATS.includes(format as 'fhir')) throw new UsageError(`export: say what to export: "lhs export fhir --programme CODE" (got ${format === undefined ? 'nothing' : `"${format}"`}).`)
  if (extra.length > 0) throw new UsageError(`export fhir: unexpected argument "${extra[0]}".`)
  if (!values.programme) throw new UsageError('export fhir: give the programme with --programme CODE.')
  if (values.out === '') throw new UsageError('export fhir: --out needs a file name.')
  const deps = await openApp(readConfig(io.env, io.cwd))
  try {
    const organisations = await listOrganisations(deps)
    const organisation = values.organisation ?? (organisations.length === 1 ? organisations[0]?.code : undefined)
    if (!organisation) throw new UsageError(`export fhir: give the organisation with --organisation CODE (organisations: ${organisations.map((o) => o.code).join(', ') || 'none yet'}).`)
    const audience = values.external ? 'external' : 'internal'
    const result = await exportProgrammeFhir(deps, CLI_ACTOR, { organisation, programme: values.programme, audience })
    const text = `${JSON.stringify(result.bundle, null, 2)}\n`
    const summary = `${result.reports} MeasureReports (${audience}: ${result.policy.code}${result.masked > 0 ? `, ${result.masked} numbers masked` : ''})`
    if (values.out === undefined) {
      io.stdout(text)
      io.stderr(`${summary}.\n`)
    } else {
      const path = resolve(io.cwd, values.out)
      await writeFile(path, text).catch((error: unknown) => {
        throw new UsageError(`export fhir: cannot write ${values.out} (${readFailure(error)}).`)
      })
      io.stdout(`${values.out}: ${summary}.\n`)
    }
    return EXIT_OK
  } finally {
    await deps.store.close()
  }
}
