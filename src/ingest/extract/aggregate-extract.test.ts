import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { DuckDBInstance } from '@duckdb/node-api'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { appointmentCsv, appointments, sortObservations, tally, type Appointment } from '../../../test/support/extracts.ts'
import { parseExtractDefinition, quoteString, type ExtractMeasure } from '../../core/extract/index.ts'
import type { ObservationInput, MeasureKind, PeriodUnit } from '../../core/model.ts'
import { aggregateExtract, type ExtractAggregation } from './aggregate-extract.ts'

const SITES = ['alpha', 'beta', 'gamma']
const ROWS = appointments(20250601, 3000, SITES)

function measure(code: string, kind: MeasureKind, raw: object, period: PeriodUnit = 'month', rateMultiplier: number | null = null): ExtractMeasure {
  const parsed = parseExtractDefinition(raw, { code, kind })
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems))
  return { code, kind, period, rateMultiplier, definition: parsed.definition }
}

const BREAKDOWN = { date: 'appointment_date', site: 'practice', groups: { imd_quintile: 'imd_quintile', ethnicity: 'ethnic_group' } }
const GROUPS = { imd_quintile: (r: Appointment) => r.imd, ethnicity: (r: Appointment) => r.ethnicity }
const waitOf = (r: Appointment) => (r.wait === '' ? undefined : Number(r.wait))

/** Comparable rows: keys, counts, and the value to 9 decimal places (DuckDB and JS may sum in a different order). */
function comparable(rows: readonly ObservationInput[]): unknown[] {
  return sortObservations(rows).map((o) => [o.measure, o.period, o.site, o.dimension, o.group, o.numerator, o.denominator, Number(o.value.toFixed(9))])
}

function where(result: ExtractAggregation): unknown[][] {
  return result.issues.map((i) => [i.code, i.line, i.column, i.value])
}

describe('aggregateExtract', () => {
  let dir: string
  const path = (name: string) => join(dir, name)
  const write = (name: string, text: string) => {
    writeFileSync(path(name), text)
    return path(name)
  }
  const sites = new Set(SITES)

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lhs-extract-'))
    write('appointments.csv', appointmentCsv(ROWS))
    // The same rows as Parquet with their own types: DATE/TIMESTAMP, INTEGER groups, a BOOLEAN and a DOUBLE.
    const connection = await (await DuckDBInstance.create(':memory:')).connect()
    await connection.run(`COPY (SELECT CAST(appointment_date AS TIMESTAMP) AS appointment_date, practice, CAST(imd_quintile AS INTEGER) AS imd_quintile, ethnic_group,
      attended = 'Y' AS attended, CAST(wait_days AS DOUBLE) AS wait_days FROM read_csv(${quoteString(path('appointments.csv'))}, all_varchar = true))
      TO ${quoteString(path('appointments.parquet'))} (FORMAT parquet)`)
    connection.closeSync()
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  const dna = measure('dna', 'proportion', { ...BREAKDOWN, numerator: "attended = 'N'" })
  const visits = measure('visits', 'count', { ...BREAKDOWN, count: true })
  const waits = measure('waits', 'mean', { ...BREAKDOWN, mean: 'wait_days', where: "attended = 'Y'" }, 'week')
  const expected = () => [
    ...tally('dna', ROWS, { period: 'month', bySite: true, groups: GROUPS, kind: 'ratio', counted: () => true, numerator: (r) => r.attended === 'N' }),
    ...tally('visits', ROWS, { period: 'month', bySite: true, groups: GROUPS, kind: 'count', counted: () => true }),
    ...tally('waits', ROWS, { period: 'week', bySite: true, groups: GROUPS, kind: 'mean', counted: (r) => r.attended === 'Y', value: waitOf }),
  ]

  it('aggregates a CSV into exactly the observations worked out row by row, by period, site and group', async () => {
    const result = await aggregateExtract(path('appointments.csv'), [dna, visits, waits], { sites, fileName: 'appointments.csv' })
    expect(result.issues).toEqual([])
    expect(result.sourceRows).toBe(ROWS.length)
    expect(comparable(result.rows)).toEqual(comparable(expected()))
    // Two breakdowns (monthly, weekly): each is one pass building cells and one query summing them.
    expect(result.sql).toHaveLength(4)
    expect(result.sql.filter((s) => s.startsWith('CREATE TEMP TABLE'))).toHaveLength(2)
  })

  it('gives the same observations from Parquet with typed columns (timestamps, integer groups, a boolean)', async () => {
    const dnaTyped = measure('dna', 'proportion', { ...BREAKDOWN, numerator: 'attended = false' })
    const waitsTyped = measure('waits', 'mean', { ...BREAKDOWN, mean: 'wait_days', where: 'attended = true' }, 'week')
    const result = await aggregateExtract(path('appointments.parquet'), [dnaTyped, visits, waitsTyped], { sites })
    expect(result.issues).toEqual([])
    expect(comparable(result.rows)).toEqual(comparable(expected()))
  })

  it('buckets by the measure\'s own period, weeks starting on Monday as everywhere else', async () => {
    const rows: Appointment[] = ['2025-03-02', '2025-03-03', '2025-03-09T23:59:00', '2025-03-31', '2025-04-01', '2025-12-31'].map((date) => ({ date, site: 'alpha', imd: '1', ethnicity: '', attended: 'Y', wait: '1' }))
    const file = write('periods.csv', appointmentCsv(rows))
    for (const period of ['day', 'week', 'month', 'quarter'] as const) {
      const result = await aggregateExtract(file, [measure('n', 'count', { date: 'appointment_date', count: true }, period)], { sites })
      expect(comparable(result.rows), period).toEqual(comparable(tally('n', rows, { period, bySite: false, groups: {}, kind: 'count', counted: () => true })))
    }
  })

  it('counts the organisation total from every row, not from the sites: a where that picks no row gives 0, and empty groups are in no group', async () => {
    const rows: Appointment[] = [
      { date: '2025-01-06', site: 'alpha', imd: '', ethnicity: 'White', attended: 'Y', wait: '' },
      { date: '2025-01-07', site: 'beta', imd: '2', ethnicity: ' ', attended: 'Y', wait: '' },
    ]
    const file = write('small.csv', appointmentCsv(rows))
    const missed = measure('missed', 'count', { ...BREAKDOWN, where: "attended = 'N'", count: true })
    const result = await aggregateExtract(file, [missed], { sites })
    expect(result.rows.map((o) => [o.site, o.dimension, o.group, o.value])).toEqual([
      [null, null, null, 0],
      [null, 'ethnicity', 'White', 0],
      [null, 'imd_quintile', '2', 0],
      ['alpha', null, null, 0],
      ['alpha', 'ethnicity', 'White', 0],
      ['beta', null, null, 0],
      ['beta', 'imd_quintile', '2', 0],
    ])
  })

  it('reads a file whose name holds a quote, and refuses one with a wildcard (DuckDB would read every file it matches)', async () => {
    const text = appointmentCsv(ROWS.slice(0, 10))
    const visits = [measure('visits', 'count', { date: 'appointment_date', count: true })]
    const quoted = await aggregateExtract(write("o'brien'); DROP.csv", text), visits, { sites })
    expect(quoted.issues).toEqual([])
    expect(quoted.rows.reduce((n, o) => n + o.value, 0)).toBe(10)
    const wild = await aggregateExtract(write('week[1].csv', text), visits, { sites, fileName: 'week[1].csv' })
    expect(wild.issues.map((i) => i.code)).toEqual(['bad_file_name'])
  })

  it('gives the worked example of docs/methods/extracts.md', async () => {
    const file = write('example.csv', [
      'appointment_date,practice,imd,attended,wait_days',
      '2025-01-06,alpha,1,Y,10',
      '2025-01-20,alpha,1,N,12',
      '2025-01-21,beta,5,Y,4',
      '2025-01-31T17:45,beta,,N,',
      '2025-02-03,alpha,5,Y,6',
      '2025-02-14,beta,1,Y,8',
    ].join('\n') + '\n')
    const breakdown = { date: 'appointment_date', site: 'practice', groups: { imd_quintile: 'imd' } }
    const result = await aggregateExtract(file, [
      measure('dna', 'proportion', { ...breakdown, numerator: "attended = 'N'" }),
      measure('booked', 'count', { ...breakdown, count: true }),
      measure('wait', 'mean', { date: 'appointment_date', mean: 'wait_days', where: "attended = 'Y'" }),
    ], { sites: new Set(['alpha', 'beta']) })
    const show = (code: string) => result.rows.filter((o) => o.measure === code).map((o) => `${o.period} ${o.site ?? '(all)'} ${o.group ?? '(all)'}: ${o.numerator ?? ''}/${o.denominator ?? ''} = ${o.value}`)
    expect(show('dna')).toEqual([
      '2025-01-01 (all) (all): 2/4 = 0.5', '2025-01-01 (all) 1: 1/2 = 0.5', '2025-01-01 (all) 5: 0/1 = 0',
      '2025-01-01 alpha (all): 1/2 = 0.5', '2025-01-01 alpha 1: 1/2 = 0.5', '2025-01-01 beta (all): 1/2 = 0.5', '2025-01-01 beta 5: 0/1 = 0',
      '2025-02-01 (all) (all): 0/2 = 0', '2025-02-01 (all) 1: 0/1 = 0', '2025-02-01 (all) 5: 0/1 = 0',
      '2025-02-01 alpha (all): 0/1 = 0', '2025-02-01 alpha 5: 0/1 = 0', '2025-02-01 beta (all): 0/1 = 0', '2025-02-01 beta 1: 0/1 = 0',
    ])
    expect(show('booked').slice(0, 4)).toEqual(['2025-01-01 (all) (all): / = 4', '2025-01-01 (all) 1: / = 2', '2025-01-01 (all) 5: / = 1', '2025-01-01 alpha (all): / = 2'])
    expect(show('wait')).toEqual(['2025-01-01 (all) (all): /2 = 7', '2025-02-01 (all) (all): /2 = 7'])
  })

  describe('bad input: every problem named with its line (CSV) or row (Parquet), column and value; nothing returned', () => {
    const header = 'appointment_date,practice,imd_quintile,ethnic_group,attended,wait_days'
    const lines = [
      '2025-01-06,alpha,1,"Mixed\n(two lines)",Y,3',
      '2025-13-01,alpha,1,White,Y,3',
      ',beta,2,White,N,4',
      '2025-01-08,delta,2,White,N,4',
      '2025-01-09,,2,White,N,4',
      '2025-01-10,alpha,3,White,Y,soon',
      '2025-1-11,alpha,3,White,Y,2',
    ]
    const measures = () => [measure('visits', 'count', { date: 'appointment_date', site: 'practice', count: true }), measure('waits', 'mean', { date: 'appointment_date', site: 'practice', mean: 'wait_days' })]

    it('a CSV: lines counted from the header as line 1, a quoted line break included', async () => {
      const file = write('bad.csv', [header, ...lines].join('\n') + '\n')
      const result = await aggregateExtract(file, measures(), { sites, fileName: 'bad.csv' })
      expect(where(result)).toEqual([
        ['bad_date', 4, 'appointment_date', '2025-13-01'],
        ['missing_value', 5, 'appointment_date', ''],
        ['bad_date', 9, 'appointment_date', '2025-1-11'],
        ['unknown_site', 6, 'practice', 'delta'],
        ['missing_value', 7, 'practice', ''],
        ['not_a_number', 8, 'wait_days', 'soon'],
      ])
      expect(result.rows).toEqual([])
      expect(result.issues[0]?.message).toBe('bad.csv:4:appointment_date: "2025-13-01" is not a date (expected a date as YYYY-MM-DD with a year from 1000 (a time after it, such as T09:30, is ignored), or a DATE or TIMESTAMP value).')
      expect(result.issues[3]?.message).toBe('bad.csv:6:practice: "delta" is not a site of the organisation (expected one of the organisation\'s site codes: "alpha", "beta", "gamma").')
    })

    it('a Parquet file: rows numbered from 1', async () => {
      write('bad-source.csv', [header, ...lines].join('\n') + '\n')
      const connection = await (await DuckDBInstance.create(':memory:')).connect()
      await connection.run(`COPY (SELECT * FROM read_csv(${quoteString(path('bad-source.csv'))}, all_varchar = true)) TO ${quoteString(path('bad.parquet'))} (FORMAT parquet)`)
      connection.closeSync()
      const result = await aggregateExtract(path('bad.parquet'), measures(), { sites, fileName: 'bad.parquet' })
      expect(where(result).map(([code, row]) => [code, row])).toEqual([['bad_date', 2], ['missing_value', 3], ['bad_date', 7], ['unknown_site', 4], ['missing_value', 5], ['not_a_number', 6]])
      expect(result.issues[0]?.message).toBe('bad.parquet:2:appointment_date: in row 2, "2025-13-01" is not a date (expected a date as YYYY-MM-DD with a year from 1000 (a time after it, such as T09:30, is ignored), or a DATE or TIMESTAMP value).')
    })

    it('a CSV with a byte order mark and CRLF line ends: the same lines', async () => {
      const file = write('windows.csv', `\uFEFF${[header, ...lines].join('\r\n')}\r\n`)
      const result = await aggregateExtract(file, measures(), { sites, fileName: 'windows.csv' })
      expect(where(result).map(([code, line]) => [code, line])).toEqual([['bad_date', 4], ['missing_value', 5], ['bad_date', 9], ['unknown_site', 6], ['missing_value', 7], ['not_a_number', 8]])
    })

    it('a Parquet file with its own column named file_row_number: the failing values, without a row number', async () => {
      const connection = await (await DuckDBInstance.create(':memory:')).connect()
      await connection.run(`COPY (SELECT '2025-02-30' AS day, 1 AS file_row_number) TO ${quoteString(path('numbered.parquet'))} (FORMAT parquet)`)
      connection.closeSync()
      const result = await aggregateExtract(path('numbered.parquet'), [measure('n', 'count', { date: 'day', count: true })], { sites, fileName: 'numbered.parquet' })
      expect(where(result)).toEqual([['bad_date', undefined, 'day', '2025-02-30']])
      expect(result.issues[0]?.message).toContain('numbered.parquet:day: in some row, "2025-02-30" is not a date')
    })

    it('lists the first 100 failing rows of a check and counts the rest', async () => {
      const file = write('many.csv', [header, ...Array.from({ length: 150 }, (_, i) => `2025-02-30,alpha,1,White,Y,${i}`)].join('\n') + '\n')
      const result = await aggregateExtract(file, measures(), { sites, fileName: 'many.csv' })
      expect(result.issues).toHaveLength(101)
      expect(result.issues[99]).toMatchObject({ code: 'bad_date', line: 101 })
      expect(result.issues[100]).toMatchObject({ code: 'too_many_issues', column: 'appointment_date' })
      expect(result.issues[100]?.message).toContain('50 more rows fail the same check (150 in all; the first 100 are listed)')
    })

    it('a column the file lacks, or whose type does not fit, before any row is read', async () => {
      const file = path('appointments.parquet')
      const wrong = [
        measure('visits', 'count', { date: 'imd_quintile', site: 'Practice', count: true }),
        measure('dna', 'proportion', { date: 'appointment_date', numerator: 'attended = 1' }),
      ]
      const result = await aggregateExtract(file, wrong, { sites, fileName: 'appointments.parquet' })
      expect(where(result)).toEqual([
        ['wrong_column_type', undefined, 'imd_quintile', 'INTEGER'],
        ['missing_column', undefined, 'Practice', 'Practice'],
        ['wrong_column_type', undefined, 'attended', 'BOOLEAN'],
      ])
      expect(result.issues[1]?.message).toBe(
        'appointments.parquet:Practice: measure "visits": extract.site names the column "Practice", which the file does not have (it has "practice": names must match exactly) (expected one of the file\'s columns: "appointment_date", "practice", "imd_quintile", "ethnic_group", "attended", "wait_days").',
      )
      expect(result.issues[2]?.message).toContain('measure "dna": extract.numerator names the column "attended", which holds BOOLEAN values')
    })

    it('a value that is not true or false, a group column that tells people apart, a group label with a control character', async () => {
      const file = write('groups.csv', ['date,site,flag,person,group', ...Array.from({ length: 120 }, (_, i) => `2025-01-06,alpha,${i === 7 ? 'maybe' : 'yes'},p${i},${i === 3 ? 'a\u0001b' : 'x'}`)].join('\n') + '\n')
      const flagged = measure('flagged', 'count', { date: 'date', where: 'flag = true', count: true })
      const byPerson = measure('people', 'count', { date: 'date', groups: { person: 'person' }, count: true })
      const result = await aggregateExtract(file, [flagged, byPerson], { sites, fileName: 'groups.csv' })
      expect(where(result)).toEqual([['not_a_boolean', 9, 'flag', 'maybe'], ['too_many_groups', undefined, 'person', '120']])
      const labelled = await aggregateExtract(file, [measure('labelled', 'count', { date: 'date', groups: { kind: 'group' }, count: true })], { sites, fileName: 'groups.csv' })
      expect(where(labelled)).toEqual([['bad_character', undefined, 'group', 'a\u0001b']])
      expect(labelled.rows).toEqual([])
    })

    it('an organisation without sites cannot take a site column', async () => {
      const result = await aggregateExtract(path('appointments.csv'), [measure('visits', 'count', { date: 'appointment_date', site: 'practice', count: true })], { sites: new Set(), fileName: 'a.csv' })
      expect(result.issues[0]).toMatchObject({ code: 'unknown_site', line: 2 })
      expect(result.issues[0]?.message).toContain('expected no site column: the organisation has no sites, so leave out "site"')
    })

    it.each([
      ['short.csv', `${header}\n2025-01-06,alpha,1,White,Y,3\n2025-01-07,alpha,1\n`, [['bad_csv', 3]], 'Expected Number of Columns: 6 Found: 3'],
      ['unclosed.csv', `${header}\n2025-01-06,alpha,1,"White,Y,3\n`, [['bad_csv', 2]], 'Value with unterminated quote found.'],
      ['empty.csv', '', [['empty_file', 1]], 'the file is empty'],
      ['header.csv', `${header}\n`, [['empty_file', undefined]], 'the file has no rows'],
      ['twice.csv', 'appointment_date,Practice,practice\n2025-01-06,a,b\n', [['bad_header', 1]], 'the column "practice" has the same name as column 2 "Practice"'],
      ['unnamed.csv', 'appointment_date,,practice\n2025-01-06,a,b\n', [['bad_header', 1]], 'column 2 of the header has no name'],
      ['notes.txt', 'hello', [['unsupported_format', undefined]], 'neither .csv nor .parquet'],
      ['fake.parquet', 'not parquet at all', [['bad_parquet', undefined]], 'cannot be read as Parquet'],
    ])('%s', async (name, text, expected, message) => {
      const result = await aggregateExtract(write(name, text), [measure('visits', 'count', { date: 'appointment_date', count: true })], { sites, fileName: name })
      expect(result.issues.map((i) => [i.code, i.line])).toEqual(expected)
      expect(result.issues[0]?.message).toContain(message)
      expect(result.rows).toEqual([])
    })
  })
})
