/**
 * Observation files for the fuzz tests: valid rows built from a model (so the expected result is
 * known), and rows whose cells are mixed with hostile text.
 */
import fc from 'fast-check'
import type { ObservationInput, PeriodUnit } from '../../src/core/model.ts'
import { OBSERVATION_COLUMNS, type ObservationFileContext } from '../../src/ingest/index.ts'
import { decimalText, hostileText, storableNumber, storableText, unicodeTrick } from './hostile-text.ts'

export const HEADER_FIELDS: readonly string[] = OBSERVATION_COLUMNS

const DAY_MS = 86_400_000

/** Day numbers (since 1970-01-01) of 1900-01-01 and 2099-12-31. */
const FIRST_DAY = -25_567
const LAST_DAY = 47_481

/** The start of the period of `unit` holding day `days`, worked out with `Date` (not src/core/period.ts). */
function periodStartOf(days: number, unit: PeriodUnit): string {
  const date = new Date(days * DAY_MS)
  if (unit === 'week') date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7))
  if (unit === 'month' || unit === 'quarter') date.setUTCDate(1)
  if (unit === 'quarter') date.setUTCMonth(date.getUTCMonth() - (date.getUTCMonth() % 3))
  return date.toISOString().slice(0, 10)
}

export function periodStart(unit: PeriodUnit): fc.Arbitrary<string> {
  return fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map((days) => periodStartOf(days, unit))
}

/** Space that `String.prototype.trim` removes, put around a field to check fields are trimmed. */
const padding = fc.constantFrom('', '', '', ' ', '  ', '\t', '\u00A0', '\uFEFF', '\u3000')

function padded(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.tuple(padding, text, padding).map(([before, middle, after]) => `${before}${middle}${after}`)
}

/**
 * Free text for dimension and group that is valid as it stands: well-formed Unicode with tricks and
 * line breaks mixed in, but no NUL or other control character and no lone surrogate (those are
 * `bad_character` issues), and something left after trimming.
 */
export const freeText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 6 }) }, unicodeTrick, fc.constantFrom(',', '"', '\n', '\r\n', '=1+1', '@SUM(A1)', '<script>')), { minLength: 1, maxLength: 5 })
  .map((parts) => storableText(parts.join('')))
  .filter((text) => text.trim() !== '')

/** One valid row as the eight fields written and the observation they must give. */
export interface ObservationCase {
  readonly fields: readonly string[]
  readonly expected: ObservationInput
}

const positive = fc.double({ min: 1e-3, max: 1e6, noNaN: true })
/** Numbers nearer 0 than 1e-200 become 0: a file may not hold one nearer 0 than 1e-300 (see NUMBER_RANGE_RULE). */
const fraction = fc.double({ min: 0, max: 1, noNaN: true }).map(storableNumber)

/** Numerator, denominator and value fields with the numbers they stand for, by kind of measure. */
function numbersFor(measure: { kind: string; rateMultiplier: number | null }): fc.Arbitrary<{ texts: [string, string, string]; numerator: number | null; denominator: number | null; value: number }> {
  switch (measure.kind) {
    case 'proportion':
    case 'rate':
      return fc.tuple(fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), positive), fraction, fc.double({ min: 0, max: 50, noNaN: true }).map(storableNumber), fc.boolean()).map(([d, f, scale, writeValue]) => {
        const n = storableNumber(measure.kind === 'proportion' ? d * f : d * f * scale)
        const value = measure.kind === 'proportion' ? n / d : (n / d) * (measure.rateMultiplier ?? 1)
        return { texts: [String(n), String(d), writeValue ? String(value) : ''], numerator: n, denominator: d, value }
      })
    case 'count':
      return fc.integer({ min: 0, max: 2 ** 40 }).map((v) => ({ texts: ['', '', String(v)], numerator: null, denominator: null, value: v }))
    default:
      return fc.double({ min: -1e12, max: 1e12, noNaN: true }).map(storableNumber).map((v) => ({ texts: ['', '', String(v)], numerator: null, denominator: null, value: v }))
  }
}

/** A valid row for one of the context's measures, with fields padded by trimmable space. */
export function validObservation(context: ObservationFileContext): fc.Arbitrary<ObservationCase> {
  const measures = [...context.measures.entries()]
  const sites = [...context.sites]
  return fc
    .constantFrom(...measures)
    .chain(([code, measure]) =>
      fc.record({
        code: fc.constant(code),
        period: periodStart(measure.period),
        site: fc.constantFrom('', ...sites),
        who: fc.option(fc.tuple(freeText, freeText), { freq: 2 }),
        numbers: numbersFor(measure),
      }),
    )
    .chain(({ code, period, site, who, numbers }) =>
      fc.tuple(padded(fc.constant(code)), padded(fc.constant(period)), padded(fc.constant(site)), padded(fc.constant(numbers.texts[0])), padded(fc.constant(numbers.texts[1])), padded(fc.constant(numbers.texts[2]))).map(([codeText, periodText, siteText, n, d, v]) => ({
        fields: [codeText, periodText, siteText, who?.[0] ?? '', who?.[1] ?? '', n, d, v],
        expected: {
          measure: code,
          period,
          site: site === '' ? null : site,
          dimension: who ? who[0].trim() : null,
          group: who ? who[1].trim() : null,
          numerator: numbers.numerator,
          denominator: numbers.denominator,
          value: numbers.value,
        },
      })),
    )
}

/** Valid rows with distinct keys (measure, period, site, dimension, group). */
export function validObservations(context: ObservationFileContext, maxLength = 30): fc.Arbitrary<ObservationCase[]> {
  return fc.uniqueArray(validObservation(context), {
    minLength: 1,
    maxLength,
    selector: ({ expected: e }) => JSON.stringify([e.measure, e.period, e.site, e.dimension, e.group]),
  })
}

/**
 * A row whose cells are each kept, swapped for another plausible value (another measure, a date
 * that starts some other period, any decimal number) or hostile; sometimes too few or too many.
 */
export function hostileObservationRow(context: ObservationFileContext): fc.Arbitrary<string[]> {
  const plausible: fc.Arbitrary<string>[] = [
    fc.constantFrom(...context.measures.keys()),
    fc.oneof(...(['day', 'week', 'month', 'quarter'] as const).map(periodStart)),
    fc.constantFrom('', ...context.sites),
    freeText,
    freeText,
    ...[0, 1, 2].map(() => fc.oneof(decimalText, fc.constant(''))),
  ]
  return validObservation(context).chain(({ fields }) =>
    fc.tuple(
      fc.tuple(...fields.map((field, i) => fc.oneof({ weight: 4, arbitrary: fc.constant(field) }, { weight: 2, arbitrary: plausible[i]! }, hostileText))),
      fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, fc.integer({ min: -8, max: 4 })),
    ).map(([cells, extra]) => (extra >= 0 ? [...cells, ...Array.from({ length: extra }, () => 'x')] : cells.slice(0, cells.length + extra))),
  )
}
