import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { appointmentCsv, appointments, sortObservations, tally, type Appointment } from '../../../test/support/extracts.ts'
import { depsFor, seedFixture } from '../../../test/support/fixture.ts'
import { AppError } from '../../core/errors.ts'
import type { ObservationInput } from '../../core/model.ts'
import type { Store } from '../../storage/database.ts'
import { listExtractDefinitions } from '../../storage/measure-extracts.ts'
import { CLI_ACTOR } from '../auth/audit.ts'
import { getProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { importExtract } from './import-extract.ts'
import { importMeasures } from './import-measures.ts'

const ROWS = appointments(77, 1500, ['alpha', 'beta', 'north'])
const BREAKDOWN = { date: 'appointment_date', site: 'practice', groups: { imd_quintile: 'imd_quintile' } }
const MEASURES = [
  { code: 'dna', name: 'Appointments missed', type: 'process', kind: 'proportion', direction: 'decrease', period: 'month', extract: { ...BREAKDOWN, numerator: "attended = 'N'" } },
  { code: 'visits', name: 'Appointments booked', type: 'process', kind: 'count', direction: 'neutral', period: 'month', extract: { ...BREAKDOWN, count: true } },
  { code: 'wait', name: 'Days waited by those seen', type: 'outcome', kind: 'mean', direction: 'decrease', period: 'week', unit: 'days', extract: { date: 'appointment_date', mean: 'wait_days', where: "attended = 'Y'" } },
]
const GROUPS = { imd_quintile: (r: Appointment) => r.imd }

function expected(rows: readonly Appointment[]): ObservationInput[] {
  return [
    ...tally('dna', rows, { period: 'month', bySite: true, groups: GROUPS, kind: 'ratio', counted: () => true, numerator: (r) => r.attended === 'N' }),
    ...tally('visits', rows, { period: 'month', bySite: true, groups: GROUPS, kind: 'count', counted: () => true }),
    ...tally('wait', rows, { period: 'week', bySite: false, groups: {}, kind: 'mean', counted: (r) => r.attended === 'Y', value: (r) => (r.wait === '' ? undefined : Number(r.wait)) }),
  ]
}

/** What the database holds for the extract's measures, as comparable rows (values to 9 places). */
async function stored(store: Store): Promise<unknown[]> {
  const rows = await store.db
    .selectFrom('observations as o')
    .innerJoin('measures as m', (j) => j.onRef('m.id', '=', 'o.measure_id').onRef('m.organisation_id', '=', 'o.organisation_id'))
    .innerJoin('sites as s', (j) => j.onRef('s.id', '=', 'o.site_id').onRef('s.organisation_id', '=', 'o.organisation_id'))
    .where('m.code', 'in', ['dna', 'visits', 'wait'])
    .select(['m.code', 'o.period_start', 's.code as site', 's.kind', 'o.dimension', 'o.group_name', 'o.numerator', 'o.denominator', 'o.value', 'o.source'])
    .execute()
  const observations = rows.map((r): ObservationInput => ({ measure: r.code, period: r.period_start, site: r.kind === 'system' ? null : r.site, dimension: r.dimension || null, group: r.group_name || null, numerator: r.numerator, denominator: r.denominator, value: r.value }))
  expect(new Set(rows.map((r) => r.source))).toEqual(new Set(['extract:appointments.csv']))
  return comparable(observations)
}

function comparable(rows: readonly ObservationInput[]): unknown[] {
  return sortObservations(rows).map((o) => [o.measure, o.period, o.site, o.dimension, o.group, o.numerator, o.denominator, Number(o.value.toFixed(9))])
}

for (const engine of enginesUnderTest()) {
  describe(`importing a patient-level extract on ${engine.engine}`, () => {
    let store: Store
    let deps: AppDeps
    let dir: string
    const write = (name: string, text: string) => {
      writeFileSync(join(dir, name), text)
      return join(dir, name)
    }
    const measuresJson = (measures: readonly object[]) => importMeasures(deps, { organisation: 'test', programme: 'htn', fileName: 'm.json', format: 'json', content: JSON.stringify({ measures }), createdBy: 'test' })
    const request = (path: string, measures = ['dna', 'visits', 'wait']) => ({ organisation: 'test', programme: 'htn', path, fileName: 'appointments.csv', measures })
    const audits = async (action: string) => (await store.db.selectFrom('audit_log').select(['payload']).where('action', '=', action).orderBy('seq').execute()).map((r) => JSON.parse(r.payload) as { after: Record<string, unknown> })

    beforeAll(async () => {
      store = await engine.open()
      await seedFixture(store)
      deps = depsFor(store)
      dir = mkdtempSync(join(tmpdir(), 'lhs-extract-import-'))
    })
    afterAll(async () => {
      rmSync(dir, { recursive: true, force: true })
      await store.close()
      await engine.cleanUp()
    })

    it('a measures JSON file with a bad extract definition is refused, naming the measure and the field', async () => {
      const bad = [{ ...MEASURES[0], extract: { ...BREAKDOWN, numerator: "attended = N" } }]
      const report = await measuresJson(bad)
      expect(report.importId).toBeNull()
      expect(report.issues.map((i) => [i.code, i.column])).toEqual([['bad_condition', 'measures[0].extract.numerator']])
      expect(report.issues[0]?.message).toBe(`m.json:measures[0].extract.numerator: measure "dna": extract.numerator "attended = N" cannot be read at character 12: found "N" (expected a value: text in single quotes, a number, true or false (text goes in single quotes: 'N')).`)
    })

    it('stores each measure\'s definition; the same file again changes nothing, a changed definition updates the measure', async () => {
      expect(await measuresJson(MEASURES)).toMatchObject({ inserted: 3, updated: 0, unchanged: 0 })
      expect(await measuresJson(MEASURES)).toMatchObject({ inserted: 0, updated: 0, unchanged: 3 })
      const scope = await getProgrammeScope(deps, 'test', 'htn')
      const definitions = await listExtractDefinitions(store.db, scope.organisation.id, scope.programme.id)
      expect([...definitions.keys()]).toEqual(['dna', 'visits', 'wait'])
      expect(definitions.get('visits')).toEqual({ date: 'appointment_date', site: 'practice', groups: { imd_quintile: 'imd_quintile' }, count: true })
      const changed = MEASURES.map((m) => (m.code === 'visits' ? { ...m, extract: { ...m.extract, where: "attended IN ('Y', 'N')" } } : m))
      expect(await measuresJson(changed)).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 })
      expect(await measuresJson(MEASURES)).toMatchObject({ updated: 1 })
    })

    it('imports only the aggregates, equal to the numbers worked out row by row, audited with the rows read', async () => {
      const path = write('appointments.csv', appointmentCsv(ROWS))
      const report = await importExtract(deps, CLI_ACTOR, request(path))
      expect(report.issues.filter((i) => i.severity === 'error')).toEqual([])
      const want = expected(ROWS)
      expect(report).toMatchObject({ inserted: want.length, updated: 0, unchanged: 0, sourceRows: ROWS.length, observations: want.length })
      expect(await stored(store)).toEqual(comparable(want))
      const [entry] = await audits('import.extract')
      expect(entry?.after).toMatchObject({ measures: ['dna', 'visits', 'wait'], sourceRows: ROWS.length, inserted: want.length, errors: 0 })
      const imports = await store.db.selectFrom('imports').select(['kind', 'file_name', 'inserted']).where('id', '=', report.importId).execute()
      expect(imports).toEqual([{ kind: 'observations', file_name: 'appointments.csv', inserted: want.length }])
    })

    it('the same extract again changes nothing; a month more of rows updates and adds only what changed', async () => {
      const path = write('appointments.csv', appointmentCsv(ROWS))
      expect(await importExtract(deps, CLI_ACTOR, request(path))).toMatchObject({ inserted: 0, updated: 0, unchanged: expected(ROWS).length })
      const more = [...ROWS, ...appointments(78, 300, ['alpha', 'beta'], '2025-03-01', 28)]
      const report = await importExtract(deps, CLI_ACTOR, request(write('appointments.csv', appointmentCsv(more))))
      expect(report.inserted + report.updated + report.unchanged).toBe(expected(more).length)
      expect(report.updated).toBeGreaterThan(0)
      expect(await stored(store)).toEqual(comparable(expected(more)))
    })

    it('a file with mistakes writes nothing and the attempt is audited', async () => {
      const before = await stored(store)
      const path = write('appointments.csv', appointmentCsv(ROWS.slice(0, 5), ['2025-02-30,alpha,1,White,Y,3', '2025-02-03,omega,1,White,Y,3']))
      const report = await importExtract(deps, CLI_ACTOR, request(path))
      expect(report.importId).toBeNull()
      expect(report.issues.map((i) => [i.code, i.line, i.column, i.value])).toEqual([
        ['bad_date', 7, 'appointment_date', '2025-02-30'],
        ['unknown_site', 8, 'practice', 'omega'],
      ])
      expect(await stored(store)).toEqual(before)
      expect((await audits('import.extract.rejected')).map((e) => e.after)).toEqual([{ measures: ['dna', 'visits', 'wait'], sourceRows: 7, inserted: 0, updated: 0, unchanged: 0, errors: 2 }])
    })

    it('refuses a measure that is unknown or has no definition, naming those that have one', async () => {
      const path = write('appointments.csv', appointmentCsv(ROWS))
      const refusal = await importExtract(deps, CLI_ACTOR, request(path, ['dna', 'bp-control', 'nope'])).catch((e: unknown) => e)
      expect(refusal).toBeInstanceOf(AppError)
      expect((refusal as AppError).code).toBe('invalid_request')
      expect((refusal as AppError).issues.map((i) => [i.code, i.value])).toEqual([['no_extract_definition', 'bp-control'], ['unknown_measure', 'nope']])
      expect((refusal as AppError).message).toContain('Measure "bp-control" has no extract definition (measures with one: dna, visits, wait).')
    })

    it('refuses a stored definition that no longer fits its measure (its kind changed by a CSV catalogue)', async () => {
      const csv = 'code,name,type,kind,direction,period\nvisits,Appointments booked,process,proportion,neutral,month\n'
      expect(await importMeasures(deps, { organisation: 'test', programme: 'htn', fileName: 'm.csv', format: 'csv', content: csv, createdBy: 'test' })).toMatchObject({ updated: 1 })
      const refusal = await importExtract(deps, CLI_ACTOR, request(write('appointments.csv', appointmentCsv(ROWS)), ['visits'])).catch((e: unknown) => e)
      expect(refusal).toBeInstanceOf(AppError)
      expect((refusal as AppError).message).toContain('measure "visits": extract.count does not fit a proportion measure: the stored definition no longer fits the measure')
    })
  })
}
