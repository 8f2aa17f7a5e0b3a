/** The `lhs` command: dispatches to one file per command and turns failures into exit codes. */
import { AppError } from '../core/errors.ts'
import { demoCommand } from './commands/demo.ts'
import { importCommand } from './commands/import.ts'
import { migrateCommand } from './commands/migrate.ts'
import { serveCommand } from './commands/serve.ts'
import { spcCommand } from './commands/spc.ts'
import { EXIT_FAILURE, EXIT_OK, EXIT_USAGE, UsageError, type CliIo } from './io.ts'

export const USAGE = `Usage: lhs <command> [options]

Commands:
  serve [--port N] [--host H] [--demo]       Start the web server (and seed the demo with --demo)
  migrate                                    Bring the database up to the latest schema
  demo                                       Seed the demo programme (running it twice changes nothing)
  import measures FILE --programme CODE      Import measure definitions (CSV or JSON)
  import observations FILE --programme CODE  Import observations (CSV or XLSX)
      [--organisation CODE] [--json]
  spc FILE [--json] [--chart xmr] [--profile mdc|mdc_excel|mdc2023|qic]
      [--direction increase|decrease|neutral] [--target N] [--baseline N]
      [--rebase DATE[:REASON]]...            Analyse a CSV of period,value (or period,numerator,denominator)

Configuration: DATABASE_URL (PostgreSQL; embedded PGlite when unset), LHS_DATA_DIR (default .lhs/data),
PORT (3000), HOST (127.0.0.1), LHS_UPLOAD_LIMIT_MB (50).
Exit codes: 0 success, 1 failure, 2 bad input or usage.
`

type Command = (args: string[], io: CliIo) => Promise<number>

const COMMANDS: Record<string, Command> = {
  serve: serveCommand,
  migrate: migrateCommand,
  demo: demoCommand,
  import: importCommand,
  spc: spcCommand,
}

export const processIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  cwd: process.cwd(),
  interactive: process.stderr.isTTY === true,
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
