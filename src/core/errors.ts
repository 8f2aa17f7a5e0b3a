/** Expected failures carry a stable code; the HTTP edge maps each code to a status in one table. */
import type { Issue } from './issues.ts'

export type ErrorCode =
  | 'not_found'
  | 'conflict'
  | 'forbidden'
  | 'unauthorized'
  | 'invalid_request'
  | 'invalid_file'
  | 'payload_too_large'
  | 'unsupported_media_type'
  | 'too_many_requests'
  | 'precondition_required'
  | 'unavailable'

export class AppError extends Error {
  readonly code: ErrorCode
  readonly issues: readonly Issue[]

  constructor(code: ErrorCode, message: string, issues: readonly Issue[] = []) {
    super(message)
    this.name = 'AppError'
    this.code = code
    this.issues = issues
  }
}

export function notFound(what: string, code: string): AppError {
  return new AppError('not_found', `No ${what} with code "${code}".`)
}

/** A refusal about one form or record field: its one issue names the field in `column`, so a page can point at it. */
export function invalidField(field: string, message: string, value?: string): AppError {
  return new AppError('invalid_request', message, [{ severity: 'error', code: 'invalid_field', message, column: field, ...(value === undefined ? {} : { value: value.slice(0, 100) }) }])
}
