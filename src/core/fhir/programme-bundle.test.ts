import { describe, expect, it } from 'vitest'
import { reportContext, TEST_MEASURES, testBundle } from '../../ingest/measure-report-test-context.ts'
import { IMD_QUINTILE_SYSTEM } from '../../ingest/insight-questionnaire.ts'
import { DATA_ABSENT_REASON_URL, groupSystem, MEASURE_POPULATION_SYSTEM, measureUrl, UK_CORE_ETHNIC_CATEGORY_SYSTEM } from './canonical.ts'
import { measureResource } from './measure.ts'
import { measureReport } from './measure-report.ts'
import { deterministicUuid } from './uuid.ts'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

describe('deterministicUuid', () => {
  it('gives a version-8 UUID that depends only on the name', () => {
    const names = Array.from({ length: 2000 }, (_, i) => `test/MeasureReport/htn/bp-control/alpha/${i}`)
    const ids = names.map(deterministicUuid)
    for (const id of ids) expect(id).toMatch(UUID)
    expect(new Set(ids).size).toBe(names.length)
    expect(names.map(deterministicUuid)).toEqual(ids)
  })
})

describe('groupSystem', () => {
  it('codes IMD quintiles in the same system as the insight importer, and keeps other dimensions apart', () => {
    expect(groupSystem('imd_quintile')).toBe(IMD_QUINTILE_SYSTEM)
    expect(new Set(['imd_quintile', 'ethnicity', 'sex', 'age_band', 'carer', 'constructor', 'a/b'].map(groupSystem)).size).toBe(7)
    expect(groupSystem('a/b')).toMatch(/community-group\/a%2Fb$/)
  })
})

describe('measureResource', () => {
  it('scores by kind, notes the direction and gives every population a text/plain criteria', () => {
    const owner = { organisation: 'test', programme: 'htn' }
    const scorings = TEST_MEASURES.map((m) => (measureResource(owner, m).scoring as { coding: { code: string }[] }).coding[0]?.code)
    expect(scorings).toEqual(['proportion', 'ratio', 'continuous-variable', 'continuous-variable'])
    const measure = measureResource(owner, TEST_MEASURES[0]!)
    expect(measure.url).toBe(measureUrl('test', 'htn', 'bp-control'))
    expect(measure.improvementNotation).toEqual({ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/measure-improvement-notation', code: 'increase' }] })
    expect(measureResource(owner, { ...TEST_MEASURES[0]!, direction: 'neutral' }).improvementNotation).toBeUndefined()
    for (const m of TEST_MEASURES) {
      const populations = (measureResource(owner, m).group as { population: { criteria: { language: string; expression: string } }[] }[])[0]!.population
      expect(populations.length).toBeGreaterThan(1)
      for (const p of populations) expect(p.criteria.language === 'text/plain' && p.criteria.expression.length > 0).toBe(true)
    }
  })
})

describe('measureReport', () => {
  it('masks a suppressed count with the data-absent-reason and drops the score it would reveal', () => {
    const report = measureReport({
      measureUrl: 'https://lhs.example.org/fhir/Measure/test/htn/bp-control',
      periodUnit: 'week',
      period: '2025-01-06',
      subject: { reference: 'urn:uuid:x', display: 'Alpha' },
      total: { numerator: 30, denominator: 50, value: 0.6 },
      strata: new Map([['ethnicity', [{ group: 'White British', cell: { numerator: 'masked' as const, denominator: 10, value: 'masked' as const } }]]]),
    }) as unknown as { period: unknown; group: { population: unknown[]; stratifier: { stratum: { value: { coding: { system: string; code: string }[] }; population: Record<string, unknown>[]; measureScore?: unknown }[] }[] }[] }
    expect(report.period).toEqual({ start: '2025-01-06', end: '2025-01-12' })
    const stratum = report.group[0]!.stratifier[0]!.stratum[0]!
    expect(stratum.population[0]).toEqual({ code: { coding: [{ system: MEASURE_POPULATION_SYSTEM, code: 'numerator' }] }, _count: { extension: [{ url: DATA_ABSENT_REASON_URL, valueCode: 'masked' }] } })
    expect(stratum.population[1]?.count).toBe(10)
    expect(stratum.measureScore).toBeUndefined()
    expect(stratum.value.coding.map((c) => `${c.system}|${c.code}`)).toContain(`${UK_CORE_ETHNIC_CATEGORY_SYSTEM}|A`)
  })
})

describe('programmeBundle', () => {
  it('is a collection whose entries have unique urn:uuid fullUrls, no request, and resolvable subjects', () => {
    const bundle = testBundle()
    expect(bundle.type).toBe('collection')
    const urls = bundle.entry.map((e) => e.fullUrl)
    expect(new Set(urls).size).toBe(urls.length)
    for (const entry of bundle.entry) {
      expect(entry.fullUrl).toMatch(/^urn:uuid:/)
      expect('request' in entry).toBe(false)
      const subject = entry.resource.subject as { reference: string } | undefined
      if (subject) expect(urls).toContain(subject.reference)
    }
    expect(JSON.stringify(testBundle())).toBe(JSON.stringify(bundle))
    const locations = bundle.entry.filter((e) => e.resource.resourceType === 'Location').length
    expect(locations).toBe(reportContext().sites.size)
  })
})
