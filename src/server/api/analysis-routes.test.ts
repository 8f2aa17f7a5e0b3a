/**
 * The analysis API and pages on the fixture programme (bp-control: alpha 50–53 of 100 a week, beta
 * 60–62 of 100, the whole organisation 110–114 of 200, 20 weeks from 2025-01-06): any chart type,
 * rebases and point notes with their audit entries, the funnel, the group comparison, the matrix.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { all, htmlOf, jsonOf, one, openTestServer, problemOf, textOf, uploadForm, type TestServer } from '../../../test/support/server.ts'
import { GroupComparisonSchema, MeasureChartSchema, SiteComparisonSchema, SummaryMatrixSchema } from '../../contract/analysis.ts'

const HTN = '/api/v1/organisations/test/programmes/htn'
const BP = `${HTN}/measures/bp-control`
const PAGE = '/organisations/test/programmes/htn/measures/bp-control'
const JSON_HEADERS = { 'content-type': 'application/json' }

for (const engine of enginesUnderTest()) {
  describe(`analysis routes on ${engine.engine}`, () => {
    let server: TestServer
    const chart = async (query: string) => MeasureChartSchema.parse(await jsonOf(await server.app.request(`${BP}/chart${query}`)))
    const lastAudit = () => server.store.db.selectFrom('audit_log').select(['action', 'target', 'payload']).orderBy('seq', 'desc').executeTakeFirstOrThrow()
    const putNote = (body: unknown) => server.app.request(`${BP}/notes`, { method: 'PUT', headers: JSON_HEADERS, body: JSON.stringify(body) })
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
    })
    afterAll(async () => {
      await server.close()
    })

    it('draws the measure’s default chart (XmR), lists the charts it can have and suggests one', async () => {
      const body = await chart('?site=alpha')
      expect(body.chart).toBe('xmr')
      expect(body.choices).toEqual(['p', 'pp', 'xmr', 'run'])
      expect(body.result.chart).toBe('xmr')
      expect(body.result.points).toHaveLength(20)
      expect(['p', 'pp', 'xmr', 'run']).toContain(body.recommendation.chart)
      expect(body.recommendation.reason.length).toBeGreaterThan(20)
    })

    it('draws a P chart: centre 0.515 (1,030 of 2,000) and limits 0.515 ± 3√(0.515 × 0.485 / 100)', async () => {
      const body = await chart('?site=alpha&chart=p')
      expect(body.result.chart).toBe('p')
      const first = body.result.points[0]!
      expect(first.centre).toBeCloseTo(0.515, 12)
      expect(first.upper).toBeCloseTo(0.515 + 3 * Math.sqrt((0.515 * 0.485) / 100), 12)
      expect(first.lower).toBeCloseTo(0.515 - 3 * Math.sqrt((0.515 * 0.485) / 100), 12)
      expect(first).toMatchObject({ numerator: 50, denominator: 100, value: 0.5 })
    })

    it('draws a run chart around the median (51.5) with its runs analysis', async () => {
      const body = await chart('?site=alpha&chart=run')
      expect(body.result.chart).toBe('run')
      expect(body.result.segments[0]!.centre).toBe(51.5 / 100)
      expect(body.result.points[0]!.upper).toBeNull()
      expect(body.result.segments[0]!.runs.useful).toBe(20)
    })

    it('freezes the limits on the first 12 points and applies a rule profile when asked', async () => {
      const frozen = await chart('?site=alpha&chart=p&baseline=12')
      // Weeks 0–11: three cycles of 50–53, so 618 of 1,200.
      expect(frozen.result.points[15]!.centre).toBeCloseTo(618 / 1200, 12)
      expect(frozen.result.segments[0]!.baselinePoints).toBe(12)
      expect((await chart('?site=alpha&profile=qic')).result.profile).toBe('qic')
      await problemOf(await server.app.request(`${BP}/chart?baseline=5`), 400, 'invalid_request')
      await problemOf(await server.app.request(`${BP}/chart?profile=shewhart`), 400, 'invalid_request')
      const page = await htmlOf(await server.app.request(`${PAGE}?baseline=5`), 400)
      expect(textOf(one(page, 'main'))).toContain('"5" is not a baseline')
    })

    it('refuses a chart the measure cannot have, or that does not exist, naming the ones it can', async () => {
      const wrong = await problemOf(await server.app.request(`${BP}/chart?chart=c`), 400, 'invalid_request')
      expect(wrong.detail).toContain('P chart, P′ chart (Laney), XmR chart, Run chart')
      await problemOf(await server.app.request(`${BP}/chart?chart=pie`), 400, 'invalid_request')
    })

    it('leaves a point out of one site’s limits with a reason, audited, and puts it back', async () => {
      expect((await putNote({ site: 'alpha', period: '2025-01-06', kind: 'exclusion', note: 'Clinic closed for a flood' })).status).toBe(204)
      const audited = await lastAudit()
      expect(audited.action).toBe('exclusion.set')
      expect(audited.target).toBe('organisation:test/programme:htn/measure:bp-control/site:alpha/exclusion:2025-01-06')
      const body = await chart('?site=alpha&chart=p')
      expect(body.result.points[0]!.excluded).toBe('Clinic closed for a flood')
      // 1,030 − 50 = 980 of 1,900.
      expect(body.result.points[1]!.centre).toBeCloseTo(980 / 1900, 12)
      expect(body.notes).toEqual([expect.objectContaining({ site: 'alpha', period: '2025-01-06', kind: 'exclusion', note: 'Clinic closed for a flood' })])
      // Beta's series is not touched.
      expect((await chart('?site=beta')).result.points.every((p) => p.excluded === null)).toBe(true)
      expect((await server.app.request(`${BP}/notes?site=alpha&period=2025-01-06&kind=exclusion`, { method: 'DELETE' })).status).toBe(204)
      expect((await lastAudit()).action).toBe('exclusion.delete')
      await problemOf(await server.app.request(`${BP}/notes?site=alpha&period=2025-01-06&kind=exclusion`, { method: 'DELETE' }), 404, 'not_found')
      expect((await chart('?site=alpha')).result.points[0]!.excluded).toBeNull()
    })

    it('refuses a note without text, on a period with no data, or with a date that is not a date', async () => {
      const empty = await problemOf(await putNote({ site: 'alpha', period: '2025-01-06', kind: 'annotation', note: '   ' }), 400, 'invalid_request')
      expect(empty.detail).toContain('Give a note')
      const missing = await problemOf(await putNote({ site: 'alpha', period: '2030-01-07', kind: 'annotation', note: 'later' }), 400, 'invalid_request')
      expect(missing.detail).toContain('no value for 2030-01-07')
      const bad = await problemOf(await putNote({ site: 'alpha', period: '2025-02-30', kind: 'annotation', note: 'x' }), 400, 'invalid_request')
      expect(bad.detail).toContain('"2025-02-30" is not a date')
      const long = await problemOf(await putNote({ site: 'alpha', period: '2025-01-06', kind: 'annotation', note: 'x'.repeat(501) }), 400, 'invalid_request')
      expect(long.detail).toContain('at most 500')
      await problemOf(await putNote({ site: 'nowhere', period: '2025-01-06', kind: 'annotation', note: 'x' }), 404, 'not_found')
    })

    it('rebases with a required reason (a new segment on every site’s chart), and removes the rebase', async () => {
      const post = (body: unknown) => server.app.request(`${BP}/rebases`, { method: 'POST', headers: JSON_HEADERS, body: JSON.stringify(body) })
      const noReason = await problemOf(await post({ date: '2025-03-03', reason: '' }), 400, 'invalid_request')
      expect(noReason.detail).toContain('Give a reason for the rebase')
      expect((await post({ date: '2025-03-03', reason: 'New clinic opened' })).status).toBe(204)
      expect((await lastAudit()).action).toBe('rebase.create')
      for (const site of ['alpha', 'beta']) {
        const body = await chart(`?site=${site}&chart=pp`)
        expect(body.result.segments.map((s) => [s.from, s.reason])).toEqual([
          ['2025-01-06', null],
          ['2025-03-03', 'New clinic opened'],
        ])
      }
      expect((await server.app.request(`${BP}/rebases/2025-03-03`, { method: 'DELETE' })).status).toBe(204)
      await problemOf(await server.app.request(`${BP}/rebases/2025-03-03`, { method: 'DELETE' }), 404, 'not_found')
      expect((await chart('?site=alpha')).result.segments).toHaveLength(1)
    })

    it('compares the practices on a funnel plot over the latest 13 weeks (sums checked by hand)', async () => {
      const body = SiteComparisonSchema.parse(await jsonOf(await server.app.request(`${BP}/funnel`)))
      expect(body.window).toEqual({ from: '2025-02-24', to: '2025-05-19', periods: 13, first: '2025-01-06', last: '2025-05-19' })
      // Weeks 7–19: alpha 50 + (i mod 4) → 650 + 21; beta 60 + (i mod 3) → 780 + 13. The network and the organisation are not units.
      const units = body.funnel!.units.map((u) => [u.unit, u.name, u.numerator, u.denominator, u.periods])
      expect(units.sort()).toEqual([
        ['alpha', 'Alpha Practice', 671, 1300, 13],
        ['beta', 'Beta Practice', 793, 1300, 13],
      ])
      expect(body.funnel!.target).toBeCloseTo((671 + 793) / 2600, 12)
      const chosen = SiteComparisonSchema.parse(await jsonOf(await server.app.request(`${BP}/funnel?from=2025-01-06&to=2025-01-27`)))
      expect(chosen.window.periods).toBe(4)
      expect(chosen.funnel!.units.find((u) => u.unit === 'alpha')!.numerator).toBe(50 + 51 + 52 + 53)
      await problemOf(await server.app.request(`${BP}/funnel?from=yesterday`), 400, 'invalid_request')
      await problemOf(await server.app.request(`${BP}/funnel?from=2025-05-01&to=2025-04-01`), 400, 'invalid_request')
      const count = SiteComparisonSchema.parse(await jsonOf(await server.app.request(`${HTN}/measures/monitors-lent/funnel`)))
      expect(count.funnel).toBeNull()
      expect(count.unavailable).toContain('a count')
    })

    it('compares rates with no events: the CQC method when one site has none, no funnel when no site has any', async () => {
      const upload = (rows: string[]) => server.app.request(`${HTN}/imports`, { method: 'POST', body: uploadForm('observations', 'falls.csv', ['measure,period,site,dimension,group,numerator,denominator,value', ...rows].join('\n') + '\n') })
      expect((await upload(['falls,2025-01-13,alpha,,,0,1000,', 'falls,2025-01-13,beta,,,0,1200,'])).status).toBe(200)
      const none = SiteComparisonSchema.parse(await jsonOf(await server.app.request(`${HTN}/measures/falls/funnel?from=2025-01-13&to=2025-01-13`)))
      expect(none.funnel).toBeNull()
      expect(none.unavailable).toBe('No site had any events between 2025-01-13 and 2025-01-13, so there is no rate to compare.')
      expect((await upload(['falls,2025-01-20,alpha,,,0,1000,', 'falls,2025-01-20,beta,,,4,1200,'])).status).toBe(200)
      const oneSite = SiteComparisonSchema.parse(await jsonOf(await server.app.request(`${HTN}/measures/falls/funnel?from=2025-01-20&to=2025-01-20`)))
      expect(oneSite.funnel?.units.map((u) => [u.unit, u.numerator]).sort()).toEqual([['alpha', 0], ['beta', 4]])
    })

    it('says why groups cannot be compared where only one group has data', async () => {
      const body = GroupComparisonSchema.parse(await jsonOf(await server.app.request(`${BP}/groups?site=alpha`)))
      expect(body.dimensions).toEqual(['imd_quintile'])
      expect(body.groups).toEqual([])
      expect(body.unavailable).toContain('Fewer than two groups')
      await problemOf(await server.app.request(`${BP}/groups?site=alpha&dimension=ethnicity`), 404, 'not_found')
    })

    it('gives the summary matrix: every measure for all people and each quintile', async () => {
      const body = SummaryMatrixSchema.parse(await jsonOf(await server.app.request(`${HTN}/summary`)))
      expect(body.groups).toEqual(['1', '2', '3', '4', '5'])
      const bp = body.measures.find((m) => m.measure === 'bp-control')!
      expect(bp.cells).toHaveLength(6)
      // The last week (i = 19) for the whole organisation: (110 + 4) / 200.
      expect(bp.cells[0]).toMatchObject({ group: null, latest: 0.57, period: '2025-05-19', stale: false })
      expect(bp.cells[1]).toEqual({ group: '1', latest: null, period: null, variation: null, assurance: null, stale: false, computedAt: null })
    })

    it('pages: chart choice, funnel table, group message, and a form that rebases and comes back', async () => {
      const run = await htmlOf(await server.app.request(`${PAGE}?site=alpha&chart=run`))
      expect(textOf(one(run, 'figcaption'))).toContain('Run chart')
      expect(one(run, '#chart option[selected]').getAttribute('value')).toBe('run')
      const sites = await htmlOf(await server.app.request(`${PAGE}/sites`))
      expect(all(sites, 'tbody th').map(textOf)).toEqual(['Beta Practice', 'Alpha Practice'])
      expect(one(sites, 'svg[role="img"]')).toBeTruthy()
      const groups = await htmlOf(await server.app.request(`${PAGE}/groups?site=alpha`))
      expect(textOf(one(groups, '.nhsuk-inset-text'))).toContain('Fewer than two groups')
      const form = new URLSearchParams({ date: '2025-03-03', reason: 'Form rebase', return: 'site=alpha&chart=p&evil=1' })
      const posted = await server.app.request(`${PAGE}/rebases`, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' }, redirect: 'manual' })
      expect(posted.status).toBe(303)
      expect(posted.headers.get('location')).toBe(`${PAGE}?site=alpha&chart=p&saved=rebase`)
      const after = await htmlOf(await server.app.request(posted.headers.get('location')!))
      expect(textOf(one(after, '[role="status"]'))).toContain('recalculated')
      expect(textOf(one(after, 'main'))).toContain('Form rebase')
      const refused = await server.app.request(`${PAGE}/rebases`, { method: 'POST', body: new URLSearchParams({ date: '2025-03-10', reason: '', return: 'site=alpha' }), headers: { 'content-type': 'application/x-www-form-urlencoded' } })
      const page = await htmlOf(refused, 400)
      expect(textOf(one(page, '.nhsuk-error-summary'))).toContain('Give a reason for the rebase')
      expect(one(page, 'details').hasAttribute('open')).toBe(true)
      expect(one(page, '#rebase-reason').getAttribute('aria-describedby')).toBe('rebase-reason-error')
      expect(textOf(one(page, '#rebase-reason-error'))).toContain('Give a reason for the rebase')
    })
  })
}
