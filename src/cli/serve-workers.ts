/**
 * `lhs serve --workers N`, the primary process (Node's cluster module): forks N workers that each
 * run `lhs serve` on the same port (the primary accepts connections and hands them round), starts
 * another when one dies, and stops them all on Ctrl+C or SIGTERM. A worker that stops before it
 * listens at start-up (a bad setting, a port in use) stops the lot: restarting it would fail the
 * same way; a replacement that cannot start later (the database is down) is tried again every 5 s.
 * Migrations and the demo seed run once in the primary before the fork, and workers start one after
 * another, so two never race to create the job queue's tables (seen: a deadlock between two
 * pg-boss queue creations). Background jobs are shared through the database (pg-boss claims each
 * job once), so no job runs twice.
 */
import cluster, { type Worker } from 'node:cluster'
import { fileURLToPath } from 'node:url'
import { EXIT_FAILURE, EXIT_OK, type CliIo } from './io.ts'

export interface WorkerPoolOptions {
  readonly count: number
  /** The `lhs serve` options the workers run with (they see they are workers and skip the primary's part). */
  readonly args: readonly string[]
  /** The workers' environment. */
  readonly env: Readonly<Record<string, string | undefined>>
  /** For the "running at" line. */
  readonly host: string
  readonly io: CliIo
  /** How long workers have to stop before they are killed; default 45 s (jobs in hand get 30 s). */
  readonly stopTimeoutMs?: number
}

/** After start-up, how long to wait before starting again a worker that failed to start. */
const RETRY_START_MS = 5_000

const BIN = fileURLToPath(new URL('../../bin/lhs.js', import.meta.url))

/** Runs the workers until a signal stops them; the exit code. */
export function superviseWorkers(options: WorkerPoolOptions): Promise<number> {
  const { count, io, stopTimeoutMs = 45_000 } = options
  const env = Object.fromEntries(Object.entries(options.env).filter((entry): entry is [string, string] => entry[1] !== undefined))
  cluster.setupPrimary({ exec: BIN, args: ['serve', ...options.args] })
  const live = new Set<Worker>()
  const listening = new Set<Worker>()
  let announced = false
  let stopping = false
  let exitCode = EXIT_OK
  const describe = (worker: Worker) => `Worker ${worker.id} (pid ${worker.process.pid ?? '?'})`
  const fork = () => live.add(cluster.fork(env))
  const retries = new Set<NodeJS.Timeout>()

  return new Promise<number>((resolve) => {
    const onListening = (worker: Worker, address: { port: number }) => {
      listening.add(worker)
      if (!announced && live.size < count && !stopping) fork()
      if (announced) io.stdout(`${describe(worker)} is listening.\n`)
      else if (listening.size === count) {
        announced = true
        const shownHost = options.host === '0.0.0.0' || options.host === '127.0.0.1' ? 'localhost' : options.host
        const pids = [...listening].map((w) => w.process.pid).join(', ')
        io.stdout(`LHS is running at http://${shownHost}:${address.port} with ${count} worker processes (pids ${pids}; press Ctrl+C to stop).\n`)
      }
    }
    const onExit = (worker: Worker, code: number | null, signal: string | null) => {
      live.delete(worker)
      const how = signal ? `signal ${signal}` : `exit code ${code ?? '?'}`
      if (!stopping && !listening.has(worker) && !announced) {
        io.stderr(`${describe(worker)} stopped (${how}) before it was listening; stopping the others.\n`)
        exitCode = EXIT_FAILURE
        stop()
      } else if (!stopping && !listening.has(worker)) {
        // A replacement that cannot start (the database is down, say): try again, without spinning.
        io.stderr(`${describe(worker)} stopped (${how}) before it was listening; trying again in ${RETRY_START_MS / 1000} s.\n`)
        const retry = setTimeout(() => {
          retries.delete(retry)
          if (!stopping) fork()
        }, RETRY_START_MS)
        retries.add(retry)
      } else if (!stopping) {
        io.stderr(`${describe(worker)} died (${how}); starting another.\n`)
        listening.delete(worker)
        fork()
      }
      if (stopping && live.size === 0) finish()
    }
    const stop = () => {
      if (stopping) return
      stopping = true
      for (const retry of retries) clearTimeout(retry)
      io.stdout(`Stopping ${live.size} worker ${live.size === 1 ? 'process' : 'processes'}…\n`)
      for (const worker of live) worker.process.kill('SIGTERM')
      const deadline = setTimeout(() => {
        for (const worker of live) {
          io.stderr(`${describe(worker)} did not stop within ${stopTimeoutMs / 1000} s; killing it.\n`)
          worker.process.kill('SIGKILL')
        }
      }, stopTimeoutMs)
      deadline.unref()
      if (live.size === 0) finish()
    }
    let finished = false
    const finish = () => {
      if (finished) return
      finished = true
      cluster.off('listening', onListening)
      cluster.off('exit', onExit)
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      io.stdout('Stopped.\n')
      resolve(exitCode)
    }
    cluster.on('listening', onListening)
    cluster.on('exit', onExit)
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
    fork()
  })
}
