/**
 * Nothing identifying reaches the database or the logs: texts full of identifiers go in through
 * every capture path (public form, staff form, event notes, the JSON API, CSV, XLSX, a FHIR Bundle
 * and NDJSON), then every row of every table, read as text, and everything the app logged, are
 * searched for each original, in the spellings people write it.
 */
import ExcelJS from 'exceljs'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../support/engines.ts'
import { openTestServer, type TestServer } from '../support/server.ts'

/** Each identifier with the forms it could be found in (spacing, case). Synthetic: reserved NHS test number, Ofcom drama phone number, example.com. */
const IDENTIFIERS: Readonly<Record<string, readonly string[]>> = {
  name: ['Patel'],
  title_name: ['Okafor'],
  nhs_number: ['999 000 0018', '9990000018', '999-000-0018'],
  phone: ['07700 900123', '07700900123'],
  email: ['pat.smith@example.com'],
  ni_number: ['QQ 12 34 56 C', 'QQ123456C'],
  date_of_birth: ['12/03/1950'],
  address: ['14 Acacia Avenue'],
  postcode: ['LS1 4AP', 'LS14AP'],
}

const TEXT = 'My name is Mrs Patel, NHS number 999 000 0018, born 12/03/1950. I live at 14 Acacia Avenue, Leeds LS1 4AP. Call 07700 900123 or email pat.smith@example.com. NI QQ 12 34 56 C. Dr Okafor was kind but the wait was long.'
const PROGRAMME = '/organisations/test/programmes/htn'
const API = '/api/v1/organisations/test/programmes/htn'

function form(fields: Record<string, string>): RequestInit {
  return { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
}

function upload(name: string, content: Uint8Array | string, type: string): RequestInit {
  const body = new FormData()
  body.set('file', new File([content], name, { type }))
  return { method: 'POST', body }
}

function questionnaireResponse(text: string) {
  return {
    resourceType: 'QuestionnaireResponse',
    status: 'completed',
    authored: '2025-05-20',
    questionnaire: 'https://lhs.example.org/fhir/Questionnaire/feedback',
    item: [
      { linkId: 'fft', answer: [{ valueInteger: 4 }] },
      { linkId: 'comment', answer: [{ valueString: text }] },
    ],
  }
}

async function xlsx(text: string): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('Feedback')
  sheet.addRow(['text', 'date', 'site', 'tags'])
  sheet.addRow([text, '2025-05-21', 'alpha', 'Called by Mrs Patel'])
  return new Uint8Array(await book.xlsx.writeBuffer())
}

for (const engine of enginesUnderTest()) {
  describe(`nothing identifying is stored or logged, on ${engine.engine}`, () => {
    let server: TestServer
    const statuses: Record<string, number> = {}

    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
      const paths: [string, () => Promise<Response>][] = [
        ['public form', async () => server.rawApp.request('/feedback/test/htn', form({ fft: '4', comment: TEXT, site: 'alpha', sex: 'Female' }))],
        ['staff form', () => server.requestAs('contributor', `${PROGRAMME}/insight/staff`, form({ kind: 'huddle', text: TEXT, site: 'alpha', date: '2025-05-30', tags: 'Mrs Patel, 07700 900123' }))],
        ['event notes', () => server.requestAs('contributor', `${PROGRAMME}/insight/events`, form({ kind: 'interview', title: 'Interview with Mrs Patel', runBy: 'Dr Okafor', place: '14 Acacia Avenue', site: '', date: '2025-05-20', groups: 'carers', notes: `${TEXT}\n\n${TEXT}` }))],
        ['JSON API', () => server.requestAs('contributor', `${API}/insights`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ records: [{ source: 'carer', date: '2025-05-01', text: TEXT, tags: ['pat.smith@example.com'], groups: { age_band: '80+' } }] }) })],
        ['CSV', () => server.requestAs('analyst', `${PROGRAMME}/insight/import`, upload('feedback.csv', `text,date,site,source,fft,tags\n"${TEXT}",2025-05-02,beta,patient,2,"Mrs Patel; 999 000 0018"\n`, 'text/csv'))],
        ['XLSX', async () => server.requestAs('analyst', `${API}/insights/imports`, upload('feedback.xlsx', await xlsx(TEXT), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'))],
        ['FHIR Bundle', () => server.requestAs('analyst', `${API}/insights/imports`, upload('bundle.json', JSON.stringify({ resourceType: 'Bundle', type: 'collection', entry: [{ resource: questionnaireResponse(TEXT) }] }), 'application/fhir+json'))],
        ['FHIR NDJSON', () => server.requestAs('analyst', `${API}/insights/imports`, upload('responses.ndjson', `${JSON.stringify(questionnaireResponse(TEXT))}\n`, 'application/fhir+ndjson'))],
      ]
      for (const [name, send] of paths) statuses[name] = (await send()).status
    })
    afterAll(() => server.close())

    it('every capture path accepted its record', async () => {
      expect(statuses).toEqual({ 'public form': 200, 'staff form': 303, 'event notes': 303, 'JSON API': 201, CSV: 200, XLSX: 201, 'FHIR Bundle': 201, 'FHIR NDJSON': 201 })
      const records = await server.store.db.selectFrom('insights').select(['collected_via']).orderBy('id').execute()
      expect(records.map((r) => r.collected_via)).toEqual(['public_form', 'staff_form', 'interview', 'staff_form', 'import_csv', 'import_xlsx', 'import_fhir', 'import_fhir'])
      const excerpts = await server.store.db.selectFrom('excerpts').select('text').execute()
      expect(excerpts.length).toBe(9)
      for (const { text } of excerpts) expect(text).toContain('[NHS_NUMBER]')
    })

    it('no table holds any of the originals, in any column', async () => {
      const tables = await sql<{ table_name: string }>`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`.execute(server.store.db)
      expect(tables.rows.length).toBeGreaterThan(15)
      const found: string[] = []
      for (const { table_name: table } of tables.rows) {
        const rows = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(table)} t`.execute(server.store.db)
        for (const { row } of rows.rows) {
          const folded = row.toLowerCase()
          for (const [type, forms] of Object.entries(IDENTIFIERS)) for (const original of forms) if (folded.includes(original.toLowerCase())) found.push(`${table}: ${type} "${original}" in ${row.slice(0, 160)}`)
        }
      }
      expect(found).toEqual([])
    })

    it('the app logged none of them', () => {
      const logged = server.logs.join('\n').toLowerCase()
      for (const forms of Object.values(IDENTIFIERS)) for (const original of forms) expect(logged).not.toContain(original.toLowerCase())
    })
  })
}
