/** A child process's output as it comes, for tests that wait for a line and then act (servers, workers). */
import type { ChildProcess } from 'node:child_process'

export interface ChildOutput {
  /** Everything printed so far. */
  readonly stdout: () => string
  readonly stderr: () => string
  /** The first match of `pattern` in `stream` (already printed or still to come); rejects on exit or after `timeoutMs`. */
  waitFor(pattern: RegExp, timeoutMs: number, stream?: 'stdout' | 'stderr'): Promise<RegExpExecArray>
  /** The exit code and signal; rejects after `timeoutMs`. */
  exited(timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>
}

export function watchOutput(child: ChildProcess): ChildOutput {
  const text = { stdout: '', stderr: '' }
  const listeners = new Set<() => void>()
  const notify = () => listeners.forEach((listener) => listener())
  child.stdout?.on('data', (chunk: Buffer) => {
    text.stdout += chunk.toString('utf8')
    notify()
  })
  child.stderr?.on('data', (chunk: Buffer) => {
    text.stderr += chunk.toString('utf8')
    notify()
  })
  const ended = () => child.exitCode !== null || child.signalCode !== null
  child.on('exit', notify)
  const until = <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const attempt = () => {
        const value = check()
        if (value !== undefined) return done(undefined, value)
        if (ended()) done(new Error(`the process exited (code ${child.exitCode}, signal ${child.signalCode}) before ${what}; stdout: ${text.stdout}; stderr: ${text.stderr}`))
      }
      const done = (error: Error | undefined, value?: T) => {
        clearTimeout(timer)
        listeners.delete(attempt)
        if (error) reject(error)
        else resolve(value as T)
      }
      const timer = setTimeout(() => done(new Error(`no ${what} within ${timeoutMs} ms; stdout: ${text.stdout}; stderr: ${text.stderr}`)), timeoutMs)
      listeners.add(attempt)
      attempt()
    })
  return {
    stdout: () => text.stdout,
    stderr: () => text.stderr,
    waitFor: (pattern, timeoutMs, stream = 'stdout') => until(() => pattern.exec(text[stream]) ?? undefined, timeoutMs, `${pattern} on ${stream}`),
    exited: (timeoutMs) =>
      new Promise((resolve, reject) => {
        if (ended()) return resolve({ code: child.exitCode, signal: child.signalCode })
        const timer = setTimeout(() => reject(new Error(`still running after ${timeoutMs} ms; stderr: ${text.stderr}`)), timeoutMs)
        child.once('exit', (code, signal) => {
          clearTimeout(timer)
          resolve({ code, signal })
        })
      }),
  }
}
