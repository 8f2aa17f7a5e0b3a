/** Measure definitions for the fuzz tests: valid ones from a model, as CSV or JSON, with hostile free text. */
import fc from 'fast-check'
import type { Measure } from '../../src/core/model.ts'
import { formulaText, markupText, storableNumber, storableText, unicodeTrick } from './hostile-text.ts'

/** The CSV column of each field, in the documented order. */
export const MEASURE_COLUMNS: Readonly<Record<keyof Measure, string>> = {
  code: 'code',
  name: 'name',
  description: 'description',
  type: 'type',
  kind: 'kind',
  rateMultiplier: 'rate_multiplier',
  direction: 'direction',
  target: 'target',
  period: 'period',
  defaultChart: 'default_chart',
  numeratorDefinition: 'numerator_definition',
  denominatorDefinition: 'denominator_definition',
  unit: 'unit',
}

export const REQUIRED_FIELDS = ['code', 'name', 'type', 'kind', 'direction', 'period'] as const satisfies readonly (keyof Measure)[]
/** Fields of free text, kept as written (trimmed). */
export const MEASURE_TEXT_FIELDS = ['name', 'description', 'numeratorDefinition', 'denominatorDefinition', 'unit'] as const

/** A valid measure code: never starting with "-", which a spreadsheet would read as a formula. */
export const measureCode: fc.Arbitrary<string> = fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,63}$/)

/**
 * Free text for names, descriptions and units that is valid as it stands: formulas, markup,
 * Unicode tricks, tabs and line breaks kept as text, but no NUL or other control character and no
 * lone surrogate (those are `bad_character` issues).
 */
export const measureText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 10 }) }, unicodeTrick, formulaText, markupText), { minLength: 1, maxLength: 5 })
  .map((parts) => storableText(parts.join('')))
  .filter((text) => text.trim() !== '')

/** A valid measure, its optional fields sometimes left empty. */
export const validMeasure: fc.Arbitrary<Measure> = fc
  .record({
    code: measureCode,
    name: measureText,
    description: fc.option(measureText),
    type: fc.constantFrom('outcome', 'process', 'balancing'),
    kind: fc.constantFrom('count', 'proportion', 'rate', 'mean'),
    direction: fc.constantFrom('increase', 'decrease', 'neutral'),
    period: fc.constantFrom('day', 'week', 'month', 'quarter'),
    multiplier: fc.oneof(fc.constantFrom(100, 1000, 10_000, 100_000), fc.double({ min: 1e-6, max: 1e9, noNaN: true })),
    target: fc.option(fc.double({ min: -1e9, max: 1e9, noNaN: true }).map(storableNumber)),
    fraction: fc.double({ min: 0, max: 1, noNaN: true }).map(storableNumber),
    numeratorDefinition: fc.option(measureText),
    denominatorDefinition: fc.option(measureText),
    unit: fc.option(measureText),
  })
  .map(
    (m): Measure => ({
      code: m.code,
      name: m.name.trim(),
      description: m.description?.trim() ?? '',
      type: m.type,
      kind: m.kind,
      rateMultiplier: m.kind === 'rate' ? m.multiplier : null,
      direction: m.direction,
      target: m.target === null ? null : m.kind === 'proportion' ? m.fraction : m.target,
      period: m.period,
      defaultChart: 'xmr',
      numeratorDefinition: m.numeratorDefinition?.trim() ?? null,
      denominatorDefinition: m.denominatorDefinition?.trim() ?? null,
      unit: m.unit?.trim() ?? null,
    }),
  )

export const validMeasures: fc.Arbitrary<Measure[]> = fc.uniqueArray(validMeasure, { minLength: 1, maxLength: 8, selector: (m) => m.code })

/** The CSV fields of a measure for `columns`: numbers as text, null as empty. */
export function measureCsvRow(measure: Measure, columns: readonly (keyof Measure)[]): string[] {
  return columns.map((field) => {
    const value = measure[field]
    return value === null ? '' : String(value)
  })
}

/** Every column, required ones always, optional ones in or out, in any order. */
export const measureColumns: fc.Arbitrary<(keyof Measure)[]> = fc
  .subarray(Object.keys(MEASURE_COLUMNS).filter((f) => !(REQUIRED_FIELDS as readonly string[]).includes(f)) as (keyof Measure)[])
  .chain((optional) => fc.shuffledSubarray([...REQUIRED_FIELDS, ...optional], { minLength: REQUIRED_FIELDS.length + optional.length }))
