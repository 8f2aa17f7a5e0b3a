/** Run the `lhs` command in process with a captured io, so tests see its exit code and output. */
import type { CliIo } from '../../src/cli/io.ts'
import { run } from '../../src/cli/run.ts'

export interface CliOutcome {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** `run(argv)` with only `env` as the environment (nothing leaks in from the test process). */
export async function runCli(argv: readonly string[], env: Readonly<Record<string, string>> = {}, cwd: string = process.cwd()): Promise<CliOutcome> {
  let stdout = ''
  let stderr = ''
  const io: CliIo = {
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    env,
    cwd,
    interactive: false,
  }
  const code = await run(argv, io)
  return { code, stdout, stderr }
}

/** The non-empty lines of some output. */
export function linesOf(text: string): string[] {
  return text.split('\n').filter((line) => line !== '')
}
