/**
 * The domain rules every value an importer returns must keep, checked independently of the
 * importers' own code (calendar rules here use `Date`, not src/core/period.ts).
 */
import { expect } from 'vitest'
import type { Measure, ObservationInput, PeriodUnit } from '../../src/core/model.ts'
import type { ObservationFileContext, SpcInput } from '../../src/ingest/index.ts'
import { UNSTORABLE_CHARACTER } from './hostile-text.ts'

/** True when `text` is a real calendar date written YYYY-MM-DD that starts a period of `unit`. */
export function isPeriodStartText(text: string, unit: PeriodUnit): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false
  const date = new Date(`${text}T00:00:00Z`)
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text) return false
  const day = date.getUTCDate()
  const month = date.getUTCMonth() + 1
  switch (unit) {
    case 'day':
      return true
    case 'week':
      return date.getUTCDay() === 1
    case 'month':
      return day === 1
    case 'quarter':
      return day === 1 && month % 3 === 1
  }
}

function expectStoredText(text: string | null, where: string): void {
  if (text === null) return
  expect(text, `${where}: trimmed`).toBe(text.trim())
  expect(text.search(UNSTORABLE_CHARACTER), `${where}: no NUL, other control character (but tab and line breaks) or lone surrogate`).toBe(-1)
}

/** Numbers a file may give (src/ingest/number-text.ts): 0, or between 1e-300 and 1e15 in size. */
function isStorableNumber(x: number): boolean {
  return x === 0 || (Math.abs(x) >= 1e-300 && Math.abs(x) <= 1e15)
}

/** Each row: a known measure and site, a real period start, both or neither of dimension and group, numbers that fit the measure's kind. */
export function expectValidObservations(rows: readonly ObservationInput[], context: ObservationFileContext): void {
  const keys = new Set<string>()
  rows.forEach((row, i) => {
    const where = `row ${i} ${JSON.stringify(row)}`
    const measure = context.measures.get(row.measure)
    expect(measure, `${where}: known measure`).toBeDefined()
    if (measure === undefined) return
    expect(row.site === null || context.sites.has(row.site), `${where}: known site`).toBe(true)
    expect(isPeriodStartText(row.period, measure.period) && !row.period.startsWith('0000-'), `${where}: start of a ${measure.period} (PostgreSQL has no year 0)`).toBe(true)
    expect((row.dimension === null) === (row.group === null), `${where}: dimension and group together`).toBe(true)
    expect(row.dimension !== '' && row.group !== '', `${where}: empty means null`).toBe(true)
    expectStoredText(row.dimension, `${where} dimension`)
    expectStoredText(row.group, `${where} group`)
    for (const n of [row.numerator, row.denominator]) expect(n === null || (isStorableNumber(n) && n >= 0), `${where}: numerator and denominator`).toBe(true)
    expectValueFitsKind(row, measure, where)
    const key = JSON.stringify([row.measure, row.period, row.site, row.dimension, row.group])
    expect(keys.has(key), `${where}: one row per measure, period, site and group`).toBe(false)
    keys.add(key)
  })
}

function expectValueFitsKind(row: ObservationInput, measure: { kind: Measure['kind']; rateMultiplier: number | null }, where: string): void {
  const { numerator, denominator, value } = row
  expect(isStorableNumber(value), `${where}: a value between 1e-300 and 1e15 in size, or 0`).toBe(true)
  switch (measure.kind) {
    case 'proportion':
      expect(numerator !== null && denominator !== null && denominator > 0 && numerator <= denominator, `${where}: 0 ≤ numerator ≤ denominator, denominator > 0`).toBe(true)
      expect(value, `${where}: value = numerator / denominator`).toBe(numerator! / denominator!)
      break
    case 'rate':
      expect(numerator !== null && denominator !== null && denominator > 0, `${where}: numerator and denominator > 0`).toBe(true)
      expect(value, `${where}: value = numerator / denominator × multiplier`).toBe((numerator! / denominator!) * (measure.rateMultiplier ?? 1))
      break
    case 'count':
      expect(Number.isInteger(value) && value >= 0, `${where}: a whole count ≥ 0`).toBe(true)
      break
    case 'mean':
      break
  }
}

const MEASURE_CODE = /^[a-z0-9][a-z0-9-]{0,63}$/

/** Each measure: a valid unique code, a name, known choices, a positive multiplier for rates only, a target (a fraction for proportions), numbers in the storable range. */
export function expectValidMeasures(measures: readonly Measure[]): void {
  const codes = new Set<string>()
  measures.forEach((m, i) => {
    const where = `measure ${i} ${JSON.stringify(m).slice(0, 300)}`
    expect(MEASURE_CODE.test(m.code), `${where}: code`).toBe(true)
    expect(codes.has(m.code), `${where}: unique code`).toBe(false)
    codes.add(m.code)
    expect(m.name.length > 0, `${where}: a name`).toBe(true)
    expect(['outcome', 'process', 'balancing']).toContain(m.type)
    expect(['count', 'proportion', 'rate', 'mean']).toContain(m.kind)
    expect(['increase', 'decrease', 'neutral']).toContain(m.direction)
    expect(['day', 'week', 'month', 'quarter']).toContain(m.period)
    expect(m.defaultChart).toBe('xmr')
    if (m.kind === 'rate') expect(m.rateMultiplier !== null && m.rateMultiplier > 0 && isStorableNumber(m.rateMultiplier), `${where}: rate multiplier`).toBe(true)
    else expect(m.rateMultiplier, `${where}: no multiplier`).toBeNull()
    if (m.target !== null) expect(isStorableNumber(m.target), `${where}: storable target`).toBe(true)
    if (m.kind === 'proportion' && m.target !== null) expect(m.target >= 0 && m.target <= 1, `${where}: a fraction`).toBe(true)
    for (const field of ['name', 'description', 'numeratorDefinition', 'denominatorDefinition', 'unit'] as const) {
      expectStoredText(m[field], `${where} ${field}`)
      if (field !== 'description') expect(m[field] !== '', `${where} ${field}: empty means null`).toBe(true)
    }
  })
}

/** Points in period order, one per real date, values finite (fractions for a proportion file) or null. */
export function expectValidSpcInput(input: SpcInput): void {
  input.points.forEach((point, i) => {
    const where = `point ${i} ${JSON.stringify(point)}`
    expect(isPeriodStartText(point.period, 'day'), `${where}: a real date`).toBe(true)
    if (i > 0) expect(input.points[i - 1]!.period < point.period, `${where}: after the one before`).toBe(true)
    if (point.value !== null) expect(isStorableNumber(point.value), `${where}: between 1e-300 and 1e15 in size, or 0`).toBe(true)
    if (input.kind === 'proportion' && point.value !== null) expect(point.value >= 0 && point.value <= 1, `${where}: a fraction`).toBe(true)
  })
}
