/** Every resource the FHIR builders write passes the R4 validator, masked cells and non-whole amounts included; the validator rejects broken ones. */
import { describe, expect, it } from 'vitest'
import { programmeBundle } from '../../src/core/fhir/index.ts'
import { TEST_MEASURES, TEST_OBSERVATIONS, TEST_SITES, testBundle } from '../../src/ingest/measure-report-test-context.ts'
import { fhirErrors, validateFhir } from './fhir-validator.ts'

describe('FHIR resources against the R4 validator', () => {
  it('accepts every entry of a Bundle with every kind of measure', () => {
    const bundle = testBundle()
    expect(fhirErrors(bundle)).toEqual([])
    for (const entry of bundle.entry) expect(fhirErrors(entry.resource), entry.resource.resourceType).toEqual([])
  })

  it('accepts masked numbers', () => {
    const cells = TEST_OBSERVATIONS.map((o) => ({ ...o, numerator: o.numerator === null ? null : ('masked' as const), value: 'masked' as const }))
    const bundle = programmeBundle({ organisation: { code: 'test', name: 'Test' }, programme: { code: 'htn', name: 'H' }, measures: TEST_MEASURES, sites: TEST_SITES, cells, policy: { code: 'nhs-digital', statement: 'Counts of 1 to 7 are shown as *' } })
    expect(JSON.stringify(bundle)).toContain('"valueCode":"masked"')
    expect(fhirErrors(bundle)).toEqual([])
  })

  it('rejects a report with a bad status, a missing measure or a bad date, so these checks can fail', () => {
    const report = testBundle().entry.find((e) => e.resource.resourceType === 'MeasureReport')?.resource
    expect(validateFhir(report).valid).toBe(true)
    expect(validateFhir({ ...report, status: 'final' }).valid).toBe(false)
    const { measure: _measure, ...noMeasure } = report ?? { resourceType: 'MeasureReport', measure: '' }
    expect(validateFhir(noMeasure).valid).toBe(false)
    expect(validateFhir({ ...report, period: { start: 'not a date' } }).valid).toBe(false)
    const measure = testBundle().entry.find((e) => e.resource.resourceType === 'Measure')?.resource
    expect(validateFhir({ ...measure, status: 'live' }).valid).toBe(false)
  })
})
