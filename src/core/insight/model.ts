/**
 * Insight: what staff, patients, carers and communities say, as records split into excerpts that
 * people code into themes. Texts here are always already de-identified (core/text `redact`).
 */

/** Who the insight came from. */
export const SOURCE_TYPES = ['patient', 'carer', 'staff', 'community', 'interview'] as const
export type SourceType = (typeof SOURCE_TYPES)[number]

/** How it reached LHS. */
export const COLLECTION_METHODS = ['public_form', 'staff_form', 'event', 'interview', 'import_csv', 'import_xlsx', 'import_fhir', 'demo'] as const
export type CollectionMethod = (typeof COLLECTION_METHODS)[number]

/**
 * The Friends and Family Test answer, numbered as NHS England numbers them
 * ("Overall, how was your experience of our service?").
 */
export const FFT_ANSWERS = [
  { code: 1, label: 'Very good' },
  { code: 2, label: 'Good' },
  { code: 3, label: 'Neither good nor poor' },
  { code: 4, label: 'Poor' },
  { code: 5, label: 'Very poor' },
  { code: 6, label: "Don't know" },
] as const
export type FftScore = (typeof FFT_ANSWERS)[number]['code']

export function isFftScore(value: number): value is FftScore {
  return Number.isInteger(value) && value >= 1 && value <= 6
}

/**
 * The community groups an insight can be described by, with the same dimension codes as
 * observations so themes and numbers line up (a missing key means "not stated").
 */
export type InsightGroups = Readonly<Record<string, string>>

/** The group label used where a person did not say. */
export const NOT_STATED = 'Not stated'

/**
 * One record before storage, from any capture path. `text` is the raw text as given: the capture
 * use case redacts it before anything is written.
 */
export interface InsightInput {
  readonly source: SourceType
  readonly collectedVia: CollectionMethod
  /** ISO date the insight was given. */
  readonly date: string
  /** Site code; null for the whole organisation. */
  readonly site: string | null
  readonly groups: InsightGroups
  readonly fft: FftScore | null
  readonly text: string
  readonly tags: readonly string[]
}

/** A theme in a codebook, nested through `children`. */
export interface ThemeSeed {
  readonly name: string
  readonly definition: string
  readonly examples?: readonly string[]
  readonly children?: readonly ThemeSeed[]
}

/** A ready-made codebook to start from (CFIR 2.0, patient experience). */
export interface CodebookFrame {
  readonly key: string
  readonly name: string
  /** Where the frame comes from, shown with it. */
  readonly source: string
  readonly themes: readonly ThemeSeed[]
}
