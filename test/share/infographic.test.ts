/**
 * The infographic on the demo: its numbers checked against figures worked out here from the
 * existing app functions and the disclosure rule by hand; the page, the SVG and PNG downloads and
 * their audit entries.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getSeries } from '../../src/app/analyse/get-series.ts'
import { getProgrammeOverview } from '../../src/app/analyse/programme-overview.ts'
import { CLI_ACTOR } from '../../src/app/auth/audit.ts'
import { getProgrammeScope } from '../../src/app/catalogue.ts'
import { getAim } from '../../src/app/implement/aim.ts'
import { loopBoard } from '../../src/app/review/loop-board.ts'
import { getDisclosurePolicy, setDisclosurePolicy } from '../../src/app/share/disclosure-setting.ts'
import { findingInfographic, programmeInfographic } from '../../src/app/share/infographic.ts'
import { listProgrammeFindings } from '../../src/app/triangulate/findings.ts'
import { formatValue } from '../../src/charts/index.ts'
import { infographicSvg } from '../../src/charts/infographic.ts'
import type { InfographicInput } from '../../src/charts/infographic-text.ts'
import { pngSize } from '../../src/reports/svg-to-png.ts'
import type { SeriesRow } from '../../src/storage/observations.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { openTestServer, type TestServer } from '../support/server.ts'

const BASE = '/organisations/riverside/programmes/htn'
const reader = { actor: CLI_ACTOR, canReadText: true }

/** The NHS Digital rule by hand: 1 to 7 hidden, the rest rounded to the nearest 5. */
function nhsDigital(count: number): number | null {
  return count >= 1 && count <= 7 ? null : Math.round(count / 5) * 5
}

/** A proportion as published: from the rounded counts, null when either is hidden. */
function publishedPercent(row: SeriesRow): number | null {
  const n = nhsDigital(row.numerator!)
  const d = nhsDigital(row.denominator!)
  return n === null || d === null || d === 0 ? null : n / d
}

describe.each(enginesUnderTest())('infographic on the demo ($engine)', (engine) => {
  let server: TestServer
  let programme: InfographicInput
  beforeAll(async () => {
    server = await openTestServer(engine, { seed: 'demo' })
    programme = await programmeInfographic(server.deps, reader, 'riverside', 'htn')
  }, 240_000)
  afterAll(async () => server?.close())

  it('uses the default disclosure policy and prints its statement', async () => {
    const scope = await getProgrammeScope(server.deps, 'riverside', 'htn')
    const policy = await getDisclosurePolicy(server.deps, scope.organisation.id)
    expect(policy.id).toBe('nhs-digital')
    expect(programme.statement).toBe(policy.statement)
  })

  it('shows the aim and its measure’s latest published value and icons', async () => {
    const scope = await getProgrammeScope(server.deps, 'riverside', 'htn')
    const aim = await getAim(server.deps, scope)
    expect(programme.lead).toEqual({ heading: 'Our aim', text: aim.statement })
    // The icons are the programme overview's (the board's summary view) for the aim's measure.
    const overview = await getProgrammeOverview(server.deps, 'riverside', 'htn')
    const series = overview.measures.find((m) => m.measure.code === aim.measure!.code)!
    const latest = (await getSeries(server.deps, { organisation: 'riverside', programme: 'htn', measure: aim.measure!.code })).rows.at(-1)!
    expect(programme.headline).toMatchObject({ measure: series.measure.name, variation: series.variation, assurance: series.assurance, direction: series.measure.direction })
    expect(programme.headline!.value).toBe(formatValue(publishedPercent(latest)!, 'percent'))
  })

  it('shows the most deprived fifth at its first and latest week, from published counts, and the change in percentage points', async () => {
    const series = await getSeries(server.deps, { organisation: 'riverside', programme: 'htn', measure: 'bp-control', dimension: 'imd_quintile', group: '1' })
    const before = publishedPercent(series.rows[0]!)
    const after = publishedPercent(series.rows.at(-1)!)
    expect(before).not.toBeNull()
    expect(after).not.toBeNull()
    const group = programme.group!
    expect(group.before.value).toBe(formatValue(before!, 'percent'))
    expect(group.after.value).toBe(formatValue(after!, 'percent'))
    const points = Math.round((after! - before!) * 1000) / 10
    expect(group.change).toBe(`${points > 0 ? 'Up' : 'Down'} ${Math.abs(points).toFixed(1)} percentage points: ${points > 0 ? 'better' : 'worse'}`)
    expect(group.tone).toBe(points > 0 ? 'better' : 'worse')
  })

  it('lists the actions in progress with their verdicts in plain words', async () => {
    const scope = await getProgrammeScope(server.deps, 'riverside', 'htn')
    const board = await loopBoard(server.deps, scope)
    const doing = board.actions.filter((a) => a.status === 'in_progress' || a.status === 'adapted')
    expect(doing.length).toBeGreaterThan(0)
    expect(programme.actions).toEqual(doing.map((a) => ({ title: a.title, verdict: a.verdictLabel ?? 'Not reviewed yet' })))
  })

  it('quotes the newest comment of the strongest finding with a source large enough to quote, only for a reader allowed to read text', async () => {
    const scope = await getProgrammeScope(server.deps, 'riverside', 'htn')
    const policy = await getDisclosurePolicy(server.deps, scope.organisation.id)
    const findings = (await listProgrammeFindings(server.deps, scope)).filter((f) => f.current && f.status !== 'rejected').sort((a, b) => b.proposal.score - a.proposal.score || a.id - b.id)
    const sources = [['patients', 'A patient or carer'], ['community', 'A community member'], ['staff', 'A member of staff']] as const
    const quotable = findings.find((f) => sources.some(([s]) => f.proposal.excerpts[s].ids.length >= policy.threshold))!
    // The strongest finding of all has too few comments from any one source to quote under the policy.
    expect(quotable.id).not.toBe(findings[0]!.id)
    const [source, speaker] = sources.find(([s]) => quotable.proposal.excerpts[s].ids.length >= policy.threshold)!
    const newest = Math.max(...quotable.proposal.excerpts[source].ids)
    const excerpt = await server.store.db.selectFrom('excerpts').select('text').where('id', '=', newest).executeTakeFirstOrThrow()
    expect(programme.quote?.text).toBe(excerpt.text)
    expect(programme.quote?.source.startsWith(`${speaker}, `)).toBe(true)
    const withoutText = await programmeInfographic(server.deps, { actor: CLI_ACTOR, canReadText: false }, 'riverside', 'htn')
    expect(withoutText.quote).toBeNull()
  })

  it('makes a finding’s infographic from the finding’s statement and measure', async () => {
    const scope = await getProgrammeScope(server.deps, 'riverside', 'htn')
    const finding = (await listProgrammeFindings(server.deps, scope)).find((f) => f.proposal.focus.measure !== null)!
    const input = await findingInfographic(server.deps, reader, 'riverside', 'htn', finding.id)
    expect(input.lead).toEqual({ heading: 'What we found', text: finding.statement })
    const series = await getSeries(server.deps, { organisation: 'riverside', programme: 'htn', measure: finding.proposal.focus.measure! })
    expect(input.headline?.measure).toBe(series.measure.name)
  })

  it('shows the page with the picture, its words and the download links', async () => {
    const response = await server.app.request(`${BASE}/infographic`)
    expect(response.status).toBe(200)
    const html = await response.text()
    expect(html).toContain('role="img"')
    expect(html).toContain(`href="${BASE}/infographic.png"`)
    expect(html).toContain(`href="${BASE}/infographic.svg"`)
    expect(html).toContain('What the infographic says')
    expect(html).toContain(programme.group!.change)
  })

  it('downloads the SVG and a 1920 × 1080 PNG, each audited as an export', async () => {
    const svg = await server.app.request(`${BASE}/infographic.svg`)
    expect(svg.status).toBe(200)
    expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8')
    expect(svg.headers.get('content-disposition')).toBe('attachment; filename="htn-infographic.svg"')
    expect(await svg.text()).toBe(infographicSvg(programme))
    const png = await server.app.request(`${BASE}/infographic.png`)
    expect(png.status).toBe(200)
    expect(png.headers.get('content-type')).toBe('image/png')
    expect(pngSize(new Uint8Array(await png.arrayBuffer()))).toEqual({ width: 1920, height: 1080 })
    const entries = await server.store.db.selectFrom('audit_log').select(['action', 'target']).where('action', 'like', 'export.infographic%').orderBy('seq').execute()
    expect(entries).toEqual([
      { action: 'export.infographic_svg', target: `${BASE}/infographic.svg` },
      { action: 'export.infographic_png', target: `${BASE}/infographic.png` },
    ])
  })

  it('downloads a finding’s infographic, and refuses a finding that does not exist', async () => {
    const scope = await getProgrammeScope(server.deps, 'riverside', 'htn')
    const finding = (await listProgrammeFindings(server.deps, scope))[0]!
    const svg = await server.app.request(`${BASE}/findings/${finding.id}/infographic.svg`)
    expect(svg.status).toBe(200)
    expect(await svg.text()).toContain('WHAT WE FOUND')
    const png = await server.app.request(`${BASE}/findings/${finding.id}/infographic.png`)
    expect(pngSize(new Uint8Array(await png.arrayBuffer()))).toEqual({ width: 1920, height: 1080 })
    for (const bad of ['999999', 'abc']) {
      const missing = await server.app.request(`${BASE}/findings/${bad}/infographic.svg`)
      expect(missing.status, bad).toBe(404)
    }
  })

  // Last: it changes the organisation's policy.
  it('follows the organisation’s policy: under the FFT convention (counts of 5 or more exact) it shows the exact rates', async () => {
    await setDisclosurePolicy(server.deps, CLI_ACTOR, 'riverside', 'fft')
    const input = await programmeInfographic(server.deps, reader, 'riverside', 'htn')
    const scope = await getProgrammeScope(server.deps, 'riverside', 'htn')
    expect(input.statement).toBe((await getDisclosurePolicy(server.deps, scope.organisation.id)).statement)
    expect(input.statement).not.toBe(programme.statement)
    const series = await getSeries(server.deps, { organisation: 'riverside', programme: 'htn', measure: 'bp-control', dimension: 'imd_quintile', group: '1' })
    const exact = (row: SeriesRow) => formatValue(row.numerator! / row.denominator!, 'percent')
    expect(series.rows[0]!.numerator).toBeGreaterThanOrEqual(5)
    expect(input.group!.before.value).toBe(exact(series.rows[0]!))
    expect(input.group!.after.value).toBe(exact(series.rows.at(-1)!))
  })
})
