/**
 * A server-like process working a shared job queue, for job-sharing.test.ts (run with
 * `node --import tsx job-process.ts DATABASE_URL SCHEMA`): it works `count` and `tick` jobs, each
 * run inserting one row (job id, name, this pid) into `job_runs`, keeps the per-minute `tick`
 * schedule, prints "ready", and stops cleanly on SIGTERM.
 */
import { once } from 'node:events'
import { setTimeout as sleep } from 'node:timers/promises'
import { sql } from 'kysely'
import { createJobQueue } from '../../src/app/jobs/job-queue.ts'
import { openDatabase } from '../../src/storage/database.ts'

export type SharedJobs = { count: { readonly n: number }; tick: Record<string, never> }

const [databaseUrl, schema] = process.argv.slice(2)
if (!databaseUrl || !schema) throw new Error('usage: job-process.ts DATABASE_URL SCHEMA')
const store = await openDatabase({ databaseUrl })
const queue = createJobQueue<SharedJobs>(store, { schema, pollingIntervalSeconds: 0.5, cronIntervalSeconds: 1, onError: (error) => process.stderr.write(`job error: ${String(error)}\n`) })
await queue.start()
const record = (name: string) => async (job: { id: string }) => {
  await sql`INSERT INTO job_runs (job_id, name, pid) VALUES (${job.id}, ${name}, ${process.pid})`.execute(store.db)
  await sleep(25) // long enough that the other process gets its share
}
await queue.work('count', record('count'))
await queue.work('tick', record('tick'))
await queue.schedule('tick', '* * * * *', {})
process.stdout.write('ready\n')
await once(process, 'SIGTERM')
await queue.stop()
await store.close()
process.stdout.write('stopped\n')
