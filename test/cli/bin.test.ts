// End to end: the real `bin/lhs.js` in a child process, as `npx lhs` runs it.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BIN = join(ROOT, 'bin', 'lhs.js')

// STATISTICS.md, "Worked examples": XmR, MDC profile (daily from 2021-03-22).
const DAILY = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]

/** The environment of the test process without any database setting, plus `extra`. */
function cleanEnv(extra: Record<string, string>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, ...extra }
  delete env.DATABASE_URL
  delete env.PORT
  delete env.HOST
  return env
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lhs-bin-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

describe('bin/lhs.js spc', () => {
  it('analyses the 18-point daily example and prints the JSON result, exit 0', () => {
    const csv = ['period,value', ...DAILY.map((v, i) => `${new Date(Date.UTC(2021, 2, 22 + i)).toISOString().slice(0, 10)},${v}`)].join('\n') + '\n'
    const file = join(dir, 'daily.csv')
    writeFileSync(file, csv)
    const child = spawnSync(process.execPath, [BIN, 'spc', file, '--json'], { cwd: ROOT, env: cleanEnv({}), encoding: 'utf8', timeout: 30_000 })
    expect(child.error).toBeUndefined()
    expect(child.stderr).toBe('')
    expect(child.status).toBe(0)
    const result = JSON.parse(child.stdout) as { profile: string; segments: { centre: number; upper: number; lower: number }[]; points: { rule: string | null; type: string }[]; variation: string }
    expect(result.profile).toBe('mdc')
    expect(result.segments).toHaveLength(1)
    expect(result.segments[0]!.centre).toBeCloseTo(1.944444444, 8)
    expect(result.segments[0]!.upper).toBeCloseTo(4.604444444, 8)
    expect(result.segments[0]!.lower).toBeCloseTo(-0.715555556, 8)
    expect(result.points.map((p) => p.type)).toEqual(DAILY.map((_, i) => (i === 4 ? 'improvement' : 'common_cause')))
    expect(result.variation).toBe('common_cause')
  })

  it('exits 2 with the problem on stderr for a file with a mistake', () => {
    const file = join(dir, 'bad.csv')
    writeFileSync(file, 'period,value\n2021-03-22,1\n2021-03-23,many\n')
    const child = spawnSync(process.execPath, [BIN, 'spc', file, '--json'], { cwd: ROOT, env: cleanEnv({}), encoding: 'utf8', timeout: 30_000 })
    expect(child.status).toBe(2)
    expect(child.stdout).toBe('')
    expect(child.stderr).toMatch(/^bad\.csv:3:value: "many" is not a number/)
  })
})

/** Resolve with the first match of `pattern` in the child's stdout; reject on exit or after `timeoutMs`. */
function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    let seen = ''
    const finish = (error: Error | undefined, match?: RegExpExecArray) => {
      clearTimeout(timer)
      child.stdout?.off('data', onData)
      child.off('exit', onExit)
      if (match) resolve(match)
      else reject(error)
    }
    const onData = (chunk: Buffer) => {
      seen += chunk.toString('utf8')
      const match = pattern.exec(seen)
      if (match) finish(undefined, match)
    }
    const onExit = (code: number | null) => finish(new Error(`exited with ${code} before printing ${pattern}; stdout: ${seen}`))
    const timer = setTimeout(() => finish(new Error(`no ${pattern} within ${timeoutMs} ms; stdout: ${seen}`)), timeoutMs)
    child.stdout?.on('data', onData)
    child.on('exit', onExit)
  })
}

/** Resolve with the exit code and signal; reject after `timeoutMs`. */
function waitForExit(child: ChildProcess, timeoutMs: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode })
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`still running ${timeoutMs} ms after SIGTERM`)), timeoutMs)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal })
    })
  })
}

describe('bin/lhs.js serve', () => {
  let server: ChildProcess | undefined
  let stderr = ''
  afterAll(() => {
    // Only when a test failed half-way: never leave our own server running.
    if (server && server.exitCode === null && server.signalCode === null) server.kill('SIGKILL')
  })

  it('starts on a free port, answers /health, and stops with exit code 0 on SIGTERM', async () => {
    server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--host', '127.0.0.1'], {
      cwd: ROOT,
      env: cleanEnv({ LHS_DATA_DIR: join(dir, 'data') }),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    server.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8')
    })
    const running = await waitForOutput(server, /running at http:\/\/localhost:(\d+) /, 60_000)
    const port = Number(running[1])
    expect(port).toBeGreaterThan(0)

    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(10_000) })
    expect(response.status).toBe(200)
    expect(await response.json()).toEqual({ status: 'ok' })

    const stopped = waitForOutput(server, /Stopped\.\n/, 20_000)
    server.kill('SIGTERM')
    await stopped
    expect(await waitForExit(server, 20_000), stderr).toEqual({ code: 0, signal: null })
  }, 120_000)
})
