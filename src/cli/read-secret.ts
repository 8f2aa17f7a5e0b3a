/**
 * Passwords for the real process: asked on the terminal without echo (node:readline with its
 * output muted after the prompt), or read from standard input when it is a pipe or a file.
 */
import { createInterface } from 'node:readline'
import { Writable } from 'node:stream'
import { isatty } from 'node:tty'
import type { CliIo } from './io.ts'

/**
 * The io members for this process: `readSecret` only when standard input is a terminal. Asks
 * `isatty(0)` rather than `process.stdin.isTTY`, so building the io does not open standard input.
 */
export function processSecretIo(): Pick<CliIo, 'readSecret' | 'readStdin'> {
  return isatty(0) ? { readSecret: (prompt) => readSecret(prompt), readStdin } : { readStdin }
}

/** Ask once on `output` (stderr by default) and read one line from `input` without showing what is typed. */
export function readSecret(prompt: string, input: NodeJS.ReadableStream = process.stdin, output: NodeJS.WritableStream = process.stderr): Promise<string> {
  let muted = false
  const shown = new Writable({
    write(chunk: Buffer | string, _encoding, callback) {
      if (!muted) output.write(chunk)
      callback()
    },
  })
  const rl = createInterface({ input, output: shown, terminal: true })
  return new Promise((resolve, reject) => {
    let answered = false
    rl.on('SIGINT', () => {
      output.write('\n')
      rl.close()
    })
    rl.on('close', () => {
      if (!answered) reject(new Error('no password given (the prompt was cancelled).'))
    })
    rl.question(prompt, (answer) => {
      answered = true
      output.write('\n')
      rl.close()
      resolve(answer)
    })
    // After question() has written the prompt: from here on, nothing typed is echoed.
    muted = true
  })
}

/** All of standard input as UTF-8 text (empty when nothing is piped in and it is closed). */
export async function readStdin(input: NodeJS.ReadableStream = process.stdin): Promise<string> {
  const chunks: Buffer[] = []
  for await (const chunk of input) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk)
  return Buffer.concat(chunks).toString('utf8')
}
