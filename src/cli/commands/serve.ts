/**
 * `lhs serve`: start the web server on the configured database; `--demo` seeds the demo first;
 * `--workers N` runs N server processes on one port (PostgreSQL only), see ../serve-workers.ts.
 */
import cluster from 'node:cluster'
import { parseArgs } from 'node:util'
import type { AppDeps } from '../../app/deps.ts'
import { resetDemoAdministrators } from '../../app/seed/demo-admins.ts'
import { demoIsSeeded, seedDemo } from '../../app/seed/seed-demo.ts'
import { describeStorage, parsePort, readConfig, type Config } from '../config.ts'
import { EXIT_OK, UsageError, type CliIo } from '../io.ts'
import { openApp } from '../open-app.ts'
import { superviseWorkers } from '../serve-workers.ts'
import { startServer } from '../start-server.ts'

const MAX_WORKERS = 64

export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, host: { type: 'string' }, demo: { type: 'boolean', default: false }, workers: { type: 'string' } },
    strict: true,
    allowPositionals: false,
  })
  const config = readConfig(io.env, io.cwd)
  const port = values.port === undefined ? config.port : parsePort(values.port, '--port')
  const host = values.host ?? config.host
  const workers = values.workers === undefined ? undefined : parseWorkers(values.workers)
  if (workers !== undefined && !config.databaseUrl) {
    throw new UsageError('--workers needs PostgreSQL (set DATABASE_URL): the embedded PGlite database lives in one process, which holds its data folder, so a second process cannot open it. Run without --workers, or set DATABASE_URL.')
  }
  if (cluster.isWorker) return serveAsWorker(config, port, host, io)

  io.stdout(`Opening ${describeStorage(config)}…\n`)
  const deps = await openApp(config)
  try {
    if (values.demo) await prepareDemo(deps, io)
    if (config.smtpUrl) io.stdout(`Alert emails: through ${new URL(config.smtpUrl).host}\n`)
    if (config.oidc) io.stdout(`Single sign-on: ${config.oidc.issuer}\n`)
  } catch (error) {
    await deps.store.close()
    throw error
  }
  if (workers !== undefined) {
    // The primary only migrated and seeded; the workers open their own connections.
    await deps.store.close()
    return superviseWorkers({ count: workers, args, env: io.env, host, io })
  }
  const server = await startServer(config, deps, { port, host, log: (message) => io.stderr(`${message}\n`) })
  const shownHost = host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host
  io.stdout(`LHS is running at http://${shownHost}:${server.port} (press Ctrl+C to stop).\n`)
  await untilStopSignal()
  await server.stop()
  await deps.store.close()
  io.stdout('Stopped.\n')
  return EXIT_OK
}

function parseWorkers(text: string): number {
  const count = Number(text)
  if (!/^\d+$/.test(text) || count < 1 || count > MAX_WORKERS) throw new UsageError(`--workers: "${text}" is not a number of processes (expected a whole number from 1 to ${MAX_WORKERS}).`)
  return count
}

async function prepareDemo(deps: AppDeps, io: CliIo): Promise<void> {
  if (await demoIsSeeded(deps)) io.stdout('Demo mode: the demo programme is already in the database.\n')
  else {
    io.stdout('Demo mode: seeding the demo programme (synthetic data, no real people)…\n')
    const report = await seedDemo(deps)
    io.stdout(`Demo seeded: ${report.observationsInserted.toLocaleString('en-GB')} observations.\n`)
  }
  const admins = await resetDemoAdministrators(deps)
  io.stdout('Demo mode: sign in as one of these administrators (new passwords at every start; synthetic data only):\n')
  for (const admin of admins) io.stdout(`  ${admin.email}  password ${admin.password}  (${admin.organisation})\n`)
}

/** A worker of `--workers`: serve until told to stop, then leave the cluster (which lets the process end). */
async function serveAsWorker(config: Config, port: number, host: string, io: CliIo): Promise<number> {
  // Registered first, so a stop signal during start-up waits for it instead of killing the worker half-open.
  const stopped = untilStopSignal({ ignoreRepeats: true })
  try {
    const deps = await openApp(config)
    try {
      const server = await startServer(config, deps, { port, host, log: (message) => io.stderr(`[worker ${process.pid}] ${message}\n`), workerHeader: true })
      await stopped
      await server.stop()
    } finally {
      await deps.store.close()
    }
    return EXIT_OK
  } finally {
    cluster.worker?.disconnect()
  }
}

/**
 * Resolves on the first SIGINT or SIGTERM. A second one then ends the process at once (Ctrl+C twice),
 * unless `ignoreRepeats`: a worker gets Ctrl+C from the terminal and SIGTERM from the primary, and
 * must not die half-way through stopping.
 */
function untilStopSignal({ ignoreRepeats = false } = {}): Promise<void> {
  return new Promise<void>((resolve) => {
    const ignore = () => {}
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      if (ignoreRepeats) {
        process.on('SIGINT', ignore)
        process.on('SIGTERM', ignore)
      }
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
}
