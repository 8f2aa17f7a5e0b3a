/** `lhs serve`: start the web server on the configured database; `--demo` seeds the demo first. */
import { serve } from '@hono/node-server'
import { parseArgs } from 'node:util'
import { resetDemoAdministrators } from '../../app/seed/demo-admins.ts'
import { demoIsSeeded, seedDemo } from '../../app/seed/seed-demo.ts'
import { createApp } from '../../server/create-app.tsx'
import { describeStorage, parsePort, readConfig } from '../config.ts'
import { EXIT_OK, type CliIo } from '../io.ts'
import { openApp } from '../open-app.ts'
import { createJobQueue } from '../../app/jobs/job-queue.ts'
import type { LhsJobs } from '../../app/jobs/lhs-jobs.ts'
import { createMailer } from '../../app/alerts/send-email.ts'
import { startLoopJobs } from '../../app/review/review-jobs.ts'
import { startShareJobs } from '../../app/share/share-jobs.ts'
import { renderScheduledBriefing } from '../../app/share/render-briefing.ts'
import { closePdfRenderer } from '../../reports/pdf.ts'

export async function serveCommand(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { port: { type: 'string' }, host: { type: 'string' }, demo: { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: false,
  })
  const config = readConfig(io.env, io.cwd)
  const port = values.port === undefined ? config.port : parsePort(values.port, '--port')
  const host = values.host ?? config.host
  io.stdout(`Opening ${describeStorage(config)}…\n`)
  const deps = await openApp(config)
  if (values.demo) {
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
  // The job queue (pg-boss in the same database): reviews after imports and daily, alerts out by webhook and email.
  const queue = createJobQueue<LhsJobs>(deps.store, { onError: (error) => io.stderr(`Background job: ${error instanceof Error ? error.message : String(error)}\n`) })
  await queue.start()
  const withJobs = await startLoopJobs(queue, deps, {
    ...(config.smtpUrl ? { mailer: createMailer(config.smtpUrl) } : {}),
    baseUrl: config.publicUrl ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
  })
  await startShareJobs(queue, withJobs, renderScheduledBriefing, (message) => io.stderr(`${message}\n`))
  if (config.smtpUrl) io.stdout(`Alert emails: through ${new URL(config.smtpUrl).host}\n`)
  const app = createApp({ ...withJobs, uploadLimitBytes: config.uploadLimitBytes, auth: config.auth, trustProxy: config.trustProxy, oidc: config.oidc, log: (message) => io.stderr(`${message}\n`) })
  if (config.oidc) io.stdout(`Single sign-on: ${config.oidc.issuer}\n`)
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(s))
    s.once('error', reject)
  })
  const address = server.address()
  const shownPort = typeof address === 'object' && address ? address.port : port
  const shownHost = host === '0.0.0.0' || host === '127.0.0.1' ? 'localhost' : host
  io.stdout(`LHS is running at http://${shownHost}:${shownPort} (press Ctrl+C to stop).\n`)
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      server.close(() => resolve())
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
  })
  await queue.stop()
  await closePdfRenderer()
  await deps.store.close()
  io.stdout('Stopped.\n')
  return EXIT_OK
}
