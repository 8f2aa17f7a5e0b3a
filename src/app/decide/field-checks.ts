/**
 * Checking the fields of a decide form or request: every problem is collected (one issue per field,
 * the field's name in `column`) and thrown together as one `invalid_request`, so a page can show
 * them all at once, each beside its field.
 */
import { AppError } from '../../core/errors.ts'
import type { Issue } from '../../core/issues.ts'
import { isoDayNumber } from '../../core/period.ts'
import { textCharacterProblem } from '../../ingest/index.ts'

export interface TextRule {
  readonly max: number
  /** Empty allowed (default: required). */
  readonly optional?: boolean
  /** What to ask for when it is empty: "Write what was decided." */
  readonly ask?: string
}

export class FieldChecks {
  readonly issues: Issue[] = []

  fail(field: string, message: string, value?: string): void {
    if (this.issues.some((i) => i.column === field)) return
    this.issues.push({ severity: 'error', code: 'invalid_field', message, column: field, ...(value === undefined ? {} : { value: value.slice(0, 100) }) })
  }

  /** Trimmed text, or '' after recording the problem. */
  text(field: string, label: string, raw: string | undefined, rule: TextRule): string {
    const value = (raw ?? '').trim()
    if (value === '') {
      if (!rule.optional) this.fail(field, rule.ask ?? `Enter the ${label.toLowerCase()}.`)
      return ''
    }
    if (value.length > rule.max) this.fail(field, `The ${label.toLowerCase()} is ${value.length.toLocaleString('en-GB')} characters long (expected at most ${rule.max.toLocaleString('en-GB')}).`)
    const problem = textCharacterProblem(value)
    if (problem) this.fail(field, `The ${label.toLowerCase()} ${problem}.`)
    return value
  }

  /** A real calendar date as YYYY-MM-DD, null when empty and optional. */
  date(field: string, label: string, raw: string | null | undefined, optional: boolean): string | null {
    const value = (raw ?? '').trim()
    if (value === '') {
      if (!optional) this.fail(field, `Enter the ${label.toLowerCase()} as a date, for example 2025-09-30.`)
      return null
    }
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value) || isoDayNumber(value) === undefined) {
      this.fail(field, `The ${label.toLowerCase()} "${value.slice(0, 40)}" is not a date (expected a real date as YYYY-MM-DD, for example 2025-09-30).`, value)
      return null
    }
    return value
  }

  /** Throw every problem found, if any. */
  throwIfAny(): void {
    if (this.issues.length === 0) return
    const first = this.issues[0]!.message
    throw new AppError('invalid_request', this.issues.length === 1 ? first : `${first} (and ${this.issues.length - 1} more problem${this.issues.length === 2 ? '' : 's'})`, this.issues)
  }
}

/** Distinct positive 32-bit integer ids from form or JSON values; anything else is a problem on `field`. */
export function idsFrom(checks: FieldChecks, field: string, what: string, raw: readonly (string | number)[]): number[] {
  const ids: number[] = []
  for (const value of raw) {
    const id = typeof value === 'number' ? value : Number(String(value).trim())
    if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) {
      checks.fail(field, `"${String(value).slice(0, 40)}" is not a ${what} number (expected a whole number from the list).`, String(value))
      continue
    }
    if (!ids.includes(id)) ids.push(id)
  }
  return ids
}
