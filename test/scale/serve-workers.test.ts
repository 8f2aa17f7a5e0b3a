// `lhs serve --workers N` (issue 9, point 5): the real bin/lhs.js in a child process on a throwaway
// PostgreSQL database answers on one port from two worker processes, starts another worker when one
// is killed, and stops them all on SIGTERM. On PGlite, and with a bad count, it refuses.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { request } from 'node:http'
import { createServer, type AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runCli } from '../cli/run-cli.ts'
import { watchOutput, type ChildOutput } from '../support/child-output.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BIN = join(ROOT, 'bin', 'lhs.js')
const adminUrl = process.env.LHS_TEST_DATABASE_URL

describe('lhs serve --workers refuses', () => {
  it('PGlite, which one process holds: exit 2, saying to set DATABASE_URL', async () => {
    const outcome = await runCli(['serve', '--workers', '2'], { LHS_DATA_DIR: '/nonexistent/never-opened' })
    expect(outcome.code).toBe(2)
    expect(outcome.stdout).toBe('')
    expect(outcome.stderr).toContain('--workers needs PostgreSQL (set DATABASE_URL): the embedded PGlite database lives in one process')
  })

  it.each(['0', 'two', '1.5', '-1', '65'])('--workers %s: exit 2, quoting it and the range', async (count) => {
    const outcome = await runCli(['serve', `--workers=${count}`], { DATABASE_URL: 'postgres://127.0.0.1:1/never-opened' })
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toContain(`--workers: "${count}" is not a number of processes (expected a whole number from 1 to 64).`)
  })
})

/** GET /health on a new connection each time (a kept-alive one would stay with one worker); the worker's pid. */
function workerOf(port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path: '/health', agent: false, timeout: 10_000 }, (response) => {
      response.resume()
      response.on('end', () => (response.statusCode === 200 ? resolve(Number(response.headers['x-lhs-worker'])) : reject(new Error(`/health answered ${response.statusCode}`))))
    })
    req.on('error', reject)
    req.end()
  })
}

async function workersAnswering(port: number, requests = 12): Promise<Set<number>> {
  const pids = new Set<number>()
  for (let i = 0; i < requests; i++) pids.add(await workerOf(port))
  return pids
}

const running = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

describe.skipIf(!adminUrl)('lhs serve --workers 2 on PostgreSQL (LHS_TEST_DATABASE_URL)', () => {
  const name = `lhs_t_workers_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    await client.query(text).finally(() => client.end())
  }
  let server: ChildProcess | undefined
  const pids = new Set<number>()
  let env: NodeJS.ProcessEnv = {}

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`)
    const url = new URL(adminUrl!)
    url.pathname = `/${name}`
    env = { ...process.env, DATABASE_URL: url.toString() }
    for (const variable of ['DATABASE_READ_URL', 'PORT', 'HOST', 'LHS_DATA_DIR']) delete env[variable]
  })

  afterAll(async () => {
    // Only when a test failed half-way: never leave our own processes running.
    for (const pid of pids) if (running(pid)) process.kill(pid, 'SIGKILL')
    if (server?.pid && running(server.pid)) server.kill('SIGKILL')
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  })

  it('answers on one port from two worker processes, replaces one that is killed, and stops them all on SIGTERM', async () => {
    server = spawn(process.execPath, [BIN, 'serve', '--workers', '2', '--port', '0', '--host', '127.0.0.1'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
    const output: ChildOutput = watchOutput(server)

    const ready = await output.waitFor(/running at http:\/\/localhost:(\d+) with 2 worker processes \(pids (\d+), (\d+);/, 90_000)
    const port = Number(ready[1])
    const started = [Number(ready[2]), Number(ready[3])]
    started.forEach((pid) => pids.add(pid))
    expect(await workersAnswering(port)).toEqual(new Set(started))

    const [victim, survivor] = started as [number, number]
    process.kill(victim, 'SIGKILL')
    await output.waitFor(new RegExp(`Worker \\d+ \\(pid ${victim}\\) died \\(signal SIGKILL\\); starting another\\.`), 20_000, 'stderr')
    const replaced = await output.waitFor(/Worker \d+ \(pid (\d+)\) is listening\./, 60_000)
    const replacement = Number(replaced[1])
    pids.add(replacement)
    expect(replacement).not.toBe(victim)
    expect(await workersAnswering(port)).toEqual(new Set([survivor, replacement]))

    server.kill('SIGTERM')
    expect(await output.exited(60_000)).toEqual({ code: 0, signal: null })
    expect(output.stdout()).toMatch(/Stopping 2 worker processes…\nStopped\.\n$/)
    expect([survivor, replacement].filter(running)).toEqual([])
    expect(output.stderr()).not.toMatch(/Background job|Error/)
  }, 180_000)

  it('stops with exit code 1 when a worker cannot start (the port is taken), saying so', async () => {
    const taken = createServer()
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve))
    const port = (taken.address() as AddressInfo).port
    try {
      const child = spawn(process.execPath, [BIN, 'serve', '--workers', '2', '--port', String(port), '--host', '127.0.0.1'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
      const output = watchOutput(child)
      expect(await output.exited(90_000)).toEqual({ code: 1, signal: null })
      expect(output.stderr()).toMatch(/EADDRINUSE/)
      expect(output.stderr()).toMatch(/Worker 1 \(pid \d+\) stopped \(exit code 1\) before it was listening; stopping the others\.\n/)
      expect(output.stdout()).not.toContain('running at')
    } finally {
      await new Promise((resolve) => taken.close(resolve))
    }
  }, 120_000)
})
