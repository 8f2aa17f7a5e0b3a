// Crash safety ("Trust", point 8): `kill -9` of the real `lhs import observations` while it is
// writing a large file leaves no partial rows, and the database works after a restart.
//
// Each engine gets a fresh database reached through the environment (PGlite: a data folder in
// LHS_DATA_DIR; PostgreSQL, when LHS_TEST_DATABASE_URL is set: a throwaway database in DATABASE_URL),
// seeded by `lhs demo`. A generated file of 200,016 new observations for riverside/htn is imported by
// `bin/lhs.js` in a child process, which gets SIGKILL part-way through its writes.
//
// When to kill. The import reads and checks the whole file first and writes nothing until it is
// valid; then, in one transaction, it upserts batches of 20,000 rows (the write phase), runs the
// data-quality queries and commits. Uncommitted rows cannot be counted from outside, but the
// observations heap grows on disk as they are written, on both engines: on PostgreSQL
// `pg_relation_size` (asked on a second connection) counts the pages an open transaction has added;
// on PGlite the relation's file in the data folder grows as the child extends it (the folder is only
// stat-ed: a second PGlite must never open a folder a running one uses). The test kills the child
// once the heap has grown by KILL_AT of what the whole file needs (from the demo rows' density), so
// the kill lands in the write phase, with over a third of the rows written and not committed,
// whatever the machine's speed. A delay calibrated from a measured run would cost a second full
// import and drift with the load on a 2-core CI machine. Should the import commit first, the child
// exits 0 rather than by SIGKILL and the test fails saying so.
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'
import { sql } from 'kysely'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { CLI_ACTOR } from '../../src/app/auth/audit.ts'
import { addMember } from '../../src/app/auth/people.ts'
import { DEFAULT_AUTH_SETTINGS } from '../../src/app/auth/settings.ts'
import { createToken } from '../../src/app/auth/tokens.ts'
import { createApp } from '../../src/server/create-app.tsx'
import type { Store } from '../../src/storage/database.ts'
import { migrateToLatest } from '../../src/storage/migrate.ts'
import { cliEnginesUnderTest, type CliDatabase } from '../cli/cli-databases.ts'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const BIN = join(ROOT, 'bin', 'lhs.js')

const FILE_NAME = 'crash-import.csv'
const MEASURES = ['bp-control', 'bp-recorded', 'community-referral']
const SITES = ['eastgate', 'northfield', 'westbrook', 'southmead', 'hillside', 'riverbank']
const GROUPS: readonly (readonly [string, string])[] = [['', ''], ...[1, 2, 3, 4, 5].map((q) => ['imd_quintile', String(q)] as const)]
/** The 1,852 Mondays up to 2025-02-24, the week before the demo's first (2025-03-03): every row is new. */
const WEEKS = 1852
const ROWS = WEEKS * MEASURES.length * SITES.length * GROUPS.length
/** Kill once the heap has grown by this share of what the whole file needs. */
const KILL_AT = 0.4

const SEED_TIMEOUT = 120_000
const IMPORT_TIMEOUT = 150_000
const ROLLBACK_TIMEOUT = 30_000
const RESTART_TIMEOUT = 60_000

/** The observation file: WEEKS × measures × sites × (all people + IMD quintiles 1–5), valid proportions. */
function observationCsv(): string {
  const lines = ['measure,period,site,dimension,group,numerator,denominator,value']
  for (let w = WEEKS; w >= 1; w--) {
    const period = new Date(Date.UTC(2025, 2, 3 - 7 * w)).toISOString().slice(0, 10)
    for (const [m, measure] of MEASURES.entries()) {
      for (const [s, site] of SITES.entries()) {
        for (const [g, [dimension, group]] of GROUPS.entries()) {
          const denominator = 300 + ((w * 7 + s * 13 + g * 5) % 150)
          const numerator = Math.floor(denominator * (0.5 + 0.05 * m)) + ((w + s + g) % 17)
          lines.push(`${measure},${period},${site},${dimension},${group},${numerator},${denominator},`)
        }
      }
    }
  }
  return lines.join('\n') + '\n'
}

/** The test process's environment without any database or server setting, plus the database's. */
function childEnv(database: CliDatabase): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env }
  for (const name of ['DATABASE_URL', 'LHS_DATA_DIR', 'PORT', 'HOST']) delete env[name]
  return { ...env, ...database.env }
}

interface Exit {
  readonly code: number | null
  readonly signal: NodeJS.Signals | null
}

interface Lhs {
  readonly child: ChildProcess
  /** How it ended; rejects (after killing it) when it runs longer than its timeout. */
  readonly exited: Promise<Exit>
  stdout(): string
  /** The end of stdout and stderr together, for failure messages. */
  output(): string
}

/** Children still to stop and things to clean, undone in afterEach even when a test fails half-way. */
const children = new Set<ChildProcess>()
const cleanups: (() => Promise<void> | void)[] = []

afterEach(async () => {
  for (const child of children) if (isRunning(child)) child.kill('SIGKILL')
  children.clear()
  for (const cleanUp of cleanups.splice(0).reverse()) await cleanUp()
})

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null
}

/** Start `node bin/lhs.js …` as `npx lhs` runs it. */
function startLhs(args: readonly string[], env: NodeJS.ProcessEnv, timeoutMs: number): Lhs {
  const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  let stdout = ''
  let output = ''
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString('utf8')
    output += chunk.toString('utf8')
  })
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
  const exited = new Promise<Exit>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      reject(new Error(`lhs ${args[0]}: still running after ${timeoutMs} ms\n${output.slice(-2000)}`))
    }, timeoutMs)
    child.once('exit', (code, signal) => {
      clearTimeout(timer)
      resolve({ code, signal })
    })
  })
  exited.catch(() => {}) // awaited by the test; this only stops a timeout during other waits counting as unhandled
  return { child, exited, stdout: () => stdout, output: () => (output.length > 2000 ? `…${output.slice(-2000)}` : output) }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Poll `check` every `intervalMs` until it returns true; reject after `timeoutMs`. */
async function waitUntil(check: () => Promise<boolean>, timeoutMs: number, what: string, intervalMs = 50): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!(await check())) {
    if (performance.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`)
    await sleep(intervalMs)
  }
}

/** Reject if `promise` takes longer than `timeoutMs`. */
async function within<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not within ${timeoutMs} ms`)), timeoutMs)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

interface Snapshot {
  readonly observations: number
  readonly imports: number
  readonly heapBytes: number
  /** The heap's file, relative to the data folder. */
  readonly heapFile: string
}

async function snapshot(store: Store): Promise<Snapshot> {
  const { rows } = await sql<{ observations: number; imports: number; heap_bytes: number; heap_file: string }>`
    SELECT (SELECT count(*) FROM observations) AS observations, (SELECT count(*) FROM imports) AS imports,
           pg_relation_size('observations') AS heap_bytes, pg_relation_filepath('observations') AS heap_file`.execute(store.db)
  const row = rows[0]!
  return { observations: Number(row.observations), imports: Number(row.imports), heapBytes: Number(row.heap_bytes), heapFile: row.heap_file }
}

/** Watches a child's writes from outside, without disturbing it. */
interface WriteProbe {
  /** The live size of the observations heap: it grows as rows are written, committed or not. */
  heapBytes(): Promise<number>
  /** PostgreSQL: whether another session's current or last statement is the observations upsert; PGlite: undefined. */
  upserting(): Promise<boolean | undefined>
  /** PostgreSQL: true once no other session is connected (the killed one has rolled back and gone); PGlite: true. */
  othersGone(): Promise<boolean>
  close(): Promise<void>
}

async function writeProbe(database: CliDatabase, heapFile: string): Promise<WriteProbe> {
  const databaseUrl = database.env.DATABASE_URL
  if (!databaseUrl) {
    const path = join(database.env.LHS_DATA_DIR!, heapFile)
    return { heapBytes: async () => statSync(path).size, upserting: async () => undefined, othersGone: async () => true, close: async () => {} }
  }
  const client = new pg.Client({ connectionString: databaseUrl })
  await client.connect()
  const count = async (where: string) =>
    Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() ${where}`)).rows[0]!.n)
  let closed = false
  return {
    heapBytes: async () => Number((await client.query<{ bytes: string }>(`SELECT pg_relation_size('observations') AS bytes`)).rows[0]!.bytes),
    upserting: async () => (await count(`AND query ILIKE '%INSERT INTO observations%'`)) > 0,
    othersGone: async () => (await count('')) === 0,
    async close() {
      if (!closed) await client.end()
      closed = true
    },
  }
}

/** When a child's write phase ran, in ms from `since` (for the timings only): watched until it exits. */
async function watchWritePhase(probe: WriteProbe, child: ChildProcess, since: number): Promise<{ start?: number; end?: number }> {
  const phase: { start?: number; end?: number } = {}
  let last = await probe.heapBytes()
  while (isRunning(child)) {
    const [bytes, upserting] = await Promise.all([probe.heapBytes(), probe.upserting()])
    const now = performance.now() - since
    if (upserting ?? bytes !== last) {
      phase.start ??= now
      phase.end = now
    }
    last = bytes
    await sleep(50)
  }
  return phase
}

/** The series as the riverside administrator sees it through the API (an admin and a token are added first). */
async function seriesOf(store: Store): Promise<Response> {
  const deps = { store, clock: () => new Date() }
  await addMember(deps, CLI_ACTOR, { email: 'admin@riverside.example', organisation: 'riverside', role: 'admin' })
  const { token } = await createToken(deps, CLI_ACTOR, 'admin@riverside.example', 'crash test')
  return appFor(store).request(SERIES, { headers: { authorization: `Bearer ${token}` } })
}

function appFor(store: Store) {
  return createApp({ store, clock: () => new Date(), uploadLimitBytes: 50 * 1024 * 1024, log: () => {}, auth: DEFAULT_AUTH_SETTINGS, trustProxy: false })
}

const SERIES = '/api/v1/organisations/riverside/programmes/htn/measures/bp-control/observations?site=eastgate&dimension=imd_quintile&group=1'

const seconds = (ms: number | undefined) => (ms === undefined ? '?' : (ms / 1000).toFixed(1))

for (const { engine, create } of cliEnginesUnderTest()) {
  describe(`kill -9 during a large import (${engine})`, () => {
    it('leaves no partial rows, and the restarted database takes the same import in full', async () => {
      const timings: string[] = []
      const dir = mkdtempSync(join(tmpdir(), 'lhs-crash-'))
      cleanups.push(() => rmSync(dir, { recursive: true, force: true }))
      const database = await create()
      cleanups.push(() => database.cleanUp())
      const env = childEnv(database)
      /** Open and migrate in this process; on PGlite only while no child has the folder. */
      const open = async (): Promise<Store> => {
        const store = await within(database.open(), RESTART_TIMEOUT, 'opening the database')
        let closed = false
        const close = async () => {
          if (!closed) await store.close()
          closed = true
        }
        cleanups.push(close)
        await within(migrateToLatest(store.db), RESTART_TIMEOUT, 'migrating the database')
        return { ...store, close }
      }

      // 1. The demo, seeded by the real command, and what is there before the import.
      let start = performance.now()
      const seed = startLhs(['demo'], env, SEED_TIMEOUT)
      expect(await seed.exited, seed.output()).toEqual({ code: 0, signal: null })
      timings.push(`seed ${seconds(performance.now() - start)} s`)
      let store = await open()
      const before = await snapshot(store)
      const seriesBefore = await (await seriesOf(store)).json()
      await store.close()
      expect(before.observations).toBeGreaterThan(0)
      const bytesPerRow = before.heapBytes / before.observations

      // 2. The file.
      const file = join(dir, FILE_NAME)
      writeFileSync(file, observationCsv())
      const importArgs = ['import', 'observations', file, '--programme', 'htn', '--organisation', 'riverside']

      // 3. The import, killed in its write phase.
      const probe = await writeProbe(database, before.heapFile)
      cleanups.push(() => probe.close())
      const killAtBytes = before.heapBytes + KILL_AT * ROWS * bytesPerRow
      start = performance.now()
      const doomed = startLhs(importArgs, env, IMPORT_TIMEOUT)
      let writing: number | undefined
      let heapAtKill = before.heapBytes
      await waitUntil(
        async () => {
          if (!isRunning(doomed.child)) throw new Error(`the import ended (${doomed.child.exitCode ?? doomed.child.signalCode}) before the kill: the file is too small\n${doomed.output()}`)
          heapAtKill = await probe.heapBytes()
          if (heapAtKill > before.heapBytes) writing ??= performance.now() - start
          return heapAtKill >= killAtBytes
        },
        IMPORT_TIMEOUT,
        `the import to write ${KILL_AT * 100}% of its rows`,
        20,
      )
      const killedAt = performance.now()
      expect(doomed.child.kill('SIGKILL')).toBe(true)
      const exit = await doomed.exited
      expect(exit, `the import should die by SIGKILL, not finish\n${doomed.output()}`).toEqual({ code: null, signal: 'SIGKILL' })
      expect(writing, 'the kill should come after the first rows are written').toBeDefined()
      const written = heapAtKill - before.heapBytes
      timings.push(
        `killed at ${seconds(killedAt - start)} s (writing from ${seconds(writing)} s; ${(written / 1e6).toFixed(1)} MB, ≈${Math.round(written / bytesPerRow).toLocaleString('en-GB')} rows written), ` +
          `dead ${seconds(performance.now() - killedAt)} s later`,
      )

      // PostgreSQL rolls the transaction back when it notices the client has gone: wait for that.
      start = performance.now()
      await waitUntil(() => probe.othersGone(), ROLLBACK_TIMEOUT, 'the killed session to go')
      timings.push(`session gone ${seconds(performance.now() - start)} s`)

      // 4. The restart: open, migrate, look.
      start = performance.now()
      store = await open()
      timings.push(`restart ${seconds(performance.now() - start)} s`)
      const after = await snapshot(store)
      expect(after.observations, 'no partial rows').toBe(before.observations)
      expect(after.imports, 'no record of the killed import').toBe(before.imports)
      expect(after.heapBytes, 'the killed import did write (uncommitted) rows').toBeGreaterThan(before.heapBytes)
      const app = appFor(store)
      const health = await app.request('/health')
      expect(health.status).toBe(200)
      expect(await health.json()).toEqual({ status: 'ok' })
      const series = await seriesOf(store)
      expect(series.status).toBe(200)
      expect(await series.json()).toEqual(seriesBefore)
      await store.close()

      // 5. The same import, run to the end, writes every row once.
      start = performance.now()
      const fresh = startLhs([...importArgs, '--json'], env, IMPORT_TIMEOUT)
      const [freshExit, phase] = await Promise.all([fresh.exited, watchWritePhase(probe, fresh.child, start)])
      timings.push(`fresh import ${seconds(performance.now() - start)} s (writing ${seconds(phase.start)}–${seconds(phase.end)} s)`)
      expect(freshExit, fresh.output()).toEqual({ code: 0, signal: null })
      const report = JSON.parse(fresh.stdout()) as { inserted: number; updated: number; unchanged: number }
      expect({ inserted: report.inserted, updated: report.updated, unchanged: report.unchanged }).toEqual({ inserted: ROWS, updated: 0, unchanged: 0 })
      store = await open()
      expect((await snapshot(store)).observations).toBe(before.observations + ROWS)
      const imports = await store.db.selectFrom('imports').select(['file_name', 'inserted', 'updated', 'unchanged']).execute()
      expect(imports).toEqual([{ file_name: FILE_NAME, inserted: ROWS, updated: 0, unchanged: 0 }])
      await store.close()

      console.info(`[crash ${engine}] ${ROWS.toLocaleString('en-GB')} rows: ${timings.join('; ')}`)
    }, 300_000)
  })
}
