/** Audit entries as CSV (RFC 4180), safe to open in a spreadsheet. */
import type { AuditRow } from '../../storage/audit-log.ts'

export const AUDIT_CSV_COLUMNS = ['seq', 'at', 'actor', 'action', 'target', 'address', 'before', 'after', 'hash'] as const

/** One line per entry in the given order, before and after as compact JSON (empty when absent). */
export function auditCsv(entries: readonly AuditRow[]): string {
  const lines = entries.map((e) => [String(e.seq), e.at, e.actor, e.action, e.target, e.address, jsonText(e.before), jsonText(e.after), e.hash].map(csvCell).join(','))
  return [AUDIT_CSV_COLUMNS.join(','), ...lines].join('\r\n') + '\r\n'
}

/**
 * A cell quoted when it must be. Text a spreadsheet would run as a formula (starting with = + - @,
 * a tab or a carriage return) is prefixed with ' so it shows as text (OWASP, "CSV Injection").
 */
export function csvCell(text: string): string {
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe
}

function jsonText(value: unknown): string {
  return value === null || value === undefined ? '' : JSON.stringify(value)
}
