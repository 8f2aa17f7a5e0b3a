/** Reading a new password for a command: asked twice on a terminal, or the first line of standard input. */
import { passwordProblem } from '../../app/auth/secrets.ts'
import { UsageError, type CliIo } from '../io.ts'

/**
 * The first line of standard input (its line ending removed), checked against the password rules.
 * `command` names the command in messages.
 */
export async function passwordFromStdin(io: CliIo, command: string): Promise<string> {
  if (!io.readStdin) throw new UsageError(`${command}: cannot read a password here (no standard input).`)
  const text = await io.readStdin()
  const password = /^[^\r\n]*/.exec(text)?.[0] ?? ''
  if (password === '') throw new UsageError(`${command}: no password on standard input (expected it on the first line, as in: printf '%s\\n' "$PASSWORD" | lhs ${command} …).`)
  return checked(password, command)
}

/**
 * A new password for `email`: asked twice without echo when standard input is a terminal,
 * otherwise the first line of standard input.
 */
export async function newPasswordFor(io: CliIo, email: string, command: string): Promise<string> {
  if (!io.readSecret) return passwordFromStdin(io, command)
  const password = await io.readSecret(`Password for ${email}: `)
  checked(password, command)
  const again = await io.readSecret('Same password again: ')
  if (again !== password) throw new UsageError(`${command}: the two passwords are not the same. Nothing was changed; run it again.`)
  return password
}

function checked(password: string, command: string): string {
  const problem = passwordProblem(password)
  if (problem) throw new UsageError(`${command}: ${problem}`)
  return password
}
