// The audit trail page and its CSV download: an administrator's own organisation only, the search
// form, 100 entries a page, spreadsheet-safe CSV, and the download written to the trail itself.
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { all, htmlOf, one, openTestServer, textOf, type HtmlNode, type TestServer } from '../../../test/support/server.ts'
import { can, ROLES } from '../../core/access.ts'
import { appendAudit, type AuditEntry } from '../../storage/audit-log.ts'
import { findOrganisation } from '../../storage/organisations.ts'

const PAGE = '/organisations/test/audit'
const CSV = '/organisations/test/audit.csv'

/** The results table as rows of cell texts. */
function rowsOf(document: HtmlNode): string[][] {
  return all(document, '#entries tbody tr').map((row) => all(row, 'td').map(textOf))
}

for (const engine of enginesUnderTest()) {
  describe(`the audit trail page on ${engine.engine}`, () => {
    let server: TestServer
    let test: number
    let other: number
    const add = (organisationId: number, day: string, actor: string, action: string, more: Partial<AuditEntry> = {}) =>
      appendAudit(server.store.db, { organisationId, at: new Date(`${day}T10:30:00Z`), actor, action, target: `organisation:x/${action}`, address: '198.51.100.7', ...more })
    const seqsIn = async (organisationId: number) => (await server.store.db.selectFrom('audit_log').select('seq').where('organisation_id', '=', organisationId).orderBy('seq', 'desc').execute()).map((r) => String(r.seq))
    const exportsRecorded = () => server.store.db.selectFrom('audit_log').selectAll().where('action', '=', 'export.audit_csv').orderBy('seq', 'desc').execute()

    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
      test = (await findOrganisation(server.store.db, 'test'))!.id
      other = (await findOrganisation(server.store.db, 'other'))!.id
      await add(test, '2025-05-01', 'ann@test.example', 'import.observations', { after: { inserted: 3 } })
      await add(other, '2025-05-02', 'ann@test.example', 'import.observations', { target: 'organisation:other/secret' })
      await add(test, '2025-05-03', 'ann@test.example', 'measure.update', { before: { target: 0.7, name: 'BP <b>' }, after: { target: 0.8, name: 'BP <b>' } })
      await add(test, '2025-05-04', '=cmd|calc', 'formula.test', { target: '+SUM(A1:A2)', address: '-1', after: { note: '@here, "quoted"' } })
    })
    afterAll(async () => {
      expect(server.logs, 'nothing unexpected was logged').toEqual([])
      await server?.close()
    })

    it("shows test's administrator a labelled GET search form and test's entries only, newest first", async () => {
      const document = await htmlOf(await server.app.request(PAGE))
      expect(textOf(one(document, 'title'))).toBe('Audit trail – Test ICS – Learning Health System')
      expect(textOf(one(document, 'main h1'))).toBe('Audit trail')
      const form = one(document, 'main form')
      expect([form.getAttribute('method'), form.getAttribute('action')]).toEqual(['get', PAGE])
      const inputs = all(form, 'input')
      expect(inputs.map((i) => [i.getAttribute('name'), textOf(one(document, `label[for="${i.id}"]`))])).toEqual([
        ['person', 'Person'],
        ['action', 'Action starts with'],
        ['from', 'From'],
        ['to', 'To'],
      ])
      for (const input of inputs) expect(document.querySelector(`#${input.getAttribute('aria-describedby')}`), input.id).not.toBeNull()
      expect(textOf(one(document, '#entries caption'))).toMatch(/^Audit trail of Test ICS: \d+ entries, newest first$/)
      expect(all(document, '#entries thead th').map(textOf)).toEqual(['Entry', 'When (UTC)', 'Person', 'Action', 'Target', 'Address', 'Change'])
      const rows = rowsOf(document)
      expect(rows.map((r) => r[0])).toEqual(await seqsIn(test))
      expect(rows.flat().join(' ')).not.toContain('organisation:other/secret')
      expect(document.querySelector('.nhsuk-error-summary')).toBeNull()
      expect(document.querySelector('.nhsuk-pagination')).toBeNull()
    })

    it('shows before and after as compact JSON in a details element, escaped', async () => {
      const document = await htmlOf(await server.app.request(`${PAGE}?action=measure.`))
      const rows = rowsOf(document)
      expect(rows.map((r) => r.slice(1, 6))).toEqual([['2025-05-03 10:30:00', 'ann@test.example', 'measure.update', 'organisation:x/measure.update', '198.51.100.7']])
      const details = one(document, '#entries tbody details')
      expect(textOf(one(details, 'summary'))).toMatch(/^Before and after, entry \d+$/)
      expect(all(details, 'dt').map(textOf)).toEqual(['Before', 'After'])
      expect(all(details, 'dd').map(textOf)).toEqual(['{"target":0.7,"name":"BP <b>"}', '{"target":0.8,"name":"BP <b>"}'])
      expect(document.querySelector('#entries b')).toBeNull()
    })

    it('filters by person (any case), action prefix and days, and keeps what was typed in the form', async () => {
      const document = await htmlOf(await server.app.request(`${PAGE}?person=ANN%40test.example&action=import&from=2025-05-01&to=2025-05-01`))
      expect(rowsOf(document).map((r) => [r[2], r[3]])).toEqual([['ann@test.example', 'import.observations']])
      expect(['person', 'action', 'from', 'to'].map((name) => one(document, `input[name="${name}"]`).getAttribute('value'))).toEqual(['ANN@test.example', 'import', '2025-05-01', '2025-05-01'])
      const download = all(document, 'main a').find((a) => textOf(a).startsWith('Download'))
      expect(download?.getAttribute('href')).toBe(`${CSV}?person=ANN%40test.example&action=import&from=2025-05-01&to=2025-05-01`)
      const none = await htmlOf(await server.app.request(`${PAGE}?person=nobody%40test.example`))
      expect(textOf(one(none, '#entries'))).toBe('No entries match the search.')
    })

    it('answers 400 with an error summary linking to the field and an error message on it, for a bad date', async () => {
      const document = await htmlOf(await server.app.request(`${PAGE}?from=2025-13-01&to=2025-01-01`), 400)
      const summary = one(document, '.nhsuk-error-summary[role="alert"]')
      expect(all(summary, 'li a').map((a) => [a.getAttribute('href'), textOf(a)])).toEqual([['#from', 'From: "2025-13-01" is not a date (expected YYYY-MM-DD, for example 2025-06-01)']])
      expect(one(document, '#from').getAttribute('aria-describedby')).toBe('from-hint from-error')
      expect(textOf(one(document, '#from-error'))).toBe('Error: "2025-13-01" is not a date (expected YYYY-MM-DD, for example 2025-06-01)')
      expect(document.querySelector('#entries')).toBeNull()
      const upsideDown = await htmlOf(await server.app.request(`${PAGE}?from=2025-06-02&to=2025-06-01`), 400)
      expect(all(upsideDown, '.nhsuk-error-summary li a').map((a) => a.getAttribute('href'))).toEqual(['#to'])
    })

    it('shows 100 entries a page with an "Older entries" link to the rest, and a link back to the newest', async () => {
      await Promise.all(Array.from({ length: 120 }, (_, i) => add(test, '2025-04-01', 'bulk@test.example', `bulk.${i}`)))
      const expected = await seqsIn(test)
      const first = await htmlOf(await server.app.request(`${PAGE}?person=bulk%40test.example`))
      const firstRows = rowsOf(first).map((r) => r[0])
      expect(firstRows).toHaveLength(100)
      const older = one(first, '.nhsuk-pagination a[rel="next"]')
      expect(textOf(older)).toBe('Older entries')
      expect(older.getAttribute('href')).toBe(`${PAGE}?person=bulk%40test.example&before=${firstRows.at(-1)}`)
      const second = await htmlOf(await server.app.request(older.getAttribute('href')!))
      const secondRows = rowsOf(second).map((r) => r[0])
      expect(secondRows).toHaveLength(20)
      expect([...firstRows, ...secondRows]).toEqual(expected.filter((seq) => [...firstRows, ...secondRows].includes(seq)))
      expect(textOf(one(second, '#entries caption'))).toBe(`Audit trail of Test ICS: 20 entries, newest first, older than entry ${firstRows.at(-1)}`)
      expect(second.querySelector('.nhsuk-pagination a[rel="next"]')).toBeNull()
      expect(one(second, '.nhsuk-pagination__link--prev').getAttribute('href')).toBe(`${PAGE}?person=bulk%40test.example`)
      await htmlOf(await server.app.request(`${PAGE}?before=abc`), 400)
    })

    it('downloads the search as CSV, cells that a spreadsheet would run as formulas prefixed with an apostrophe', async () => {
      const response = await server.app.request(`${CSV}?action=formula.`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8')
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="audit-test.csv"')
      const lines = (await response.text()).split('\r\n')
      expect(lines[0]).toBe('seq,at,actor,action,target,address,before,after,hash')
      expect(lines[1]).toMatch(/^\d+,2025-05-04T10:30:00\.000Z,'=cmd\|calc,formula\.test,'\+SUM\(A1:A2\),'-1,,"{""note"":""@here, \\""quoted\\""""}",[0-9a-f]{64}$/)
      expect(lines.slice(2)).toEqual([''])
    })

    it("downloads only test's entries, and writes the download itself to test's trail with the filters", async () => {
      const before = (await exportsRecorded()).length
      const response = await server.app.request(`${CSV}?person=ANN%40test.example&from=2025-05-01`)
      const text = await response.text()
      expect(response.status).toBe(200)
      expect(text.split('\r\n').slice(1, -1).map((l) => l.split(',')[3])).toEqual(['measure.update', 'import.observations'])
      expect(text).not.toContain('organisation:other/secret')
      const recorded = await exportsRecorded()
      expect(recorded).toHaveLength(before + 1)
      expect(recorded[0]).toMatchObject({ organisation_id: test, actor: 'admin@test.example', target: 'organisation:test/audit' })
      expect(JSON.parse(recorded[0]!.payload).after).toEqual({ actor: 'ANN@test.example', action: null, from: '2025-05-01', to: null, rows: 2 })
      const page = await htmlOf(await server.app.request(`${PAGE}?action=export.audit_csv`))
      expect(rowsOf(page)[0]?.slice(2, 5)).toEqual(['admin@test.example', 'export.audit_csv', 'organisation:test/audit'])
    })

    it('refuses the page and the download to every role without administer (403), to other’s administrator (404) and asks the signed-out to sign in', async () => {
      for (const role of ROLES.filter((r) => !can(r, 'administer'))) {
        for (const path of [PAGE, CSV]) expect((await server.requestAs(role, path)).status, `${role} ${path}`).toBe(403)
      }
      const forbidden = await htmlOf(await server.requestAs('viewer', PAGE), 403)
      expect(textOf(one(forbidden, 'main'))).toContain('needs the admin role')
      for (const path of [PAGE, CSV]) expect((await server.requestAs('other_admin', path)).status, path).toBe(404)
      const anonymous = await server.requestAs('anonymous', `${PAGE}?action=import`)
      expect(anonymous.status).toBe(303)
      expect(anonymous.headers.get('location')).toBe(`/sign-in?next=${encodeURIComponent(`${PAGE}?action=import`)}`)
      const before = (await exportsRecorded()).length
      await server.requestAs('viewer', CSV)
      expect(await exportsRecorded()).toHaveLength(before)
    })
  })
}
