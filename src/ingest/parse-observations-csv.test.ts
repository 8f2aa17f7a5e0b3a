import { Readable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { hasErrors } from '../core/issues.ts'
import type { Parsed } from '../core/issues.ts'
import { ISSUE_LIMIT } from './issue-collector.ts'
import { OBSERVATION_HEADER, observationCsv, observationTestContext } from './observation-test-context.ts'
import { parseObservationsCsv, parseObservationsCsvStream } from './parse-observations-csv.ts'

const context = observationTestContext()

function where(parsed: Parsed<unknown>): { code: string; line: number | undefined; column: string | undefined }[] {
  return parsed.issues.map(({ code, line, column }) => ({ code, line, column }))
}

describe('parseObservationsCsv: valid rows', () => {
  it('computes proportions as fractions and rates with their multiplier', () => {
    const parsed = parseObservationsCsv(
      observationCsv(
        'bp-control,2024-03-01,A81001,,,45,60,',
        'bp-control,2024-03-01,,ethnicity,Black,3,4,0.75',
        'falls-rate,2024-04-01,A81002,,,3,1200,',
        'ratio,2024-03-05,,,,1,8,',
        'admissions,2024-03-04,,,,,,12',
        'length-of-stay,2024-03-01,A81001,,,95,20,4.75',
      ),
      context,
    )
    expect(parsed.issues).toEqual([])
    expect(parsed.value).toEqual([
      { measure: 'bp-control', period: '2024-03-01', site: 'A81001', dimension: null, group: null, numerator: 45, denominator: 60, value: 0.75 },
      { measure: 'bp-control', period: '2024-03-01', site: null, dimension: 'ethnicity', group: 'Black', numerator: 3, denominator: 4, value: 0.75 },
      { measure: 'falls-rate', period: '2024-04-01', site: 'A81002', dimension: null, group: null, numerator: 3, denominator: 1200, value: 2.5 },
      { measure: 'ratio', period: '2024-03-05', site: null, dimension: null, group: null, numerator: 1, denominator: 8, value: 0.125 },
      { measure: 'admissions', period: '2024-03-04', site: null, dimension: null, group: null, numerator: null, denominator: null, value: 12 },
      { measure: 'length-of-stay', period: '2024-03-01', site: 'A81001', dimension: null, group: null, numerator: 95, denominator: 20, value: 4.75 },
    ])
  })

  it('trims fields and accepts a value within 1e-9 (relative) of the computed one', () => {
    const parsed = parseObservationsCsv(observationCsv(' bp-control , 2024-03-01 , A81001 ,,, 1 , 3 , 0.3333333333333333 '), context)
    expect(parsed.issues).toEqual([])
    expect(parsed.value[0]).toMatchObject({ measure: 'bp-control', period: '2024-03-01', site: 'A81001', value: 1 / 3 })
  })

  it('skips blank lines, including lines of bare commas, without shifting line numbers', () => {
    const parsed = parseObservationsCsv(`${OBSERVATION_HEADER}\n\n,,,,,,,\n   \nadmissions,2024-03-05,,,,,,1\n`, context)
    expect(where(parsed)).toEqual([{ code: 'misaligned_period', line: 5, column: 'period' }])
  })
})

describe('parseObservationsCsv: one rule at a time', () => {
  it.each([
    ['unknown_measure', 'bp-contrl,2024-03-01,,,,1,2,', 'measure'],
    ['missing_value', ',2024-03-01,,,,1,2,', 'measure'],
    ['unknown_site', 'bp-control,2024-03-01,Z99999,,,1,2,', 'site'],
    ['bad_date', 'bp-control,2024-02-30,,,,1,2,', 'period'],
    ['bad_date', 'bp-control,01/03/2024,,,,1,2,', 'period'],
    ['missing_value', 'bp-control,,,,,1,2,', 'period'],
    ['misaligned_period', 'bp-control,2024-03-02,,,,1,2,', 'period'],
    ['misaligned_period', 'admissions,2024-03-05,,,,,,1', 'period'],
    ['misaligned_period', 'falls-rate,2024-02-01,,,,1,2,', 'period'],
    ['incomplete_group', 'bp-control,2024-03-01,,ethnicity,,1,2,', 'group'],
    ['incomplete_group', 'bp-control,2024-03-01,,,Black,1,2,', 'dimension'],
    ['not_a_number', 'bp-control,2024-03-01,,,,one,2,', 'numerator'],
    ['not_a_number', 'bp-control,2024-03-01,,,,1,2,50%', 'value'],
    ['negative_value', 'bp-control,2024-03-01,,,,-1,2,', 'numerator'],
    ['negative_value', 'bp-control,2024-03-01,,,,1,-2,', 'denominator'],
    ['negative_value', 'admissions,2024-03-04,,,,,,-3', 'value'],
    ['missing_value', 'bp-control,2024-03-01,,,,,2,', 'numerator'],
    ['missing_value', 'falls-rate,2024-04-01,,,,1,,', 'denominator'],
    ['missing_value', 'admissions,2024-03-04,,,,4,,', 'value'],
    ['missing_value', 'length-of-stay,2024-03-01,,,,95,20,', 'value'],
    ['zero_denominator', 'bp-control,2024-03-01,,,,0,0,', 'denominator'],
    ['numerator_above_denominator', 'bp-control,2024-03-01,,,,3,2,', 'numerator'],
    ['inconsistent_value', 'bp-control,2024-03-01,,,,1,2,50', 'value'],
    ['inconsistent_value', 'bp-control,2024-03-01,,,,1,3,0.3333', 'value'],
    ['inconsistent_value', 'falls-rate,2024-04-01,,,,3,1200,0.0025', 'value'],
    ['not_a_whole_number', 'admissions,2024-03-04,,,,,,2.5', 'value'],
  ])('reports %s for %j in column %s', (code, row, column) => {
    const parsed = parseObservationsCsv(observationCsv('admissions,2024-01-01,,,,,,7', row), context)
    expect(where(parsed)).toEqual([{ code, line: 3, column }])
    expect(parsed.value).toHaveLength(1)
    expect(hasErrors(parsed.issues)).toBe(true)
  })

  it('writes the message the house style asks for', () => {
    const parsed = parseObservationsCsv(observationCsv('admissions,2024-03-05,,,,,,1'), context)
    expect(parsed.issues[0]).toMatchObject({
      severity: 'error',
      file: 'obs.csv',
      value: '2024-03-05',
      expected: 'the Monday that starts the week (YYYY-MM-DD)',
      message: 'obs.csv:2:period: "2024-03-05" is not the start of a week (expected the Monday that starts the week (YYYY-MM-DD)).',
    })
  })

  it('names the line of the first occurrence of a duplicate row', () => {
    const parsed = parseObservationsCsv(
      observationCsv('bp-control,2024-03-01,A81001,sex,F,1,2,', 'bp-control,2024-03-01,A81001,sex,M,1,2,', 'bp-control, 2024-03-01 ,A81001,sex,F,2,2,'),
      context,
    )
    expect(where(parsed)).toEqual([{ code: 'duplicate_row', line: 4, column: undefined }])
    expect(parsed.issues[0]?.message).toContain('line 2')
  })

  it('reports a row with the wrong number of fields and reads the rest', () => {
    const parsed = parseObservationsCsv(observationCsv('admissions,2024-03-04,,,,,', 'admissions,2024-03-11,,,,,,1,', 'admissions,2024-03-18,,,,,,1'), context)
    expect(where(parsed)).toEqual([
      { code: 'wrong_field_count', line: 2, column: undefined },
      { code: 'wrong_field_count', line: 3, column: undefined },
    ])
    expect(parsed.value.map((o) => o.period)).toEqual(['2024-03-18'])
  })
})

describe('parseObservationsCsv: hostile input the fuzz tests found', () => {
  it.each([
    ['a value near the largest float (it overflowed the data-quality sums)', 'length-of-stay,2024-03-01,,,,,,1.7e308', 'value'],
    ['a value above 1e15', 'admissions,2024-03-04,,,,,,2e15', 'value'],
    ['a subnormal value (a chart of it could not be drawn)', 'length-of-stay,2024-03-01,,,,,,4.4e-323', 'value'],
    ['a numerator nearer 0 than 1e-300', 'bp-control,2024-03-01,,,,1e-301,2,', 'numerator'],
    ['a denominator near the largest float', 'falls-rate,2024-04-01,,,,1,1e308,', 'denominator'],
    ['a rate too large once computed', 'falls-rate,2024-04-01,,,,1e15,0.001,', 'value'],
    ['a proportion nearer 0 than 1e-300 once computed', 'bp-control,2024-03-01,,,,1e-290,1e15,', 'value'],
  ])('reports out_of_range for %s', (_name, row, column) => {
    const parsed = parseObservationsCsv(observationCsv('admissions,2024-01-01,,,,,,7', row), context)
    expect(where(parsed)).toEqual([{ code: 'out_of_range', line: 3, column }])
    expect(parsed.issues[0]?.expected).toContain('between -1e15 and 1e15')
    expect(parsed.value).toHaveLength(1)
  })

  it('keeps 0 and numbers at the edges of the range', () => {
    const parsed = parseObservationsCsv(observationCsv('length-of-stay,2024-03-01,,,,,,-1e15', 'length-of-stay,2024-04-01,,,,,,1e-300', 'length-of-stay,2024-05-01,,,,,,0'), context)
    expect(parsed.issues).toEqual([])
    expect(parsed.value.map((o) => o.value)).toEqual([-1e15, 1e-300, 0])
  })

  it('reports a NUL or another control character in a dimension or group as bad_character (PostgreSQL text cannot hold U+0000)', () => {
    const parsed = parseObservationsCsv(observationCsv('bp-control,2024-03-01,,eth\u0000nicity,White,1,2,', 'bp-control,2024-04-01,,ethnicity,Wh\u001Bite,1,2,'), context)
    expect(where(parsed)).toEqual([
      { code: 'bad_character', line: 2, column: 'dimension' },
      { code: 'bad_character', line: 3, column: 'group' },
    ])
    expect(parsed.issues[0]?.message).toBe(
      'obs.csv:2:dimension: dimension "eth\\u0000nicity" contains a NUL character (U+0000) at character 4 (expected text without control characters (tabs and line breaks are fine) and without lone surrogates).',
    )
    expect(parsed.issues[1]?.message).toContain('contains the control character U+001B at character 3')
    expect(parsed.value).toEqual([])
  })

  it('keeps tabs and line breaks in a group', () => {
    const parsed = parseObservationsCsv(observationCsv('bp-control,2024-03-01,,ethnicity,"White\tBritish\r\nor Irish",1,2,'), context)
    expect(parsed.issues).toEqual([])
    expect(parsed.value[0]?.group).toBe('White\tBritish\r\nor Irish')
  })

  it('quotes at most 100 characters of a 1 MB cell in a message, with its length', () => {
    const parsed = parseObservationsCsv(observationCsv(`admissions,2024-03-04,,,,,,${'9x'.repeat(524_288)}`), context)
    expect(where(parsed)).toEqual([{ code: 'not_a_number', line: 2, column: 'value' }])
    expect(parsed.issues[0]?.message).toBe(`obs.csv:2:value: "${'9x'.repeat(50)}…" (1,048,576 characters) is not a number (expected a number such as 12 or -0.5).`)
    expect(parsed.issues[0]?.value).toHaveLength(1_048_576)
  })
})

describe('parseObservationsCsv: the file as a whole', () => {
  it.each([
    ['an empty file', ''],
    ['a file of blank lines', '\n\r\n\n'],
    ['a header only', `${OBSERVATION_HEADER}\r\n`],
  ])('reports empty_file for %s', (_name, text) => {
    const parsed = parseObservationsCsv(text, context)
    expect(where(parsed)).toEqual([{ code: 'empty_file', line: undefined, column: undefined }])
  })

  it.each([
    ['a missing column', 'measure,period,site,dimension,group,numerator,denominator', 'is missing column "value"'],
    ['an extra column', `${OBSERVATION_HEADER},note`, 'has unexpected column "note"'],
    ['a misnamed column', 'measure,period,site,dimension,group,numerator,denominator,Value', 'is missing column "value", has unexpected column "Value"'],
    ['columns out of order', 'period,measure,site,dimension,group,numerator,denominator,value', 'in the wrong order'],
    ['semicolons for commas', OBSERVATION_HEADER.replaceAll(',', ';'), 'semicolons or tabs between the columns instead of commas'],
  ])('reports bad_header for %s and reads no rows', (_name, header, says) => {
    const parsed = parseObservationsCsv(`${header}\nadmissions,2024-03-05,,,,,,1\n`, context)
    expect(where(parsed)).toEqual([{ code: 'bad_header', line: 1, column: undefined }])
    expect(parsed.issues[0]?.message).toContain(says)
    expect(parsed.issues[0]?.message).toContain(`expected "${OBSERVATION_HEADER}"`)
    expect(parsed.value).toEqual([])
  })

  it('reports every mistake in a file with many, in line order', () => {
    const parsed = parseObservationsCsv(
      observationCsv(
        'bp-control,2024-03-01,A81001,,,45,60,',
        'bp-contrl,2024-13-01,B1,eth,,x,-1,',
        'admissions,2024-03-05,,,,,,2.5',
        'bp-control,2024-03-01,A81001,,,1,0,',
        'falls-rate,2024-04-01,,,,,,',
      ),
      context,
    )
    expect(where(parsed)).toEqual([
      { code: 'unknown_measure', line: 3, column: 'measure' },
      { code: 'bad_date', line: 3, column: 'period' },
      { code: 'unknown_site', line: 3, column: 'site' },
      { code: 'incomplete_group', line: 3, column: 'group' },
      { code: 'not_a_number', line: 3, column: 'numerator' },
      { code: 'negative_value', line: 3, column: 'denominator' },
      { code: 'misaligned_period', line: 4, column: 'period' },
      { code: 'not_a_whole_number', line: 4, column: 'value' },
      { code: 'zero_denominator', line: 5, column: 'denominator' },
      { code: 'duplicate_row', line: 5, column: undefined },
      { code: 'missing_value', line: 6, column: 'numerator' },
      { code: 'missing_value', line: 6, column: 'denominator' },
    ])
    expect(parsed.value.map((o) => o.measure)).toEqual(['bp-control'])
  })

  it('keeps line numbers right with a BOM, CRLF line ends and a quoted field over three lines', () => {
    const text = `\uFEFF${OBSERVATION_HEADER}\r\nbp-control,2024-03-01,,"eth\r\nni\r\ncity",White,1,2,\r\n\r\nadmissions,2024-03-05,,,,,,1\r\n`
    const parsed = parseObservationsCsv(text, context)
    expect(where(parsed)).toEqual([{ code: 'misaligned_period', line: 6, column: 'period' }])
    expect(parsed.value[0]).toMatchObject({ dimension: 'eth\r\nni\r\ncity', group: 'White', value: 0.5 })
  })

  it('reads bytes as well as text', () => {
    const parsed = parseObservationsCsv(new TextEncoder().encode(observationCsv('admissions,2024-03-04,A81002,,,,,3')), context)
    expect(parsed).toEqual({ value: [expect.objectContaining({ site: 'A81002', value: 3 })], issues: [] })
  })

  it('reports an unclosed quote on the line its row starts and keeps what came before', () => {
    const parsed = parseObservationsCsv(observationCsv('admissions,2024-03-04,,,,,,1', 'admissions,"2024-03-11,,,,,,1', 'admissions,2024-03-18,,,,,,1'), context)
    expect(where(parsed)).toEqual([{ code: 'bad_csv', line: 3, column: undefined }])
    expect(parsed.issues[0]?.message).toContain('never closed')
    expect(parsed.value).toHaveLength(1)
  })

  it(`lists the first ${ISSUE_LIMIT} issues and counts the rest`, () => {
    const rows = Array.from({ length: 1500 }, () => 'nope,2024-03-04,,,,,,1')
    const parsed = parseObservationsCsv(observationCsv(...rows), context)
    expect(parsed.issues).toHaveLength(ISSUE_LIMIT + 1)
    expect(parsed.issues[ISSUE_LIMIT - 1]).toMatchObject({ code: 'unknown_measure', line: ISSUE_LIMIT + 1 })
    expect(parsed.issues[ISSUE_LIMIT]).toMatchObject({ severity: 'error', code: 'too_many_issues' })
    expect(parsed.issues[ISSUE_LIMIT]?.message).toContain('500 more issues')
  })

  it('parses a generated file of 100,000 rows', () => {
    const rows: string[] = []
    for (let i = 0; i < 100_000; i++) {
      // 100 months × 2 sites × 500 groups, each once.
      const month = new Date(Date.UTC(2000, Math.floor(i / 1000), 1)).toISOString().slice(0, 10)
      rows.push(`bp-control,${month},${['A81001', 'A81002'][i % 2]},practice,P${Math.floor(i / 2) % 500},${i % 50},50,`)
    }
    const parsed = parseObservationsCsv(observationCsv(...rows), context)
    expect(parsed.issues).toEqual([])
    expect(parsed.value).toHaveLength(100_000)
    expect(parsed.value[99_999]).toMatchObject({ numerator: 49, denominator: 50, value: 0.98 })
  })
})

describe('parseObservationsCsvStream', () => {
  it('gives the same result as the whole-file reader, with progress', async () => {
    const text = observationCsv('admissions,2024-03-04,,,,,,1', 'bp-control,2024-03-02,,,,1,2,', 'bp-control,2024-03-01,,"a\nb",c,1,2,')
    const bytes = new TextEncoder().encode(text)
    const chunks = [bytes.subarray(0, 70), bytes.subarray(70, 101), bytes.subarray(101)]
    const progress: number[] = []
    const streamed = await parseObservationsCsvStream(Readable.from(chunks), context, (read) => progress.push(read))
    expect(streamed).toEqual(parseObservationsCsv(text, context))
    expect(where(streamed)).toEqual([{ code: 'misaligned_period', line: 3, column: 'period' }])
    expect(progress).toEqual([70, 101, bytes.length])
  })

  it('reports an empty stream as an empty file', async () => {
    const parsed = await parseObservationsCsvStream(Readable.from([]), context)
    expect(where(parsed)).toEqual([{ code: 'empty_file', line: undefined, column: undefined }])
  })
})
