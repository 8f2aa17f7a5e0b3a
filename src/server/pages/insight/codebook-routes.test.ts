import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../../test/support/engines.ts'
import { openTestServer, type TestServer } from '../../../../test/support/server.ts'

const BASE = '/organisations/test/programmes/htn/insight/codebook'

function post(fields: Record<string, string>): RequestInit {
  return { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
}

function upload(name: string, content: string): RequestInit {
  const form = new FormData()
  form.set('file', new File([content], name, { type: 'application/xml' }))
  return { method: 'POST', body: form }
}

for (const engine of enginesUnderTest()) {
  describe(`the codebook pages on ${engine.engine}`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
    })
    afterAll(() => server.close())

    const themes = () => server.store.db.selectFrom('themes').select(['id', 'name', 'parent_id', 'guid', 'frame']).orderBy('id').execute()

    it('adds CFIR 2.0 under one top-level theme, and refuses it twice', async () => {
      const response = await server.requestAs('analyst', `${BASE}/frames`, post({ frame: 'cfir-2' }))
      expect(response.status).toBe(303)
      const rows = await themes()
      expect(rows[0]).toMatchObject({ name: 'CFIR 2.0', parent_id: null, frame: 'cfir-2' })
      expect(rows.map((r) => r.name)).toEqual(expect.arrayContaining(['Inner Setting', 'Available Resources', 'Space', 'Implementation Process']))
      const again = await server.requestAs('analyst', `${BASE}/frames`, post({ frame: 'cfir-2' }))
      expect(again.status).toBe(400)
      expect(await again.text()).toContain('The codebook already has CFIR 2.0.')
    })

    it('adds, changes and removes a theme of its own, refusing an empty name or a duplicate', async () => {
      expect((await server.requestAs('analyst', BASE, post({ parent: '', name: 'Access', definition: 'Getting to care', examples: 'no evening clinics\ncannot get time off' }))).status).toBe(303)
      const access = (await themes()).find((t) => t.name === 'Access')!
      expect((await server.requestAs('analyst', BASE, post({ parent: String(access.id), name: 'Evening clinics', definition: '', examples: '' }))).status).toBe(303)
      const empty = await server.requestAs('analyst', BASE, post({ parent: '', name: '  ', definition: '' }))
      expect(empty.status).toBe(400)
      expect(await empty.text()).toContain('href="#name"')
      const duplicate = await server.requestAs('analyst', BASE, post({ parent: '', name: 'access' }))
      expect(await duplicate.text()).toContain('There is already a theme called')
      const page = await (await server.requestAs('viewer', BASE)).text()
      expect(page).toContain('Getting to care')
      expect(page).toContain('“no evening clinics”; “cannot get time off”')
      expect(page).not.toContain('Add a theme')
      expect((await server.requestAs('analyst', `${BASE}/${access.id}`, post({ name: 'Access to care', definition: 'Getting to care', examples: '' }))).status).toBe(303)
      expect((await themes()).some((t) => t.name === 'Access to care')).toBe(true)
      const evening = (await themes()).find((t) => t.name === 'Evening clinics')!
      expect((await server.requestAs('analyst', `${BASE}/${evening.id}/remove`, post({}))).status).toBe(303)
      expect((await themes()).some((t) => t.name === 'Evening clinics')).toBe(false)
      expect((await server.requestAs('viewer', `${BASE}/${access.id}`, post({ name: 'x' }))).status).toBe(403)
    })

    it('exports a REFI-QDA codebook that imports back into another programme as the same codebook', async () => {
      const exported = await (await server.requestAs('viewer', '/organisations/test/programmes/htn/insight/codebook.qdc')).text()
      expect(exported).toContain('<CodeBook xmlns="urn:QDA-XML:codebook:1.0"')
      expect(exported).toContain('name="Access to care"')
      const other = await server.requestAs('other_admin', '/organisations/other/programmes/htn/insight/codebook/import', upload('from-test.qdc', exported))
      expect(other.status).toBe(303)
      const again = await (await server.requestAs('other_admin', '/organisations/other/programmes/htn/insight/codebook.qdc')).text()
      // The same themes, guids, definitions and order; only the codebook's name (the programme's) differs.
      const body = (xml: string) => xml.replace(/<\?lhs-codebook[^>]*\?>/, '')
      expect(body(again)).toBe(body(exported))
      expect(again).toContain('<?lhs-codebook name="Other hypertension codebook"?>')
    })

    it('imports a codebook written by another tool, and updates themes it already has by guid', async () => {
      const file = readFileSync(new URL('../../../../test/reference-data/refi-qda/qualcoder-style.qdc', import.meta.url), 'utf8')
      const before = (await themes()).length
      const first = await server.requestAs('analyst', `${BASE}/import`, upload('qualcoder-style.qdc', file))
      expect(first.status).toBe(303)
      const added = (await themes()).length - before
      expect(added).toBeGreaterThan(0)
      const second = await server.requestAs('analyst', `${BASE}/import`, upload('qualcoder-style.qdc', file))
      expect(decodeURIComponent(second.headers.get('location') ?? '')).toContain(`0 themes added, ${added} updated`)
    })

    it('names the problems in a broken file and changes nothing', async () => {
      const before = await themes()
      const broken = await server.requestAs('analyst', `${BASE}/import`, upload('broken.qdc', '<CodeBook xmlns="urn:QDA-XML:codebook:1.0"><Codes><Code name="No guid"/></Codes>'))
      expect(broken.status).toBe(400)
      expect(await broken.text()).toContain('broken.qdc')
      expect(await themes()).toEqual(before)
      const none = await server.requestAs('analyst', `${BASE}/import`, { method: 'POST', body: new FormData() })
      expect(await none.text()).toContain('Choose a .qdc file to import.')
    })
  })
}
