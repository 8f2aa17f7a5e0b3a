/**
 * Recomputing a programme's signals and findings, as after an import: the demo programme, and the
 * same programme with 10 times as many measures (each demo measure copied ten times with its data
 * and links), on PGlite. Beside each, the floor: reading every observation of the programme once.
 * The figure to watch is the time per series, which should stay roughly flat from 1× to 10×.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { sql } from 'kysely'
import { getProgrammeScope } from '../src/app/catalogue.ts'
import { seedDemo } from '../src/app/seed/seed-demo.ts'
import { recomputeFindings } from '../src/app/triangulate/compute.ts'
import { generateDemo, type DemoData } from '../src/demo/index.ts'
import { openDatabase } from '../src/storage/database.ts'
import { insertLink, listLinks } from '../src/storage/links.ts'
import { listMeasures } from '../src/storage/measures.ts'
import { migrateToLatest } from '../src/storage/migrate.ts'

export interface FindingsBenchRow {
  readonly operation: string
  readonly series: number
  readonly seconds: number
  readonly note: string
}

/** The demo with every Riverside measure copied `times` times (codes suffixed -2, -3, …), with its observations. */
function scaled(times: number): DemoData {
  const demo = generateDemo()
  return {
    organisations: demo.organisations.map((org, i) =>
      i > 0
        ? org
        : {
            ...org,
            programmes: org.programmes.map((p) => ({
              ...p,
              measures: Array.from({ length: times }, (_, k) => p.measures.map((m) => (k === 0 ? m : { ...m, code: `${m.code}-${k + 1}`, name: `${m.name} (copy ${k + 1})` }))).flat(),
              observations: Array.from({ length: times }, (_, k) => (k === 0 ? p.observations : p.observations.map((o) => ({ ...o, measure: `${o.measure}-${k + 1}` })))).flat(),
            })),
          },
    ),
  }
}

async function benchScale(times: number, log: (line: string) => void): Promise<FindingsBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'lhs-bench-findings-'))
  const store = await openDatabase({ databaseUrl: undefined, dataDir: dir })
  try {
    await migrateToLatest(store.db)
    const deps = { store, clock: () => new Date('2026-09-01T09:00:00Z') }
    log(`Seeding the demo at ${times}×…`)
    await seedDemo(deps, scaled(times))
    const scope = await getProgrammeScope(deps, 'riverside', 'htn')
    const org = scope.organisation.id
    const measures = await listMeasures(store.db, org, scope.programme.id)
    const links = await listLinks(store.db, org, scope.programme.id)
    for (const m of measures) {
      const base = m.code.replace(/-\d+$/, '')
      if (base === m.code) continue
      for (const link of links.filter((l) => l.measure === base)) await insertLink(store.db, org, m.id, link.themeId, 'bench')
    }
    const seriesRow = await sql<{ n: number }>`SELECT count(DISTINCT (measure_id, site_id, dimension, group_name))::integer AS n FROM observations o JOIN measures m ON m.organisation_id = o.organisation_id AND m.id = o.measure_id WHERE o.organisation_id = ${org} AND m.programme_id = ${scope.programme.id}`.execute(store.db)
    const series = seriesRow.rows[0]?.n ?? 0
    const floorStart = performance.now()
    const read = await sql<{ n: number }>`SELECT count(*)::integer AS n FROM (SELECT o.value FROM observations o JOIN measures m ON m.organisation_id = o.organisation_id AND m.id = o.measure_id WHERE o.organisation_id = ${org} AND m.programme_id = ${scope.programme.id}) x`.execute(store.db)
    const floor = (performance.now() - floorStart) / 1000
    const runs: number[] = []
    let findings = 0
    for (let i = 0; i < 3; i++) {
      const started = performance.now()
      const result = await recomputeFindings(deps, scope)
      runs.push((performance.now() - started) / 1000)
      findings = result.findings.length
    }
    const median = [...runs].sort((a, b) => a - b)[1] as number
    return [
      { operation: `read every observation of the programme once (floor), ${times}× demo`, series, seconds: floor, note: `${(read.rows[0]?.n ?? 0).toLocaleString('en-GB')} observations` },
      { operation: `recompute signals and findings, ${times}× demo`, series, seconds: median, note: `median of 3; ${findings} findings; ${((median / series) * 1000).toFixed(2)} ms a series` },
    ]
  } finally {
    await store.close()
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function benchFindings(log: (line: string) => void = () => {}): Promise<FindingsBenchRow[]> {
  return [...(await benchScale(1, log)), ...(await benchScale(10, log))]
}
