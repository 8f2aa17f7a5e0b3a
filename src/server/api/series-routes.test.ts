import { z } from '@hono/zod-openapi'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { monday } from '../../../test/support/fixture.ts'
import { FIXTURE_WEEKS, jsonOf, keysDeep, openTestServer, problemOf, type TestServer } from '../../../test/support/server.ts'
import { MeasureSchema, ObservationSchema, SiteSchema } from '../../contract/catalogue.ts'
import { SpcResultSchema } from '../../contract/spc.ts'

const HTN = '/api/v1/organisations/test/programmes/htn'
const BP = `${HTN}/measures/bp-control`

const ObservationsBody = z.object({ observations: z.array(ObservationSchema.strict()) }).strict()
const SeriesBody = z
  .object({
    measure: MeasureSchema.strict(),
    site: SiteSchema.strict(),
    dimension: z.string().nullable(),
    group: z.string().nullable(),
    rebases: z.array(z.object({ date: z.string(), reason: z.string(), createdBy: z.string() })),
    spc: SpcResultSchema,
  })
  .strict()

const weeks = Array.from({ length: FIXTURE_WEEKS }, (_, i) => monday(i))

for (const engine of enginesUnderTest()) {
  describe(`observation and series routes on ${engine.engine}`, () => {
    let server: TestServer
    /** Requests to organisation `other` go as its administrator; the rest as `test`'s. */
    const get = (path: string) => (path.includes('/organisations/other') ? server.requestAs('other_admin', path) : server.app.request(path))
    const series = async (query: string) => SeriesBody.parse(await jsonOf(await get(`${BP}/series${query}`)))
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
    })
    afterAll(async () => {
      await server.close()
    })

    it('lists the observations of a site, oldest first', async () => {
      const body = ObservationsBody.parse(await jsonOf(await get(`${BP}/observations?site=alpha`)))
      expect(body.observations).toHaveLength(FIXTURE_WEEKS)
      expect(body.observations.slice(0, 5)).toEqual([
        { period: '2025-01-06', numerator: 50, denominator: 100, value: 0.5 },
        { period: '2025-01-13', numerator: 51, denominator: 100, value: 0.51 },
        { period: '2025-01-20', numerator: 52, denominator: 100, value: 0.52 },
        { period: '2025-01-27', numerator: 53, denominator: 100, value: 0.53 },
        { period: '2025-02-03', numerator: 50, denominator: 100, value: 0.5 },
      ])
      expect(body.observations.map((o) => o.period)).toEqual(weeks)
    })

    it('lists the whole organisation without a site, and a community group with dimension and group', async () => {
      const whole = ObservationsBody.parse(await jsonOf(await get(`${BP}/observations`)))
      expect(whole.observations[0]).toEqual({ period: '2025-01-06', numerator: 110, denominator: 200, value: 0.55 })
      const group = ObservationsBody.parse(await jsonOf(await get(`${BP}/observations?site=alpha&dimension=imd_quintile&group=1`)))
      expect(group.observations.slice(0, 2)).toEqual([
        { period: '2025-01-06', numerator: 20, denominator: 40, value: 0.5 },
        { period: '2025-01-13', numerator: 21, denominator: 40, value: 0.525 },
      ])
      expect(group.observations).toHaveLength(FIXTURE_WEEKS)
    })

    it('analyses a community group at a site: one segment, hand-checked XmR limits, every point, variation and assurance', async () => {
      const body = await series('?site=alpha&dimension=imd_quintile&group=1')
      expect(body).toMatchObject({ measure: { code: 'bp-control', target: 0.7 }, site: { code: 'alpha', name: 'Alpha Practice', kind: 'practice', parent: 'north' }, dimension: 'imd_quintile', group: '1', rebases: [] })
      const { spc } = body
      expect(spc).toMatchObject({ chart: 'xmr', profile: 'mdc', direction: 'increase', target: 0.7, variation: 'common_cause', assurance: 'fail', issues: [] })
      // Values alternate 0.5, 0.525: mean 0.5125, every moving range 0.025, limits mean ± 2.66 × 0.025.
      expect(spc.segments).toHaveLength(1)
      const segment = spc.segments[0]!
      expect(segment).toMatchObject({ from: monday(0), to: monday(FIXTURE_WEEKS - 1), reason: null, baselinePoints: FIXTURE_WEEKS, trialLimits: false })
      expect(segment.centre).toBeCloseTo(0.5125, 12)
      expect(segment.upper).toBeCloseTo(0.5125 + 2.66 * 0.025, 12)
      expect(segment.lower).toBeCloseTo(0.5125 - 2.66 * 0.025, 12)
      expect(spc.points.map((p) => [p.period, p.value, p.segment, p.rule, p.type])).toEqual(weeks.map((period, i) => [period, i % 2 === 0 ? 0.5 : 0.525, 0, null, 'common_cause']))
    })

    it('analyses a site for all people: limits from the average moving range', async () => {
      const body = await series('?site=alpha')
      expect(body).toMatchObject({ site: { code: 'alpha' }, dimension: null, group: null })
      // 0.50, 0.51, 0.52, 0.53 repeated: moving ranges fifteen of 0.01 and four of 0.03, average 0.27 / 19.
      const segment = body.spc.segments[0]!
      expect(segment.centre).toBeCloseTo(0.515, 12)
      expect(segment.upper).toBeCloseTo(0.515 + (2.66 * 0.27) / 19, 12)
      expect(body.spc.points).toHaveLength(FIXTURE_WEEKS)
    })

    it('analyses the whole organisation when no site is given, and echoes the profile asked for', async () => {
      const whole = await series('')
      expect(whole.site).toEqual({ code: 'test', name: 'Test ICS', kind: 'system', parent: null })
      expect(whole.spc.points[0]).toMatchObject({ period: '2025-01-06', value: 0.55 })
      for (const profile of ['mdc', 'mdc_excel', 'mdc2023', 'qic'] as const) {
        expect((await series(`?site=beta&profile=${profile}`)).spc.profile).toBe(profile)
      }
    })

    it('answers a series without data with no points, no variation and no assurance', async () => {
      const body = await series('?site=beta&dimension=imd_quintile&group=5')
      expect(body.spc).toMatchObject({ points: [], variation: null, assurance: null })
      const none = ObservationsBody.parse(await jsonOf(await get(`${HTN}/measures/monitors-lent/observations?site=alpha`)))
      expect(none.observations).toEqual([])
    })

    it('never shows a database id in observations or series', async () => {
      for (const path of [`${BP}/observations?site=alpha`, `${BP}/series?site=alpha`]) {
        expect([...keysDeep(await jsonOf(await get(path)))].filter((k) => /^id$|Id$|_id$/.test(k)), path).toEqual([])
      }
    })

    it('answers invalid_request for a dimension without a group, a group without a dimension, or an unknown profile', async () => {
      for (const query of ['?dimension=imd_quintile', '?group=1', '?site=alpha&dimension=imd_quintile&group=']) {
        for (const route of ['series', 'observations']) {
          const body = await problemOf(await get(`${BP}/${route}${query}`), 400, 'invalid_request')
          expect(body.detail, `${route}${query}`).toContain('Give both dimension and group')
        }
      }
      const profile = await problemOf(await get(`${BP}/series?profile=shewhart`), 400, 'invalid_request')
      expect(profile.issues).toEqual([expect.objectContaining({ severity: 'error', column: 'profile', message: expect.stringContaining('mdc') })])
    })

    it('answers not_found for an unknown organisation, programme, measure or site', async () => {
      const cases: [string, string][] = [
        ['/api/v1/organisations/nope/programmes/htn/measures/bp-control/series', 'No organisation with code "nope".'],
        ['/api/v1/organisations/test/programmes/copd/measures/bp-control/series', 'No programme with code "copd".'],
        [`${HTN}/measures/bp-contrl/series`, 'No measure with code "bp-contrl".'],
        [`${BP}/series?site=omega`, 'No site with code "omega" in Test ICS.'],
        [`${BP}/observations?site=omega`, 'No site with code "omega" in Test ICS.'],
      ]
      for (const [path, detail] of cases) expect((await problemOf(await get(path), 404, 'not_found')).detail, path).toBe(detail)
    })

    it('keeps organisations apart: sites, measures and values of one are never reachable under the other', async () => {
      await problemOf(await get(`${BP}/series?site=gamma`), 404, 'not_found')
      await problemOf(await get(`${HTN}/measures/other-only/observations`), 404, 'not_found')
      const other = '/api/v1/organisations/other/programmes/htn/measures/bp-control'
      await problemOf(await get(`${other}/series?site=alpha`), 404, 'not_found')
      const gamma = ObservationsBody.parse(await jsonOf(await get(`${other}/observations?site=gamma`)))
      expect(gamma.observations.map((o) => o.numerator)).toEqual([90, 91, 92, 93, 94, 95, 96, 97, 98, 99])
      const otherSeries = SeriesBody.parse(await jsonOf(await get(`${other}/series?site=gamma`)))
      expect(otherSeries.measure.name).toBe('Other ICS blood pressure')
      expect(otherSeries.spc.points.map((p) => p.value)).toEqual(gamma.observations.map((o) => o.value))
      const otherWhole = ObservationsBody.parse(await jsonOf(await get(`${other}/observations`)))
      expect(otherWhole.observations).toEqual([])
    })
  })
}
