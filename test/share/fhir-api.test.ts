/**
 * The interoperability API on every engine: FHIR export by audience and role, FHIR import through
 * the API (into organisation `other`, refused for a subject of another organisation), the REFI-QDA
 * project (parses back, lists the codings, needs read_text, audited), and the CLI commands.
 */
import JSZip from 'jszip'
import { DOMParser } from 'linkedom'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QDE_NAMESPACE } from '../../src/core/codebook/qdpx.ts'
import { DISCLOSURE_TAG_SYSTEM } from '../../src/core/fhir/index.ts'
import { searchAudit } from '../../src/storage/audit-log.ts'
import { findOrganisation } from '../../src/storage/organisations.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { seedInsight } from '../support/insight.ts'
import { openTestServer, type TestServer } from '../support/server.ts'
import { fhirErrors } from './fhir-validator.ts'

const PROGRAMME = '/api/v1/organisations/test/programmes/htn'

for (const engine of enginesUnderTest()) {
  describe(`interoperability API (${engine.engine})`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
      await seedInsight(server.deps, 'test')
    }, 120_000)
    afterAll(async () => server?.close())

    it('gives a viewer the external Bundle and refuses them exact numbers', async () => {
      const external = await server.requestAs('viewer', `${PROGRAMME}/fhir`)
      expect(external.status).toBe(200)
      const bundle = (await external.json()) as { resourceType: string; meta: { tag: { system: string; code: string }[] }; entry: { resource: { resourceType: string } }[] }
      expect(bundle.resourceType).toBe('Bundle')
      expect(bundle.meta.tag[0]).toMatchObject({ system: DISCLOSURE_TAG_SYSTEM })
      expect(bundle.meta.tag[0]?.code).not.toBe('internal')
      expect(fhirErrors(bundle)).toEqual([])
      const internal = await server.requestAs('viewer', `${PROGRAMME}/fhir?audience=internal`)
      expect(internal.status).toBe(403)
      expect(((await internal.json()) as { detail: string }).detail).toMatch(/analyst/)
    })

    it('gives an analyst exact numbers, audited as an export', async () => {
      const response = await server.requestAs('analyst', `${PROGRAMME}/fhir?audience=internal`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="htn-internal.fhir.json"')
      const bundle = (await response.json()) as { meta: { tag: { code: string }[] } }
      expect(bundle.meta.tag[0]?.code).toBe('internal')
      const organisation = await findOrganisation(server.store.db, 'test')
      const entries = await searchAudit(server.store.db, { organisationId: organisation?.id ?? -1, action: 'export.fhir', limit: 50 })
      expect(entries.some((e) => (e.after as { audience?: string } | null)?.audience === 'internal')).toBe(true)
    })

    it('refuses an unknown audience', async () => {
      expect((await server.requestAs('admin', `${PROGRAMME}/fhir?audience=public`)).status).toBe(400)
    })

    it('imports the Bundle back through the API with nothing changed, and refuses it for another organisation', async () => {
      const text = await (await server.requestAs('analyst', `${PROGRAMME}/fhir?audience=internal`)).text()
      const again = await server.requestAs('analyst', `${PROGRAMME}/fhir/imports`, { method: 'POST', body: upload(text) })
      expect(again.status).toBe(200)
      const report = (await again.json()) as { inserted: number; updated: number; unchanged: number }
      expect(report.inserted).toBe(0)
      expect(report.updated).toBe(0)
      expect(report.unchanged).toBeGreaterThan(40)
      const viewer = await server.requestAs('viewer', `${PROGRAMME}/fhir/imports`, { method: 'POST', body: upload(text) })
      expect(viewer.status).toBe(403)
      const other = await server.requestAs('other_admin', '/api/v1/organisations/other/programmes/htn/fhir/imports', { method: 'POST', body: upload(text) })
      expect(other.status).toBe(422)
      const problem = (await other.json()) as { issues: { code: string }[] }
      expect(problem.issues.map((i) => i.code)).toContain('subject_not_in_organisation')
    })

    it('writes a REFI-QDA project that parses back and lists the codings, for read_text only', async () => {
      expect((await server.requestAs('viewer', `${PROGRAMME}/refi-qda.qdpx`)).status).toBe(403)
      const response = await server.requestAs('contributor', `${PROGRAMME}/refi-qda.qdpx`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('application/zip')
      const zip = await JSZip.loadAsync(await response.arrayBuffer())
      const xml = await zip.file('project.qde')?.async('string')
      expect(xml).toBeDefined()
      const doc = new DOMParser().parseFromString(xml ?? '', 'text/xml')
      const project = doc.documentElement
      expect(project?.localName ?? project?.tagName).toBe('Project')
      expect(project?.getAttribute('xmlns')).toBe(QDE_NAMESPACE)
      const code = doc.querySelector('Code')
      const selections = [...doc.querySelectorAll('PlainTextSelection')]
      expect(selections).toHaveLength(1)
      const ref = selections[0]?.querySelector('CodeRef')
      expect(ref?.getAttribute('targetGUID')).toBe(code?.getAttribute('guid'))
      const source = doc.querySelector('TextSource')
      const path = source?.getAttribute('plainTextPath')?.replace('internal://', 'sources/') ?? ''
      const text = await zip.file(path)?.async('string')
      expect(text).toBe('Evening clinics please.')
      expect(Number(selections[0]?.getAttribute('endPosition'))).toBe([...(text ?? '')].length)
      const organisation = await findOrganisation(server.store.db, 'test')
      const reads = await searchAudit(server.store.db, { organisationId: organisation?.id ?? -1, action: 'insight.read', limit: 50 })
      expect(reads.some((e) => e.target.endsWith('/refi-qda'))).toBe(true)
    })
  })
}

function upload(text: string): FormData {
  const form = new FormData()
  form.set('file', new File([text], 'htn.fhir.json', { type: 'application/fhir+json' }))
  return form
}
