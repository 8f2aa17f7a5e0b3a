import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { FIXTURE_MEASURES } from '../../../test/support/fixture.ts'
import { jsonOf, keysDeep, openTestServer, problemOf, type TestServer } from '../../../test/support/server.ts'
import { MeasureSchema, OrganisationSchema, ProgrammeSchema, SiteSchema } from '../../contract/catalogue.ts'
import { z } from '@hono/zod-openapi'

const API = '/api/v1/organisations'
const HTN = `${API}/test/programmes/htn`

for (const engine of enginesUnderTest()) {
  describe(`catalogue routes on ${engine.engine}`, () => {
    let server: TestServer
    /** Requests to organisation `other` go as its administrator; the rest as `test`'s. */
    const get = (path: string) => (path.includes('/organisations/other') ? server.requestAs('other_admin', path) : server.app.request(path))
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
    })
    afterAll(async () => {
      await server.close()
    })

    it('lists the organisations the user belongs to, with codes', async () => {
      const body = z.object({ organisations: z.array(OrganisationSchema.strict()) }).parse(await jsonOf(await get(API)))
      expect(body.organisations).toEqual([{ code: 'test', name: 'Test ICS' }])
      const other = z.object({ organisations: z.array(OrganisationSchema.strict()) }).parse(await jsonOf(await server.requestAs('other_admin', API)))
      expect(other.organisations).toEqual([{ code: 'other', name: 'Other ICS' }])
      expect(await jsonOf(await get(`${API}/test`))).toEqual({ code: 'test', name: 'Test ICS' })
    })

    it('lists the site hierarchy, each parent before its children', async () => {
      const body = z.object({ sites: z.array(SiteSchema.strict()) }).parse(await jsonOf(await get(`${API}/test/sites`)))
      expect(body.sites).toEqual([
        { code: 'test', name: 'Test ICS', kind: 'system', parent: null },
        { code: 'north', name: 'North network', kind: 'network', parent: 'test' },
        { code: 'alpha', name: 'Alpha Practice', kind: 'practice', parent: 'north' },
        { code: 'beta', name: 'Beta Practice', kind: 'practice', parent: 'north' },
      ])
      body.sites.forEach((site, i) => {
        if (site.parent !== null) expect(body.sites.slice(0, i).map((s) => s.code), `parent of ${site.code} comes first`).toContain(site.parent)
      })
    })

    it('lists programmes and shows one', async () => {
      const programme = { code: 'htn', name: 'Hypertension', aim: 'More people controlled' }
      const body = z.object({ programmes: z.array(ProgrammeSchema.strict()) }).parse(await jsonOf(await get(`${API}/test/programmes`)))
      expect(body.programmes).toEqual([programme])
      expect(await jsonOf(await get(HTN))).toEqual(programme)
    })

    it('lists measures with their full definitions, in the order they were added, and shows one', async () => {
      const body = z.object({ measures: z.array(MeasureSchema.strict()) }).parse(await jsonOf(await get(`${HTN}/measures`)))
      // Each carries its version (1: never changed since it was defined).
      expect(body.measures).toEqual(FIXTURE_MEASURES.map((m) => ({ ...m, version: 1 })))
      expect(await jsonOf(await get(`${HTN}/measures/falls`))).toEqual({ ...FIXTURE_MEASURES[1], version: 1 })
    })

    it('never shows a database id, at any depth of any catalogue response', async () => {
      const paths = [API, `${API}/test`, `${API}/test/sites`, `${API}/test/programmes`, HTN, `${HTN}/measures`, `${HTN}/measures/bp-control`]
      for (const path of paths) {
        const keys = [...keysDeep(await jsonOf(await get(path)))]
        expect(keys.filter((k) => /^id$|Id$|_id$/.test(k)), path).toEqual([])
      }
    })

    it('answers not_found, naming the code, for an unknown organisation, programme or measure', async () => {
      const cases: [string, string][] = [
        [`${API}/nope`, 'No organisation with code "nope".'],
        [`${API}/nope/sites`, 'No organisation with code "nope".'],
        [`${API}/nope/programmes`, 'No organisation with code "nope".'],
        [`${API}/nope/programmes/htn/measures`, 'No organisation with code "nope".'],
        [`${API}/test/programmes/copd`, 'No programme with code "copd".'],
        [`${API}/test/programmes/copd/measures`, 'No programme with code "copd".'],
        [`${HTN}/measures/bp-contrl`, 'No measure with code "bp-contrl".'],
      ]
      for (const [path, detail] of cases) expect((await problemOf(await get(path), 404, 'not_found')).detail, path).toBe(detail)
    })

    it('keeps organisations apart: each sees only its own sites and measures', async () => {
      const otherSites = (await jsonOf(await get(`${API}/other/sites`))) as { sites: { code: string }[] }
      expect(otherSites.sites.map((s) => s.code)).toEqual(['other', 'gamma'])
      const otherMeasures = (await jsonOf(await get(`${API}/other/programmes/htn/measures`))) as { measures: { code: string; name: string }[] }
      expect(otherMeasures.measures.map((m) => [m.code, m.name])).toEqual([
        ['bp-control', 'Other ICS blood pressure'],
        ['other-only', 'Only in Other ICS'],
      ])
      expect(await jsonOf(await get(`${API}/other/programmes/htn/measures/bp-control`))).toMatchObject({ name: 'Other ICS blood pressure', kind: 'proportion', target: null })
      expect(await jsonOf(await get(`${HTN}/measures/bp-control`))).toMatchObject({ name: 'Blood pressure controlled', target: 0.7 })
      await problemOf(await get(`${HTN}/measures/other-only`), 404, 'not_found')
      expect(await jsonOf(await get(`${API}/other/programmes/htn`))).toEqual({ code: 'htn', name: 'Other hypertension', aim: '' })
    })
  })
}
