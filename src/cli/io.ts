/** What a command may touch of the outside world, passed in so tests can capture it. */
export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  /** True when stderr is a terminal (progress bars are drawn only then). */
  readonly interactive: boolean
  /**
   * Ask for a secret on the terminal without echoing it (prompt on stderr). Present only when
   * standard input is a terminal; commands that need a password read `readStdin` otherwise.
   */
  readonly readSecret?: (prompt: string) => Promise<string>
  /** Everything on standard input, as text (for passwords piped in: `… | lhs admin create`). */
  readonly readStdin?: () => Promise<string>
}

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2

/** A usage or input mistake: printed on stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}

/** Why a file could not be read, in plain words. */
export function readFailure(error: unknown): string {
  const code = error instanceof Error && 'code' in error ? String(error.code) : ''
  if (code === 'ENOENT') return 'no such file'
  if (code === 'EISDIR') return 'it is a folder, not a file'
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied'
  return error instanceof Error ? error.message : String(error)
}
