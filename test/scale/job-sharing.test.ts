// Two processes on one job queue (issue 9, point 5): each server process of `lhs serve --workers N`
// works the same pg-boss queue. Two real child processes (job-process.ts) work jobs sent from this
// one; every run inserts a row keyed by job id into a table with no unique key, so a job run twice
// would show as two rows. Cron: all three processes keep the same per-minute schedule, and the
// database lets only one of them send each minute's job.
import { spawn, type ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { setTimeout as sleep } from 'node:timers/promises'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { createJobQueue } from '../../src/app/jobs/job-queue.ts'
import { openDatabase, type Store } from '../../src/storage/database.ts'
import { watchOutput, type ChildOutput } from '../support/child-output.ts'
import type { SharedJobs } from './job-process.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SCRIPT = join(ROOT, 'test', 'scale', 'job-process.ts')
const adminUrl = process.env.LHS_TEST_DATABASE_URL
const JOBS = 40
const SCHEMA = 'jobs_shared'

describe.skipIf(!adminUrl)('two processes working one job queue on PostgreSQL (LHS_TEST_DATABASE_URL)', () => {
  const name = `lhs_t_share_${process.pid}_${randomBytes(4).toString('hex')}`
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    await client.query(text).finally(() => client.end())
  }
  const children: ChildProcess[] = []
  let store: Store | undefined

  afterAll(async () => {
    // Only when a test failed half-way: never leave our own processes running.
    for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
    await store?.close()
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
  })

  it('runs each job exactly once, shares them between the processes, and sends each minute’s cron job once', async () => {
    await admin(`CREATE DATABASE ${name}`)
    const url = new URL(adminUrl!)
    url.pathname = `/${name}`
    store = await openDatabase({ databaseUrl: url.toString() })
    await sql`CREATE TABLE job_runs (job_id uuid NOT NULL, name text NOT NULL, pid integer NOT NULL)`.execute(store.db)
    // This process creates the queues first (two processes creating the same pg-boss queue at once can deadlock).
    const sender = createJobQueue<SharedJobs>(store, { schema: SCHEMA, cronIntervalSeconds: 1 })
    await sender.start()
    try {
      await sender.schedule('tick', '* * * * *', {})
      await sender.send('count', { n: 0 })

      const outputs: ChildOutput[] = []
      for (let i = 0; i < 2; i++) {
        const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, url.toString(), SCHEMA], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] })
        children.push(child)
        outputs.push(watchOutput(child))
      }
      await Promise.all(outputs.map((output) => output.waitFor(/^ready$/m, 60_000)))
      for (let n = 1; n < JOBS; n++) await sender.send('count', { n })

      const runs = async () => (await sql<{ job_id: string; name: string; pid: number }>`SELECT job_id, name, pid FROM job_runs`.execute(store!.db)).rows
      await expect.poll(async () => (await runs()).filter((r) => r.name === 'count').length, { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(JOBS)
      await expect.poll(async () => (await runs()).filter((r) => r.name === 'tick').length, { timeout: 30_000, interval: 100 }).toBeGreaterThanOrEqual(1)
      await sleep(1_500) // any second run of a job, or a second cron send, would show up here

      for (const child of children) child.kill('SIGTERM')
      for (const output of outputs) expect(await output.exited(30_000), output.stderr()).toEqual({ code: 0, signal: null })
      expect(outputs.map((output) => output.stderr())).toEqual(['', ''])

      const all = await runs()
      const counts = all.filter((r) => r.name === 'count')
      expect(counts).toHaveLength(JOBS)
      expect(new Set(counts.map((r) => r.job_id)).size).toBe(JOBS)
      const pids = children.map((child) => child.pid)
      expect(new Set(counts.map((r) => r.pid))).toEqual(new Set(pids))

      // Each tick job ran once, and no minute has two tick jobs although three processes check the schedule.
      const ticks = all.filter((r) => r.name === 'tick')
      expect(new Set(ticks.map((r) => r.job_id)).size).toBe(ticks.length)
      const perMinute = await sql<{ minute: Date; jobs: number }>`SELECT date_trunc('minute', created_on) AS minute, count(*)::int AS jobs FROM ${sql.table(`${SCHEMA}.job`)} WHERE name = 'tick' GROUP BY 1`.execute(store.db)
      expect(perMinute.rows.length).toBeGreaterThanOrEqual(1)
      expect(perMinute.rows.filter((row) => row.jobs > 1)).toEqual([])
      expect(perMinute.rows.reduce((sum, row) => sum + row.jobs, 0)).toBe(ticks.length)
    } finally {
      await sender.stop()
    }
  }, 120_000)
})
