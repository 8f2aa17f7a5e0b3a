/**
 * Checking what a person typed into the aim, driver, action, prediction and cycle forms (or sent to
 * the API): each refusal names the field and says what was expected, quoting the bad value.
 */
import { invalidField } from '../../core/errors.ts'
import type { MeasureKind } from '../../core/model.ts'
import { isoDayNumber } from '../../core/period.ts'
import { textCharacterProblem } from '../../ingest/index.ts'

/** Trimmed text of at most `max` characters (at least one unless `optional`). */
export function checkText(field: string, label: string, value: string | undefined, max: number, optional = false): string {
  const text = (value ?? '').trim()
  if (text === '' && !optional) throw invalidField(field, `Enter ${label}.`)
  if (text.length > max) throw invalidField(field, `${capital(label)} is ${text.length.toLocaleString('en-GB')} characters long (expected at most ${max.toLocaleString('en-GB')}).`)
  const problem = textCharacterProblem(text)
  if (problem) throw invalidField(field, `${capital(label)} ${problem}; remove it and send it again.`)
  return text
}

/** An ISO date (YYYY-MM-DD), or null when empty and `optional`. */
export function checkDate(field: string, label: string, value: string | null | undefined, optional = false): string | null {
  const text = (value ?? '').trim()
  if (text === '') {
    if (optional) return null
    throw invalidField(field, `Enter ${label} as a date, for example 2025-03-31.`)
  }
  if (isoDayNumber(text) === undefined) throw invalidField(field, `${capital(label)} "${text.slice(0, 40)}" is not a date (expected a real date as YYYY-MM-DD, for example 2025-03-31).`, text)
  return text
}

/** Refuse `later` when it falls before `earlier` (both ISO dates). */
export function checkOrder(field: string, earlier: { label: string; date: string }, later: { label: string; date: string | null }): void {
  if (later.date !== null && later.date < earlier.date) throw invalidField(field, `${capital(later.label)} (${later.date}) is before ${earlier.label} (${earlier.date}): it must be on or after it.`)
}

/** One of `allowed`, named in the refusal. */
export function checkChoice<T extends string>(field: string, label: string, value: string | undefined, allowed: readonly T[]): T {
  if (value !== undefined && (allowed as readonly string[]).includes(value)) return value as T
  throw invalidField(field, value === undefined || value === '' ? `Choose ${label}.` : `"${value.slice(0, 40)}" is not ${label} (expected ${allowed.join(', ')}).`, value)
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)$/

/**
 * A number typed in a form, in the measure's display units: for a proportion, percent (or
 * percentage points) made a fraction ("5" → 0.05); null when empty.
 */
export function amountFromForm(field: string, label: string, text: string | undefined, kind: MeasureKind): number | null {
  const raw = (text ?? '').trim().replace(/%$/, '').replace(/,/g, '').trim()
  if (raw === '') return null
  if (!DECIMAL.test(raw) || Math.abs(Number(raw)) > 1e15) throw invalidField(field, `${capital(label)} "${(text ?? '').slice(0, 40)}" is not a number (expected digits, such as 5 or 2.5${kind === 'proportion' ? ', in percent' : ''}).`, text)
  return kind === 'proportion' ? Number(raw) / 100 : Number(raw)
}

/** The stored value as typed in a form (a proportion in percent), '' for none. */
export function amountForForm(value: number | null, kind: MeasureKind): string {
  if (value === null) return ''
  return String(kind === 'proportion' ? Number((value * 100).toFixed(6)) : value)
}

export function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
