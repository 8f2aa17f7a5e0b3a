/**
 * fast-check arbitraries for the insight readers' fuzz tests: valid rows from a model (the expected
 * insight is known), hostile rows, and the issue codes each reader may use.
 */
import fc from 'fast-check'
import { hostileText, storableText } from '../../test/fuzz/hostile-text.ts'
import { FFT_ANSWERS, SOURCE_TYPES } from '../core/insight/model.ts'
import type { FftScore, InsightInput } from '../core/insight/model.ts'
import { INSIGHT_COLUMNS } from './insight-columns.ts'
import type { InsightFileOptions } from './insight-fields.ts'

const TABLE_CODES = ['bad_header', 'wrong_field_count', 'empty_file', 'too_many_issues', 'unknown_column'] as const
const FIELD_CODES = ['missing_value', 'too_long', 'bad_character', 'bad_date', 'out_of_range', 'unknown_site', 'invalid_choice'] as const

/** The issue codes each insight reader may use (src/ingest/README.md). */
export const INSIGHT_ISSUE_CODES = {
  csv: new Set<string>([...TABLE_CODES, ...FIELD_CODES, 'bad_csv']),
  xlsx: new Set<string>([...TABLE_CODES, ...FIELD_CODES, 'bad_xlsx']),
  fhir: new Set<string>([
    ...FIELD_CODES, 'bad_json', 'wrong_type', 'empty_file', 'too_many_issues', 'bad_entry', 'ignored_resource', 'not_imported', 'ignored_value',
    'unknown_questionnaire', 'unknown_item', 'modifier_extension', 'too_deep', 'duplicate_answer',
  ]),
} as const

/** One valid row: its fields in the order of INSIGHT_COLUMNS, and the insight it must become. */
export interface InsightCase {
  readonly fields: readonly string[]
  readonly expected: InsightInput
}

const DAY_MS = 86_400_000

/** A day from 2000-01-01 to `today`, as YYYY-MM-DD. */
export function insightDate(today: string): fc.Arbitrary<string> {
  const last = Date.parse(`${today}T00:00:00Z`) / DAY_MS
  return fc.integer({ min: Date.UTC(2000, 0, 1) / DAY_MS, max: last }).map((day) => new Date(day * DAY_MS).toISOString().slice(0, 10))
}

/** `text` in random letter case. */
function anyCase(text: string): fc.Arbitrary<string> {
  return fc.array(fc.boolean(), { minLength: text.length, maxLength: text.length }).map((upper) => [...text].map((c, i) => (upper[i] ? c.toUpperCase() : c.toLowerCase())).join(''))
}

/** Free text that can be stored, as written and as read (trimmed); `clean` fits it for the file format. */
function freeText(clean: (text: string) => string, maxLength: number): fc.Arbitrary<{ written: string; read: string }> {
  return hostileText.map((text) => clean(storableText(text))).filter((t) => t.trim() !== '' && [...t.trim()].length <= maxLength).map((written) => ({ written, read: written.trim() }))
}

const fft: fc.Arbitrary<{ written: string; read: FftScore | null }> = fc.oneof(
  fc.constant({ written: '', read: null }),
  fc.constantFrom(...FFT_ANSWERS).map((a) => ({ written: String(a.code), read: a.code })),
  fc.constantFrom(...FFT_ANSWERS).chain((a) => anyCase(a.label).map((written) => ({ written: ` ${written}`, read: a.code }))),
)

const tags = fc.array(fc.stringMatching(/^[a-z0-9 ]{1,12}$/), { maxLength: 4 }).chain((words) =>
  fc.constantFrom(';', ',', ' ; ').map((separator) => ({ written: words.join(separator), read: [...new Set(words.map((w) => w.trim()).filter((w) => w !== ''))] })),
)

/**
 * Rows that are valid for `options`, with the insight each must become. `clean` fits free text for
 * the format (a worksheet cannot hold every character a CSV can).
 */
export function validInsights(options: InsightFileOptions, collectedVia: InsightInput['collectedVia'], clean: (text: string) => string = (t) => t, maxLength = 8): fc.Arbitrary<InsightCase[]> {
  const group = fc.option(freeText(clean, 200), { nil: undefined })
  const row = fc.record({
    text: freeText(clean, 20_000),
    date: insightDate(options.today),
    site: fc.constantFrom('', ...options.sites),
    source: fc.option(fc.constantFrom(...SOURCE_TYPES).chain((s) => anyCase(s).map((written) => ({ written, read: s }))), { nil: undefined }),
    fft,
    ageBand: group,
    ethnicity: group,
    sex: group,
    imd: fc.option(fc.integer({ min: 1, max: 5 }).map(String), { nil: undefined }),
    tags,
  })
  return fc.array(row, { minLength: 1, maxLength }).map((rows) =>
    rows.map((r) => {
      const groups: Record<string, string> = {}
      if (r.ageBand) groups.age_band = r.ageBand.read
      if (r.ethnicity) groups.ethnicity = r.ethnicity.read
      if (r.sex) groups.sex = r.sex.read
      if (r.imd) groups.imd_quintile = r.imd
      const fields = [r.text.written, r.date, r.site, r.source?.written ?? '', r.fft.written, r.ageBand?.written ?? '', r.ethnicity?.written ?? '', r.sex?.written ?? '', r.imd ?? '', r.tags.written]
      const expected: InsightInput = {
        source: r.source?.read ?? options.defaultSource ?? 'patient', collectedVia, date: r.date, site: r.site === '' ? null : r.site,
        groups, fft: r.fft.read, text: r.text.read, tags: r.tags.read,
      }
      return { fields, expected }
    }),
  )
}

/** The header, with each name in any case and with spaces, hyphens or underscores between words. */
export const anyHeaderSpelling: fc.Arbitrary<string[]> = fc.tuple(
  ...INSIGHT_COLUMNS.map((name) => fc.tuple(anyCase(name), fc.constantFrom('_', ' ', '-', '  '), fc.constantFrom('', ' ')).map(([cased, gap, pad]) => `${pad}${cased.replaceAll('_', gap)}${pad}`)),
)
