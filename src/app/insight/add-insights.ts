/**
 * Insight records sent as data (the API): checked field by field (every problem reported, with the
 * record's index as its line), de-identified and written in one transaction, or nothing is written.
 */
import { AppError } from '../../core/errors.ts'
import type { Issue } from '../../core/issues.ts'
import { COLLECTION_METHODS, SOURCE_TYPES, isFftScore, type CollectionMethod, type FftScore, type InsightInput, type SourceType } from '../../core/insight/model.ts'
import { parseIsoDate } from '../../core/period.ts'
import { textCharacterProblem } from '../../ingest/index.ts'
import { listSites } from '../../storage/sites.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'
import { storeInsights, type StoredCounts } from './store-insights.ts'

export interface InsightRecordInput {
  readonly source: string
  readonly collectedVia?: string | undefined
  readonly date: string
  readonly site?: string | null | undefined
  readonly groups?: Readonly<Record<string, string>> | undefined
  readonly fft?: number | null | undefined
  readonly text: string
  readonly tags?: readonly string[] | undefined
  /** Split notes or a transcript into excerpts (default: keep whole). */
  readonly split?: boolean | undefined
}

/** Methods a client may claim (the public form and the demo are this server's own). */
const CLIENT_METHODS = COLLECTION_METHODS.filter((m) => m !== 'public_form' && m !== 'demo')
export const MAX_RECORDS = 1000

export async function addInsights(deps: AppDeps, actor: Actor, scope: ProgrammeScope, records: readonly InsightRecordInput[]): Promise<StoredCounts> {
  if (records.length === 0 || records.length > MAX_RECORDS) throw new AppError('invalid_request', `Send between 1 and ${MAX_RECORDS} records (got ${records.length}).`)
  const sites = new Set((await listSites(deps.store.db, scope.organisation.id)).filter((s) => s.kind !== 'system').map((s) => s.code))
  const today = deps.clock().toISOString().slice(0, 10)
  const issues: Issue[] = []
  const inputs = records.map((record, index) => check(record, index, { sites, today }, issues))
  if (issues.length > 0) throw new AppError('invalid_request', `${issues.length} problem${issues.length === 1 ? '' : 's'} in the records; nothing was stored. ${issues[0]!.message}`, issues)
  return inTransaction(deps, async (tx) => {
    const split = inputs.filter((_, i) => records[i]!.split === true)
    const whole = inputs.filter((_, i) => records[i]!.split !== true)
    const a = await storeInsights(tx, scope, whole, { createdBy: actor.name })
    const b = await storeInsights(tx, scope, split, { createdBy: actor.name, split: true })
    const redacted: Record<string, number> = { ...a.redacted }
    for (const [type, n] of Object.entries(b.redacted)) redacted[type] = (redacted[type] ?? 0) + n
    const counts = { records: a.records + b.records, excerpts: a.excerpts + b.excerpts, redacted, ids: [...a.ids, ...b.ids] }
    await audit(tx, actor, { organisationId: scope.organisation.id, action: 'insight.create', target: `organisation:${scope.organisation.code}/programme:${scope.programme.code}/insight:api`, after: { records: counts.records, excerpts: counts.excerpts, redacted } }, tx.store.db)
    return counts
  })
}

function check(record: InsightRecordInput, index: number, context: { sites: ReadonlySet<string>; today: string }, issues: Issue[]): InsightInput {
  const problem = (column: string, message: string, value: unknown, expected: string) =>
    issues.push({ severity: 'error', code: 'invalid_field', message: `Record ${index + 1}: ${message}`, line: index + 1, column, value: String(value).slice(0, 100), expected })
  if (!(SOURCE_TYPES as readonly string[]).includes(record.source)) problem('source', `"${record.source}" is not a source type.`, record.source, SOURCE_TYPES.join(', '))
  const method = record.collectedVia ?? 'staff_form'
  if (!(CLIENT_METHODS as readonly string[]).includes(method)) problem('collectedVia', `"${method}" is not a way of collecting insight a client may use.`, method, CLIENT_METHODS.join(', '))
  if (parseIsoDate(record.date) === undefined) problem('date', `"${record.date}" is not a date.`, record.date, 'YYYY-MM-DD')
  else if (record.date > context.today) problem('date', `${record.date} is in the future.`, record.date, `${context.today} or earlier`)
  else if (record.date < '2000-01-01') problem('date', `${record.date} is before 2000.`, record.date, '2000-01-01 or later')
  const site = record.site ?? null
  if (site !== null && site !== '' && !context.sites.has(site)) problem('site', `there is no site "${site}".`, site, 'a site code of the organisation')
  const fft = record.fft ?? null
  if (fft !== null && !isFftScore(fft)) problem('fft', `${fft} is not a Friends and Family Test answer.`, fft, '1 (very good) to 6 (don’t know)')
  const text = record.text.trim()
  if (text.length > 20000) problem('text', `the text is ${text.length} characters long.`, `${text.slice(0, 20)}…`, 'at most 20,000 characters')
  const bad = textCharacterProblem(text)
  if (bad) problem('text', `the text ${bad}.`, '', 'text without control characters')
  if (text === '' && fft === null) problem('text', 'there is neither text nor a Friends and Family Test answer.', '', 'a text, an answer, or both')
  const groups = record.groups ?? {}
  if (Object.keys(groups).length > 10) problem('groups', `${Object.keys(groups).length} group dimensions.`, Object.keys(groups).length, 'at most 10')
  for (const [dimension, group] of Object.entries(groups)) {
    if (!/^[a-z][a-z0-9_]{0,39}$/.test(dimension)) problem('groups', `"${dimension}" is not a dimension code.`, dimension, 'lower case letters, digits and _, such as imd_quintile')
    if (typeof group !== 'string' || group.trim() === '' || group.length > 100 || textCharacterProblem(group)) problem('groups', `the ${dimension} group is not a short label.`, group, '1 to 100 characters')
  }
  const tags = record.tags ?? []
  if (tags.length > 20 || tags.some((t) => t.length > 60 || textCharacterProblem(t) !== undefined)) problem('tags', 'the tags are too many or too long.', tags.length, 'at most 20 tags of up to 60 characters')
  return {
    source: record.source as SourceType,
    collectedVia: method as CollectionMethod,
    date: record.date,
    site: site === '' ? null : site,
    groups: Object.fromEntries(Object.entries(groups).map(([d, g]) => [d, String(g).trim()])),
    fft: fft as FftScore | null,
    text,
    tags: tags.map((t) => t.trim().toLowerCase()).filter((t) => t !== ''),
  }
}
