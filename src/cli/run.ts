/** The `lhs` command: dispatches to one file per command and turns failures into exit codes. */
import { AppError } from '../core/errors.ts'
import { adminCommand } from './commands/admin.ts'
import { auditCommand } from './commands/audit.ts'
import { demoCommand } from './commands/demo.ts'
import { funnelCommand } from './commands/funnel.ts'
import { gapCommand } from './commands/gap.ts'
import { importCommand } from './commands/import.ts'
import { exportCommand } from './commands/export.ts'
import { itsCommand } from './commands/its.ts'
import { migrateCommand } from './commands/migrate.ts'
import { orgCommand } from './commands/org.ts'
import { redactCommand } from './commands/redact.ts'
import { findingsCommand } from './commands/findings.ts'
import { reviewCommand } from './commands/review.ts'
import { serveCommand } from './commands/serve.ts'
import { spcCommand } from './commands/spc.ts'
import { tokenCommand } from './commands/token.ts'
import { userCommand } from './commands/user.ts'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io.ts'
import { processSecretIo } from './read-secret.ts'

export const USAGE = `Usage: lhs <command> [options]

Commands:
  serve [--port N] [--host H] [--demo] [--workers N]
                                             Start the web server (and seed the demo with --demo);
                                             --workers N: N processes on one port (PostgreSQL only)
  migrate                                    Bring the database up to the latest schema
  demo                                       Seed the demo programme (running it twice changes nothing)
  import measures FILE --programme CODE      Import measure definitions (CSV or JSON)
  import observations FILE --programme CODE  Import observations (CSV or XLSX)
  import insights FILE --programme CODE      Import insight (CSV, XLSX, FHIR Bundle .json or .ndjson), de-identified before storage
  import fhir FILE --programme CODE          Import FHIR R4 summary MeasureReports (Bundle .json or .ndjson) as observations
  import extract FILE --programme CODE --measure CODE [--measure CODE]…
                                             Aggregate a patient-level extract (CSV or Parquet) in DuckDB by the measures' extract definitions; only the aggregates are imported
      [--organisation CODE] [--json]
  export fhir --programme CODE [--organisation CODE] [--external] [--out FILE]
                                             Measures and values as a FHIR R4 Bundle (exact; --external: disclosure policy applied)
  spc FILE [--json] [--chart run|xmr|p|u|c|pp|up|g|t] [--profile mdc|mdc_excel|mdc2023|qic]
      [--direction increase|decrease|neutral] [--target N] [--baseline N] [--rebase DATE[:REASON]]...
      [--exclude DATE[:REASON]]... [--multiply N]  Analyse a CSV of period,value (or period,numerator,denominator)
  funnel FILE [--json] [--type proportion|ratio|rate] [--method shmi|cqc] [--limit 95|99.8]
      [--no-overdispersion] [--direction increase|decrease|neutral]
                                             Compare units on a funnel plot (unit,numerator,denominator or unit,observed,expected)
  gap FILE --reference GROUP [--json] [--measure proportion|rate]
                                             Group rates with intervals, difference and ratio to the reference
  its FILE --change DATE [--json] [--lag N] [--family gaussian|poisson]
                                             Interrupted time series of period,value (or period,count,population)
  findings --programme CODE [--organisation CODE] [--json] [--signals]
                                             Work a programme's findings out again (signals and what people say) and list them
  review --programme CODE [--organisation CODE] [--json] [--no-run]
                                             Review a programme's actions now and print each verdict (--json: with reasons and evidence)
  redact FILE [--json]                       Remove identifiers (NHS numbers, names, phones …) from each line of FILE (- for stdin)
  org create CODE --name NAME                Create an organisation
  org export CODE [--output FILE] [--force]  Write everything the organisation owns to a JSON archive
  org delete CODE --confirm                  Delete the organisation, its data and the people only in it
  admin create --email E --organisation CODE Make E an administrator (asks for a password, or reads stdin)
  user add --email E --organisation CODE --role ROLE [--sites a,b] [--password-stdin]
                                             Add a person, or change their role
  token create --email E [--name N]          Create an API token (printed once, alone on stdout)
  token list --email E                       List a person's API tokens
  token revoke --email E --id N              Revoke an API token
  audit verify                               Check the audit trail's hash chain (exit 1 if broken)
  audit export --organisation CODE [--output FILE] [--actor EMAIL] [--action PREFIX] [--from DATE] [--to DATE]
                                             Write an organisation's audit trail as CSV

Configuration: DATABASE_URL (PostgreSQL; embedded PGlite when unset), DATABASE_READ_URL (a streaming replica for page and API reads), LHS_DATA_DIR (default .lhs/data),
PORT (3000), HOST (127.0.0.1), LHS_UPLOAD_LIMIT_MB (50), LHS_SESSION_IDLE_MINUTES (30), LHS_TRUST_PROXY,
LHS_OIDC_ISSUER, LHS_OIDC_CLIENT_ID, LHS_OIDC_CLIENT_SECRET, LHS_OIDC_REDIRECT_URI, LHS_OIDC_LABEL (single sign-on).
Exit codes: 0 success, 1 failure, 2 bad input or usage.
`

type Command = (args: string[], io: CliIo) => Promise<number>

const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  demo: demoCommand,
  import: importCommand,
  export: exportCommand,
  spc: spcCommand,
  funnel: funnelCommand,
  redact: redactCommand,
  findings: findingsCommand,
  review: reviewCommand,
  gap: gapCommand,
  its: itsCommand,
  org: orgCommand,
  admin: adminCommand,
  user: userCommand,
  token: tokenCommand,
  audit: auditCommand,
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  interactive: process.stderr.isTTY === true,
  ...processSecretIo(),
}

export async function run(argv: readonly string[], io: CliIo = processIo): Promise<number> {
  const [name, ...args] = argv
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    if (name === undefined) {
      io.stderr(USAGE)
      return EXIT_USAGE
    }
    io.stdout(USAGE)
    return EXIT_OK
  }
  const command = COMMANDS[name]
  if (!command) {
    io.stderr(`lhs: unknown command "${name}" (expected one of: ${Object.keys(COMMANDS).join(', ')}). Run "lhs help" for usage.\n`)
    return EXIT_USAGE
  }
  try {
    return await command(args, io)
  } catch (error) {
    return report(error, io)
  }
}

function report(error: unknown, io: CliIo): number {
  if (error instanceof UsageError) {
    io.stderr(`lhs: ${error.message}\n`)
    return EXIT_USAGE
  }
  if (isParseArgsError(error)) {
    const message = error.message.split('\n')[0]?.replace(/\.+$/, '') ?? 'bad arguments'
    io.stderr(`lhs: ${message}. Run "lhs help" for usage.\n`)
    return EXIT_USAGE
  }
  if (error instanceof AppError) {
    io.stderr(`lhs: ${error.message}\n`)
    for (const issue of error.issues) io.stderr(`${issue.message}\n`)
    return error.code === 'not_found' || error.code === 'invalid_request' || error.code === 'invalid_file' ? EXIT_USAGE : EXIT_FAILURE
  }
  io.stderr(`lhs: ${error instanceof Error ? error.message : String(error)}\n`)
  return EXIT_FAILURE
}

function isParseArgsError(error: unknown): error is Error {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS')
}
