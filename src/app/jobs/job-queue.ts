/**
 * Background jobs stored in the database (pg-boss 10): they survive restarts, are claimed with
 * `FOR UPDATE SKIP LOCKED` so processes sharing a PostgreSQL database never run one job twice at
 * once, are retried with exponential back-off, and can be scheduled with cron. Works on PGlite
 * through the store's connection. @see README.md in this folder
 */
import { sql } from 'kysely'
import pg from 'pg'
import PgBoss from 'pg-boss'
import type { Store } from '../../storage/database.ts'
import type { Job, JobCatalogue, JobHandler, JobName, JobRecord, JobState, QueuePolicy, RetrySettings, ScheduleEntry, SendOptions, WorkOptions } from './job-types.ts'
import { kyselyExecutor, poolExecutor, type TrackedExecutor } from './sql-executor.ts'
import { startWorkerLoop, type WorkerLoop } from './worker-loop.ts'

export interface JobQueueOptions<Jobs> {
  /** The PostgreSQL schema of pg-boss's tables; default `pgboss`. */
  readonly schema?: string
  /** How often an idle worker looks for jobs; default 2 s, at least 0.5 s. */
  readonly pollingIntervalSeconds?: number
  /** A PostgreSQL connection string for a pool of the queue's own instead of the store's (not for PGlite). */
  readonly databaseUrl?: string
  /** Policies of queues that are not `standard`. */
  readonly queues?: { readonly [Name in JobName<Jobs>]?: { readonly policy: QueuePolicy } }
  /** Retries for sends that do not say; default 5 retries from 30 s, doubling. */
  readonly retry?: RetrySettings
  /** How often expired jobs are failed and finished ones archived; default 120 s. */
  readonly maintenanceIntervalSeconds?: number
  /** How often cron schedules are checked (1–45 s); default 30 s. */
  readonly cronIntervalSeconds?: number
  /** How long stop waits for running handlers; default 30 s. */
  readonly stopTimeoutMs?: number
  /** Errors no caller awaits (a failed poll, a lost completion); default: printed to stderr. */
  readonly onError?: (error: unknown) => void
}

export interface JobQueue<Jobs extends JobCatalogue<Jobs>> {
  /** Creates or migrates pg-boss's schema and starts maintenance and cron. */
  start(): Promise<void>
  /** Stops the workers after their jobs in hand, then pg-boss; leaves no timer or query behind. Final. */
  stop(): Promise<void>
  /** Queues a job; the id, or null when a singleton key kept it out. */
  send<Name extends JobName<Jobs>>(name: Name, data: Jobs[Name], options?: SendOptions): Promise<string | null>
  /** Runs `handler` for each job of this name; a throw fails the job (retried while retries remain). */
  work<Name extends JobName<Jobs>>(name: Name, handler: JobHandler<Jobs[Name]>, options?: WorkOptions): Promise<void>
  /** Sends the job on a cron schedule (5 fields, `tz` default UTC); one schedule per name, replaced by the next call. */
  schedule<Name extends JobName<Jobs>>(name: Name, cron: string, data: Jobs[Name], options?: SendOptions & { readonly tz?: string }): Promise<void>
  unschedule(name: JobName<Jobs>): Promise<void>
  schedules(): Promise<ScheduleEntry[]>
  findJob<Name extends JobName<Jobs>>(name: Name, id: string): Promise<JobRecord<Jobs[Name]> | undefined>
  /** Runs maintenance now: fail expired jobs, archive finished ones, drop old archives. */
  maintain(): Promise<void>
}

const DEFAULTS = {
  schema: 'pgboss',
  pollingIntervalSeconds: 2,
  retry: { retryLimit: 5, retryDelaySeconds: 30, retryBackoff: true },
  maintenanceIntervalSeconds: 120,
  cronIntervalSeconds: 30,
  stopTimeoutMs: 30_000,
} as const

/** Arbitrary, fixed: the advisory lock key LHS holds while a job queue starts. */
const START_LOCK = 7_311_842_001

async function oneStartAtATime(db: Store['db'], start: () => Promise<unknown>): Promise<void> {
  await db.connection().execute(async (connection) => {
    await sql`SELECT pg_advisory_lock(${START_LOCK})`.execute(connection)
    try {
      await start()
    } finally {
      await sql`SELECT pg_advisory_unlock(${START_LOCK})`.execute(connection)
    }
  })
}

/** Builds the queue over the store's owner connection (`store.db`), or over its own pool with `databaseUrl`. */
export function createJobQueue<Jobs extends JobCatalogue<Jobs>>(store: Pick<Store, 'db'> & { readonly pglite?: Store['pglite'] }, options: JobQueueOptions<Jobs> = {}): JobQueue<Jobs> {
  const { pollingIntervalSeconds = DEFAULTS.pollingIntervalSeconds, stopTimeoutMs = DEFAULTS.stopTimeoutMs } = options
  const retry = { ...DEFAULTS.retry, ...options.retry }
  const onError = options.onError ?? ((error: unknown) => console.error('[jobs]', error))
  const cronIntervalSeconds = options.cronIntervalSeconds ?? DEFAULTS.cronIntervalSeconds
  const pool = options.databaseUrl ? new pg.Pool({ connectionString: options.databaseUrl, max: 4, application_name: 'lhs-jobs' }) : undefined
  pool?.on('error', onError)
  const executor: TrackedExecutor = pool ? poolExecutor(pool) : kyselyExecutor(store.db)
  const boss = new PgBoss({
    db: executor,
    schema: options.schema ?? DEFAULTS.schema,
    supervise: true,
    maintenanceIntervalSeconds: options.maintenanceIntervalSeconds ?? DEFAULTS.maintenanceIntervalSeconds,
    schedule: true,
    cronMonitorIntervalSeconds: cronIntervalSeconds,
    cronWorkerIntervalSeconds: cronIntervalSeconds,
  })
  boss.on('error', onError)

  let state: 'idle' | 'started' | 'stopped' = 'idle'
  const queues = new Map<string, Promise<void>>()
  let creating: Promise<unknown> = Promise.resolve()
  const loops = new Map<string, WorkerLoop[]>()

  const assertStarted = (action: string) => {
    if (state !== 'started') throw new Error(`cannot ${action}: the job queue is ${state === 'idle' ? 'not started' : 'stopped'}`)
  }

  /** pg-boss 10 needs a queue (a partition of its job table) before a job of that name is sent or worked. */
  const ensureQueue = (name: string): Promise<void> => {
    let ready = queues.get(name)
    if (!ready) {
      const policy = (options.queues as Record<string, { policy: QueuePolicy } | undefined> | undefined)?.[name]?.policy ?? 'standard'
      const create = async () => {
        const existing = await boss.getQueue(name)
        if (!existing) await boss.createQueue(name, { name, policy })
        else if (existing.policy !== policy) await boss.updateQueue(name, { name, policy })
      }
      // Two processes creating the same queue at once deadlock in PostgreSQL (it is a partition of
      // pg-boss's job table): they take turns under the start lock, and within one process one
      // queue is made at a time, so the lock's connection never waits for the pool it needs.
      const previous = creating
      ready = previous.then(() => (store.pglite ? create() : oneStartAtATime(store.db, create)))
      creating = ready.catch(() => {})
      ready.catch(() => queues.delete(name))
      queues.set(name, ready)
    }
    return ready
  }

  const runJob = (name: string, handler: JobHandler<never>) => async (job: PgBoss.JobWithMetadata<never>) => {
    let failure: unknown
    try {
      await handler(toJob(job))
    } catch (error) {
      failure = error instanceof Error ? error : new Error(String(error))
    }
    try {
      if (failure === undefined) await boss.complete(name, job.id)
      else await boss.fail(name, job.id, failure as object)
    } catch (error) {
      // The job stays active until it expires, then runs again: delivery is at least once.
      onError(error)
    }
  }

  return {
    async start() {
      if (state === 'started') return
      if (state === 'stopped') throw new Error('a stopped job queue cannot be started again: create another')
      // Two processes starting at once on PostgreSQL can both try to create pg-boss's schema, and
      // pg-boss's own lock does not always keep them apart (seen under load: a duplicate key in
      // pg_namespace). A session lock held around the start makes them take turns. PGlite is one
      // process's database, and its single connection is the one pg-boss needs, so it goes without.
      if (store.pglite) await boss.start()
      else await oneStartAtATime(store.db, () => boss.start())
      state = 'started'
    },

    async stop() {
      if (state !== 'started') return
      state = 'stopped'
      const stopping = [...loops.values()].flat().map((loop) => loop.stop(stopTimeoutMs))
      loops.clear()
      const finished = await Promise.all(stopping)
      if (finished.includes(false)) onError(new Error(`jobs still running ${stopTimeoutMs} ms after stop; they will run again after they expire`))
      executor.refuseFetches = true
      await executor.idle()
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 1000 })
      await executor.idle()
      queues.clear()
      await pool?.end()
    },

    async send(name, data, sendOptions = {}) {
      assertStarted(`send ${name}`)
      await ensureQueue(name)
      const id = await boss.send(name, data, toPgBossOptions({ ...retry, ...sendOptions }))
      for (const loop of loops.get(name) ?? []) loop.wake()
      return id
    },

    async work(name, handler, workOptions = {}) {
      assertStarted(`work ${name}`)
      await ensureQueue(name)
      const batchSize = workOptions.batchSize ?? 1
      const loop = startWorkerLoop({
        fetch: () => boss.fetch<never>(name, { batchSize, includeMetadata: true }),
        run: runJob(name, handler as JobHandler<never>),
        intervalMs: (workOptions.pollingIntervalSeconds ?? pollingIntervalSeconds) * 1000,
        onError,
      })
      loops.set(name, [...(loops.get(name) ?? []), loop])
    },

    async schedule(name, cron, data, { tz = 'UTC', ...sendOptions } = {}) {
      assertStarted(`schedule ${name}`)
      await ensureQueue(name)
      await boss.schedule(name, cron, data, { ...toPgBossOptions({ ...retry, ...sendOptions }), tz })
    },

    async unschedule(name) {
      assertStarted(`unschedule ${name}`)
      await boss.unschedule(name)
    },

    async schedules() {
      assertStarted('list schedules')
      const rows = (await boss.getSchedules()) as unknown as { name: string; cron: string; timezone: string; data: unknown }[]
      return rows.map(({ name, cron, timezone, data }) => ({ name, cron, timezone, data }))
    },

    async findJob(name, id) {
      assertStarted(`find a ${name} job`)
      const job = await boss.getJobById<never>(name, id, { includeArchive: true })
      return job ? toRecord(job) : undefined
    },

    async maintain() {
      assertStarted('maintain')
      await boss.maintain()
    },
  }
}

/** Our option names (units in the name, no undefined) to pg-boss's; pg-boss asserts on keys present with undefined values. */
function toPgBossOptions(options: SendOptions): PgBoss.SendOptions {
  const { retryDelaySeconds, ...rest } = options
  const renamed: Record<string, unknown> = { ...rest, retryDelay: retryDelaySeconds }
  return Object.fromEntries(Object.entries(renamed).filter(([, value]) => value !== undefined)) as PgBoss.SendOptions
}

function toJob<Data>(job: PgBoss.JobWithMetadata<Data>): Job<Data> {
  return { id: job.id, name: job.name, data: job.data, retryCount: job.retryCount, retryLimit: job.retryLimit }
}

function toRecord<Data>(job: PgBoss.JobWithMetadata<Data>): JobRecord<Data> {
  return {
    ...toJob(job),
    state: job.state as JobState,
    startAfter: job.startAfter,
    startedOn: job.startedOn ?? null,
    completedOn: job.completedOn,
    output: job.output,
  }
}
