/** `lhs token create|list|revoke --email E`: API tokens, shown once at creation, stored hashed. */
import { parseArgs } from 'node:util'
import { CLI_ACTOR } from '../../app/auth/audit.ts'
import { createToken, listTokens, revokeToken, type TokenRow } from '../../app/auth/tokens.ts'
import { readConfig } from '../config.ts'
import { EXIT_OK, UsageError, type CliIo } from '../io.ts'
import { openApp } from '../open-app.ts'

const SUBCOMMANDS = ['create', 'list', 'revoke'] as const
type Subcommand = (typeof SUBCOMMANDS)[number]

export async function tokenCommand(args: string[], io: CliIo): Promise<number> {
  const [subcommand, ...rest] = args
  if (subcommand === undefined || !SUBCOMMANDS.includes(subcommand as Subcommand)) {
    throw new UsageError(`token: ${subcommand === undefined ? 'say what to do' : `unknown subcommand "${subcommand}"`} (expected one of: ${SUBCOMMANDS.join(', ')}), as in "lhs token create --email EMAIL".`)
  }
  const { values } = parseArgs({ args: rest, options: { email: { type: 'string' }, name: { type: 'string' }, id: { type: 'string' } }, strict: true, allowPositionals: false })
  if (!values.email) throw new UsageError(`token ${subcommand}: give the user's email address with --email EMAIL.`)
  if (subcommand !== 'create' && values.name !== undefined) throw new UsageError(`token ${subcommand}: --name is only for "lhs token create".`)
  if (subcommand !== 'revoke' && values.id !== undefined) throw new UsageError(`token ${subcommand}: --id is only for "lhs token revoke".`)
  const id = subcommand === 'revoke' ? tokenId(values.id) : undefined
  const { email } = values
  const deps = await openApp(readConfig(io.env, io.cwd))
  try {
    if (subcommand === 'create') {
      const created = await createToken(deps, CLI_ACTOR, email, values.name ?? '')
      // The token alone on stdout, so `TOKEN=$(lhs token create …)` captures exactly it.
      io.stdout(`${created.token}\n`)
      io.stderr(`Token ${created.id} created for ${email.trim()}. It is shown only once: keep it somewhere safe.\n`)
    } else if (subcommand === 'list') {
      const tokens = await listTokens(deps, email)
      io.stdout(tokens.length === 0 ? `${email.trim()} has no API tokens.\n` : formatTokens(tokens))
    } else if (id !== undefined) {
      await revokeToken(deps, CLI_ACTOR, email, id)
      io.stdout(`Token ${id} of ${email.trim()} is revoked: it no longer works.\n`)
    }
    return EXIT_OK
  } finally {
    await deps.store.close()
  }
}

function tokenId(text: string | undefined): number {
  if (text === undefined) throw new UsageError('token revoke: give the token\'s id with --id N (see "lhs token list").')
  const id = /^\d{1,9}$/.test(text) ? Number(text) : 0
  if (id < 1) throw new UsageError(`token revoke: --id "${text}" is not a token id (expected a whole number from 1, as shown by "lhs token list").`)
  return id
}

/** A table of the user's tokens, oldest first: id, name, created, last used, status. */
export function formatTokens(tokens: readonly TokenRow[]): string {
  const rows = [
    ['ID', 'Name', 'Created', 'Last used', 'Status'],
    ...tokens.map((t) => [String(t.id), printable(t.name), minute(t.createdAt), t.lastUsedAt === null ? 'never' : minute(t.lastUsedAt), t.revoked ? 'revoked' : 'active']),
  ]
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n') + '\n'
}

/** `2025-01-06T10:15:30.000Z` → `2025-01-06 10:15 UTC`. */
function minute(iso: string): string {
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`
}

/** Control characters in a name would garble the terminal: shown as spaces. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
}
