/**
 * One server process of `lhs serve`: the job queue with its workers and schedules, the app, and the
 * HTTP listener. Used alone, or by each worker of `lhs serve --workers N` (all on one port).
 */
import { serve } from '@hono/node-server'
import type { AppDeps } from '../app/deps.ts'
import { createMailer } from '../app/alerts/send-email.ts'
import { createJobQueue } from '../app/jobs/job-queue.ts'
import type { LhsJobs } from '../app/jobs/lhs-jobs.ts'
import { startLoopJobs } from '../app/review/review-jobs.ts'
import { renderScheduledBriefing } from '../app/share/render-briefing.ts'
import { startShareJobs } from '../app/share/share-jobs.ts'
import { startAnalysisJobs } from '../app/analyse/analysis-jobs.ts'
import { closePdfRenderer } from '../reports/pdf.ts'
import { createApp } from '../server/create-app.tsx'
import type { Config } from './config.ts'

export interface ServerOptions {
  readonly port: number
  readonly host: string
  readonly log: (message: string) => void
  /** Answer every request with `x-lhs-worker: <pid>` (a worker of `--workers`, so one can tell them apart). */
  readonly workerHeader?: boolean
}

export interface RunningServer {
  /** The port listened on (the one chosen by the system when asked for 0). */
  readonly port: number
  /** Stops taking requests, then the job queue after its jobs in hand; leaves the store open. */
  stop(): Promise<void>
}

export async function startServer(config: Config, deps: AppDeps, options: ServerOptions): Promise<RunningServer> {
  const { port, host, log } = options
  // The job queue (pg-boss in the same database): reviews after imports and daily, alerts out by webhook and email.
  const queue = createJobQueue<LhsJobs>(deps.store, { onError: (error) => log(`Background job: ${error instanceof Error ? error.message : String(error)}`) })
  await queue.start()
  try {
    const withJobs = await startLoopJobs(queue, deps, {
      ...(config.smtpUrl ? { mailer: createMailer(config.smtpUrl) } : {}),
      baseUrl: config.publicUrl ?? `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`,
    })
    await startShareJobs(queue, withJobs, renderScheduledBriefing, log)
    await startAnalysisJobs(queue, withJobs, log)
    const app = createApp({ ...withJobs, uploadLimitBytes: config.uploadLimitBytes, auth: config.auth, trustProxy: config.trustProxy, oidc: config.oidc, log })
    const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
      const s = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(s))
      s.once('error', reject)
    })
    // Before the app's own listener, so the header is set before the answer's head is written.
    if (options.workerHeader) server.prependListener('request', (_request, response: { setHeader(name: string, value: string): unknown }) => response.setHeader('x-lhs-worker', String(process.pid)))
    const address = server.address()
    return {
      port: typeof address === 'object' && address ? address.port : port,
      async stop() {
        await new Promise<void>((resolve) => server.close(() => resolve()))
        await queue.stop()
        await closePdfRenderer()
      },
    }
  } catch (error) {
    await queue.stop()
    throw error
  }
}
