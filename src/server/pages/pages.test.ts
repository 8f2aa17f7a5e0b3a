// Server-rendered pages over the demo programme, read as a user would: headings, names, numbers, text alternatives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { all, htmlOf, jsonOf, one, openTestServer, textOf, type HtmlNode, type TestServer } from '../../../test/support/server.ts'
import { assuranceLabel, variationLabel } from '../../charts/index.ts'
import { GroupComparisonSchema, SiteComparisonSchema } from '../../contract/analysis.ts'
import type { Measure } from '../../core/model.ts'
import type { SpcResult } from '../../core/spc/types.ts'
import { formatCount, formatDate, formatValue } from './format.ts'

const RIVERSIDE = '/organisations/riverside/programmes/htn'
const API = '/api/v1/organisations/riverside/programmes/htn'
const EASTGATE_Q1 = 'site=eastgate&who=imd_quintile:1'
/** The demo's 78 weeks (src/demo/README.md). */
const WEEKS = 78

interface ApiSeries {
  readonly measure: Measure
  readonly rebases: readonly { date: string; reason: string }[]
  readonly spc: SpcResult
}

interface ApiObservation {
  readonly period: string
  readonly numerator: number | null
  readonly denominator: number | null
  readonly value: number
}

/** Headings in document order, as "h2 Title". */
function headings(document: HtmlNode): string[] {
  return all(document, 'h1, h2, h3, h4, h5, h6').map((h) => `${h.tagName.toLowerCase()} ${textOf(h)}`)
}

/** The text that `aria-labelledby` / `aria-describedby` on `node` point at. */
function referenced(document: HtmlNode, node: HtmlNode, attribute: 'aria-labelledby' | 'aria-describedby'): string {
  const ids = (node.getAttribute(attribute) ?? '').split(/\s+/).filter(Boolean)
  expect(ids.length, `${node.id} has ${attribute}`).toBeGreaterThan(0)
  return ids.map((id) => textOf(one(document, `#${id}`))).join(' ')
}

function expectUniqueIds(document: HtmlNode): void {
  const ids = all(document, '[id]').map((n) => n.id)
  expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
}

for (const engine of enginesUnderTest()) {
  describe(`pages over the demo on ${engine.engine}`, () => {
    let server: TestServer
    const page = async (path: string, status = 200) => htmlOf(await server.app.request(path), status)
    const apiSeries = async (measure: string, query = '') => (await jsonOf(await server.app.request(`${API}/measures/${measure}/series${query}`))) as ApiSeries
    const apiObservations = async (measure: string, query = '') =>
      ((await jsonOf(await server.app.request(`${API}/measures/${measure}/observations${query}`))) as { observations: ApiObservation[] }).observations
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'demo' })
    })
    afterAll(async () => {
      expect(server.logs, 'nothing unexpected was logged').toEqual([])
      await server.close()
    })

    it('the demo story on the compare pages: the deprivation gap narrows for real, and the funnel names one excellence and one concern', async () => {
      const groups = GroupComparisonSchema.parse(await jsonOf(await server.app.request(`${API}/measures/bp-control/groups`)))
      expect([groups.dimension, groups.reference, groups.gap?.comparison]).toEqual(['imd_quintile', '5', '1'])
      expect(groups.groups.map((g) => g.group)).toEqual(['5', '4', '3', '2', '1'])
      const gap = groups.gap!
      const early = gap.points.slice(0, 12).reduce((sum, p) => sum + p.value, 0) / 12
      const late = gap.points.slice(-12).reduce((sum, p) => sum + p.value, 0) / 12
      // About 12 points at the start, about 5 at the end (DEMO.md), quintile 1 below quintile 5.
      expect(early).toBeLessThan(-0.09)
      expect(late).toBeGreaterThan(-0.075)
      // The gap's own XmR chart sees the narrowing as special-cause improvement, not noise.
      expect(gap.spc.points.slice(-26).filter((p) => p.type === 'improvement').length).toBeGreaterThan(6)
      const document = await page(`${RIVERSIDE}/measures/bp-control/groups`)
      expect(headings(document)).toContain('h2 Is the gap between 1 (most deprived) and 5 (least deprived) narrowing?')
      expect(all(document, 'svg[role="img"]')).toHaveLength(2)

      const funnel = SiteComparisonSchema.parse(await jsonOf(await server.app.request(`${API}/measures/bp-control/funnel`)))
      const signals = funnel.funnel!.units.filter((u) => u.signal !== null).map((u) => [u.unit, u.signal])
      expect(signals.sort()).toEqual([
        ['eastgate', 'possible concern'],
        ['westbrook', 'possible excellence'],
      ])
      const sites = await page(`${RIVERSIDE}/measures/bp-control/sites`)
      expect(all(sites, 'tbody td').map(textOf)).toEqual(expect.arrayContaining(['Possible excellence', 'Possible concern']))
    })

    it('/ lists each organisation with its programmes, linked', async () => {
      const document = await page('/')
      expect(one(document, 'html').getAttribute('lang')).toBe('en-GB')
      expect(textOf(one(document, 'title'))).toBe('Improvement programmes – Learning Health System')
      expect(headings(document)).toEqual(['h1 Improvement programmes', 'h2 Northshore ICS', 'h3 Hypertension control', 'h2 Riverside Integrated Care System', 'h3 Hypertension: Find & Control'])
      expect(all(document, 'main h3 a').map((a) => [textOf(a), a.getAttribute('href')])).toEqual([
        ['Hypertension control', '/organisations/northshore/programmes/htn'],
        ['Hypertension: Find & Control', RIVERSIDE],
      ])
      expect(textOf(one(document, 'main'))).toContain('and halve the gap between the most and least deprived fifths')
      expect(textOf(one(document, 'a.nhsuk-skip-link'))).toBe('Skip to main content')
    })

    it('the programme overview shows every measure with its latest value, target, named icons and a described sparkline', async () => {
      const document = await page(RIVERSIDE)
      expect(textOf(one(document, 'main .nhsuk-caption-l'))).toBe('Riverside Integrated Care System')
      expect(headings(document)).toEqual(['h1 Hypertension: Find & Control', 'h2 Measures at a glance', 'h2 Summary matrix: by deprivation'])
      const measures = ((await jsonOf(await server.app.request(`${API}/measures`))) as { measures: Measure[] }).measures
      expect(measures.map((m) => m.code)).toEqual(['bp-control', 'bp-recorded', 'monitors-lent', 'community-referral', 'falls', 'gp-wait-days'])
      const rows = all(document, 'table.lhs-summary-table tbody tr')
      expect(rows).toHaveLength(6)
      for (const [i, measure] of measures.entries()) {
        const row = rows[i]!
        const { spc } = await apiSeries(measure.code)
        const last = spc.points.at(-1)!
        const cells = all(row, 'td .lhs-cell')
        expect(all(row, 'td a').map((a) => [textOf(a), a.getAttribute('href')])).toEqual([[measure.name, `${RIVERSIDE}/measures/${measure.code}`]])
        expect(textOf(cells[1]!)).toBe(`${formatValue(last.value, measure.kind, measure.unit)}week of ${formatDate(last.period)}`)
        expect(textOf(cells[2]!)).toBe(measure.target === null ? 'None' : formatValue(measure.target, measure.kind, measure.unit))
        const variation = one(row, `svg#v-${measure.code}[role="img"]`)
        expect(variation.getAttribute('aria-label')).toBe(variationLabel(spc.variation, spc.direction))
        expect(variation.getAttribute('aria-label')).toMatch(/^(Common cause variation|Special cause variation – (improvement|concern|neutral) \((higher|lower)\))$/)
        const assurance = one(row, `svg#a-${measure.code}[role="img"]`)
        expect(assurance.getAttribute('aria-label')).toBe(assuranceLabel(spc.assurance))
        expect(textOf(one(cells[3]!, 'span.lhs-block'))).toBe(variationLabel(spc.variation, spc.direction))
        expect(textOf(one(cells[4]!, 'span.lhs-block'))).toBe(measure.target === null ? 'No target set' : assuranceLabel(spc.assurance))
        const sparkline = one(row, `svg#s-${measure.code}[role="img"]`)
        expect(referenced(document, sparkline, 'aria-labelledby')).toBe(measure.name)
        expect(referenced(document, sparkline, 'aria-describedby')).toMatch(new RegExp(`: ${WEEKS} weekly values from week of 3 Mar 2025 to week of 24 Aug 2026\\.`))
      }
      expect(one(document, `a[href="${RIVERSIDE}/import"]`)).toBeTruthy()
      expectUniqueIds(document)
    })

    it('the overview of bp-control shows the demo story: below its 70% target, monitors lent improving', async () => {
      const document = await page(RIVERSIDE)
      expect(one(document, 'svg#a-bp-control').getAttribute('aria-label')).toMatch(/^Target (consistently not achieved|hit or miss)$/)
      expect(one(document, 'svg#v-monitors-lent').getAttribute('aria-label')).toBe('Special cause variation – improvement (higher)')
      expect(one(document, 'svg#v-falls').getAttribute('aria-label')).toBe('Common cause variation')
    })

    it('the measure page for a site and community group shows the caption, choices, reading, described chart and every number', async () => {
      const document = await page(`${RIVERSIDE}/measures/bp-control?${EASTGATE_Q1}`)
      const query = '?site=eastgate&dimension=imd_quintile&group=1'
      const [{ measure, spc, rebases }, observations] = await Promise.all([apiSeries('bp-control', query), apiObservations('bp-control', query)])
      const last = spc.points.at(-1)!
      const percent = (v: number) => formatValue(v, 'proportion')

      expect(textOf(one(document, 'title'))).toBe('Blood pressure controlled to target – Eastgate Medical Practice – Learning Health System')
      expect(textOf(one(document, 'main .nhsuk-caption-l'))).toBe('Eastgate Medical Practice · Deprivation quintile: 1 (most deprived)')
      expect(headings(document)).toEqual(['h1 Blood pressure controlled to target', 'h2 What the chart shows', 'h2 Limits recalculated', 'h3 Recalculate the limits from a date (rebase)', 'h3 Leave a point out of the limits (Eastgate Medical Practice)', 'h3 Add a note to a period (Eastgate Medical Practice)', 'h2 About this measure', 'h2 The numbers'])

      expect(one(document, '#site option[selected]').getAttribute('value')).toBe('eastgate')
      expect(all(document, '#site option').map((o) => o.getAttribute('value'))).toEqual(['', 'eastgate', 'northfield', 'westbrook', 'southmead', 'hillside', 'riverbank'])
      expect(one(document, '#who option[selected]').getAttribute('value')).toBe('imd_quintile:1')
      expect(all(document, '#who optgroup').map((g) => g.getAttribute('label'))).toEqual(expect.arrayContaining(['Deprivation quintile', 'Ethnic group', 'Sex', 'Age band']))

      const reading = all(document, '.lhs-reading p').map(textOf)
      expect(reading[0]).toBe(`The latest value for Blood pressure controlled to target is ${percent(last.value)} (week of ${formatDate(last.period)}).`)
      expect(reading[1]).toContain(`the average is ${percent(last.centre)} and values are expected to fall between ${percent(last.lower)} and ${percent(last.upper)} if nothing changes.`)
      expect(reading.at(-1)).toBe(`Variation: ${variationLabel(spc.variation, spc.direction)}. Assurance: ${assuranceLabel(spc.assurance)}.`)

      const chart = one(document, 'figure svg#main-chart[role="img"]')
      expect(referenced(document, chart, 'aria-labelledby')).toBe('Blood pressure controlled to target – Eastgate Medical Practice, deprivation quintile: 1 (most deprived)')
      const desc = referenced(document, chart, 'aria-describedby')
      expect(desc).toContain(`${WEEKS} weekly values from week of 3 Mar 2025 to week of 24 Aug 2026.`)
      expect(desc).toContain(`The latest value is ${percent(last.value)}`)
      expect(one(chart, 'desc').id).toBe('main-chart-desc')

      expect(rebases.map((r) => r.date)).toEqual(['2025-12-08'])
      expect(all(document, 'main h2 + ul li').map(textOf).some((text) => text.startsWith(`8 Dec 2025: ${rebases[0]!.reason} (recorded by demo)`))).toBe(true)
      const about = Object.fromEntries(all(document, '.nhsuk-summary-list__row').map((r) => [textOf(r.querySelector('dt')), textOf(r.querySelector('dd'))]))
      expect(about).toMatchObject({ Definition: measure.description, Target: '70.0%', 'Better is': 'Higher is better', Period: 'Every week' })

      expect(one(document, 'a[download]').getAttribute('href')).toBe(`${RIVERSIDE}/measures/bp-control/data.csv?site=eastgate&who=imd_quintile%3A1`)
      expect(textOf(one(document, 'table caption'))).toBe(`Blood pressure controlled to target: ${WEEKS} periods, newest first`)
      expect(all(document, 'table thead th').map(textOf)).toEqual(['Week starting', 'Numerator', 'Denominator', 'Value', 'Average', 'Lower limit', 'Upper limit', 'Signal', 'Left out of the limits'])
      const rows = all(document, 'table tbody tr').map((r) => all(r, 'td').map(textOf))
      expect(rows).toHaveLength(WEEKS)
      const newest = observations.at(-1)!
      expect(rows[0]).toEqual([formatDate(last.period), formatCount(newest.numerator), formatCount(newest.denominator), percent(last.value), percent(last.centre), percent(last.lower), percent(last.upper), '', '']) // no signal, not left out
      expect(rows.at(-1)?.[0]).toBe('3 Mar 2025')
      const signals = rows.filter((r) => r[7] !== '').length
      expect(signals).toBe(spc.points.filter((p) => p.rule !== null).length)
      expectUniqueIds(document)
    })

    it('the measure page reads ?dimension=&group= like ?who=, and shows the whole organisation and all people by default', async () => {
      const viaDimension = await page(`${RIVERSIDE}/measures/bp-control?site=eastgate&dimension=imd_quintile&group=1`)
      expect(textOf(one(viaDimension, 'main .nhsuk-caption-l'))).toBe('Eastgate Medical Practice · Deprivation quintile: 1 (most deprived)')
      const whole = await page(`${RIVERSIDE}/measures/monitors-lent`)
      expect(textOf(one(whole, 'main .nhsuk-caption-l'))).toBe('Riverside Integrated Care System · All people')
      expect(one(whole, '#site option[selected]').getAttribute('value')).toBe('')
      expect(one(whole, '#who option[selected]').getAttribute('value')).toBe('')
      expect(all(whole, 'table thead th').map(textOf)).toEqual(['Week starting', 'Value', 'Average', 'Lower limit', 'Upper limit', 'Signal', 'Left out of the limits'])
      expect(textOf(one(whole, '.lhs-reading p'))).toMatch(/^The latest value for Home blood-pressure monitors lent is [\d,]+ monitors \(week of 24 Aug 2026\)\.$/)
    })

    it('data.csv downloads the numbers and limits of the chosen series, one line per point', async () => {
      const response = await server.app.request(`${RIVERSIDE}/measures/bp-control/data.csv?${EASTGATE_Q1}`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="bp-control-eastgate-imd_quintile-1.csv"')
      const lines = (await response.text()).split('\r\n')
      expect(lines[0]).toBe('period,numerator,denominator,value,centre,lower,upper,rule,type')
      expect(lines.at(-1)).toBe('')
      const body = lines.slice(1, -1).map((l) => l.split(','))
      const query = '?site=eastgate&dimension=imd_quintile&group=1'
      const [{ spc }, observations] = await Promise.all([apiSeries('bp-control', query), apiObservations('bp-control', query)])
      expect(body).toHaveLength(spc.points.length)
      expect(body.map((f) => f.length)).toEqual(body.map(() => 9))
      expect(body.map((f) => [f[0], Number(f[1]), Number(f[2]), Number(f[3])])).toEqual(observations.map((o) => [o.period, o.numerator, o.denominator, o.value]))
      expect(body.map((f) => [Number(f[4]), Number(f[5]), Number(f[6]), f[7], f[8]])).toEqual(spc.points.map((p) => [p.centre, p.lower, p.upper, p.rule ?? '', p.type]))
    })

    it('data.csv of a count has empty numerator and denominator columns', async () => {
      const response = await server.app.request(`${RIVERSIDE}/measures/monitors-lent/data.csv`)
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="monitors-lent-riverside.csv"')
      const lines = (await response.text()).trim().split('\r\n')
      expect(lines).toHaveLength(WEEKS + 1)
      expect(lines[1]).toMatch(/^2025-03-03,,,\d+,/)
    })

    it('answers an unknown programme, measure or site with a 404 page, and a badly written group with a 400 page', async () => {
      for (const path of ['/organisations/nowhere/programmes/htn', '/organisations/riverside/programmes/copd', `${RIVERSIDE}/measures/bp-contrl`, `${RIVERSIDE}/measures/bp-control?site=omega`, `${RIVERSIDE}/measures/bp-control/data.csv?site=omega`]) {
        const response = await server.app.request(path)
        expect(response.status, path).toBe(404)
        expect(response.headers.get('content-type'), path).toMatch(/^text\/html/)
        expect(await response.text(), path).toContain('<h1>Page not found</h1>')
      }
      const measure = await server.app.request(`${RIVERSIDE}/measures/bp-contrl`)
      expect(await measure.text()).toContain('No measure with code &quot;bp-contrl&quot;.')
      for (const query of ['?group=1', '?who=imd_quintile']) {
        const response = await server.app.request(`${RIVERSIDE}/measures/bp-control${query}`)
        expect(response.status, query).toBe(400)
        expect(await response.text(), query).toContain('<h1>There is a problem with the request</h1>')
      }
    })

    it('keeps organisations apart: Northshore shows only its own measures and sites, and Riverside none of them', async () => {
      const document = await page('/organisations/northshore/programmes/htn')
      expect(all(document, 'table.lhs-summary-table tbody td a').map(textOf)).toEqual(['Blood pressure controlled to target', 'Blood pressure recorded in the last 12 months'])
      const measure = await page('/organisations/northshore/programmes/htn/measures/bp-control')
      expect(all(measure, '#site option').map((o) => o.getAttribute('value'))).toEqual(['', 'ns-harbour', 'ns-cliffside', 'ns-dunes'])
      expect((await server.app.request('/organisations/northshore/programmes/htn/measures/monitors-lent')).status).toBe(404)
      expect((await server.app.request(`${RIVERSIDE}/measures/bp-control?site=ns-harbour`)).status).toBe(404)
      expect((await server.app.request('/organisations/northshore/programmes/htn/measures/bp-control?site=eastgate')).status).toBe(404)
    })
  })
}
