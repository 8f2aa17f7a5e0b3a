import { readFileSync } from 'node:fs'
import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { hasErrors } from '../core/issues.ts'
import type { Parsed } from '../core/issues.ts'
import { INSIGHT_HEADER, INSIGHT_TODAY, insightCsv, insightTestOptions } from './insight-test-context.ts'
import { ISSUE_LIMIT } from './issue-collector.ts'
import { parseInsightsCsv, parseInsightsCsvStream } from './parse-insights-csv.ts'

const options = insightTestOptions()

function where(parsed: Parsed<unknown>): { code: string; line: number | undefined; column: string | undefined }[] {
  return parsed.issues.map(({ code, line, column }) => ({ code, line, column }))
}

describe('parseInsightsCsv: valid files', () => {
  it('reads the example file, keeping texts as written (the caller redacts them before storage)', () => {
    const parsed = parseInsightsCsv(readFileSync(new URL('../../test/fixtures/insight/feedback.csv', import.meta.url)), options)
    expect(parsed.issues).toEqual([])
    expect(parsed.value).toEqual([
      {
        source: 'patient', collectedVia: 'import_csv', date: '2025-03-03', site: 'A81001', fft: 1,
        groups: { age_band: '60-79', ethnicity: 'White', sex: 'Female', imd_quintile: '2' },
        text: 'The nurse explained my new tablets clearly, thank you.', tags: ['medicines', 'communication'],
      },
      { source: 'patient', collectedVia: 'import_csv', date: '2025-03-04', site: null, fft: 4, groups: {}, text: 'Waited 40 minutes past my appointment time.', tags: ['waiting'] },
      {
        source: 'carer', collectedVia: 'import_csv', date: '2025-03-05', site: 'A81002', fft: 6,
        groups: { ethnicity: 'Asian or Asian British', imd_quintile: '1' },
        text: 'I care for my dad. Please call NHS number 999 000 0018 back on 07700 900123.', tags: [],
      },
    ])
  })

  it('matches column names in any order and case, with spaces, hyphens or underscores, and only text and date required', () => {
    const parsed = parseInsightsCsv(' DATE ,Text,Age Band,imd-quintile,FFT,Source\n2025-01-02,Fine,18-39,5,good,STAFF\n2025-01-03,Also fine,,,,\n', options)
    expect(parsed.issues).toEqual([])
    expect(parsed.value).toEqual([
      { source: 'staff', collectedVia: 'import_csv', date: '2025-01-02', site: null, groups: { age_band: '18-39', imd_quintile: '5' }, fft: 2, text: 'Fine', tags: [] },
      { source: 'patient', collectedVia: 'import_csv', date: '2025-01-03', site: null, groups: {}, fft: null, text: 'Also fine', tags: [] },
    ])
  })

  it('takes a blank source from the defaultSource option', () => {
    const parsed = parseInsightsCsv('text,date,source\nA,2025-01-02,\nB,2025-01-02,carer\n', { ...options, defaultSource: 'community' })
    expect(parsed.value.map((i) => i.source)).toEqual(['community', 'carer'])
  })

  it.each([
    ['1', 1], ['6', 6], [' Very good ', 1], ['GOOD', 2], ['neither  good nor poor', 3], ['poor', 4], ['Very Poor', 5], ["don't know", 6], ['Don’t know', 6], ['', null],
  ])('reads the Friends and Family Test answer %j as %j', (fft, score) => {
    const parsed = parseInsightsCsv(`text,date,fft\nA,2025-01-02,${fft}\n`, options)
    expect(parsed.issues).toEqual([])
    expect(parsed.value[0]?.fft).toBe(score)
  })

  it('splits tags at semicolons and commas, trimming them and dropping blanks and repeats', () => {
    const parsed = parseInsightsCsv('text,date,tags\nA,2025-01-02," parking ;access,, parking;;Access "\n', options)
    expect(parsed.value[0]?.tags).toEqual(['parking', 'access', 'Access'])
  })

  it('keeps dates on the edges of the range, a text of exactly 20,000 characters (emoji count once) and tabs and line breaks in it', () => {
    const long = '\u{1F469}'.repeat(20_000)
    const parsed = parseInsightsCsv(`text,date\n"${long}",2000-01-01\n"line one\r\n\tline two",${INSIGHT_TODAY}\n`, options)
    expect(parsed.issues).toEqual([])
    expect(parsed.value.map((i) => [i.date, i.text.length])).toEqual([['2000-01-01', 40_000], [INSIGHT_TODAY, 19]])
  })

  it('keeps a formula or markup in the text as written, never evaluated', () => {
    const parsed = parseInsightsCsv('text,date,ethnicity\n"=HYPERLINK(""http://evil.example"")",2025-01-02,<b>x</b>\n', options)
    expect(parsed.value[0]).toMatchObject({ text: '=HYPERLINK("http://evil.example")', groups: { ethnicity: '<b>x</b>' } })
  })
})

describe('parseInsightsCsv: one rule at a time', () => {
  const long = (n: number) => 'x'.repeat(n)
  it.each([
    ['missing_value', 'text', '   ,2025-01-02,,,,,,,,'],
    ['too_long', 'text', `${long(20_001)},2025-01-02,,,,,,,,`],
    ['bad_character', 'text', 'nul \u0000 here,2025-01-02,,,,,,,,'],
    ['missing_value', 'date', 'A,,,,,,,,,'],
    ['bad_date', 'date', 'A,05/03/2025,,,,,,,,'],
    ['bad_date', 'date', 'A,2025-02-29,,,,,,,,'],
    ['bad_date', 'date', 'A,2025-03-05T10:00:00Z,,,,,,,,'],
    ['out_of_range', 'date', 'A,1999-12-31,,,,,,,,'],
    ['out_of_range', 'date', 'A,2025-06-02,,,,,,,,'],
    ['unknown_site', 'site', 'A,2025-01-02,Z99999,,,,,,,'],
    ['unknown_site', 'site', 'A,2025-01-02,a81001,,,,,,,'],
    ['invalid_choice', 'source', 'A,2025-01-02,,visitor,,,,,,'],
    ['invalid_choice', 'fft', 'A,2025-01-02,,,0,,,,,'],
    ['invalid_choice', 'fft', 'A,2025-01-02,,,7,,,,,'],
    ['invalid_choice', 'fft', 'A,2025-01-02,,,1.0,,,,,'],
    ['invalid_choice', 'fft', 'A,2025-01-02,,,Excellent,,,,,'],
    ['too_long', 'age_band', `A,2025-01-02,,,,${long(201)},,,,`],
    ['bad_character', 'ethnicity', 'A,2025-01-02,,,,,Wh\u001Bite,,,'],
    ['bad_character', 'sex', 'A,2025-01-02,,,,,,Fe\u000Cmale,,'],
    ['invalid_choice', 'imd_quintile', 'A,2025-01-02,,,,,,,0,'],
    ['invalid_choice', 'imd_quintile', 'A,2025-01-02,,,,,,,6,'],
    ['invalid_choice', 'imd_quintile', 'A,2025-01-02,,,,,,,Q1,'],
    ['too_long', 'tags', `A,2025-01-02,,,,,,,,ok;${long(101)}`],
    ['bad_character', 'tags', 'A,2025-01-02,,,,,,,,a\u0007b'],
  ])('reports %s in column %s (case %#) and leaves the row out', (code, column, row) => {
    const parsed = parseInsightsCsv(insightCsv('Fine,2025-01-01,,,,,,,,', row), options)
    expect(where(parsed)).toEqual([{ code, line: 3, column }])
    expect(parsed.value.map((i) => i.text)).toEqual(['Fine'])
    expect(hasErrors(parsed.issues)).toBe(true)
  })

  it('writes the message the house style asks for, naming the column as the header spells it', () => {
    const parsed = parseInsightsCsv('Text,Date\nA,2030-01-01\n', options)
    expect(parsed.issues).toEqual([
      {
        severity: 'error',
        code: 'out_of_range',
        file: 'insight.csv',
        line: 2,
        column: 'Date',
        value: '2030-01-01',
        expected: `a date from 2000-01-01 to today (${INSIGHT_TODAY}), as YYYY-MM-DD`,
        message: `insight.csv:2:Date: "2030-01-01" is after today (${INSIGHT_TODAY}) (expected a date from 2000-01-01 to today (${INSIGHT_TODAY}), as YYYY-MM-DD).`,
      },
    ])
  })

  it('reports every problem of a row, and counts a 20,001-character text in characters', () => {
    const parsed = parseInsightsCsv(insightCsv(`${'\u{1F469}'.repeat(20_001)},2025-13-01,B1,alien,8,,,,9,`), options)
    expect(where(parsed).map((w) => [w.code, w.column])).toEqual([
      ['too_long', 'text'], ['bad_date', 'date'], ['unknown_site', 'site'], ['invalid_choice', 'source'], ['invalid_choice', 'fft'], ['invalid_choice', 'imd_quintile'],
    ])
    expect(parsed.issues[0]?.message).toContain('is 20,001 characters long')
  })

  it('quotes at most 100 characters of a 1 MB cell in a message', () => {
    const parsed = parseInsightsCsv(`text,date\nA,${'9'.repeat(1_048_576)}\n`, options)
    expect(parsed.issues[0]?.message).toContain(`"${'9'.repeat(100)}…" (1,048,576 characters) is not a date in the form YYYY-MM-DD`)
  })
})

describe('parseInsightsCsv: the header', () => {
  it.each([
    ['no text column', 'comment,date', 'has no text column'],
    ['no date column', 'text,when', 'has no date column'],
    ['neither', 'a,b', 'has no text or date column'],
    ['a repeated column', 'text,date,Age band,age_band', 'repeats column "age_band"'],
    ['semicolons for commas', 'text;date;site', 'has semicolons or tabs between the columns instead of commas'],
  ])('reports one bad_header error for %s and reads no rows', (_name, header, says) => {
    const parsed = parseInsightsCsv(`${header}\nA,2025-01-02,x,y\n`, options)
    const errors = parsed.issues.filter((i) => i.severity === 'error')
    expect(errors.map((i) => [i.code, i.line])).toEqual([['bad_header', 1]])
    expect(errors[0]?.message).toContain(says)
    expect(parsed.value).toEqual([])
  })

  it('warns once about columns it does not know, naming them, and reads the rest', () => {
    const parsed = parseInsightsCsv('text,date,Rating,,Ward\nA,2025-01-02,5,,W1\n', options)
    expect(parsed.issues.map((i) => [i.severity, i.code, i.line, i.value])).toEqual([['warning', 'unknown_column', 1, 'Rating,,Ward']])
    expect(parsed.issues[0]?.message).toContain('columns "Rating", an unnamed column, "Ward" are not insight columns and are ignored')
    expect(parsed.value).toHaveLength(1)
  })
})

describe('parseInsightsCsv: the file as a whole', () => {
  it.each([
    ['an empty file', ''],
    ['blank lines', '\n\r\n'],
    ['a header only', `${INSIGHT_HEADER}\r\n`],
  ])('reports empty_file for %s', (_name, text) => {
    expect(where(parseInsightsCsv(text, options))).toEqual([{ code: 'empty_file', line: undefined, column: undefined }])
  })

  it('reports a row with the wrong number of fields, and an unclosed quote on the line its row starts', () => {
    const parsed = parseInsightsCsv('text,date\nA,2025-01-02,extra\nB,2025-01-02\n"C,2025-01-02\nD,2025-01-02\n', options)
    expect(where(parsed)).toEqual([
      { code: 'wrong_field_count', line: 2, column: undefined },
      { code: 'bad_csv', line: 4, column: undefined },
    ])
    expect(parsed.value.map((i) => i.text)).toEqual(['B'])
  })

  it('keeps line numbers right with a BOM, CRLF and a quoted text over three lines', () => {
    const parsed = parseInsightsCsv('\uFEFFtext,date\r\n"one\r\ntwo\r\nthree",2025-01-02\r\n\r\nB,2025-02-30\r\n', options)
    expect(where(parsed)).toEqual([{ code: 'bad_date', line: 6, column: 'date' }])
    expect(parsed.value[0]?.text).toBe('one\r\ntwo\r\nthree')
  })

  it('reads bytes as well as text', () => {
    expect(parseInsightsCsv(new TextEncoder().encode('text,date\nA,2025-01-02\n'), options).value).toHaveLength(1)
  })

  it(`lists the first ${ISSUE_LIMIT} issues and counts the rest`, () => {
    const parsed = parseInsightsCsv(insightCsv(...Array.from({ length: 1500 }, () => 'A,2025-01-02,nowhere,,,,,,,')), options)
    expect(parsed.issues).toHaveLength(ISSUE_LIMIT + 1)
    expect(parsed.issues[ISSUE_LIMIT]).toMatchObject({ severity: 'error', code: 'too_many_issues' })
  })

  it('throws on a today option that is not a date (a bug in the caller, not in the file)', () => {
    expect(() => parseInsightsCsv('text,date\n', { ...options, today: '01/06/2025' })).toThrow('invalid today: "01/06/2025" (expected an ISO date YYYY-MM-DD)')
  })
})

describe('parseInsightsCsvStream', () => {
  it('gives the same result as the whole-file reader, with progress', async () => {
    const text = insightCsv('A,2025-01-02,A81001,,1,,,,,', 'B,2025-01-32,,,,,,,,', '"C\nD",2025-01-03,,,,,,,,')
    const bytes = new TextEncoder().encode(text)
    const progress: number[] = []
    const streamed = await parseInsightsCsvStream(Readable.from([bytes.subarray(0, 40), bytes.subarray(40)]), options, (read) => progress.push(read))
    expect(streamed).toEqual(parseInsightsCsv(text, options))
    expect(where(streamed)).toEqual([{ code: 'bad_date', line: 3, column: 'date' }])
    expect(progress).toEqual([40, bytes.length])
  })
})
