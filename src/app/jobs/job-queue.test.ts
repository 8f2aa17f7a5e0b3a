import { setTimeout as sleep } from 'node:timers/promises'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, onTestFinished } from 'vitest'
import { engineNames, jobStoreEngine, type JobStoreEngine } from '../../../test/jobs/job-stores.ts'
import type { Store } from '../../storage/database.ts'
import { createJobQueue, type JobQueue, type JobQueueOptions } from './job-queue.ts'

type TestJobs = {
  greet: { readonly name: string }
  flaky: { readonly n: number }
  doomed: { readonly n: number }
  tick: Record<string, never>
  daily: { readonly scope: string }
  unique: { readonly key: string }
  count: { readonly n: number }
}

async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`)
    await sleep(20)
  }
}

/** Timers and immediates that keep the process alive. */
const liveTimers = () => process.getActiveResourcesInfo().filter((kind) => kind === 'Timeout' || kind === 'Immediate').length

describe.each(engineNames())('job queue on %s', (engine) => {
  // One database for the file; each test's queue gets a pg-boss schema of its own.
  let database: JobStoreEngine
  let shared: Store
  let schemas = 0
  let stores: Store[]
  let queues: JobQueue<TestJobs>[]
  let errors: unknown[]

  beforeAll(async () => {
    database = jobStoreEngine(engine)
    shared = await database.open()
  })

  afterAll(async () => {
    await shared.close()
    await database.cleanUp()
  })

  beforeEach(() => {
    schemas++
    stores = []
    queues = []
    errors = []
  })

  afterEach(async () => {
    for (const queue of queues) await queue.stop()
    for (const store of stores) await store.close()
    expect(errors).toEqual([])
  })

  /** Another connection to the test database (a second process, on PostgreSQL). */
  const open = async (from: JobStoreEngine = database) => {
    const store = await from.open()
    stores.push(store)
    return store
  }
  const close = async (store: Store) => {
    stores = stores.filter((s) => s !== store)
    await store.close()
  }
  const queueOn = (store: Store, options: JobQueueOptions<TestJobs> = {}) => {
    const schema = `jobs_test_${schemas}`
    const queue = createJobQueue<TestJobs>(store, { schema, pollingIntervalSeconds: 0.5, onError: (error) => errors.push(error), ...options })
    queues.push(queue)
    return queue
  }

  it('keeps a job sent before a restart and runs it after', async () => {
    const restartable = jobStoreEngine(engine, { persistent: true })
    onTestFinished(() => restartable.cleanUp())
    const before = await open(restartable)
    const first = queueOn(before)
    await first.start()
    const id = await first.send('greet', { name: 'Ada' })
    await first.stop()
    await close(before)

    const second = queueOn(await open(restartable))
    await second.start()
    const greeted: string[] = []
    await second.work('greet', async (job) => {
      greeted.push(job.data.name)
    })
    await waitFor(async () => (await second.findJob('greet', id ?? ''))?.state === 'completed')
    expect(greeted).toEqual(['Ada'])
  })

  it('retries a failing job with exponential back-off, then completes it', async () => {
    const queue = queueOn(shared)
    await queue.start()
    const runs: { atMs: number; retryCount: number }[] = []
    await queue.work('flaky', async (job) => {
      runs.push({ atMs: performance.now(), retryCount: job.retryCount })
      if (runs.length < 3) throw new Error(`attempt ${runs.length} failed`)
    })
    const id = (await queue.send('flaky', { n: 1 }, { retryLimit: 2, retryDelaySeconds: 1, retryBackoff: true })) ?? ''
    await waitFor(async () => (await queue.findJob('flaky', id))?.state === 'completed', 15_000)

    expect(runs.map((run) => run.retryCount)).toEqual([0, 1, 2])
    const [first, second, third] = runs.map((run) => run.atMs)
    // Retry n waits delay × 2^(n−1) to twice that: 1–2 s, then 2–4 s (plus up to one polling interval).
    expect(second! - first!).toBeGreaterThanOrEqual(950)
    expect(second! - first!).toBeLessThan(2000 + 800)
    expect(third! - second!).toBeGreaterThanOrEqual(1950)
    expect(third! - second!).toBeLessThan(4000 + 800)
  })

  it('gives up after the retry limit and keeps the error', async () => {
    const queue = queueOn(shared)
    await queue.start()
    let runs = 0
    await queue.work('doomed', async () => {
      runs++
      throw new Error('receiver gone')
    })
    const id = (await queue.send('doomed', { n: 1 }, { retryLimit: 1, retryDelaySeconds: 0, retryBackoff: false })) ?? ''
    await waitFor(async () => (await queue.findJob('doomed', id))?.state === 'failed')

    const job = await queue.findJob('doomed', id)
    expect(runs).toBe(2)
    expect(job).toMatchObject({ state: 'failed', retryCount: 1, retryLimit: 1, data: { n: 1 }, output: { message: 'receiver gone' } })
  })

  it('registers a daily schedule, and sends a job when a cron time comes', async () => {
    const queue = queueOn(shared, { cronIntervalSeconds: 1 })
    await queue.start()
    await queue.schedule('daily', '0 6 * * *', { scope: 'all' }, { tz: 'Europe/London' })
    expect(await queue.schedules()).toEqual([{ name: 'daily', cron: '0 6 * * *', timezone: 'Europe/London', data: { scope: 'all' } }])

    // Every minute: the last minute boundary is always under 60 s ago, so the first cron check sends it.
    await queue.schedule('tick', '* * * * *', {})
    const ticks: string[] = []
    await queue.work('tick', async (job) => {
      ticks.push(job.id)
    })
    await waitFor(() => ticks.length === 1)
    await queue.unschedule('tick')
    expect((await queue.schedules()).map((entry) => entry.name)).toEqual(['daily'])
  })

  it('keeps a second job with the same singleton key out of a short queue', async () => {
    const queue = queueOn(shared, { queues: { unique: { policy: 'short' } } })
    await queue.start()
    expect(await queue.send('unique', { key: 'a' }, { singletonKey: 'a' })).toEqual(expect.any(String))
    expect(await queue.send('unique', { key: 'a' }, { singletonKey: 'a' })).toBeNull()
    expect(await queue.send('unique', { key: 'b' }, { singletonKey: 'b' })).toEqual(expect.any(String))
  })

  it('runs maintenance (expire, archive, drop) without error', async () => {
    const queue = queueOn(shared)
    await queue.start()
    await queue.send('greet', { name: 'Grace' })
    await expect(queue.maintain()).resolves.toBeUndefined()
  })

  it('leaves no timer behind when stopped', async () => {
    const before = liveTimers()
    const store = await open()
    const queue = queueOn(store, { cronIntervalSeconds: 1 })
    await queue.start()
    let done = 0
    await queue.work('greet', async () => {
      done++
    })
    await queue.work('count', async () => {})
    await queue.send('greet', { name: 'Ada' })
    await waitFor(() => done === 1)
    await sleep(1100) // let the cron worker and checks tick at least once
    await queue.stop()
    await close(store)
    expect(liveTimers()).toBeLessThanOrEqual(before)
  })

  // PGlite is one process's database (its data folder is locked), so only PostgreSQL has two processes.
  it.runIf(engine === 'postgres')('runs each job exactly once with two processes on one database', async () => {
    const storeA = shared
    const storeB = await open()
    // A shares the store's pool; B has its own, as a second process would. Both start at once, racing to create the schema.
    const a = queueOn(storeA)
    const b = queueOn(storeB, { databaseUrl: database.url() ?? '' })
    await Promise.all([a.start(), b.start()])

    const total = 60
    for (let n = 0; n < total; n++) await a.send('count', { n })
    const runs = new Map<number, number>()
    const byWorker = { a: 0, b: 0 }
    const worker = (name: 'a' | 'b') => async (job: { data: { n: number } }) => {
      runs.set(job.data.n, (runs.get(job.data.n) ?? 0) + 1)
      byWorker[name]++
      await sleep(30)
    }
    await Promise.all([a.work('count', worker('a'), { batchSize: 5 }), b.work('count', worker('b'), { batchSize: 5 })])
    await waitFor(() => byWorker.a + byWorker.b >= total, 20_000)
    await sleep(300) // any second run would show up here

    expect(byWorker.a + byWorker.b).toBe(total)
    expect([...runs.values()].every((count) => count === 1)).toBe(true)
    expect(runs.size).toBe(total)
    expect(byWorker.a).toBeGreaterThan(0)
    expect(byWorker.b).toBeGreaterThan(0)
  })
})
