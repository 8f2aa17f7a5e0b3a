// Reads from a real streaming replica (issue 9, point 5). A throwaway primary is made with initdb and
// a hot standby streams from it (pg_basebackup -R), both in a temporary folder on free ports
// (test/support/pg-cluster.ts): the machine's own cluster is not touched. The app runs in process on
// a store whose writes go to the primary and whose request reads (GET and HEAD) go to the standby.
// Pausing the standby's replay (pg_wal_replay_pause) makes lag as long as a test needs, so the
// read-your-writes rule and "this read came from the replica" are shown without timing.
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startSession } from '../../src/app/auth/sign-in.ts'
import { WROTE_COOKIE } from '../../src/server/access/read-routing.ts'
import { createApp } from '../../src/server/create-app.tsx'
import { openDatabase, type Store } from '../../src/storage/database.ts'
import { migrateToLatest } from '../../src/storage/migrate.ts'
import { cookieJar, type CookieJar } from '../support/cookie-jar.ts'
import { crawl, seedCrawlRecords, type CrawlIds } from '../support/crawl.ts'
import { csv } from '../support/fixture.ts'
import { emailOf } from '../support/people.ts'
import { clusterRoot, clusterUnavailableReason, queryOne, removeClusters, startPrimary, startStandby, waitForReplay, type PgCluster } from '../support/pg-cluster.ts'
import { htmlOf, one, openTestServer, serverDeps, type TestServer } from '../support/server.ts'

const skipReason = !process.env.LHS_TEST_DATABASE_URL ? 'LHS_TEST_DATABASE_URL is unset (replica tests run only where PostgreSQL tests run)' : clusterUnavailableReason()
if (skipReason) console.warn(`read-replica tests skipped: ${skipReason}`)

const DATABASE = 'lhs'
const PROGRAMME = '/organisations/test/programmes/htn'
const API = '/api/v1/organisations/test/programmes/htn'
/** A week after the fixture's last (2025-05-19), for the whole organisation. */
const NEW_WEEK = '2025-05-26'

describe.skipIf(skipReason !== undefined)('reads from a streaming replica', () => {
  let root = ''
  let primary: PgCluster | undefined
  let standby: PgCluster | undefined
  let server: TestServer
  /** The same app over a store without a replica: what the primary answers. */
  let primaryOnly: { store: Store; request: (path: string) => Promise<Response> }
  let ids: CrawlIds
  const warnings: string[] = []
  const replayLagsMs: number[] = []

  const replayed = async () => replayLagsMs.push(await waitForReplay(primary!, standby!, DATABASE))
  const onStandby = <Row>(text: string) => queryOne<Row>(standby!.url(DATABASE), text)
  const asAdmin = (path: string) => server.requestAs('admin', path)

  beforeAll(async () => {
    root = clusterRoot()
    primary = await startPrimary(root)
    await queryOne(primary.url(), `CREATE DATABASE ${DATABASE}`)
    standby = await startStandby(primary, root)
    const engine = {
      engine: 'postgres' as const,
      async open() {
        const store = await openDatabase({ databaseUrl: primary!.url(DATABASE), readUrl: standby!.url(DATABASE), warn: (message) => warnings.push(message) })
        await migrateToLatest(store.db)
        return store
      },
      cleanUp: async () => {},
    }
    server = await openTestServer(engine, { seed: 'fixture' })
    ids = await seedCrawlRecords(server.deps)
    const store = await openDatabase({ databaseUrl: primary.url(DATABASE) })
    const app = createApp(serverDeps(store))
    const token = server.tokens.get('admin')!
    primaryOnly = { store, request: async (path) => app.request(path, { headers: { authorization: `Bearer ${token}` } }) }
    await replayed()
  }, 120_000)

  afterAll(async () => {
    await primaryOnly?.store.close()
    await server?.close()
    if (root) await removeClusters(root, [standby, primary])
    if (replayLagsMs.length > 0) console.info(`replay waits on the standby (ms): ${replayLagsMs.map((ms) => ms.toFixed(1)).join(', ')}`)
  })

  it('serves the programme overview, summary matrix and a measure page from the replica exactly as the primary does', async () => {
    for (const path of [PROGRAMME, `${API}/summary`, `${PROGRAMME}/measures/bp-control`, `${API}/measures/bp-control/series?site=alpha`]) {
      const fromReplica = await asAdmin(path)
      const fromPrimary = await primaryOnly.request(path)
      expect(fromReplica.status, path).toBe(200)
      expect(await fromReplica.text(), path).toBe(await fromPrimary.text())
    }
  })

  it('sends the reads to the replica: its transaction count grows, and a page shows what the replica has replayed, not what the primary has', async () => {
    const commits = async () => Number((await onStandby<{ n: string }>(`SELECT pg_stat_clear_snapshot(), xact_commit AS n FROM pg_stat_database WHERE datname = '${DATABASE}'`)).n)
    const before = await commits()
    for (let i = 0; i < 5; i++) expect((await asAdmin(`${API}/summary`)).status).toBe(200)
    await expect.poll(commits, { timeout: 5_000 }).toBeGreaterThanOrEqual(before + 5)

    await onStandby('SELECT pg_wal_replay_pause()')
    try {
      await sql`UPDATE programmes SET name = 'Hypertension (renamed)' WHERE code = 'htn'`.execute(server.store.db)
      expect(await (await primaryOnly.request(PROGRAMME)).text()).toContain('Hypertension (renamed)')
      expect(await (await asAdmin(PROGRAMME)).text()).not.toContain('Hypertension (renamed)')
    } finally {
      await onStandby('SELECT pg_wal_replay_resume()')
    }
    await replayed()
    expect(await (await asAdmin(PROGRAMME)).text()).toContain('Hypertension (renamed)')
  })

  describe('a browser that writes', () => {
    let browser: CookieJar
    let csrf = ''

    beforeAll(async () => {
      const user = await server.store.db.selectFrom('users').select(['id', 'email', 'display_name', 'password_hash']).where('email', '=', emailOf('admin')).executeTakeFirstOrThrow()
      const { sessionSecret } = await startSession(server.deps, { id: user.id, email: user.email, displayName: user.display_name, passwordHash: user.password_hash, disabled: false }, { address: 'test', userAgent: 'test', method: 'test' })
      browser = cookieJar(server.rawApp, { lhs_session: sessionSecret })
      csrf = one(await htmlOf(await browser.request('/')), 'form[action="/sign-out"] input[name="_csrf"]').getAttribute('value') ?? ''
    })

    const observations = async (jar: CookieJar) => {
      const response = await jar.request(`${API}/measures/bp-control/observations`)
      expect(response.status).toBe(200)
      return response.text()
    }

    it('imports through the primary and reads its own write back while the replica lags; others read the replica', async () => {
      await onStandby('SELECT pg_wal_replay_pause()')
      try {
        const form = new FormData()
        form.set('kind', 'observations')
        form.set('_csrf', csrf)
        form.set('file', new File([csv(`bp-control,${NEW_WEEK},,,,150,200,`)], 'new-week.csv', { type: 'text/csv' }))
        const posted = await browser.request(`${PROGRAMME}/import`, { method: 'POST', body: form })
        expect(posted.status, await posted.clone().text()).toBe(200)
        const wrote = browser.get(WROTE_COOKIE)
        expect(decodeURIComponent(wrote ?? '')).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/)
        const onPrimary = await queryOne<{ n: string }>(primary!.url(DATABASE), `SELECT count(*) AS n FROM observations WHERE period_start = '${NEW_WEEK}'`)
        expect(Number(onPrimary.n)).toBe(1)

        // This browser reads from the primary until the replica has replayed its write…
        expect(await observations(browser)).toContain(NEW_WEEK)
        expect(browser.get(WROTE_COOKIE)).toBe(wrote)
        // …while the same session without the cookie (another tab long ago, another browser) reads the paused replica.
        const withoutCookie = cookieJar(server.rawApp, { lhs_session: browser.get('lhs_session')! })
        expect(await observations(withoutCookie)).not.toContain(NEW_WEEK)
      } finally {
        await onStandby('SELECT pg_wal_replay_resume()')
      }
      await replayed()
      // Once the replica has caught up the cookie is cleared and reads go back to the replica, which now has the week.
      expect(await observations(browser)).toContain(NEW_WEEK)
      expect(browser.get(WROTE_COOKIE)).toBeUndefined()
      const measurePage = await (await asAdmin(`${PROGRAMME}/measures/bp-control`)).text()
      expect(measurePage).toBe(await (await primaryOnly.request(`${PROGRAMME}/measures/bp-control`)).text())
    })

    it('drops a write position it did not set (not an LSN) and reads from the replica', async () => {
      const jar = cookieJar(server.rawApp, { lhs_session: browser.get('lhs_session')!, [WROTE_COOKIE]: encodeURIComponent("0/1' OR true --") })
      const response = await jar.request(`${API}/summary`)
      expect(response.status).toBe(200)
      expect(jar.get(WROTE_COOKIE)).toBeUndefined()
    })
  })

  it('answers every GET page and API route with reads on the replica (no 5xx), the exports that audit included', async () => {
    await replayed()
    const auditsBefore = await server.store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    const answers = await crawl(server.rawApp, ids, asAdmin)
    expect(answers.filter((a) => a.status >= 500)).toEqual([])
    expect(answers.length).toBeGreaterThanOrEqual(100)
    const auditsAfter = await server.store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
    expect(Number(auditsAfter.n)).toBeGreaterThan(Number(auditsBefore.n))
  }, 120_000)

  it('falls back to the primary when the replica stops, with one warning', async () => {
    await standby!.stop()
    const before = warnings.length
    for (const path of [PROGRAMME, `${API}/summary`, `${PROGRAMME}/measures/bp-control`]) expect((await asAdmin(path)).status, path).toBe(200)
    const added = warnings.slice(before)
    expect(added).toHaveLength(1)
    expect(added[0]).toMatch(new RegExp(`^Read replica 127\\.0\\.0\\.1:${standby!.port}/${DATABASE} is unreachable \\(.+\\): reading from the primary meanwhile`))
  })
})
