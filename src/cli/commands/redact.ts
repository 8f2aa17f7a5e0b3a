/**
 * `lhs redact FILE [--json]`: every line of FILE (or of standard input with `-`) through the
 * de-identification redactor. Prints the redacted lines, or with --json an array with one entry per
 * line: the redacted text and the entities found, as offsets into the original line. Nothing of the
 * original text is ever printed on stderr. @see src/core/text/README.md
 */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { redact, type RedactedEntity } from '../../core/text/index.ts'
import { EXIT_OK, readFailure, UsageError, type CliIo } from '../io.ts'

export interface RedactLine {
  readonly text: string
  readonly entities: readonly RedactedEntity[]
}

export async function redactCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({ args, options: { json: { type: 'boolean', default: false } }, strict: true, allowPositionals: true })
  const [file, ...extra] = positionals
  if (file === undefined) throw new UsageError('redact: give the file to redact (one text per line), or - for standard input.')
  if (extra.length > 0) throw new UsageError(`redact: unexpected argument "${extra[0]}".`)
  const text = await readInput(file, io)
  const lines = splitLines(text)
  const results: RedactLine[] = lines.map((line) => {
    const { text: redacted, entities } = redact(line)
    return { text: redacted, entities: entities.map(({ type, start, end }) => ({ type, start, end })) }
  })
  if (values.json) io.stdout(JSON.stringify(results, null, 2) + '\n')
  else io.stdout(results.map((r) => `${r.text}\n`).join(''))
  const counts = new Map<string, number>()
  for (const r of results) for (const e of r.entities) counts.set(e.type, (counts.get(e.type) ?? 0) + 1)
  const found = [...counts].map(([type, n]) => `${n} ${type}`).join(', ')
  io.stderr(`Redacted ${lines.length} ${lines.length === 1 ? 'line' : 'lines'}: ${found || 'nothing found'}.\n`)
  return EXIT_OK
}

async function readInput(file: string, io: CliIo): Promise<string> {
  if (file === '-') {
    if (!io.readStdin) throw new UsageError('redact: standard input cannot be read here; give a file instead.')
    return io.readStdin()
  }
  return readFile(resolve(io.cwd, file), 'utf8').catch((error: unknown) => {
    throw new UsageError(`redact: cannot read ${file} (${readFailure(error)}).`)
  })
}

/** One text per line (LF or CRLF); a byte-order mark and a final newline do not make lines of their own. */
export function splitLines(text: string): string[] {
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text
  if (body === '') return []
  const lines = body.split(/\r?\n/)
  if (lines.at(-1) === '') lines.pop()
  return lines
}
