// The fuzz tests' own checks and arbitraries: each check fails on the fault it is there to catch,
// so a green fuzz run means something.
import fc from 'fast-check'
import { parseHTML } from 'linkedom'
import { describe, expect, it } from 'vitest'
import type { Issue } from '../../src/core/issues.ts'
import type { Measure, ObservationInput } from '../../src/core/model.ts'
import { observationTestContext } from '../../src/ingest/observation-test-context.ts'
import type { HtmlNode } from '../support/server.ts'
import { measureFixture } from '../support/fixture.ts'
import { csvText, lineCount, rowLines } from './csv-text.ts'
import { expectValidMeasures, expectValidObservations, expectValidSpcInput, isPeriodStartText } from './domain-checks.ts'
import { fuzzParameters } from './fuzz-settings.ts'
import { formulaText, numberLookalike, storableNumber, storableText, utf8RoundTrip } from './hostile-text.ts'
import { expectWellFormedIssues, ISSUE_CODES } from './issue-checks.ts'
import { injectedMarkup } from './response-checks.ts'

const context = observationTestContext('f.csv')
const row: ObservationInput = { measure: 'bp-control', period: '2024-03-01', site: 'A81001', dimension: null, group: null, numerator: 1, denominator: 4, value: 0.25 }
const issue: Issue = { severity: 'error', code: 'bad_date', message: 'f.csv:2:period: "x" is not a date (expected a date).', file: 'f.csv', line: 2 }
const plainDecimal = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/

describe('the fuzz checks fail on what they are meant to catch', () => {
  it('issues: a line outside the file, an unknown code, another file, a message without its place', () => {
    const check = (i: Issue, lines = 3) => () => expectWellFormedIssues([i], { file: 'f.csv', lines, codes: ISSUE_CODES.observationsCsv })
    expect(check(issue)).not.toThrow()
    expect(check(issue, 1)).toThrow(/line within/)
    expect(check({ ...issue, line: 0 })).toThrow(/line within/)
    expect(check({ ...issue, code: 'oops' })).toThrow()
    expect(check({ ...issue, file: 'g.csv' })).toThrow()
    expect(check({ ...issue, message: 'no place' })).toThrow()
  })

  it('observation rows: numerator above denominator, numbers out of range, a Tuesday for a week, unknown codes, repeats, half a group, control characters', () => {
    const check = (...rows: ObservationInput[]) => () => expectValidObservations(rows, context)
    expect(check(row)).not.toThrow()
    expect(check({ ...row, numerator: 5, value: 1.25 })).toThrow(/numerator/)
    expect(check({ ...row, measure: 'length-of-stay', value: Infinity })).toThrow(/between 1e-300 and 1e15/)
    expect(check({ ...row, measure: 'length-of-stay', value: 1.7e308 })).toThrow(/between 1e-300 and 1e15/)
    expect(check({ ...row, measure: 'length-of-stay', value: 4.4e-323 })).toThrow(/between 1e-300 and 1e15/)
    expect(check({ ...row, numerator: 1e-320, denominator: 1, value: 1e-320 })).toThrow(/numerator and denominator/)
    expect(check({ ...row, dimension: 'sex', group: 'fe\u0000male' })).toThrow(/no NUL/)
    expect(check({ ...row, dimension: 'sex', group: 'fe\u001Bmale' })).toThrow(/control character/)
    expect(check({ ...row, dimension: 'sex', group: 'fe\uD800male' })).toThrow(/lone surrogate/)
    expect(check({ ...row, dimension: 'sex', group: 'fe\tmale\r\n\u{1F469}' })).not.toThrow()
    expect(check({ ...row, measure: 'admissions', period: '2024-03-05', value: 3 })).toThrow(/week/)
    expect(check({ ...row, measure: 'nope' })).toThrow(/known measure/)
    expect(check({ ...row, site: 'Z9' })).toThrow(/known site/)
    expect(check(row, row)).toThrow(/one row per/)
    expect(check({ ...row, dimension: 'sex' })).toThrow(/together/)
    expect(check({ ...row, value: 0.3 })).toThrow(/numerator \/ denominator/)
  })

  it('measures: a bad code, a rate without a multiplier, a percentage as a proportion target, a repeated code', () => {
    const m = measureFixture({ code: 'bp-control' })
    expect(() => expectValidMeasures([m])).not.toThrow()
    expect(() => expectValidMeasures([{ ...m, code: '=cmd' }])).toThrow(/code/)
    expect(() => expectValidMeasures([{ ...m, code: '-2-1' }])).toThrow(/code/)
    expect(() => expectValidMeasures([{ ...m, target: 4.4e-323 }])).toThrow(/target/)
    expect(() => expectValidMeasures([{ ...m, name: 'a\u0000b' }])).toThrow(/NUL/)
    expect(() => expectValidMeasures([{ ...m, kind: 'rate' }])).toThrow(/multiplier/)
    expect(() => expectValidMeasures([{ ...m, target: 85 }])).toThrow(/fraction/)
    expect(() => expectValidMeasures([m, m])).toThrow(/unique/)
    expect(() => expectValidMeasures([{ ...m, name: '' } as Measure])).toThrow(/name/)
  })

  it('series input: points out of order, a fraction above 1', () => {
    expect(() => expectValidSpcInput({ kind: 'value', points: [{ period: '2024-01-02', value: 1 }, { period: '2024-01-01', value: 2 }] })).toThrow(/after/)
    expect(() => expectValidSpcInput({ kind: 'proportion', points: [{ period: '2024-01-01', value: 1.5 }] })).toThrow(/fraction/)
  })

  it('pages: injected elements, attributes and scripts are found; escaped markup is not', () => {
    const page = (body: string) => parseHTML(`<html><body>${body}<script type="module" src="/assets/lhs-init.js"></script></body></html>`).document as unknown as HtmlNode
    expect(injectedMarkup(page('<p>&lt;lhs-xss&gt; &quot;&gt;&lt;img src=x onerror=alert(1)&gt;</p>'))).toEqual([])
    expect(injectedMarkup(page('<p><lhs-xss></lhs-xss></p>'))).toHaveLength(1)
    expect(injectedMarkup(page('<p x=""><img src=x onerror=alert(1)></p>'))).toHaveLength(1)
    expect(injectedMarkup(page('<svg onload=alert(1)></svg>'))).toHaveLength(1)
    expect(injectedMarkup(page('<script>alert(1)</script>'))).toHaveLength(1)
  })

  it('calendar: period starts by unit, with Date rather than the code under test', () => {
    expect(['2024-03-04', '2024-03-05', '2024-02-30'].map((d) => isPeriodStartText(d, 'week'))).toEqual([true, false, false])
    expect(['2024-04-01', '2024-05-01'].map((d) => isPeriodStartText(d, 'quarter'))).toEqual([true, false])
  })

  it('CSV helpers: lines counted as the reader counts them, quoting that round-trips', () => {
    expect(lineCount('a\r\nb\rc\n')).toBe(4)
    expect(csvText([['a,b', 'say "hi"'], ['x']], { lineEnd: '\r\n', bom: true, quoteAll: false, finalLineEnd: false })).toBe('\uFEFF"a,b","say ""hi"""\r\nx')
    expect(rowLines([['h'], ['a\nb'], ['c']])).toEqual([1, 2, 4])
  })
})

describe('the hostile arbitraries are what they claim', () => {
  it('formulas and look-alike numbers are never plain decimal numbers, even trimmed', () => {
    fc.assert(fc.property(fc.oneof(formulaText, numberLookalike), (text) => !plainDecimal.test(text.trim())), fuzzParameters())
  })

  it('storableText and storableNumber give what a valid file may hold', () => {
    expect(storableText('a\u0000b\t\n\r\u0007\uD800\u{1F600}\uDFFF')).toBe('axb\t\n\rxx\u{1F600}x')
    expect([4.4e-323, -1e-250, -0, 0.5, 1e-100].map(storableNumber)).toEqual([0, 0, 0, 0.5, 1e-100])
  })

  it('utf8RoundTrip is what encoding and decoding does to a string', () => {
    fc.assert(fc.property(fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c))) }), (text) => utf8RoundTrip(text) === Buffer.from(text, 'utf8').toString('utf8')), fuzzParameters())
  })
})
