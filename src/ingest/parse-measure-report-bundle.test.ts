/* eslint-disable @typescript-eslint/no-explicit-any -- the tests change FHIR JSON anywhere, as a sender might */
import { describe, expect, it } from 'vitest'
import { DATA_ABSENT_REASON_URL, STRATIFIER_EXHAUSTIVE_URL } from '../core/fhir/canonical.ts'
import type { Issue } from '../core/issues.ts'
import { reportContext, reportIndex, TEST_OBSERVATIONS, testBundle, testBundleJson } from './measure-report-test-context.ts'
import { parseMeasureReportBundle } from './parse-measure-report-bundle.ts'

const parse = (input: unknown, organisation = 'test') => parseMeasureReportBundle(typeof input === 'string' ? input : JSON.stringify(input), reportContext('reports.json', organisation))
const codes = (issues: readonly Issue[], severity: 'error' | 'warning' = 'error') => issues.filter((i) => i.severity === severity).map((i) => i.code)
const sortRows = <T extends object>(rows: readonly T[]) => [...rows].map((r) => JSON.stringify(r)).sort()

/** A change to one report of the test Bundle, then the parse. */
function parseChanged(measure: string, change: (report: Record<string, any>) => void, period?: string) {
  const bundle = testBundleJson()
  const index = reportIndex(bundle, measure, period)
  change(bundle.entry[index].resource)
  return { parsed: parse(bundle), path: `entry[${index}].resource` }
}

describe('parseMeasureReportBundle', () => {
  it('reads back every observation the builder wrote, of every kind', () => {
    const parsed = parse(testBundle())
    expect(parsed.issues).toEqual([])
    expect(sortRows(parsed.value)).toEqual(sortRows(TEST_OBSERVATIONS))
  })

  it('reads a transaction Bundle whose entries have POST requests, and refuses one without', () => {
    const bundle = testBundleJson()
    bundle.type = 'transaction'
    for (const entry of bundle.entry) entry.request = { method: 'POST', url: entry.resource.resourceType }
    expect(sortRows(parse(bundle).value)).toEqual(sortRows(TEST_OBSERVATIONS))
    delete bundle.entry[0].request
    expect(parse(bundle).issues[0]).toMatchObject({ code: 'bad_entry', column: 'entry[0].request' })
  })

  it('refuses a request in a collection and an unknown Bundle type', () => {
    const bundle = testBundleJson()
    bundle.entry[1].request = { method: 'POST', url: 'Location' }
    expect(parse(bundle).issues).toEqual([expect.objectContaining({ code: 'bad_entry', column: 'entry[1].request' })])
    expect(codes(parse({ ...testBundleJson(), type: 'searchset' }).issues)).toEqual(['invalid_choice'])
  })

  it('reads NDJSON whose subjects are identifiers', () => {
    const bundle = testBundleJson()
    const subjects = new Map<string, unknown>(bundle.entry.map((e: any) => [e.fullUrl, e.resource.identifier?.[0]]))
    const lines = bundle.entry
      .filter((e: any) => e.resource.resourceType === 'MeasureReport')
      .map((e: any) => JSON.stringify({ ...e.resource, subject: { identifier: subjects.get(e.resource.subject.reference) } }))
    const parsed = parse(lines.join('\n'))
    expect(parsed.issues).toEqual([])
    expect(sortRows(parsed.value)).toEqual(sortRows(TEST_OBSERVATIONS))
  })

  it('names the entry, JSON path, bad value and what was expected', () => {
    const { parsed, path } = parseChanged('bp-control', (r) => (r.status = 'final'))
    expect(parsed.issues).toEqual([
      expect.objectContaining({ severity: 'error', code: 'invalid_choice', column: `${path}.status`, value: '"final"', expected: 'complete, pending or error', message: expect.stringMatching(/^reports\.json:entry\[\d+\]\.resource\.status: status "final" is not a FHIR status code/) }),
    ])
    expect(parsed.value.some((o) => o.measure === 'bp-control' && o.period === '2025-01-13')).toBe(false)
    expect(parsed.value).toHaveLength(TEST_OBSERVATIONS.length - 1)
  })

  it('skips a pending report with a warning and refuses a report that is not a summary', () => {
    expect(codes(parseChanged('falls', (r) => (r.status = 'pending')).parsed.issues, 'warning')).toEqual(['report_not_complete'])
    expect(codes(parseChanged('falls', (r) => (r.type = 'individual')).parsed.issues)).toEqual(['unsupported_report_type'])
  })

  it('enforces mrp-2 and refuses two-dimensional strata', () => {
    const both = parseChanged('bp-control', (r) => (r.group[0].stratifier[0].stratum[0].component = [{ code: { text: 'sex' }, value: { text: 'Male' } }]), '2025-01-06')
    expect(both.parsed.issues).toEqual([expect.objectContaining({ code: 'mrp_2', column: `${both.path}.group[0].stratifier[0].stratum[0].component` })])
    const only = parseChanged('bp-control', (r) => delete r.group[0].stratifier[0].stratum[0].value, '2025-01-06')
    expect(codes(only.parsed.issues)).toContain('missing_value')
  })

  it('refuses a numerator above the denominator and a score that disagrees with the counts', () => {
    const above = parseChanged('bp-control', (r) => (r.group[0].population[0].count = 51), '2025-01-06')
    expect(codes(above.parsed.issues)).toContain('numerator_above_denominator')
    const score = parseChanged('bp-control', (r) => (r.group[0].measureScore.value = 0.7), '2025-01-06')
    expect(score.parsed.issues).toEqual([expect.objectContaining({ code: 'inconsistent_score', column: `${score.path}.group[0].measureScore.value`, value: '0.7' })])
    const computed = parseChanged('falls', (r) => delete r.group[0].measureScore)
    expect(computed.parsed.value.find((o) => o.measure === 'falls')?.value).toBe((3 / 1500) * 1000)
  })

  it('refuses repeated strata and exhaustive strata that do not add up; warns when strata exceed the total', () => {
    const twice = parseChanged('bp-control', (r) => (r.group[0].stratifier[0].stratum[1].value = r.group[0].stratifier[0].stratum[0].value), '2025-01-06')
    expect(codes(twice.parsed.issues)).toEqual(['duplicate_stratum'])
    const { parsed, path } = parseChanged('bp-control', (r) => {
      r.group[0].stratifier[0].stratum[0].population[1].count = 21
      delete r.group[0].stratifier[0].stratum[0].measureScore
    }, '2025-01-06')
    expect(parsed.issues).toEqual([expect.objectContaining({ code: 'strata_do_not_sum', column: `${path}.group[0].stratifier[0].stratum`, value: '51' })])
    const notExhaustive = parseChanged('bp-control', (r) => {
      const imd = r.group[0].stratifier[0]
      expect(imd.extension[0].url).toBe(STRATIFIER_EXHAUSTIVE_URL)
      delete imd.extension
      imd.stratum[0].population[1].count = 21
      delete imd.stratum[0].measureScore
    }, '2025-01-06')
    expect(codes(notExhaustive.parsed.issues)).toEqual([])
    expect(codes(notExhaustive.parsed.issues, 'warning')).toEqual(['strata_exceed_total'])
  })

  it('refuses periods not aligned to the measure’s frequency', () => {
    const start = parseChanged('bp-control', (r) => (r.period = { start: '2025-01-07', end: '2025-01-13' }), '2025-01-06')
    expect(start.parsed.issues).toEqual([expect.objectContaining({ code: 'misaligned_period', column: `${start.path}.period.start`, expected: 'the Monday that starts the week (YYYY-MM-DD)' })])
    const end = parseChanged('falls', (r) => (r.period.end = '2025-01-30'))
    expect(end.parsed.issues).toEqual([expect.objectContaining({ code: 'misaligned_period', column: `${end.path}.period.end`, expected: '2025-01-31, the last day of that month' })])
  })

  it('refuses subjects of another organisation, unresolved references and unknown measures', () => {
    expect(codes(parse(testBundle(), 'other').issues)).toContain('subject_not_in_organisation')
    const bundle = testBundleJson()
    const index = reportIndex(bundle, 'falls')
    bundle.entry[index].resource.subject.reference = 'urn:uuid:00000000-0000-4000-8000-000000000000'
    expect(parse(bundle).issues).toEqual([expect.objectContaining({ code: 'unresolved_reference', column: `entry[${index}].resource.subject.reference` })])
    const unknown = parseChanged('falls', (r) => (r.measure = 'https://elsewhere.example/Measure/slips'))
    expect(unknown.parsed.issues).toEqual([expect.objectContaining({ code: 'unknown_measure', value: 'https://elsewhere.example/Measure/slips', expected: 'a Measure URL ending in one of: bp-control, falls, monitors, wait' })])
  })

  it('skips masked numbers with a warning and imports the rest', () => {
    const { parsed } = parseChanged('bp-control', (r) => {
      const stratum = r.group[0].stratifier[0].stratum[0]
      delete stratum.population[0].count
      stratum.population[0]._count = { extension: [{ url: DATA_ABSENT_REASON_URL, valueCode: 'masked' }] }
      delete stratum.measureScore
      delete r.group[0].stratifier[0].extension
    }, '2025-01-06')
    expect(codes(parsed.issues)).toEqual([])
    expect(codes(parsed.issues, 'warning')).toEqual(['masked_value'])
    expect(parsed.value).toHaveLength(TEST_OBSERVATIONS.length - 1)
    expect(parsed.value.some((o) => o.dimension === 'imd_quintile' && o.group === '1')).toBe(false)
  })

  it('never reads the narrative', () => {
    const { parsed } = parseChanged('falls', (r) => (r.text = { status: 'generated', div: '<div xmlns="http://www.w3.org/1999/xhtml"><script>alert(1)</script></div>' }))
    expect(parsed.issues).toEqual([])
    expect(JSON.stringify(parsed.value)).not.toContain('script')
  })

  it('refuses the same numbers twice, bad JSON and a file without reports', () => {
    const bundle = testBundleJson()
    bundle.entry.push({ ...bundle.entry[reportIndex(bundle, 'falls')], fullUrl: 'urn:uuid:00000000-0000-4000-8000-000000000001' })
    expect(codes(parse(bundle).issues)).toEqual(['duplicate_row'])
    expect(parse('{"resourceType": "Bundle",').issues).toEqual([expect.objectContaining({ code: 'bad_json', line: 1 })])
    expect(codes(parse({ resourceType: 'Bundle', type: 'collection', entry: [] }).issues)).toEqual(['empty_file'])
  })
})
