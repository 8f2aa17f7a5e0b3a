/**
 * Synthetic patient-level extracts for the extract tests (seeded, no real person): appointments
 * with a date, a practice, an IMD quintile and an ethnic group (sometimes not stated), whether the
 * person attended and how long they waited. Also an independent tally in plain TypeScript, so
 * tests can check DuckDB's aggregates against numbers worked out without it.
 */
import { periodStart } from '../../src/core/period.ts'
import type { ObservationInput, PeriodUnit } from '../../src/core/model.ts'
import { createRandom } from '../../src/demo/random.ts'

export interface Appointment {
  readonly date: string
  readonly site: string
  /** '' when not stated. */
  readonly imd: string
  readonly ethnicity: string
  readonly attended: 'Y' | 'N'
  /** Days waited, '' when not recorded. */
  readonly wait: string
}

export const APPOINTMENT_COLUMNS = ['appointment_date', 'practice', 'imd_quintile', 'ethnic_group', 'attended', 'wait_days'] as const
const ETHNIC_GROUPS = ['Asian', 'Black', 'Mixed', 'White', 'Other']

/** `count` appointments over `days` days from `start`, at `sites`. */
export function appointments(seed: number, count: number, sites: readonly string[], start = '2024-11-04', days = 120): Appointment[] {
  const random = createRandom(seed)
  const first = Date.parse(`${start}T00:00:00Z`)
  const pick = <T>(items: readonly T[]) => items[Math.floor(random.next() * items.length)] as T
  return Array.from({ length: count }, () => {
    const day = new Date(first + Math.floor(random.next() * days) * 86_400_000).toISOString().slice(0, 10)
    const imd = random.next() < 0.1 ? '' : String(1 + Math.floor(random.next() * 5))
    return {
      date: random.next() < 0.2 ? `${day}T${String(Math.floor(random.next() * 24)).padStart(2, '0')}:15:00` : day,
      site: pick(sites),
      imd,
      ethnicity: random.next() < 0.15 ? '' : pick(ETHNIC_GROUPS),
      attended: random.next() < 0.12 + (imd === '1' ? 0.1 : 0) ? 'N' : 'Y',
      wait: random.next() < 0.05 ? '' : String(Math.round(random.next() * 400) / 10),
    }
  })
}

/** The appointments as CSV text with APPOINTMENT_COLUMNS as the header. */
export function appointmentCsv(rows: readonly Appointment[], extraLines: readonly string[] = []): string {
  const lines = rows.map((r) => [r.date, r.site, r.imd, r.ethnicity, r.attended, r.wait].join(','))
  return [APPOINTMENT_COLUMNS.join(','), ...lines, ...extraLines].join('\n') + '\n'
}

export interface Tally {
  readonly period: PeriodUnit
  readonly bySite: boolean
  /** Dimension → how to read a row's group ('' for none). */
  readonly groups: Readonly<Record<string, (row: Appointment) => string>>
  /** 'count': rows where `counted`; 'ratio': numerator and denominator rows; 'mean': of `value` over `counted` rows. */
  readonly kind: 'count' | 'ratio' | 'mean'
  readonly counted: (row: Appointment) => boolean
  readonly numerator?: (row: Appointment) => boolean
  readonly value?: (row: Appointment) => number | undefined
}

/** The observations an extract import should produce, worked out row by row without DuckDB, sorted like the import's. */
export function tally(measure: string, rows: readonly Appointment[], spec: Tally): ObservationInput[] {
  const cells = new Map<string, { key: [string, string | null, string | null, string | null]; a: number; b: number }>()
  const add = (key: [string, string | null, string | null, string | null], a: number, b: number) => {
    const id = JSON.stringify(key)
    const cell = cells.get(id) ?? { key, a: 0, b: 0 }
    cell.a += a
    cell.b += b
    cells.set(id, cell)
  }
  for (const row of rows) {
    const period = periodStart(row.date.slice(0, 10), spec.period)
    const counted = spec.counted(row)
    let a = 0
    let b = 0
    if (spec.kind === 'count') a = counted ? 1 : 0
    else if (spec.kind === 'ratio') {
      b = counted ? 1 : 0
      a = counted && spec.numerator?.(row) ? 1 : 0
    } else {
      const value = counted ? spec.value?.(row) : undefined
      if (value !== undefined) [a, b] = [value, 1]
    }
    for (const site of spec.bySite ? [null, row.site] : [null]) {
      add([period, site, null, null], a, b)
      for (const [dimension, groupOf] of Object.entries(spec.groups)) {
        const group = groupOf(row)
        if (group !== '') add([period, site, dimension, group], a, b)
      }
    }
  }
  const out: ObservationInput[] = []
  for (const { key: [period, site, dimension, group], a, b } of cells.values()) {
    const base = { measure, period, site, dimension, group }
    if (spec.kind === 'count') out.push({ ...base, numerator: null, denominator: null, value: a })
    else if (b > 0) out.push(spec.kind === 'ratio' ? { ...base, numerator: a, denominator: b, value: a / b } : { ...base, numerator: null, denominator: b, value: a / b })
  }
  return sortObservations(out)
}

/** By measure, period, site (organisation first), dimension (all people first) and group. */
export function sortObservations(rows: readonly ObservationInput[]): ObservationInput[] {
  const key = (o: ObservationInput) => [o.measure, o.period, o.site === null ? '' : `~${o.site}`, o.dimension === null ? '' : `~${o.dimension}`, o.group ?? ''].join('\u0000')
  return [...rows].sort((x, y) => (key(x) < key(y) ? -1 : key(x) > key(y) ? 1 : 0))
}
