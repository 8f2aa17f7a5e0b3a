import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { engineNames, jobStoreEngine, type JobStoreEngine } from '../../../test/jobs/job-stores.ts'
import type { Store } from '../../storage/database.ts'
import { kyselyExecutor } from './sql-executor.ts'

describe.each(engineNames())('pg-boss executor over the store on %s', (engine) => {
  let database: JobStoreEngine
  let store: Store

  beforeAll(async () => {
    database = jobStoreEngine(engine)
    store = await database.open()
  })

  afterAll(async () => {
    await store.close()
    await database.cleanUp()
  })

  it('rolls back a failed BEGIN … COMMIT batch, so the connection stays usable', async () => {
    const executor = kyselyExecutor(store.db)
    await expect(executor.executeSql('BEGIN; SELECT 1/0; COMMIT;')).rejects.toThrow('division by zero')
    const { rows } = await sql<{ one: number }>`SELECT 1 AS one`.execute(store.db)
    expect(rows).toEqual([{ one: 1 }])
  })

  it('passes parameters and returns rows', async () => {
    const executor = kyselyExecutor(store.db)
    const { rows } = await executor.executeSql('SELECT $1::int + 1 AS next, $2::jsonb AS data', [41, { a: [1, 2] }])
    expect(rows).toEqual([{ next: 42, data: { a: [1, 2] } }])
  })

  it('answers "no jobs" to fetches while refusing, and waits for running statements', async () => {
    const executor = kyselyExecutor(store.db)
    executor.refuseFetches = true
    await expect(executor.executeSql('SELECT 1 FROM nowhere FOR UPDATE SKIP LOCKED')).resolves.toEqual({ rows: [] })
    const startedMs = performance.now()
    const sleeping = executor.executeSql('SELECT pg_sleep(0.2)')
    await executor.idle()
    expect(performance.now() - startedMs).toBeGreaterThanOrEqual(190)
    await sleeping
  })
})
