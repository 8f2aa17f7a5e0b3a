/**
 * Reading the audit trail: one organisation's entries with filters and paging, the CSV export
 * (itself audited), and the check of the whole hash chain. Used by the API, the pages and `lhs audit`.
 */
import { AppError } from '../../core/errors.ts'
import type { Issue } from '../../core/issues.ts'
import { searchAudit, verifyAuditChain, type AuditRow, type ChainReport } from '../../storage/audit-log.ts'
import type { AppDeps } from '../deps.ts'
import { audit, type Actor } from './audit.ts'
import { auditCsv } from './audit-csv.ts'

export type { AuditRow, ChainReport }

/** What to look for; every filter is optional and empty text counts as absent. */
export interface AuditFilters {
  /** A person's email (any case), or `cli` or `anonymous`. */
  readonly actor?: string | undefined
  /** Actions starting with this text, such as `import.` or `sign_in`. */
  readonly action?: string | undefined
  /** The first day, YYYY-MM-DD (UTC), included. */
  readonly from?: string | undefined
  /** The last day, YYYY-MM-DD (UTC), included. */
  readonly to?: string | undefined
}

export interface AuditPaging {
  /** Entries older than this sequence number (the `next` of the previous page). */
  readonly before?: number | undefined
  /** 1 to AUDIT_PAGE_MAX; AUDIT_PAGE_DEFAULT when absent. */
  readonly limit?: number | undefined
}

export interface AuditPage {
  /** Newest first. */
  readonly entries: readonly AuditRow[]
  /** The `before` that fetches the next, older page; null when this page is the last. */
  readonly next: number | null
}

export type AuditFilterField = keyof AuditFilters

export interface AuditFilterProblem {
  readonly field: AuditFilterField
  /** What is wrong, without the field's name (each edge names the field its own way). */
  readonly message: string
}

export const AUDIT_PAGE_DEFAULT = 100
export const AUDIT_PAGE_MAX = 500
const EXPORT_BATCH = 5000
const DAY_MS = 24 * 60 * 60 * 1000

/** What is wrong with the filters, field by field; empty when they can be used. */
export function auditFilterProblems(filters: AuditFilters): AuditFilterProblem[] {
  const problems: AuditFilterProblem[] = []
  for (const field of ['from', 'to'] as const) {
    const text = clean(filters[field])
    if (text !== undefined && dayStart(text) === undefined) problems.push({ field, message: `"${text.slice(0, 40)}" is not a date (expected YYYY-MM-DD, for example 2025-06-01)` })
  }
  const from = dayStart(clean(filters.from))
  const to = dayStart(clean(filters.to))
  if (from && to && from > to) problems.push({ field: 'to', message: `${clean(filters.to)} is before the from date ${clean(filters.from)} (expected the same day or later)` })
  for (const field of ['actor', 'action'] as const) {
    const text = clean(filters[field])
    if (text !== undefined && text.length > 320) problems.push({ field, message: `${text.length} characters is too long (expected at most 320)` })
  }
  return problems
}

/** One page of an organisation's entries, newest first. Throws `invalid_request` naming each bad filter. */
export async function searchAuditTrail(deps: AppDeps, organisationId: number, filters: AuditFilters, paging: AuditPaging = {}): Promise<AuditPage> {
  const { before, limit = AUDIT_PAGE_DEFAULT } = paging
  if (!Number.isInteger(limit) || limit < 1 || limit > AUDIT_PAGE_MAX) throw new AppError('invalid_request', `limit: ${limit} is not a whole number from 1 to ${AUDIT_PAGE_MAX}.`)
  if (before !== undefined && (!Number.isSafeInteger(before) || before < 1)) throw new AppError('invalid_request', `before: ${before} is not an entry number (expected a whole number above 0).`)
  const rows = await searchAudit(deps.store.db, { ...storageQuery(organisationId, filters), before, limit: limit + 1 })
  const entries = rows.slice(0, limit)
  return { entries, next: rows.length > limit ? (entries.at(-1)?.seq ?? null) : null }
}

/**
 * Every matching entry as CSV (newest first), and an `export.audit_csv` entry recording who took
 * the export and with which filters. `target` names what was exported, for the audit entry.
 */
export async function exportAuditCsv(deps: AppDeps, actor: Actor, organisationId: number, filters: AuditFilters, target: string): Promise<{ csv: string; rows: number }> {
  const query = storageQuery(organisationId, filters)
  const entries: AuditRow[] = []
  for (let before: number | undefined; ; ) {
    const batch = await searchAudit(deps.store.db, { ...query, before, limit: EXPORT_BATCH })
    entries.push(...batch)
    if (batch.length < EXPORT_BATCH) break
    before = batch.at(-1)?.seq
  }
  const used = Object.fromEntries(Object.entries(filters).map(([key, value]) => [key, clean(value) ?? null]))
  await audit(deps, actor, { organisationId, action: 'export.audit_csv', target, after: { ...used, rows: entries.length } })
  return { csv: auditCsv(entries), rows: entries.length }
}

/** Recompute the hash chain of every organisation's entries (needs the owner's connection). */
export function verifyAuditTrail(deps: AppDeps): Promise<ChainReport> {
  return verifyAuditChain(deps.store.db)
}

function storageQuery(organisationId: number, filters: AuditFilters) {
  const problems = auditFilterProblems(filters)
  if (problems.length > 0) {
    const issues: Issue[] = problems.map((p) => ({ severity: 'error', code: 'invalid_filter', message: `${p.field}: ${p.message}.`, column: p.field }))
    throw new AppError('invalid_request', `The search is not valid: ${issues.map((i) => i.message).join(' ')}`, issues)
  }
  const from = dayStart(clean(filters.from))
  const to = dayStart(clean(filters.to))
  return { organisationId, actor: clean(filters.actor), action: clean(filters.action), from, to: to && new Date(to.getTime() + DAY_MS) }
}

function clean(text: string | undefined): string | undefined {
  const trimmed = text?.trim()
  return trimmed === undefined || trimmed === '' ? undefined : trimmed
}

/** Midnight UTC of a YYYY-MM-DD day that exists, else undefined. */
function dayStart(text: string | undefined): Date | undefined {
  if (text === undefined || !/^\d{4}-\d{2}-\d{2}$/.test(text)) return undefined
  const date = new Date(`${text}T00:00:00Z`)
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? undefined : date
}
