/**
 * Run one command function in process with a captured io, fake standard input and fake password
 * prompts, turning thrown errors into exit codes and stderr lines as `run` (src/cli/run.ts) does.
 * For commands not yet listed in run.ts's COMMANDS; once they are, `runCli` reaches them too.
 */
import { AppError } from '../../src/core/errors.ts'
import { EXIT_FAILURE, EXIT_USAGE, UsageError, type CliIo } from '../../src/cli/io.ts'
import type { CliOutcome } from './run-cli.ts'

export type Command = (args: string[], io: CliIo) => Promise<number>

export interface FakeInput {
  /** What a pipe into the command holds; leave out for no `readStdin`. */
  readonly stdin?: string
  /** Answers typed at the password prompts, in order; leave out when standard input is not a terminal. */
  readonly typed?: readonly string[]
}

export interface CommandOutcome extends CliOutcome {
  /** The prompts shown by `readSecret`, in order. */
  readonly prompts: readonly string[]
  /** How many times standard input was read. */
  readonly stdinReads: number
}

export async function runCommand(command: Command, argv: readonly string[], env: Readonly<Record<string, string>>, input: FakeInput = {}): Promise<CommandOutcome> {
  let stdout = ''
  let stderr = ''
  let stdinReads = 0
  const prompts: string[] = []
  const typed = [...(input.typed ?? [])]
  const { stdin } = input
  const io: CliIo = {
    stdout: (text) => {
      stdout += text
    },
    stderr: (text) => {
      stderr += text
    },
    env,
    cwd: process.cwd(),
    interactive: false,
    ...(stdin === undefined
      ? {}
      : {
          readStdin: async () => {
            stdinReads++
            return stdin
          },
        }),
    ...(input.typed === undefined
      ? {}
      : {
          readSecret: async (prompt: string) => {
            prompts.push(prompt)
            const answer = typed.shift()
            if (answer === undefined) throw new Error(`the test typed nothing at prompt ${prompts.length} ("${prompt}")`)
            return answer
          },
        }),
  }
  let code: number
  try {
    code = await command([...argv], io)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    stderr += `lhs: ${message}\n`
    code = exitCodeOf(error)
  }
  return { code, stdout, stderr, prompts, stdinReads }
}

/** The exit code run.ts gives a thrown error. */
function exitCodeOf(error: unknown): number {
  if (error instanceof UsageError) return EXIT_USAGE
  if (error instanceof Error && 'code' in error && typeof error.code === 'string' && error.code.startsWith('ERR_PARSE_ARGS')) return EXIT_USAGE
  if (error instanceof AppError) return ['not_found', 'invalid_request', 'invalid_file'].includes(error.code) ? EXIT_USAGE : EXIT_FAILURE
  return EXIT_FAILURE
}
