/** The insight part of a whole-organisation archive: events and interviews, records with their (de-identified) excerpts, themes and codings. */
import type { Kysely } from 'kysely'
import type { Database } from '../../storage/schema.ts'

export interface ArchiveInsightEvent {
  readonly id: number
  readonly programme: string
  readonly kind: string
  readonly title: string
  readonly runBy: string
  readonly place: string
  readonly site: string
  readonly date: string
  readonly groups: readonly string[]
  readonly createdBy: string
  readonly createdAt: string
}

export interface ArchiveExcerpt {
  readonly id: number
  readonly position: number
  readonly text: string
  readonly sentiment: number
  readonly redacted: Readonly<Record<string, number>>
}

export interface ArchiveInsight {
  readonly id: number
  readonly programme: string
  readonly site: string
  readonly source: string
  readonly collectedVia: string
  readonly date: string
  readonly fft: number | null
  readonly groups: Readonly<Record<string, string>>
  readonly tags: readonly string[]
  /** The id of its event or interview in `insightEvents`. */
  readonly event: number | null
  readonly importId: number | null
  readonly createdBy: string
  readonly createdAt: string
  readonly excerpts: readonly ArchiveExcerpt[]
}

export interface ArchiveTheme {
  readonly id: number
  readonly programme: string
  /** The parent theme's id in `themes`. */
  readonly parent: number | null
  readonly guid: string
  readonly name: string
  readonly definition: string
  readonly examples: readonly string[]
  readonly colour: string | null
  readonly frame: string
  readonly position: number
}

export interface ArchiveCoding {
  /** Ids in `insights[].excerpts` and `themes`. */
  readonly excerpt: number
  readonly theme: number
  readonly coder: string
  readonly machine: boolean
  readonly status: string
  readonly spanStart: number | null
  readonly spanEnd: number | null
  readonly score: number | null
  readonly createdAt: string
}

const iso = (value: Date | string) => new Date(value).toISOString()

export async function readInsightEvents(db: Kysely<Database>, id: number): Promise<ArchiveInsightEvent[]> {
  const rows = await db
    .selectFrom('insight_events as e')
    .innerJoin('programmes as p', (j) => j.onRef('p.organisation_id', '=', 'e.organisation_id').onRef('p.id', '=', 'e.programme_id'))
    .innerJoin('sites as s', (j) => j.onRef('s.organisation_id', '=', 'e.organisation_id').onRef('s.id', '=', 'e.site_id'))
    .select(['e.id', 'p.code as programme', 'e.kind', 'e.title', 'e.run_by', 'e.place', 's.code as site', 'e.held_on', 'e.groups', 'e.created_by', 'e.created_at'])
    .where('e.organisation_id', '=', id)
    .orderBy('e.id')
    .execute()
  return rows.map((r) => ({ id: r.id, programme: r.programme, kind: r.kind, title: r.title, runBy: r.run_by, place: r.place, site: r.site, date: r.held_on, groups: r.groups, createdBy: r.created_by, createdAt: iso(r.created_at) }))
}

export async function readInsights(db: Kysely<Database>, id: number): Promise<ArchiveInsight[]> {
  const rows = await db
    .selectFrom('insights as i')
    .innerJoin('programmes as p', (j) => j.onRef('p.organisation_id', '=', 'i.organisation_id').onRef('p.id', '=', 'i.programme_id'))
    .innerJoin('sites as s', (j) => j.onRef('s.organisation_id', '=', 'i.organisation_id').onRef('s.id', '=', 'i.site_id'))
    .select(['i.id', 'p.code as programme', 's.code as site', 'i.source', 'i.collected_via', 'i.received_on', 'i.fft', 'i.groups', 'i.tags', 'i.event_id', 'i.import_id', 'i.created_by', 'i.created_at'])
    .where('i.organisation_id', '=', id)
    .orderBy('i.id')
    .execute()
  const excerpts = await db.selectFrom('excerpts').select(['id', 'insight_id', 'position', 'text', 'sentiment', 'redacted']).where('organisation_id', '=', id).orderBy('insight_id').orderBy('position').execute()
  const byInsight = new Map<number, ArchiveExcerpt[]>()
  for (const x of excerpts) byInsight.set(x.insight_id, [...(byInsight.get(x.insight_id) ?? []), { id: x.id, position: x.position, text: x.text, sentiment: x.sentiment, redacted: x.redacted }])
  return rows.map((r) => ({
    id: r.id,
    programme: r.programme,
    site: r.site,
    source: r.source,
    collectedVia: r.collected_via,
    date: r.received_on,
    fft: r.fft,
    groups: r.groups,
    tags: r.tags,
    event: r.event_id,
    importId: r.import_id,
    createdBy: r.created_by,
    createdAt: iso(r.created_at),
    excerpts: byInsight.get(r.id) ?? [],
  }))
}

export async function readThemes(db: Kysely<Database>, id: number): Promise<ArchiveTheme[]> {
  const rows = await db
    .selectFrom('themes as t')
    .innerJoin('programmes as p', (j) => j.onRef('p.organisation_id', '=', 't.organisation_id').onRef('p.id', '=', 't.programme_id'))
    .select(['t.id', 'p.code as programme', 't.parent_id', 't.guid', 't.name', 't.definition', 't.examples', 't.colour', 't.frame', 't.position'])
    .where('t.organisation_id', '=', id)
    .orderBy('t.id')
    .execute()
  return rows.map((r) => ({ id: r.id, programme: r.programme, parent: r.parent_id, guid: r.guid, name: r.name, definition: r.definition, examples: r.examples, colour: r.colour, frame: r.frame, position: r.position }))
}

export async function readCodings(db: Kysely<Database>, id: number): Promise<ArchiveCoding[]> {
  const rows = await db.selectFrom('codings').selectAll().where('organisation_id', '=', id).orderBy('id').execute()
  return rows.map((r) => ({ excerpt: r.excerpt_id, theme: r.theme_id, coder: r.coder, machine: r.machine, status: r.status, spanStart: r.span_start, spanEnd: r.span_end, score: r.score, createdAt: iso(r.created_at) }))
}

export interface ArchiveLink {
  readonly measure: string
  /** The theme's id in `themes`. */
  readonly theme: number
  readonly createdBy: string
}

export interface ArchiveFinding {
  readonly id: number
  readonly programme: string
  readonly key: string
  readonly proposal: unknown
  readonly current: boolean
  readonly computedAt: string
  readonly status: string
  readonly statement: string | null
  readonly classification: string | null
  readonly decidedBy: string | null
  readonly decisionReason: string | null
  readonly decidedAt: string | null
}

export async function readLinks(db: Kysely<Database>, id: number): Promise<ArchiveLink[]> {
  const rows = await db
    .selectFrom('measure_theme_links as l')
    .innerJoin('measures as m', (j) => j.onRef('m.organisation_id', '=', 'l.organisation_id').onRef('m.id', '=', 'l.measure_id'))
    .select(['m.code', 'l.theme_id', 'l.created_by'])
    .where('l.organisation_id', '=', id)
    .orderBy('m.code')
    .orderBy('l.theme_id')
    .execute()
  return rows.map((r) => ({ measure: r.code, theme: r.theme_id, createdBy: r.created_by }))
}

export async function readFindings(db: Kysely<Database>, id: number): Promise<ArchiveFinding[]> {
  const rows = await db
    .selectFrom('findings as f')
    .innerJoin('programmes as p', (j) => j.onRef('p.organisation_id', '=', 'f.organisation_id').onRef('p.id', '=', 'f.programme_id'))
    .selectAll('f')
    .select('p.code as programme')
    .where('f.organisation_id', '=', id)
    .orderBy('f.id')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    programme: r.programme,
    key: r.key,
    proposal: r.proposal,
    current: r.current,
    computedAt: iso(r.computed_at),
    status: r.status,
    statement: r.statement,
    classification: r.classification,
    decidedBy: r.decided_by,
    decisionReason: r.decision_reason,
    decidedAt: r.decided_at === null ? null : iso(r.decided_at),
  }))
}
