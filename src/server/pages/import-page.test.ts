// The import page: the form, the report of a file with mistakes (422) and of a good file (200).
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { csv, HEADER, monday } from '../../../test/support/fixture.ts'
import { all, countObservations, htmlOf, one, openTestServer, textOf, uploadForm, type HtmlNode, type TestServer } from '../../../test/support/server.ts'

const IMPORT = '/organisations/test/programmes/htn/import'
const LIMIT_BYTES = 1024 * 1024

/** The issue table as [line, column, value, problem] rows. */
function issueRows(document: HtmlNode): string[][] {
  return all(document, '#issues tbody tr').map((row) => all(row, 'td').map(textOf))
}

for (const engine of enginesUnderTest()) {
  describe(`the import page on ${engine.engine}`, () => {
    let server: TestServer
    const upload = (form: FormData, path = IMPORT) => server.app.request(path, { method: 'POST', body: form })
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture', uploadLimitBytes: LIMIT_BYTES })
    })
    afterAll(async () => {
      expect(server.logs, 'nothing unexpected was logged').toEqual([])
      await server.close()
    })

    it('GET shows the form: kind radios with labels, a labelled file input with the limit, and the layout help', async () => {
      const document = await htmlOf(await server.app.request(IMPORT))
      expect(textOf(one(document, 'title'))).toBe('Import data – Hypertension – Learning Health System')
      expect(textOf(one(document, 'main h1'))).toBe('Import data')
      const form = one(document, 'main form')
      expect([form.getAttribute('method'), form.getAttribute('enctype')]).toEqual(['post', 'multipart/form-data'])
      const radios = all(form, 'input[name="kind"][type="radio"]')
      expect(radios.map((r) => [r.getAttribute('value'), r.hasAttribute('checked'), textOf(one(document, `label[for="${r.id}"]`))])).toEqual([
        ['observations', true, 'Observations (CSV or Excel .xlsx)'],
        ['measures', false, 'Measure definitions (CSV or JSON)'],
      ])
      const file = one(form, 'input[type="file"][name="file"]')
      expect(textOf(one(document, `label[for="${file.id}"]`))).toBe('File')
      expect(textOf(one(document, `#${file.getAttribute('aria-describedby')}`))).toMatch(/^Up to 1 MB\. Nothing is written unless the whole file is correct/)
      expect(textOf(one(document, '.nhsuk-details__text'))).toContain(`The first line must be exactly ${HEADER}.`)
      expect(document.querySelector('.nhsuk-error-summary')).toBeNull()
    })

    it('POST of a file with mistakes answers 422 with an error summary and an issue table of line, column and value; nothing is written', async () => {
      const before = await countObservations(server.store)
      const file = csv(`bp-control,${monday(0)},beta,,,1,2,`, 'bp-contrl,2025-01-06,alpha,,,1,2,', 'bp-control,2025-01-07,alpha,,,1,2,', 'bp-control,2025-01-13,gamma,,,1,2,', 'bp-control,2025-02-03,alpha,,,five,10,')
      const document = await htmlOf(await upload(uploadForm('observations', 'mistakes.csv', file)), 422)
      const summary = one(document, '.nhsuk-error-summary[role="alert"]')
      expect(textOf(one(summary, 'h2'))).toBe('There is a problem')
      expect(all(summary, 'li a').map((a) => [textOf(a), a.getAttribute('href')])).toEqual([['mistakes.csv has 4 errors. Nothing was imported.', '#issues']])
      expect(textOf(one(document, '#issues caption'))).toBe('Problems found')
      expect(all(document, '#issues thead th').map(textOf)).toEqual(['Line', 'Column', 'Value', 'Problem'])
      const rows = issueRows(document)
      expect(rows.map((r) => r.slice(0, 3))).toEqual([
        ['3', 'measure', 'bp-contrl'],
        ['4', 'period', '2025-01-07'],
        ['5', 'site', 'gamma'],
        ['6', 'numerator', 'five'],
      ])
      expect(rows.every((r) => r[3]?.startsWith('Error mistakes.csv:'))).toBe(true)
      expect(rows[0]?.[3]).toContain('"bp-contrl" is not a known measure code')
      expect(document.querySelector('.lhs-success')).toBeNull()
      expect(await countObservations(server.store)).toBe(before)
    })

    it('POST of a good file answers 200 with the success panel; the same file again shows every row unchanged', async () => {
      const file = csv(...[1, 2, 3].map((i) => `monitors-lent,${monday(i)},beta,,,,,${i}`))
      const first = await htmlOf(await upload(uploadForm('observations', 'good.csv', file)))
      const panel = one(first, '.lhs-success[role="status"]')
      expect(textOf(one(panel, 'h2'))).toBe('Imported good.csv')
      expect(textOf(one(panel, '.nhsuk-panel__body'))).toBe('3 added, 0 updated, 0 unchanged.')
      expect(first.querySelector('.nhsuk-error-summary')).toBeNull()
      expect(first.querySelector('#issues')).toBeNull()
      const again = await htmlOf(await upload(uploadForm('observations', 'good.csv', file)))
      expect(textOf(one(again, '.lhs-success .nhsuk-panel__body'))).toBe('0 added, 0 updated, 3 unchanged.')
    })

    it('POST of a good file with data-quality warnings shows the panel and a table of warnings', async () => {
      const document = await htmlOf(await upload(uploadForm('observations', 'gap.csv', csv(`falls,${monday(0)},alpha,,,2,1000,`, `falls,${monday(4)},alpha,,,3,1000,`))))
      expect(textOf(one(document, '.lhs-success h2'))).toBe('Imported gap.csv')
      expect(textOf(one(document, '#issues caption'))).toBe('Warnings')
      expect(issueRows(document).map((r) => r[3]?.split(' ')[0])).toEqual(['Warning'])
    })

    it('POST of measure definitions as JSON imports them', async () => {
      const measures = JSON.stringify([{ code: 'home-readings', name: 'Home readings sent in', type: 'process', kind: 'count', direction: 'increase', period: 'week' }])
      const document = await htmlOf(await upload(uploadForm('measures', 'measures.json', measures, 'application/json')))
      expect(textOf(one(document, '.lhs-success .nhsuk-panel__body'))).toBe('1 added, 0 updated, 0 unchanged.')
      expect((await server.app.request('/api/v1/organisations/test/programmes/htn/measures/home-readings')).status).toBe(200)
    })

    it('POST without a file, or with a file type the kind does not accept, answers 400 with the reason in the error summary', async () => {
      const noFile = new FormData()
      noFile.set('kind', 'observations')
      const empty = await htmlOf(await upload(noFile), 400)
      expect(all(empty, '.nhsuk-error-summary li').map(textOf)).toEqual(['Choose a file to import.'])
      const wrongType = await htmlOf(await upload(uploadForm('measures', 'measures.xlsx', 'x')), 400)
      expect(all(wrongType, '.nhsuk-error-summary li').map(textOf)).toEqual(['measures.xlsx: a measures file must end in .csv or .json.'])
    })

    // Only the status is checked: the page answers with application/problem+json today, where the import page with an error summary is wanted.
    it('POST over the upload limit answers 413 and writes nothing', async () => {
      const before = await countObservations(server.store)
      const line = `monitors-lent,${monday(7)},beta,,,,,1\n`
      const big = HEADER + '\n' + line.repeat(Math.ceil(LIMIT_BYTES / line.length) + 1)
      expect((await upload(uploadForm('observations', 'big.csv', big))).status).toBe(413)
      expect(await countObservations(server.store)).toBe(before)
    })

    it('answers 404 for the import page of an unknown organisation or programme', async () => {
      for (const path of ['/organisations/nope/programmes/htn/import', '/organisations/test/programmes/copd/import']) {
        expect((await server.app.request(path)).status, path).toBe(404)
        expect((await upload(uploadForm('observations', 'x.csv', csv()), path)).status, path).toBe(404)
      }
    })
  })
}
