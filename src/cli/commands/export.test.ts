// `lhs export fhir` and `lhs import fhir` against a database reached through the environment (a
// fresh PGlite folder; a throwaway PostgreSQL database when LHS_TEST_DATABASE_URL is set) holding
// the fixture programme: export to a file, import it back unchanged, export for outside to stdout.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { importFile } from '../../app/gather/import-file.ts'
import { DISCLOSURE_TAG_SYSTEM } from '../../core/fhir/canonical.ts'
import { migrateToLatest } from '../../storage/migrate.ts'
import { cliEnginesUnderTest, type CliDatabase } from '../../../test/cli/cli-databases.ts'
import { runCli } from '../../../test/cli/run-cli.ts'
import { depsFor, seedFixture } from '../../../test/support/fixture.ts'
import { FIXTURE_OBSERVATIONS } from '../../../test/support/server.ts'

type BundleJson = { resourceType: string; meta: { tag: { system: string; code: string }[] }; entry: { resource: { resourceType: string } }[] }

for (const engine of cliEnginesUnderTest()) {
  describe(`lhs export fhir and lhs import fhir on ${engine.engine}`, () => {
    let database: CliDatabase
    const folder = mkdtempSync(join(tmpdir(), 'lhs-fhir-cli-'))
    const file = join(folder, 'htn.fhir.json')

    beforeAll(async () => {
      database = await engine.create()
      const store = await database.open()
      try {
        await migrateToLatest(store.db)
        await seedFixture(store)
        await importFile(depsFor(store), { organisation: 'test', programme: 'htn', kind: 'observations', fileName: 'fixture.csv', content: FIXTURE_OBSERVATIONS, createdBy: 'fixture' })
      } finally {
        await store.close()
      }
    }, 120_000)
    afterAll(async () => {
      await database?.cleanUp()
      rmSync(folder, { recursive: true, force: true })
    })

    it('writes the exact Bundle to a file and imports it back with nothing changed', async () => {
      const exported = await runCli(['export', 'fhir', '--organisation', 'test', '--programme', 'htn', '--out', file], database.env)
      expect(exported.stderr).toBe('')
      expect(exported.code).toBe(0)
      expect(exported.stdout).toMatch(/MeasureReports \(internal: internal\)/)
      const bundle = JSON.parse(readFileSync(file, 'utf8')) as BundleJson
      expect(bundle.resourceType).toBe('Bundle')
      expect(bundle.meta.tag[0]).toMatchObject({ system: DISCLOSURE_TAG_SYSTEM, code: 'internal' })
      const imported = await runCli(['import', 'fhir', file, '--organisation', 'test', '--programme', 'htn', '--json'], database.env)
      expect(imported.code).toBe(0)
      const report = JSON.parse(imported.stdout) as { inserted: number; updated: number; unchanged: number }
      expect(report).toMatchObject({ inserted: 0, updated: 0 })
      expect(report.unchanged).toBe(FIXTURE_OBSERVATIONS_ROWS)
    }, 120_000)

    it('prints the external Bundle on stdout under the disclosure policy', async () => {
      const exported = await runCli(['export', 'fhir', '--organisation', 'test', '--programme', 'htn', '--external'], database.env)
      expect(exported.code).toBe(0)
      const bundle = JSON.parse(exported.stdout) as BundleJson
      expect(bundle.meta.tag[0]?.code).not.toBe('internal')
      expect(exported.stderr).toMatch(/external/)
    }, 120_000)

    it('explains what is missing', async () => {
      const none = await runCli(['export'], database.env)
      expect(none.code).toBe(2)
      expect(none.stderr).toMatch(/lhs export fhir --programme CODE/)
      const noProgramme = await runCli(['export', 'fhir'], database.env)
      expect(noProgramme.code).toBe(2)
      expect(noProgramme.stderr).toMatch(/--programme CODE/)
    })
  })
}

/** Rows in FIXTURE_OBSERVATIONS (the CSV's lines after the header). */
const FIXTURE_OBSERVATIONS_ROWS = new TextDecoder().decode(FIXTURE_OBSERVATIONS).trim().split('\n').length - 1
