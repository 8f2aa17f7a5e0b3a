/**
 * FHIR export and import on every engine: the demo programme exported with exact numbers and
 * imported into an empty organisation (same organisation, site and measure codes, in a second
 * database) gives back every observation exactly; the export is reproducible and every resource
 * passes the R4 validator; the external export masks the demo's small cells.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI_ACTOR } from '../../src/app/auth/audit.ts'
import { importFhir } from '../../src/app/gather/import-fhir.ts'
import { seedDemo } from '../../src/app/seed/seed-demo.ts'
import { exportProgrammeFhir, type FhirExport } from '../../src/app/share/fhir-export.ts'
import { DATA_ABSENT_REASON_URL, DISCLOSURE_TAG_SYSTEM } from '../../src/core/fhir/index.ts'
import type { Store } from '../../src/storage/database.ts'
import { listMeasures, upsertMeasures } from '../../src/storage/measures.ts'
import { ensureOrganisation, findOrganisation } from '../../src/storage/organisations.ts'
import { findProgramme, upsertProgramme } from '../../src/storage/programmes.ts'
import { listProgrammeObservations } from '../../src/storage/programme-observations.ts'
import { listSites, upsertSites } from '../../src/storage/sites.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { fixedClock } from '../support/fixture.ts'
import { fhirErrors, validateFhir } from './fhir-validator.ts'

const ORG = 'riverside'
const PROGRAMME = 'htn'

for (const engine of enginesUnderTest()) {
  describe(`FHIR export and import (${engine.engine})`, () => {
    let source: Store
    let target: Store
    let internal: FhirExport
    beforeAll(async () => {
      source = await engine.open()
      await seedDemo({ store: source, clock: fixedClock() })
      target = await engine.open()
      await copyCatalogue(source, target)
      internal = await exportProgrammeFhir({ store: source, clock: fixedClock() }, CLI_ACTOR, { organisation: ORG, programme: PROGRAMME, audience: 'internal' })
    }, 240_000)
    afterAll(async () => {
      await source?.close()
      await target?.close()
      await engine.cleanUp()
    })

    it('reproduces every observation exactly in an empty organisation', async () => {
      const text = JSON.stringify(internal.bundle)
      const report = await importFhir({ store: target, clock: fixedClock() }, CLI_ACTOR, { organisation: ORG, programme: PROGRAMME, fileName: 'htn.fhir.json', content: text })
      expect(report.issues.filter((i) => i.severity === 'error')).toEqual([])
      const before = await programmeRows(source)
      const after = await programmeRows(target)
      expect(before.length).toBeGreaterThan(1000)
      expect(report.inserted).toBe(before.length)
      expect(after).toEqual(before)
    }, 240_000)

    it('exports the same bytes twice, with the internal tag and no masked numbers', async () => {
      const again = await exportProgrammeFhir({ store: source, clock: fixedClock() }, CLI_ACTOR, { organisation: ORG, programme: PROGRAMME, audience: 'internal' })
      expect(JSON.stringify(again.bundle)).toBe(JSON.stringify(internal.bundle))
      expect(internal.masked).toBe(0)
      expect(JSON.stringify(internal.bundle)).not.toContain(DATA_ABSENT_REASON_URL)
      expect((internal.bundle.meta as { tag: { system: string; code: string }[] }).tag).toEqual([expect.objectContaining({ system: DISCLOSURE_TAG_SYSTEM, code: 'internal' })])
    }, 120_000)

    it('writes resources the R4 validator accepts (and the validator does reject a broken one)', () => {
      expect(fhirErrors(internal.bundle)).toEqual([])
      const kinds = new Map<string, number>()
      for (const entry of internal.bundle.entry) kinds.set(entry.resource.resourceType, (kinds.get(entry.resource.resourceType) ?? 0) + 1)
      expect([...kinds.keys()].sort()).toEqual(['Location', 'Measure', 'MeasureReport', 'Organization'])
      const broken = { ...internal.bundle.entry.find((e) => e.resource.resourceType === 'MeasureReport')?.resource, status: 'finished' }
      expect(validateFhir(broken).valid).toBe(false)
    })

    it('masks the small cells in the external export and records the policy', async () => {
      const external = await exportProgrammeFhir({ store: source, clock: fixedClock() }, CLI_ACTOR, { organisation: ORG, programme: PROGRAMME, audience: 'external' })
      expect(fhirErrors(external.bundle)).toEqual([])
      const tag = (external.bundle.meta as { tag: { system: string; code: string; display: string }[] }).tag[0]
      expect(tag?.code).toBe('nhs-digital')
      expect(tag?.display).toMatch(/Counts of 1 to 7/)
      const rows = await programmeRows(source)
      const small = rows.find((r) => r.dimension !== null && r.denominator !== null && r.denominator >= 1 && r.denominator <= 7)
      expect(small, 'the demo has a group with 1 to 7 people in some week').toBeDefined()
      if (small === undefined) return
      const stratum = findStratum(external, small)
      const denominator = stratum.population?.find((p) => p.code.coding[0]?.code === 'denominator')
      expect(denominator?.count).toBeUndefined()
      expect(denominator?._count?.extension?.[0]).toEqual({ url: DATA_ABSENT_REASON_URL, valueCode: 'masked' })
      expect(stratum.measureScore).toBeUndefined()
      expect(external.masked).toBeGreaterThan(0)
      const shown = JSON.stringify(external.bundle).match(/"count":(\d+)/g) ?? []
      expect(shown.length).toBeGreaterThan(0)
      for (const text of shown) expect(Number(text.slice(8)) % 5, text).toBe(0)
      const imported = await importFhir({ store: target, clock: fixedClock() }, CLI_ACTOR, { organisation: ORG, programme: PROGRAMME, fileName: 'external.json', content: JSON.stringify(external.bundle) })
      expect(imported.issues.some((i) => i.code === 'masked_value' && i.severity === 'warning')).toBe(true)
    }, 240_000)
  })
}

async function programmeRows(store: Store) {
  const organisation = await findOrganisation(store.db, ORG)
  const programme = organisation && (await findProgramme(store.db, organisation.id, PROGRAMME))
  if (!organisation || !programme) throw new Error('no riverside htn')
  return listProgrammeObservations(store.db, organisation.id, programme.id)
}

/** The organisation, its sites, the programme and its measures, with no observations. */
async function copyCatalogue(from: Store, to: Store): Promise<void> {
  const organisation = await findOrganisation(from.db, ORG)
  const programme = organisation && (await findProgramme(from.db, organisation.id, PROGRAMME))
  if (!organisation || !programme) throw new Error('no riverside htn')
  const copy = await ensureOrganisation(to.db, { code: organisation.code, name: organisation.name })
  const sites = await listSites(from.db, organisation.id)
  await upsertSites(to.db, copy.id, sites.filter((s) => s.kind !== 'system').map(({ id: _id, ...site }) => site))
  const copyProgramme = await upsertProgramme(to.db, copy.id, { code: programme.code, name: programme.name, aim: programme.aim })
  await upsertMeasures(to.db, copy.id, copyProgramme.id, (await listMeasures(from.db, organisation.id, programme.id)).map(({ id: _id, version: _v, ...m }) => m))
}

interface Population {
  code: { coding: { code: string }[] }
  count?: number
  _count?: { extension?: { url: string; valueCode: string }[] }
}
interface Stratum {
  value: { text: string }
  population?: Population[]
  measureScore?: unknown
}

function findStratum(bundle: FhirExport, row: { measure: string; site: string | null; period: string; dimension: string | null; group: string | null }): Stratum {
  for (const { resource } of bundle.bundle.entry) {
    if (resource.resourceType !== 'MeasureReport') continue
    const r = resource as unknown as { measure: string; period: { start: string }; subject: { display: string; reference: string }; group: { stratifier?: { code: { text: string }[]; stratum: Stratum[] }[] }[] }
    if (!r.measure.endsWith(`/${row.measure}`) || r.period.start !== row.period) continue
    const subject = bundle.bundle.entry.find((e) => e.fullUrl === r.subject.reference)?.resource as { identifier: { value: string }[] } | undefined
    if ((subject?.identifier[0]?.value ?? null) !== (row.site ?? ORG)) continue
    const stratum = r.group[0]?.stratifier?.find((s) => s.code[0]?.text === row.dimension)?.stratum.find((s) => s.value.text === row.group)
    if (stratum) return stratum
  }
  throw new Error(`no stratum for ${JSON.stringify(row)}`)
}
