/** A small programme, its observations and their FHIR Bundle, for the MeasureReport importer's tests. */
import { programmeBundle, type Bundle } from '../core/fhir/index.ts'
import type { Measure, ObservationInput, Site } from '../core/model.ts'
import type { MeasureReportContext } from './measure-report-reader.ts'

const base = { description: 'About it', type: 'process', direction: 'increase', target: null, defaultChart: 'xmr', numeratorDefinition: 'Yes', denominatorDefinition: 'All', unit: null } as const

export const TEST_MEASURES: readonly Measure[] = [
  { ...base, code: 'bp-control', name: 'BP control', kind: 'proportion', period: 'week', rateMultiplier: null },
  { ...base, code: 'falls', name: 'Falls', kind: 'rate', period: 'month', rateMultiplier: 1000 },
  { ...base, code: 'monitors', name: 'Monitors', kind: 'count', period: 'week', rateMultiplier: null, numeratorDefinition: null, denominatorDefinition: null },
  { ...base, code: 'wait', name: 'Wait', kind: 'mean', period: 'quarter', rateMultiplier: null },
]

export const TEST_SITES: readonly Site[] = [
  { code: 'test', name: 'Test ICS', kind: 'system', parent: null },
  { code: 'alpha', name: 'Alpha', kind: 'practice', parent: 'test' },
  { code: 'beta', name: 'Beta', kind: 'practice', parent: 'test' },
]

export function reportContext(file = 'reports.json', organisation = 'test'): MeasureReportContext {
  return {
    file,
    organisation,
    measures: new Map(TEST_MEASURES.map((m) => [m.code, { kind: m.kind, period: m.period, rateMultiplier: m.rateMultiplier }])),
    sites: new Set(TEST_SITES.filter((s) => s.kind !== 'system').map((s) => s.code)),
  }
}

const row = (measure: string, period: string, site: string | null, dimension: string | null, group: string | null, numerator: number | null, denominator: number | null, value: number): ObservationInput => ({ measure, period, site, dimension, group, numerator, denominator, value })

/** Observations of every kind: totals, exhaustive IMD quintile strata, an ethnicity stratum with a UK Core code, a non-whole denominator. */
export const TEST_OBSERVATIONS: readonly ObservationInput[] = [
  row('bp-control', '2025-01-06', 'alpha', null, null, 30, 50, 0.6),
  row('bp-control', '2025-01-06', 'alpha', 'imd_quintile', '1', 10, 20, 0.5),
  row('bp-control', '2025-01-06', 'alpha', 'imd_quintile', '2', 20, 30, 20 / 30),
  row('bp-control', '2025-01-06', 'alpha', 'ethnicity', 'White British', 12, 25, 12 / 25),
  row('bp-control', '2025-01-13', null, null, null, 61, 100, 0.61),
  row('falls', '2025-01-01', 'beta', null, null, 3, 1500, 2),
  row('monitors', '2025-01-06', 'beta', null, null, null, null, 4),
  row('monitors', '2025-01-06', 'beta', 'sex', 'Female', null, null, 3),
  row('wait', '2025-04-01', null, null, null, null, 12.5, 6.25),
]

export function testBundle(rows: readonly ObservationInput[] = TEST_OBSERVATIONS): Bundle {
  return programmeBundle({
    organisation: { code: 'test', name: 'Test ICS' },
    programme: { code: 'htn', name: 'Hypertension' },
    measures: TEST_MEASURES,
    sites: TEST_SITES,
    cells: rows.map((r) => ({ ...r })),
    policy: { code: 'internal', statement: 'Exact' },
  })
}

/** The Bundle as plain JSON to change in a test (any: tests reach anywhere into it). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function testBundleJson(): Record<string, any> {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return JSON.parse(JSON.stringify(testBundle())) as Record<string, any>
}

/** The index of the first MeasureReport entry for `measure` (and, when given, period). */
export function reportIndex(bundle: { readonly entry?: unknown }, measure: string, period?: string): number {
  return (bundle.entry as { resource: { resourceType: string; measure?: string; period?: { start: string } } }[]).findIndex(
    (e) => e.resource.resourceType === 'MeasureReport' && e.resource.measure?.endsWith(`/${measure}`) === true && (period === undefined || e.resource.period?.start === period),
  )
}
