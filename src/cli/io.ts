/** What a command may touch of the outside world, passed in so tests can capture it. */
export interface CliIo {
  readonly stdout: (text: string) => void
  readonly stderr: (text: string) => void
  readonly env: Readonly<Record<string, string | undefined>>
  readonly cwd: string
  /** True when stderr is a terminal (progress bars are drawn only then). */
  readonly interactive: boolean
}

export const EXIT_OK = 0
export const EXIT_FAILURE = 1
export const EXIT_USAGE = 2

/** A usage or input mistake: printed on stderr, exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError'
}
