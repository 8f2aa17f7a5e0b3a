// The read path: `scopedRead` keeps row-level security; with a read URL it reads there (here the
// test database opened read-only, as a standby is) and falls back to the primary while the replica
// cannot be reached, warning at most once a minute and saying when it answers again. A real
// streaming replica is exercised in test/scale/read-replica.test.ts.
import { randomBytes } from 'node:crypto'
import { createServer, Socket, type Server } from 'node:net'
import { sql } from 'kysely'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { seedFixture } from '../../test/support/fixture.ts'
import { enginesUnderTest } from '../../test/support/engines.ts'
import { freePort } from '../../test/support/pg-cluster.ts'
import { openDatabase, type Store } from './database.ts'
import { migrateToLatest } from './migrate.ts'
import { openReadReplica } from './read-replica.ts'

const adminUrl = process.env.LHS_TEST_DATABASE_URL

/** The programmes organisation `code`'s scope sees through `read`. */
async function programmesSeen(store: Store, code: string, read: 'scoped' | 'scopedRead'): Promise<string[]> {
  const org = await store.db.selectFrom('organisations').select('id').where('code', '=', code).executeTakeFirstOrThrow()
  const rows = await store[read]({ organisationId: org.id, siteIds: null }).selectFrom('programmes').select('name').orderBy('name').execute()
  return rows.map((r) => r.name)
}

describe.each(enginesUnderTest())('scopedRead without a read replica on $engine', (engine) => {
  let store: Store
  beforeAll(async () => {
    store = await engine.open()
    await seedFixture(store)
  })
  afterAll(async () => {
    await store.close()
    await engine.cleanUp()
  })

  it('is scoped: the same rows as scoped, only the organisation’s own', async () => {
    expect(await programmesSeen(store, 'test', 'scopedRead')).toEqual(['Hypertension'])
    expect(await programmesSeen(store, 'test', 'scopedRead')).toEqual(await programmesSeen(store, 'test', 'scoped'))
    expect(store.replica).toBeUndefined()
  })
})

describe('a read URL without a PostgreSQL primary', () => {
  it('is refused, saying PGlite has no replicas', async () => {
    await expect(openDatabase({ dataDir: 'memory://', readUrl: 'postgres://127.0.0.1:1/x' })).rejects.toThrow('a read replica (readUrl) needs a PostgreSQL primary (databaseUrl); PGlite has no replicas')
  })
})

describe.skipIf(!adminUrl)('a read replica on PostgreSQL (LHS_TEST_DATABASE_URL)', () => {
  const name = `lhs_t_read_${process.pid}_${randomBytes(4).toString('hex')}`
  const url = new URL(adminUrl ?? 'postgres://unset')
  url.pathname = `/${name}`
  const admin = async (text: string) => {
    const client = new pg.Client({ connectionString: adminUrl })
    await client.connect()
    await client.query(text).finally(() => client.end())
  }

  beforeAll(async () => {
    await admin(`CREATE DATABASE ${name}`)
    const store = await openDatabase({ databaseUrl: url.toString() })
    await migrateToLatest(store.db)
    await seedFixture(store)
    await store.close()
  })
  afterAll(() => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))

  it('reads through the replica’s connections under row-level security, and never writes there', async () => {
    // Opened read-only, the test database refuses writes as a standby does.
    const readOnly = `${url.toString()}?options=${encodeURIComponent('-c default_transaction_read_only=on')}`
    const store = await openDatabase({ databaseUrl: url.toString(), readUrl: readOnly })
    try {
      expect(await programmesSeen(store, 'test', 'scopedRead')).toEqual(['Hypertension'])
      expect(await programmesSeen(store, 'other', 'scopedRead')).toEqual(['Other hypertension'])
      const org = await store.db.selectFrom('organisations').select('id').where('code', '=', 'test').executeTakeFirstOrThrow()
      const scope = { organisationId: org.id, siteIds: null }
      await expect(sql`UPDATE programmes SET aim = 'x'`.execute(store.scopedRead(scope))).rejects.toThrow('cannot execute UPDATE in a read-only transaction')
      const { rows } = await sql<{ application_name: string }>`SELECT current_setting('application_name') AS application_name`.execute(store.scopedRead(scope))
      expect(rows[0]?.application_name).toBe('lhs-read')
      await sql`UPDATE programmes SET aim = aim`.execute(store.scoped(scope))
    } finally {
      await store.close()
    }
  })

  describe('when the replica cannot be reached', () => {
    let primary: pg.Pool
    let proxy: Server | undefined
    let port = 0
    const sockets = new Set<Socket>()
    let clock = 0
    const warnings: string[] = []

    beforeAll(async () => {
      primary = new pg.Pool({ connectionString: url.toString(), max: 2, application_name: 'lhs-primary' })
      port = await freePort()
    })
    afterAll(async () => {
      for (const socket of sockets) socket.destroy()
      await new Promise((resolve) => (proxy ? proxy.close(resolve) : resolve(undefined)))
      await primary.end()
    })

    /** Forwards 127.0.0.1:port to the test database's server: the "replica" comes back. */
    const startProxy = () =>
      new Promise<void>((resolve) => {
        proxy = createServer((socket) => {
          const upstream = new Socket().connect(Number(url.port || 5432), url.hostname)
          for (const s of [socket, upstream]) {
            sockets.add(s)
            s.on('error', () => s.destroy())
          }
          socket.pipe(upstream).pipe(socket)
        }).listen(port, '127.0.0.1', resolve)
      })

    it('reads from the primary meanwhile, warns at most once a minute, and goes back to the replica when it answers', async () => {
      const replicaUrl = `postgres://${url.username}${url.password ? `:${url.password}` : ''}@127.0.0.1:${port}${url.pathname}`
      const replica = openReadReplica({ url: replicaUrl, primary, types: pg.types, warn: (m) => warnings.push(m), now: () => clock, retryAfterMs: 5_000, connectTimeoutMs: 2_000 })
      const servedBy = async () => {
        const client = await replica.connect()
        try {
          return (await client.query<{ name: string }>("SELECT current_setting('application_name') AS name")).rows[0]?.name
        } finally {
          client.release()
        }
      }
      try {
        expect(await servedBy()).toBe('lhs-primary')
        expect(warnings).toEqual([expect.stringMatching(new RegExp(`^Read replica 127\\.0\\.0\\.1:${port}/${name} is unreachable \\(.*ECONNREFUSED.*\\): reading from the primary meanwhile \\(this warning repeats at most once a minute\\)\\.$`))])
        clock = 1_000 // within the retry pause: straight to the primary
        expect(await servedBy()).toBe('lhs-primary')
        clock = 30_000 // tried again, still down, warned less than a minute ago
        expect(await servedBy()).toBe('lhs-primary')
        expect(warnings).toHaveLength(1)
        clock = 61_000 // a minute after the first warning
        expect(await servedBy()).toBe('lhs-primary')
        expect(warnings).toHaveLength(2)
        // The primary has every write, so read-your-writes holds while reads go there.
        expect(await replica.hasReplayed(await replica.primaryPosition())).toBe(true)

        await startProxy()
        clock = 62_000 // still in the pause after the last failure
        expect(await servedBy()).toBe('lhs-primary')
        clock = 66_001
        expect(await servedBy()).toBe('lhs-read')
        expect(warnings.slice(2)).toEqual([`Read replica 127.0.0.1:${port}/${name} answers again: reads go to it.`])
      } finally {
        await replica.end()
      }
    })

    it('refuses a write position that is not one', async () => {
      const replica = openReadReplica({ url: url.toString(), primary, types: pg.types, warn: (m) => warnings.push(m) })
      try {
        await expect(replica.hasReplayed("0/1' OR true")).rejects.toThrow(`not a write-ahead-log position: "0/1' OR true" (expected hexadecimal like 0/3000148)`)
      } finally {
        await replica.end()
      }
    })
  })
})
