/**
 * Briefings of the demo programme, through the routes: the figures they print agree with the
 * observations and theme counts read through the API, the shareable (external) version hides the
 * demo's small group and prints the organisation's policy, downloads are audited, quotes need
 * `read_text`, and the choosing page sends each choice to the right place.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { chromium, type Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI_ACTOR } from '../../src/app/auth/audit.ts'
import { addMember } from '../../src/app/auth/people.ts'
import { createToken } from '../../src/app/auth/tokens.ts'
import { getDisclosurePolicy } from '../../src/app/share/disclosure-setting.ts'
import { applyDisclosure, type DisclosurePolicy } from '../../src/core/disclosure/index.ts'
import { closePdfRenderer } from '../../src/reports/pdf.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { all, htmlOf, jsonOf, one, openTestServer, textOf, type HtmlNode, type TestServer } from '../support/server.ts'
import { withToken } from '../support/people.ts'
import { axeViolations, CHROMIUM, CHROMIUM_ARGS, skipBrowser } from '../support/browser.ts'

const PROGRAMME = '/organisations/riverside/programmes/htn'
const API = '/api/v1/organisations/riverside/programmes/htn'

interface Observation {
  readonly period: string
  readonly numerator: number | null
  readonly denominator: number | null
  readonly value: number
}

/** The text of a PDF response, laid out as on the page (poppler's pdftotext). */
async function pdfText(response: Response): Promise<string> {
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toBe('application/pdf')
  expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="htn-[a-z]+-briefing-(internal|external)-\d{4}-\d{2}-\d{2}\.pdf"$/)
  const folder = mkdtempSync(join(tmpdir(), 'lhs-briefing-'))
  try {
    const file = join(folder, 'briefing.pdf')
    writeFileSync(file, new Uint8Array(await response.arrayBuffer()))
    const result = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' })
    expect(result.status, result.stderr).toBe(0)
    return result.stdout
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

/** Text with every run of white space made one space (pdftotext wraps long lines). */
function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim()
}

/** The cells of the "who we reach" table: practice name → column → text. */
function reachTable(page: HtmlNode): Map<string, Map<string, string>> {
  const table = all(page, 'table').find((t) => textOf(t.querySelector('caption')).includes('by ethnic group at each practice'))
  expect(table, 'the table of the headline measure by ethnic group at each practice').toBeDefined()
  const columns = all(table!, 'thead th').map(textOf)
  return new Map(all(table!, 'tbody tr').map((row) => [textOf(row.querySelector('th')), new Map(all(row, 'td').map((cell, i) => [columns[i + 1] ?? '', textOf(cell)]))]))
}

for (const engine of enginesUnderTest()) {
  describe(`briefings of the demo (${engine.engine})`, () => {
    let server: TestServer
    let policy: DisclosurePolicy
    let viewerToken: string
    const observations = async (measure: string, query = ''): Promise<Observation[]> => ((await jsonOf(await server.app.request(`${API}/measures/${measure}/observations${query}`))) as { observations: Observation[] }).observations
    const practices = async (): Promise<{ code: string; name: string; kind: string }[]> => ((await jsonOf(await server.app.request('/api/v1/organisations/riverside/sites'))) as { sites: { code: string; name: string; kind: string }[] }).sites.filter((s) => s.kind === 'practice')

    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'demo' })
      const riverside = await server.store.db.selectFrom('organisations').select('id').where('code', '=', 'riverside').executeTakeFirstOrThrow()
      policy = await getDisclosurePolicy(server.deps, riverside.id)
      await addMember(server.deps, CLI_ACTOR, { email: 'viewer@riverside.example', organisation: 'riverside', role: 'viewer' })
      viewerToken = (await createToken(server.deps, CLI_ACTOR, 'viewer@riverside.example', 'test')).token
    }, 240_000)

    afterAll(async () => {
      await server?.close()
    })

    it('prints the headline measure’s latest value for all people, as the observations API has it', async () => {
      const page = await htmlOf(await server.app.request(`${PROGRAMME}/briefings/board`))
      const latest = (await observations('bp-control')).at(-1)!
      const headline = all(page, 'table').find((t) => textOf(t.querySelector('caption')).startsWith('Every measure'))!
      const row = all(headline, 'tbody tr').find((r) => textOf(r.querySelector('th')) === 'Blood pressure controlled to target')!
      expect(all(row, 'td').map(textOf)).toContain(`${(latest.value * 100).toFixed(1)}%`)
      expect(textOf(one(page, '.disclosure'))).toContain('Internal use only')
    })

    it('shows each practice’s groups exactly inside, and "*" outside wherever the demo has fewer people than the policy allows', async () => {
      const inside = reachTable(await htmlOf(await server.app.request(`${PROGRAMME}/briefings/board`)))
      const outside = reachTable(await htmlOf(await server.app.request(`${PROGRAMME}/briefings/board?audience=external`)))
      const latest = (await observations('bp-control')).at(-1)!.period
      let small = 0
      for (const practice of await practices()) {
        for (const [group, text] of inside.get(practice.name) ?? new Map<string, string>()) {
          if (group === 'All groups') continue
          const row = (await observations('bp-control', `?site=${practice.code}&dimension=ethnicity&group=${encodeURIComponent(group)}`)).find((o) => o.period === latest)!
          expect(text).toBe(`${row.numerator!.toLocaleString('en-GB')} of ${row.denominator!.toLocaleString('en-GB')} (${Math.round((row.numerator! / row.denominator!) * 100)}%)`)
          if (row.denominator! < policy.threshold) {
            small += 1
            expect(outside.get(practice.name)?.get(group), `${practice.name}, ${group}: ${row.denominator} people`).toBe('*')
          }
        }
      }
      expect(small, 'the demo has at least one group smaller than the threshold at one practice').toBeGreaterThan(0)
    })

    it('prints the organisation’s policy on the shareable version, at the top and at the end', async () => {
      const page = await htmlOf(await server.app.request(`${PROGRAMME}/briefings/board?audience=external`))
      expect(textOf(one(page, '.disclosure'))).toContain(policy.statement)
      expect(textOf(one(page, 'footer.colophon'))).toContain(policy.statement)
      expect(textOf(one(page, '.disclosure'))).not.toContain('Internal use only')
    })

    it('counts what people told us by theme as the theme matrix does, rounded by the policy outside', async () => {
      const matrix = (await jsonOf(await server.app.request(`${API}/themes/matrix?by=source`))) as { columns: { key: string }[]; rows: { name: string; depth: number; cells: { excerpts: number }[] }[] }
      const voice = matrix.columns.flatMap((c, i) => (['patient', 'carer', 'community'].includes(c.key) ? [i] : []))
      const counts = matrix.rows.filter((r) => r.depth === 0).map((r) => ({ name: r.name, count: voice.reduce((s, i) => s + (r.cells[i]?.excerpts ?? 0), 0) }))
      const top = counts.sort((a, b) => b.count - a.count)[0]!
      const rowOf = async (q: string) => {
        const page = await htmlOf(await server.app.request(`${PROGRAMME}/briefings/community${q}`))
        expect(one(page, 'body').getAttribute('class')).toBe('plain')
        return all(page, 'tbody tr').find((r) => textOf(r.querySelector('th')) === top.name)
      }
      expect(textOf((await rowOf(''))!.querySelector('td'))).toBe(top.count.toLocaleString('en-GB'))
      const published = applyDisclosure(policy, [{ id: 'theme', value: top.count }]).get('theme')!
      expect(textOf((await rowOf('?audience=external'))!.querySelector('td'))).toBe(published.value === null ? '*' : published.value.toLocaleString('en-GB'))
    })

    it('leaves quotes out for a reader who may not read what people said', async () => {
      const asAdmin = await htmlOf(await server.app.request(`${PROGRAMME}/briefings/board`))
      const asViewer = await htmlOf(await server.rawApp.request(`${PROGRAMME}/briefings/board`, withToken(undefined, viewerToken)))
      expect(all(asAdmin, 'figure.quote').length).toBeGreaterThan(0)
      expect(all(asViewer, 'figure.quote')).toHaveLength(0)
      expect(textOf(one(asViewer, 'main'))).toContain('Quotes are left out')
    })

    it('makes the meeting pack and a finding’s briefing, and refuses ones that do not exist', async () => {
      const meeting = await server.store.db.selectFrom('meetings').select(['id', 'title']).orderBy('id').executeTakeFirstOrThrow()
      const pack = await htmlOf(await server.app.request(`${PROGRAMME}/meetings/${meeting.id}/briefing`))
      expect(textOf(one(pack, 'h1'))).toBe(`Meeting pack: ${meeting.title}`)
      const decided = await server.store.db.selectFrom('decisions').select('id').where('meeting_id', '=', meeting.id).execute()
      expect(all(pack, 'caption').filter((c) => textOf(c).startsWith('Decision: '))).toHaveLength(decided.length)
      const findings = (await jsonOf(await server.app.request(`${API}/findings`))) as { findings: { id: number; statement: string; reasons: string[] }[] }
      const finding = findings.findings[0]!
      const inside = await htmlOf(await server.app.request(`${PROGRAMME}/findings/${finding.id}/briefing`))
      expect(textOf(one(inside, 'h1'))).toBe(`Finding briefing: ${finding.statement}`)
      expect(all(inside, 'main li').map(textOf)).toEqual(expect.arrayContaining(finding.reasons))
      // The reasons give exact excerpt counts, small ones too, so the shareable version leaves them out.
      const outside = await htmlOf(await server.app.request(`${PROGRAMME}/findings/${finding.id}/briefing?audience=external`))
      expect(all(outside, 'main li').map(textOf).filter((text) => finding.reasons.includes(text))).toEqual([])
      expect(textOf(one(outside, 'main'))).toContain('left out of the shareable version')
      expect((await server.app.request(`${PROGRAMME}/meetings/99999/briefing`)).status).toBe(404)
      expect((await server.app.request(`${PROGRAMME}/findings/nope/briefing`)).status).toBe(404)
    })

    it('refuses an audience that is neither internal nor external, naming it', async () => {
      const page = await htmlOf(await server.app.request(`${PROGRAMME}/briefings/board?audience=everyone`), 400)
      expect(textOf(one(page, 'main'))).toContain('"everyone" is not an audience (expected internal or external).')
      expect((await server.app.request(`${PROGRAMME}/briefings/board.pdf?audience=everyone`)).status).toBe(400)
    })

    describe.skipIf(skipBrowser)('as PDF, read back with pdftotext, and in the browser', () => {
      let browser: Browser

      beforeAll(async () => {
        browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS })
      }, 60_000)

      afterAll(async () => {
        await Promise.all([browser?.close(), closePdfRenderer()])
      })

      it('prints the right figures in the board briefing’s PDF, with "*" and the policy in the shareable one, and audits each download', async () => {
        const latest = (await observations('bp-control')).at(-1)!
        const riverbank = (await practices()).find((p) => p.code === 'riverbank')!
        const other = (await observations('bp-control', '?site=riverbank&dimension=ethnicity&group=Other')).find((o) => o.period === latest.period)!
        const inside = await pdfText(await server.app.request(`${PROGRAMME}/briefings/board.pdf`))
        expect(inside).toContain(`${(latest.value * 100).toFixed(1)}%`)
        expect(inside).toContain(`${other.numerator} of ${other.denominator}`)
        expect(inside).toContain('Internal use only')
        const outside = await pdfText(await server.app.request(`${PROGRAMME}/briefings/board.pdf?audience=external`))
        expect(squash(outside)).toContain(squash(policy.statement))
        const riverbankLine = outside.split('\n').find((line) => line.trim().startsWith(riverbank.name.split(' ')[0]!))
        expect(riverbankLine, 'the Riverbank row of the table by ethnic group').toMatch(/\*/)
        expect(outside).not.toContain(`${other.numerator} of ${other.denominator}`)
        const audits = await server.store.db.selectFrom('audit_log').select(['target', 'payload', 'actor']).where('action', '=', 'export.briefing_pdf').orderBy('seq').execute()
        expect(audits.every((a) => a.actor === 'admin@riverside.example')).toBe(true)
        expect(audits.map((a) => [a.target, (JSON.parse(a.payload) as { after: { audience: string } }).after.audience])).toEqual([
          ['organisation:riverside/programme:htn/briefing:board', 'internal'],
          ['organisation:riverside/programme:htn/briefing:board', 'external'],
        ])
      }, 60_000)

      it('prints the community briefing’s theme counts in its PDF', async () => {
        const page = await htmlOf(await server.app.request(`${PROGRAMME}/briefings/community`))
        const first = all(page, 'tbody tr')[0]!
        const text = await pdfText(await server.app.request(`${PROGRAMME}/briefings/community.pdf`))
        expect(squash(text)).toContain(squash(`${textOf(first.querySelector('th'))} ${textOf(first.querySelector('td'))}`))
        expect(text).toContain('What you told us')
      }, 60_000)

      it('downloads a Word file of the same briefing with the right figures, and "*" and the policy in the shareable one', async () => {
        const wordText = async (path: string) => {
          const response = await server.app.request(path)
          expect(response.status).toBe(200)
          expect(response.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
          const zip = await JSZip.loadAsync(new Uint8Array(await response.arrayBuffer()))
          const xml = (await zip.file('word/document.xml')?.async('string')) ?? ''
          return { xml, text: squash(xml.replace(/<[^>]+>/g, ' ').replace(/&amp;/g, '&')) }
        }
        const latest = (await observations('bp-control')).at(-1)!
        const other = (await observations('bp-control', '?site=riverbank&dimension=ethnicity&group=Other')).find((o) => o.period === latest.period)!
        const inside = await wordText(`${PROGRAMME}/briefings/board.docx`)
        expect(inside.text).toContain(`${(latest.value * 100).toFixed(1)}%`)
        expect(inside.text).toContain(`${other.numerator} of ${other.denominator}`)
        const outside = await wordText(`${PROGRAMME}/briefings/board.docx?audience=external`)
        expect(outside.xml).toContain(policy.statement)
        expect(outside.text).not.toContain(`${other.numerator} of ${other.denominator}`)
        expect(outside.xml).toMatch(/<w:t[^>]*>\*<\/w:t>/)
      }, 60_000)

      it.each(['board', 'community', 'board?audience=external'])('the %s web page passes axe (WCAG 2.2 A and AA)', async (path) => {
        const html = await (await server.app.request(`${PROGRAMME}/briefings/${path}`)).text()
        const page = await browser.newPage()
        try {
          await page.setContent(html)
          expect(await axeViolations(page)).toEqual([])
        } finally {
          await page.close()
        }
      }, 60_000)
    })

    it('offers every briefing on the choosing page and sends a choice to its address', async () => {
      const page = await htmlOf(await server.app.request(`${PROGRAMME}/briefings`))
      const kinds = all(page, 'input[name="kind"]').map((i) => i.getAttribute('value'))
      expect(kinds).toEqual(expect.arrayContaining(['board', 'community', 'meeting-1']))
      const chosen = await server.app.request(`${PROGRAMME}/briefings?kind=community&audience=external&format=pdf`)
      expect(chosen.status).toBe(303)
      expect(chosen.headers.get('location')).toBe(`${PROGRAMME}/briefings/community.pdf?audience=external`)
      const meeting = await server.app.request(`${PROGRAMME}/briefings?kind=meeting-1&audience=internal&format=html`)
      expect(meeting.headers.get('location')).toBe(`${PROGRAMME}/meetings/1/briefing`)
    })

    it('shows what is wrong with a choice instead of guessing', async () => {
      const page = await htmlOf(await server.app.request(`${PROGRAMME}/briefings?kind=meeting-999&audience=internal&format=rtf`), 400)
      const problems = all(page, '.nhsuk-error-summary__list a').map((a) => [a.getAttribute('href'), textOf(a)])
      expect(problems).toEqual([
        ['#kind', 'Choose which briefing to make (got "meeting-999").'],
        ['#format', 'Choose a web page, PDF or Word (got "rtf").'],
      ])
    })
  })
}
