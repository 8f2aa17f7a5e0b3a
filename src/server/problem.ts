/** One table maps error codes to HTTP statuses; every error answers `application/problem+json`. */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { AppError, type ErrorCode } from '../core/errors.ts'
import type { Issue } from '../core/issues.ts'
import type { Problem } from '../contract/problem.ts'

const STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_request: 400,
  invalid_file: 422,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unsupported_media_type: 415,
  too_many_requests: 429,
  precondition_required: 428,
  unavailable: 503,
}

const TITLE: Record<ErrorCode, string> = {
  invalid_request: 'Bad Request',
  invalid_file: 'The file has problems',
  unauthorized: 'Unauthorized',
  forbidden: 'Forbidden',
  not_found: 'Not Found',
  conflict: 'Conflict',
  payload_too_large: 'Payload Too Large',
  unsupported_media_type: 'Unsupported Media Type',
  too_many_requests: 'Too Many Requests',
  precondition_required: 'Precondition Required',
  unavailable: 'Service Unavailable',
}

export function statusOf(code: ErrorCode): ContentfulStatusCode {
  return STATUS[code]
}

export function problemBody(code: ErrorCode | 'internal', detail: string, issues?: readonly Issue[]): Problem {
  const status = code === 'internal' ? 500 : STATUS[code]
  const title = code === 'internal' ? 'Internal Server Error' : TITLE[code]
  return { type: 'about:blank', title, status, code, detail, ...(issues && issues.length > 0 ? { issues: [...issues] } : {}) }
}

export function problem(c: Context, code: ErrorCode | 'internal', detail: string, issues?: readonly Issue[]): Response {
  const body = problemBody(code, detail, issues)
  return c.body(JSON.stringify(body), body.status as ContentfulStatusCode, { 'content-type': 'application/problem+json' })
}

export interface Classified {
  readonly code: ErrorCode | 'internal'
  readonly status: ContentfulStatusCode
  readonly detail: string
  readonly issues: readonly Issue[]
}

/** What an error means to a client: expected failures keep their code, anything else is a 500 that names no internals. */
export function classify(error: Error, c: Context, log: (message: string) => void): Classified {
  if (error instanceof AppError) return { code: error.code, status: STATUS[error.code], detail: error.message, issues: error.issues }
  if (error instanceof HTTPException && error.status < 500) {
    const code: ErrorCode = error.status === 413 ? 'payload_too_large' : error.status === 415 ? 'unsupported_media_type' : error.status === 401 ? 'unauthorized' : error.status === 403 ? 'forbidden' : 'invalid_request'
    const detail = error.message && !/^\s*$/.test(error.message) ? error.message : TITLE[code]
    return { code, status: error.status as ContentfulStatusCode, detail, issues: [] }
  }
  log(`unexpected error on ${c.req.method} ${c.req.path}: ${error.stack ?? error.message}`)
  return { code: 'internal', status: 500, detail: 'Something went wrong on the server. The error has been logged.', issues: [] }
}

/** The API's error handler: `application/problem+json` with the status of the error's code. */
export function onError(error: Error, c: Context, log: (message: string) => void): Response {
  const { code, status, detail, issues } = classify(error, c, log)
  const body = { ...problemBody(code, detail, issues), status }
  return c.body(JSON.stringify(body), status, { 'content-type': 'application/problem+json' })
}
