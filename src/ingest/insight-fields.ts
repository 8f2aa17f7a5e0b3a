/**
 * Checks on the values of one insight (free-text feedback), shared by the CSV/XLSX rows and the FHIR
 * QuestionnaireResponse reader. Each check returns the value, or undefined after reporting why not.
 */
import { FFT_ANSWERS, SOURCE_TYPES } from '../core/insight/model.ts'
import type { FftScore, SourceType } from '../core/insight/model.ts'
import { isoDayNumber } from '../core/period.ts'
import type { IssueCollector, IssuePlace } from './issue-collector.ts'
import { quote } from './issue-collector.ts'
import { checkTextCharacters } from './text-field.ts'

/** What an insight file is checked against. */
export interface InsightFileOptions {
  /** Name used in messages. */
  readonly file: string
  /** The organisation's site codes; a site must be one of them (blank means the whole organisation). */
  readonly sites: ReadonlySet<string>
  /** The day of the import (YYYY-MM-DD): later dates are refused. Passed in, as ingest never reads the clock. */
  readonly today: string
  /** Who the insight came from when a row or response does not say (default `patient`). */
  readonly defaultSource?: SourceType
}

/** Longest text kept, in characters (code points) after trimming. */
export const INSIGHT_TEXT_MAX = 20_000
/** Earliest date an insight may have. */
export const EARLIEST_INSIGHT_DATE = '2000-01-01'
/** Longest group label (age band, ethnicity, sex), in characters. */
export const GROUP_LABEL_MAX = 200
/** Longest tag, in characters. */
export const TAG_MAX = 100

/** The community groups an insight can carry, keyed as observations key their dimensions. */
export const INSIGHT_GROUP_KEYS = ['age_band', 'ethnicity', 'sex', 'imd_quintile'] as const
export type InsightGroupKey = (typeof INSIGHT_GROUP_KEYS)[number]

/** Where a value is, and the name to use for it in a message (`text`, `Age band`, `item "comment"`). */
export interface FieldPlace extends IssuePlace {
  readonly label: string
}

const FFT_LABELS = new Map<string, FftScore>(FFT_ANSWERS.map((a) => [fftKey(a.label), a.code]))
const FFT_RULE = `1–6 or one of ${FFT_ANSWERS.map((a) => a.label).join(', ')} (1 Very good … 6 Don't know), or empty`
const SOURCE_RULE = `one of ${SOURCE_TYPES.join(', ')}, or empty`
const IMD_RULE = 'a deprivation quintile from 1 (most deprived 20%) to 5 (least deprived), or empty'
const TAG_SEPARATOR = /[;,]/

/** A label as compared with the Friends and Family Test answers: lower case, one space, straight apostrophes. */
function fftKey(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/[\u2018\u2019\u02BC]/g, "'")
}

/** Characters as a person counts them (code points), counted only when the UTF-16 length could be too many. */
function characterCount(text: string, max: number): number {
  if (text.length <= max) return text.length
  let count = 0
  for (const _ of text) count++
  return count
}

/** Reads the fields of insights for one file, reporting each problem to `issues`. */
export class InsightFieldChecks {
  readonly #options: InsightFileOptions
  readonly #issues: IssueCollector
  readonly #dateRule: string
  readonly #earliestDay: number
  readonly #todayDay: number

  /** `dateForm` says how dates are written in this format, for messages (`YYYY-MM-DD`). Throws on an invalid `today`. */
  constructor(options: InsightFileOptions, issues: IssueCollector, dateForm: string) {
    const todayDay = isoDayNumber(options.today)
    if (todayDay === undefined) throw new Error(`invalid today: ${JSON.stringify(options.today)} (expected an ISO date YYYY-MM-DD)`)
    this.#options = options
    this.#issues = issues
    this.#todayDay = todayDay
    this.#earliestDay = isoDayNumber(EARLIEST_INSIGHT_DATE) ?? 0
    this.#dateRule = `a date from ${EARLIEST_INSIGHT_DATE} to today (${options.today}), as ${dateForm}`
  }

  /** What a date must be, for the `expected` part of an issue. */
  get dateRule(): string {
    return this.#dateRule
  }

  /** The text, trimmed: 1–20,000 characters that can be stored. */
  text(raw: string, place: FieldPlace): string | undefined {
    const text = raw.trim()
    const expected = `the feedback as text of 1–${INSIGHT_TEXT_MAX.toLocaleString('en-GB')} characters`
    if (text === '') return this.#fail('missing_value', place, raw, `${place.label} is empty`, expected)
    const length = characterCount(text, INSIGHT_TEXT_MAX)
    if (length > INSIGHT_TEXT_MAX) return this.#fail('too_long', place, raw, `${place.label} is ${length.toLocaleString('en-GB')} characters long`, expected)
    return checkTextCharacters(raw, place.label, place, this.#issues) ? text : undefined
  }

  /** An ISO date (YYYY-MM-DD, trimmed) from 2000-01-01 to today. */
  date(raw: string, place: FieldPlace): string | undefined {
    const text = raw.trim()
    if (text === '') return this.#fail('missing_value', place, raw, `${place.label} is empty`, this.#dateRule)
    if (isoDayNumber(text) === undefined) {
      const problem = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${quote(raw)} is not a real date` : `${quote(raw)} is not a date in the form YYYY-MM-DD`
      return this.#fail('bad_date', place, raw, problem, this.#dateRule)
    }
    return this.dateInRange(text, raw, place)
  }

  /** `date` (a real ISO date) when it is from 2000-01-01 to today; `raw` is the value as written, for the issue. */
  dateInRange(date: string, raw: string, place: FieldPlace): string | undefined {
    const day = isoDayNumber(date) ?? Number.NaN
    if (day < this.#earliestDay) return this.#fail('out_of_range', place, raw, `${quote(raw)} is before ${EARLIEST_INSIGHT_DATE}`, this.#dateRule)
    if (day > this.#todayDay) return this.#fail('out_of_range', place, raw, `${quote(raw)} is after today (${this.#options.today})`, this.#dateRule)
    return date
  }

  /** A known site code; null (the whole organisation) when blank. */
  site(raw: string, place: FieldPlace): string | null | undefined {
    const code = raw.trim()
    if (code === '') return null
    if (this.#options.sites.has(code)) return code
    const known = [...this.#options.sites].sort()
    const listed = known.length === 0 ? '' : ` (${known.slice(0, 10).join(', ')}${known.length > 10 ? ', …' : ''})`
    return this.#fail('unknown_site', place, raw, `${quote(raw)} is not a site of the organisation`, `a known site code${listed}, or empty for the whole organisation`)
  }

  /** One of the source types (any case); the default source when blank. */
  source(raw: string, place: FieldPlace): SourceType | undefined {
    const text = raw.trim().toLowerCase()
    if (text === '') return this.#options.defaultSource ?? 'patient'
    const source = SOURCE_TYPES.find((s) => s === text)
    return source ?? this.#fail('invalid_choice', place, raw, `${quote(raw)} is not a source of insight`, SOURCE_RULE)
  }

  /** A Friends and Family Test answer, 1–6 or its label in any case; null when blank. */
  fft(raw: string, place: FieldPlace): FftScore | null | undefined {
    const text = raw.trim()
    if (text === '') return null
    const score = /^[1-6]$/.test(text) ? (Number(text) as FftScore) : FFT_LABELS.get(fftKey(text))
    return score ?? this.#fail('invalid_choice', place, raw, `${quote(raw)} is not a Friends and Family Test answer`, FFT_RULE)
  }

  /** A free group label (age band, ethnicity, sex), trimmed; null (not stated) when blank. */
  groupLabel(raw: string, place: FieldPlace): string | null | undefined {
    const label = raw.trim()
    if (label === '') return null
    const expected = `a label of at most ${GROUP_LABEL_MAX} characters, or empty when not stated`
    if (characterCount(label, GROUP_LABEL_MAX) > GROUP_LABEL_MAX) return this.#fail('too_long', place, raw, `${place.label} ${quote(raw)} is too long`, expected)
    return checkTextCharacters(raw, place.label, place, this.#issues) ? label : undefined
  }

  /** A deprivation quintile `1`–`5`; null (not stated) when blank. */
  imdQuintile(raw: string, place: FieldPlace): string | null | undefined {
    const text = raw.trim()
    if (text === '') return null
    return /^[1-5]$/.test(text) ? text : this.#fail('invalid_choice', place, raw, `${quote(raw)} is not a deprivation quintile`, IMD_RULE)
  }

  /** Tags separated by `;` or `,`, trimmed, without blanks or repeats, each at most 100 characters. */
  tags(raw: string, place: FieldPlace): string[] | undefined {
    if (raw.trim() === '') return []
    if (!checkTextCharacters(raw, place.label, place, this.#issues)) return undefined
    const tags = [...new Set(raw.split(TAG_SEPARATOR).map((tag) => tag.trim()).filter((tag) => tag !== ''))]
    const long = tags.find((tag) => characterCount(tag, TAG_MAX) > TAG_MAX)
    if (long === undefined) return tags
    return this.#fail('too_long', place, raw, `the tag ${quote(long)} is too long`, `tags of at most ${TAG_MAX} characters, separated by ; or ,`)
  }

  #fail(code: string, place: FieldPlace, raw: string, problem: string, expected: string): undefined {
    this.#issues.error({ code, line: place.line, column: place.column, value: raw, problem, expected })
    return undefined
  }
}

/** The groups object of an insight: only the stated groups, in the order of {@link INSIGHT_GROUP_KEYS}. */
export function statedGroups(groups: Partial<Record<InsightGroupKey, string | null | undefined>>): Record<string, string> {
  const stated: Record<string, string> = {}
  for (const key of INSIGHT_GROUP_KEYS) {
    const label = groups[key]
    if (typeof label === 'string') stated[key] = label
  }
  return stated
}
