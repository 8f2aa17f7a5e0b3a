/**
 * The real server as a child process, for benches that time it over HTTP: `node bin/lhs.js serve`
 * on a free port of this machine, ready once `/health` answers 200; the memory of every process it
 * runs (itself and any workers it forks) sampled while it runs; stopped with SIGTERM, then SIGKILL
 * when it has not exited in time.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

export interface ServerProcess {
  /** `http://127.0.0.1:PORT`, no trailing slash. */
  readonly url: string
  readonly pid: number
  /** Peak resident memory in MB: the larger of the sampled total VmRSS and the sum of each process's VmHWM. */
  peakRssMb(): number
  /** Peak total VmRSS in MB since the last call (or since the start): the memory one phase of a bench took. */
  takeWindowPeakRssMb(): number
  /** How many processes serve (1, or the primary and its workers). */
  processCount(): number
  /** The last lines the server wrote (stdout and stderr), for error messages. */
  output(): string
  /** SIGTERM, then SIGKILL after `graceMs`; resolves once the process has exited. Safe to call twice. */
  stop(graceMs?: number): Promise<void>
}

const LHS = fileURLToPath(new URL('../bin/lhs.js', import.meta.url))
const SAMPLE_MS = 250
const OUTPUT_CHARS = 4000

/** `serveArgs` are added to `lhs serve` (e.g. `['--workers', '2']`); port and host are chosen here. */
export async function startServer(options: { databaseUrl: string; env?: Record<string, string>; serveArgs?: readonly string[]; readyTimeoutMs?: number }): Promise<ServerProcess> {
  const { databaseUrl, env = {}, serveArgs = [], readyTimeoutMs = 60_000 } = options
  const port = await freePort()
  // LHS_BENCH_SERVER_NODE_ARGS passes Node options the environment may not carry (e.g. --cpu-prof to profile the server).
  const nodeArgs = (process.env.LHS_BENCH_SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean)
  const child = spawn(process.execPath, [...nodeArgs, LHS, 'serve', ...serveArgs, '--port', String(port), '--host', '127.0.0.1'], {
    env: { ...process.env, ...env, DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  if (child.pid === undefined) throw new Error(`could not start ${LHS}`)
  const pid = child.pid
  let output = ''
  const keep = (chunk: Buffer) => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_CHARS)
  }
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  const memory = memorySampler(pid)
  const server: ServerProcess = {
    url: `http://127.0.0.1:${port}`,
    pid,
    peakRssMb: () => memory.peakMb(),
    takeWindowPeakRssMb: () => memory.takeWindowPeakMb(),
    processCount: () => memory.processCount(),
    output: () => output,
    stop: async (graceMs = 15_000) => {
      memory.finish()
      await stopChild(child, exited, graceMs)
    },
  }
  try {
    await waitForHealth(server.url, child, readyTimeoutMs)
  } catch (error) {
    await server.stop(2000)
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nThe server wrote:\n${output}`, { cause: error })
  }
  return server
}

/** A port nobody listens on now (the kernel's choice), released before the server takes it. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer()
    probe.once('error', reject)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      const port = typeof address === 'object' && address ? address.port : 0
      probe.close(() => (port > 0 ? resolve(port) : reject(new Error('no free port'))))
    })
  })
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs
  let last = 'no answer yet'
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited (${child.exitCode ?? child.signalCode}) before /health answered`)
    try {
      const response = await fetch(`${url}/health`)
      if (response.status === 200) return
      last = `${response.status} ${await response.text()}`
    } catch (error) {
      last = error instanceof Error ? error.message : String(error)
    }
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
  throw new Error(`${url}/health did not answer 200 within ${timeoutMs / 1000} s (last: ${last})`)
}

async function stopChild(child: ChildProcess, exited: Promise<void>, graceMs: number): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return
  child.kill('SIGTERM')
  let timer: NodeJS.Timeout | undefined
  const gone = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), graceMs)))])
  clearTimeout(timer)
  if (gone) return
  child.kill('SIGKILL')
  await exited
}

/**
 * Samples the resident memory of the process and its descendants every 250 ms. VmHWM (each
 * process's own peak) is read at every sample too, so the last reading before exit is kept.
 */
function memorySampler(rootPid: number) {
  let peakTotalRssKb = 0
  let windowPeakRssKb = 0
  const peakHwmKb = new Map<number, number>()
  let processes = 1
  const sample = () => {
    const pids = processTree(rootPid)
    if (pids.length === 0) return
    processes = Math.max(processes, pids.length)
    let total = 0
    for (const pid of pids) {
      const status = readStatus(pid)
      if (!status) continue
      total += status.rssKb
      peakHwmKb.set(pid, Math.max(peakHwmKb.get(pid) ?? 0, status.hwmKb))
    }
    peakTotalRssKb = Math.max(peakTotalRssKb, total)
    windowPeakRssKb = Math.max(windowPeakRssKb, total)
  }
  const timer = setInterval(sample, SAMPLE_MS)
  timer.unref()
  let finished = false
  return {
    peakMb: () => {
      if (!finished) sample()
      const hwmSum = [...peakHwmKb.values()].reduce((a, b) => a + b, 0)
      return Math.max(peakTotalRssKb, hwmSum) / 1024
    },
    takeWindowPeakMb: () => {
      if (!finished) sample()
      const peak = windowPeakRssKb
      windowPeakRssKb = 0
      return peak / 1024
    },
    processCount: () => processes,
    finish: () => {
      if (finished) return
      sample()
      finished = true
      clearInterval(timer)
    },
  }
}

/** The pid and every descendant, from each process's parent in /proc/<pid>/stat. */
function processTree(rootPid: number): number[] {
  const children = new Map<number, number[]>()
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    let stat: string
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8')
    } catch {
      continue // exited meanwhile
    }
    // Field 4 (parent pid) follows the command name, which is in parentheses and may hold spaces.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)])
  }
  const tree: number[] = []
  const queue = [rootPid]
  while (queue.length > 0) {
    const pid = queue.shift()!
    if (pid !== rootPid || existsPid(pid)) tree.push(pid)
    queue.push(...(children.get(pid) ?? []))
  }
  return tree
}

function existsPid(pid: number): boolean {
  try {
    readFileSync(`/proc/${pid}/stat`)
    return true
  } catch {
    return false
  }
}

function readStatus(pid: number): { rssKb: number; hwmKb: number } | undefined {
  let text: string
  try {
    text = readFileSync(`/proc/${pid}/status`, 'utf8')
  } catch {
    return undefined
  }
  const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? 0)
  return { rssKb: field('VmRSS'), hwmKb: field('VmHWM') }
}
