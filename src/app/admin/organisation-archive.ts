/**
 * The shape of a whole-organisation archive and the queries that read it (owner connection,
 * every query filtered by organisation_id). Rows refer to each other by code, as people do; no
 * password hash, session, token or CSRF secret is ever selected.
 */
import type { Kysely } from 'kysely'
import type { Database } from '../../storage/schema.ts'
import { readCodings, readFindings, readInsightEvents, readInsights, readLinks, readThemes, type ArchiveCoding, type ArchiveFinding, type ArchiveInsight, type ArchiveInsightEvent, type ArchiveLink, type ArchiveTheme } from './organisation-archive-insight.ts'

export const ARCHIVE_FORMAT = 'lhs-organisation-archive'
export const ARCHIVE_VERSION = 3

export interface ArchiveSite {
  readonly id: number
  readonly code: string
  readonly name: string
  readonly kind: string
  /** The parent site's code; null for the organisation's root site. */
  readonly parent: string | null
}

export interface ArchiveProgramme {
  readonly id: number
  readonly code: string
  readonly name: string
  readonly aim: string
  readonly version: number
}

export interface ArchiveMeasure {
  readonly id: number
  readonly programme: string
  readonly code: string
  readonly name: string
  readonly description: string
  readonly type: string
  readonly kind: string
  readonly rateMultiplier: number | null
  readonly direction: string
  readonly target: number | null
  readonly period: string
  readonly defaultChart: string
  readonly numeratorDefinition: string | null
  readonly denominatorDefinition: string | null
  readonly unit: string | null
  readonly version: number
}

export interface ArchiveObservation {
  readonly programme: string
  readonly measure: string
  readonly site: string
  /** '' for all people. */
  readonly dimension: string
  /** '' for all people. */
  readonly group: string
  readonly periodStart: string
  readonly numerator: number | null
  readonly denominator: number | null
  readonly value: number
  readonly source: string
  readonly importedAt: string
  readonly importId: number | null
}

export interface ArchiveRebase {
  readonly id: number
  readonly programme: string
  readonly measure: string
  /** The site whose series alone it rebases; absent: every site. */
  readonly site?: string
  readonly date: string
  readonly reason: string
  readonly createdBy: string
  readonly createdAt: string
}

export interface ArchivePointNote {
  readonly id: number
  readonly programme: string
  readonly measure: string
  readonly site: string
  readonly period: string
  readonly kind: 'exclusion' | 'annotation'
  readonly note: string
  readonly createdBy: string
  readonly createdAt: string
}

export interface ArchiveImport {
  readonly id: number
  readonly programme: string
  readonly kind: string
  readonly fileName: string
  readonly inserted: number
  readonly updated: number
  readonly unchanged: number
  readonly issues: unknown
  readonly createdBy: string
  readonly createdAt: string
}

export interface ArchivePerson {
  readonly email: string
  readonly displayName: string
  readonly role: string
  /** Site codes the membership is narrowed to; null for every site. */
  readonly sites: readonly string[] | null
}

/** One audit entry; `hash` is sha256(prevHash + the canonical payload), as `lhs audit verify` checks. */
export interface ArchiveAuditEntry {
  readonly seq: number
  readonly at: string
  readonly actor: string
  readonly action: string
  readonly target: string
  readonly address: string
  readonly before: unknown
  readonly after: unknown
  readonly prevHash: string
  readonly hash: string
}

export interface OrganisationArchive {
  readonly format: typeof ARCHIVE_FORMAT
  readonly version: typeof ARCHIVE_VERSION
  readonly exportedAt: string
  readonly organisation: { readonly code: string; readonly name: string; readonly createdAt: string }
  readonly sites: readonly ArchiveSite[]
  readonly programmes: readonly ArchiveProgramme[]
  readonly measures: readonly ArchiveMeasure[]
  readonly observations: readonly ArchiveObservation[]
  readonly rebases: readonly ArchiveRebase[]
  readonly pointNotes: readonly ArchivePointNote[]
  readonly insightEvents: readonly ArchiveInsightEvent[]
  readonly insights: readonly ArchiveInsight[]
  readonly themes: readonly ArchiveTheme[]
  readonly codings: readonly ArchiveCoding[]
  readonly links: readonly ArchiveLink[]
  readonly findings: readonly ArchiveFinding[]
  readonly imports: readonly ArchiveImport[]
  readonly people: readonly ArchivePerson[]
  readonly audit: readonly ArchiveAuditEntry[]
}

/** The lists of an archive, in the order they are written. */
export const ARCHIVE_LISTS = ['sites', 'programmes', 'measures', 'observations', 'rebases', 'pointNotes', 'insightEvents', 'insights', 'themes', 'codings', 'links', 'findings', 'imports', 'people', 'audit'] as const
export type ArchiveList = (typeof ARCHIVE_LISTS)[number]
export type ArchiveCounts = Readonly<Record<ArchiveList, number>>

export function archiveCounts(archive: OrganisationArchive): ArchiveCounts {
  return Object.fromEntries(ARCHIVE_LISTS.map((list) => [list, archive[list].length])) as Record<ArchiveList, number>
}

export interface OrganisationRecord {
  readonly id: number
  readonly code: string
  readonly name: string
  readonly createdAt: string
}

/** Everything the organisation owns, read through `db` (use one snapshot: a repeatable-read transaction). */
export async function readArchive(db: Kysely<Database>, organisation: OrganisationRecord, exportedAt: Date): Promise<OrganisationArchive> {
  const id = organisation.id
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    exportedAt: exportedAt.toISOString(),
    organisation: { code: organisation.code, name: organisation.name, createdAt: organisation.createdAt },
    sites: await readSites(db, id),
    programmes: await readProgrammes(db, id),
    measures: await readMeasures(db, id),
    observations: await readObservations(db, id),
    rebases: await readRebases(db, id),
    pointNotes: await readPointNotes(db, id),
    insightEvents: await readInsightEvents(db, id),
    insights: await readInsights(db, id),
    themes: await readThemes(db, id),
    codings: await readCodings(db, id),
    links: await readLinks(db, id),
    findings: await readFindings(db, id),
    imports: await readImports(db, id),
    people: await readPeople(db, id),
    audit: await readAudit(db, id),
  }
}

function iso(value: Date | string): string {
  return new Date(value).toISOString()
}

async function readSites(db: Kysely<Database>, id: number): Promise<ArchiveSite[]> {
  return db
    .selectFrom('sites as s')
    .leftJoin('sites as p', (join) => join.onRef('p.organisation_id', '=', 's.organisation_id').onRef('p.id', '=', 's.parent_id'))
    .select(['s.id', 's.code', 's.name', 's.kind', 'p.code as parent'])
    .where('s.organisation_id', '=', id)
    .orderBy('s.id')
    .execute()
}

async function readProgrammes(db: Kysely<Database>, id: number): Promise<ArchiveProgramme[]> {
  return db.selectFrom('programmes').select(['id', 'code', 'name', 'aim', 'version']).where('organisation_id', '=', id).orderBy('id').execute()
}

async function readMeasures(db: Kysely<Database>, id: number): Promise<ArchiveMeasure[]> {
  const rows = await db
    .selectFrom('measures as m')
    .innerJoin('programmes as p', (join) => join.onRef('p.organisation_id', '=', 'm.organisation_id').onRef('p.id', '=', 'm.programme_id'))
    .selectAll('m')
    .select('p.code as programme')
    .where('m.organisation_id', '=', id)
    .orderBy('m.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    programme: r.programme,
    code: r.code,
    name: r.name,
    description: r.description,
    type: r.type,
    kind: r.kind,
    rateMultiplier: r.rate_multiplier,
    direction: r.direction,
    target: r.target,
    period: r.period,
    defaultChart: r.default_chart,
    numeratorDefinition: r.numerator_definition,
    denominatorDefinition: r.denominator_definition,
    unit: r.unit,
    version: r.version,
  }))
}

async function readObservations(db: Kysely<Database>, id: number): Promise<ArchiveObservation[]> {
  const rows = await db
    .selectFrom('observations as o')
    .innerJoin('measures as m', (join) => join.onRef('m.organisation_id', '=', 'o.organisation_id').onRef('m.id', '=', 'o.measure_id'))
    .innerJoin('programmes as p', (join) => join.onRef('p.organisation_id', '=', 'm.organisation_id').onRef('p.id', '=', 'm.programme_id'))
    .innerJoin('sites as s', (join) => join.onRef('s.organisation_id', '=', 'o.organisation_id').onRef('s.id', '=', 'o.site_id'))
    .select(['p.code as programme', 'm.code as measure', 's.code as site', 'o.dimension', 'o.group_name', 'o.period_start', 'o.numerator', 'o.denominator', 'o.value', 'o.source', 'o.imported_at', 'o.import_id'])
    .where('o.organisation_id', '=', id)
    .orderBy('o.measure_id')
    .orderBy('o.site_id')
    .orderBy('o.dimension')
    .orderBy('o.group_name')
    .orderBy('o.period_start')
    .execute()
  return rows.map((r) => ({
    programme: r.programme,
    measure: r.measure,
    site: r.site,
    dimension: r.dimension,
    group: r.group_name,
    periodStart: r.period_start,
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
    source: r.source,
    importedAt: iso(r.imported_at),
    importId: r.import_id,
  }))
}

async function readRebases(db: Kysely<Database>, id: number): Promise<ArchiveRebase[]> {
  const rows = await db
    .selectFrom('rebases as r')
    .innerJoin('measures as m', (join) => join.onRef('m.organisation_id', '=', 'r.organisation_id').onRef('m.id', '=', 'r.measure_id'))
    .innerJoin('programmes as p', (join) => join.onRef('p.organisation_id', '=', 'm.organisation_id').onRef('p.id', '=', 'm.programme_id'))
    .leftJoin('sites as s', (join) => join.onRef('s.organisation_id', '=', 'r.organisation_id').onRef('s.id', '=', 'r.site_id'))
    .select(['r.id', 'p.code as programme', 'm.code as measure', 's.code as site', 'r.rebase_date', 'r.reason', 'r.created_by', 'r.created_at'])
    .where('r.organisation_id', '=', id)
    // Suggestions belong to the loop's actions, which this archive format does not carry yet.
    .where('r.status', '=', 'accepted')
    .orderBy('r.id')
    .execute()
  return rows.map((r) => ({ id: r.id, programme: r.programme, measure: r.measure, ...(r.site === null ? {} : { site: r.site }), date: r.rebase_date, reason: r.reason, createdBy: r.created_by, createdAt: iso(r.created_at) }))
}

async function readPointNotes(db: Kysely<Database>, id: number): Promise<ArchivePointNote[]> {
  const rows = await db
    .selectFrom('point_notes as n')
    .innerJoin('measures as m', (join) => join.onRef('m.organisation_id', '=', 'n.organisation_id').onRef('m.id', '=', 'n.measure_id'))
    .innerJoin('programmes as p', (join) => join.onRef('p.organisation_id', '=', 'm.organisation_id').onRef('p.id', '=', 'm.programme_id'))
    .innerJoin('sites as s', (join) => join.onRef('s.organisation_id', '=', 'n.organisation_id').onRef('s.id', '=', 'n.site_id'))
    .select(['n.id', 'p.code as programme', 'm.code as measure', 's.code as site', 'n.period_start', 'n.kind', 'n.note', 'n.created_by', 'n.created_at'])
    .where('n.organisation_id', '=', id)
    .orderBy('n.id')
    .execute()
  return rows.map((r) => ({ id: r.id, programme: r.programme, measure: r.measure, site: r.site, period: r.period_start, kind: r.kind, note: r.note, createdBy: r.created_by, createdAt: iso(r.created_at) }))
}

async function readImports(db: Kysely<Database>, id: number): Promise<ArchiveImport[]> {
  const rows = await db
    .selectFrom('imports as i')
    .innerJoin('programmes as p', (join) => join.onRef('p.organisation_id', '=', 'i.organisation_id').onRef('p.id', '=', 'i.programme_id'))
    .select(['i.id', 'p.code as programme', 'i.kind', 'i.file_name', 'i.inserted', 'i.updated', 'i.unchanged', 'i.issues', 'i.created_by', 'i.created_at'])
    .where('i.organisation_id', '=', id)
    .orderBy('i.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    programme: r.programme,
    kind: r.kind,
    fileName: r.file_name,
    inserted: r.inserted,
    updated: r.updated,
    unchanged: r.unchanged,
    issues: r.issues,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
  }))
}

/** Members by email: only the columns a person would expect to see, never the password hash. */
async function readPeople(db: Kysely<Database>, id: number): Promise<ArchivePerson[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.email', 'u.display_name', 'm.role', 'm.site_codes'])
    .where('m.organisation_id', '=', id)
    .orderBy('u.email')
    .execute()
  return rows.map((r) => ({ email: r.email, displayName: r.display_name, role: r.role, sites: r.site_codes }))
}

async function readAudit(db: Kysely<Database>, id: number): Promise<ArchiveAuditEntry[]> {
  const rows = await db.selectFrom('audit_log').selectAll().where('organisation_id', '=', id).orderBy('seq').execute()
  return rows.map((r) => {
    const payload = JSON.parse(r.payload) as { before?: unknown; after?: unknown }
    return {
      seq: Number(r.seq),
      at: iso(r.at),
      actor: r.actor,
      action: r.action,
      target: r.target,
      address: r.address,
      before: payload.before ?? null,
      after: payload.after ?? null,
      prevHash: r.prev_hash,
      hash: r.hash,
    }
  })
}
