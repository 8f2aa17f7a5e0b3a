/**
 * Data protection for a whole organisation: export everything it owns as one archive, or delete
 * everything it owns in one transaction. Both run on the owner connection (they span people, who
 * live outside row-level security) and filter every query by organisation_id; both are audited.
 */
import type { Kysely } from 'kysely'
import { AppError } from '../../core/errors.ts'
import type { Database } from '../../storage/schema.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { AppDeps } from '../deps.ts'
import { archiveCounts, readArchive, type OrganisationArchive, type OrganisationRecord } from './organisation-archive.ts'

export { archiveCounts, ARCHIVE_FORMAT, ARCHIVE_LISTS, type ArchiveCounts, type OrganisationArchive } from './organisation-archive.ts'

/** Everything the organisation owns, read from one snapshot; the export is audited as `organisation.export`. */
export async function exportOrganisation(deps: AppDeps, actor: Actor, code: string): Promise<OrganisationArchive> {
  const exportedAt = deps.clock()
  const { id, archive } = await deps.store.db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      const organisation = await requireOrganisation(trx, code)
      return { id: organisation.id, archive: await readArchive(trx, organisation, exportedAt) }
    })
  // Audited after the snapshot has ended: lhs_audit_append reads the latest hash, which a
  // repeatable-read snapshot could show stale, forking the chain.
  await audit(deps, actor, { organisationId: id, action: 'organisation.export', target: `organisation:${archive.organisation.code}`, after: archiveCounts(archive) })
  return archive
}

type TenantTable = 'observations' | 'point_notes' | 'findings' | 'measure_theme_links' | 'codings' | 'excerpts' | 'insights' | 'insight_events' | 'themes' | 'rebases' | 'imports' | 'measures' | 'programmes' | 'memberships' | 'sites' | 'decisions' | 'actions' | LoopTable

/** The loop's tables (migration 0006) and scheduled briefings (0009), in an order that deletes what refers to a row before the row. */
const LOOP_TABLES = [
  'alert_recipients', 'alerts', 'briefing_issues', 'briefing_schedules', 'webhooks', 'verdict_changes', 'action_reviews', 'pdsa_cycles', 'predictions', 'action_sites', 'actions',
  'decision_versions', 'decisions', 'meeting_items', 'meeting_attendance', 'meetings', 'decision_group_members', 'decision_groups', 'driver_measures', 'drivers',
] as const
type LoopTable = (typeof LOOP_TABLES)[number]

/** What deleting an organisation removes, row counts by table; `users` are the people who belong to no other organisation. */
export interface DeletionCounts {
  readonly observations: number
  readonly pointNotes: number
  /** Insight records (their excerpts and codings go with them), events and interviews, themes. */
  readonly insights: number
  readonly insightEvents: number
  readonly themes: number
  readonly rebases: number
  /** Decisions (with their versions) and actions (with predictions, PDSA cycles and reviews); groups, meetings, drivers and alerts go with them. */
  readonly decisions: number
  readonly actions: number
  readonly imports: number
  readonly measures: number
  readonly programmes: number
  readonly memberships: number
  readonly sites: number
  readonly users: number
}

export interface OrganisationSummary {
  readonly code: string
  readonly name: string
  readonly counts: DeletionCounts
}

/** What `deleteOrganisation` would remove, without removing anything. */
export async function previewOrganisationDeletion(deps: AppDeps, code: string): Promise<OrganisationSummary> {
  const db = deps.store.db
  const organisation = await requireOrganisation(db, code)
  const count = async (table: TenantTable) => {
    const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('organisation_id', '=', organisation.id).executeTakeFirstOrThrow()
    return Number(row.n)
  }
  const counts: DeletionCounts = {
    observations: await count('observations'),
    pointNotes: await count('point_notes'),
    insights: await count('insights'),
    insightEvents: await count('insight_events'),
    themes: await count('themes'),
    rebases: await count('rebases'),
    decisions: await count('decisions'),
    actions: await count('actions'),
    imports: await count('imports'),
    measures: await count('measures'),
    programmes: await count('programmes'),
    memberships: await count('memberships'),
    sites: await count('sites'),
    users: (await usersOnlyIn(db, organisation.id)).length,
  }
  return { code: organisation.code, name: organisation.name, counts }
}

/**
 * Delete everything the organisation owns and the people whose only membership was in it (their
 * sessions and API tokens go with them by ON DELETE CASCADE, their sign-in attempts explicitly),
 * in one transaction: a failure anywhere leaves everything as it was.
 *
 * The audit log is append-only, so the organisation's entries stay. The deletion is audited as
 * `organisation.delete` under the organisation's id (audit_log has no foreign key to
 * organisations, and ids are never reused), so it is the last entry of that organisation's
 * trail; its target `organisation:CODE` finds it by code. It records counts, never the emails of
 * the people removed.
 */
export async function deleteOrganisation(deps: AppDeps, actor: Actor, code: string): Promise<OrganisationSummary> {
  return deps.store.db.transaction().execute(async (trx) => {
    const organisation = await requireOrganisation(trx, code, true)
    const id = organisation.id
    const users = await usersOnlyIn(trx, id)
    const deleted = async (table: TenantTable) =>
      Number((await trx.deleteFrom(table).where('organisation_id', '=', id).executeTakeFirst()).numDeletedRows)
    // Rebases first: a suggested rebase belongs to an action, and would otherwise go with it uncounted.
    const rebases = await deleted('rebases')
    const loop = new Map<LoopTable, number>()
    for (const table of LOOP_TABLES) loop.set(table, await deleted(table))
    const observations = await deleted('observations')
    const pointNotes = await deleted('point_notes')
    await deleted('findings')
    await deleted('measure_theme_links')
    await deleted('codings')
    await deleted('excerpts')
    const insights = await deleted('insights')
    const insightEvents = await deleted('insight_events')
    await trx.updateTable('themes').set({ parent_id: null }).where('organisation_id', '=', id).execute()
    const themes = await deleted('themes')
    const imports = await deleted('imports')
    const measures = await deleted('measures')
    const programmes = await deleted('programmes')
    const memberships = await deleted('memberships')
    // Sites refer to their parent site: cut those links first, then every site can go at once.
    await trx.updateTable('sites').set({ parent_id: null }).where('organisation_id', '=', id).execute()
    const sites = await deleted('sites')
    // The learning community (migration 0008): its comments (and others' comments on its lessons), lessons, shared aggregates and memberships.
    await trx.deleteFrom('lesson_comments').where((eb) => eb.or([eb('organisation_id', '=', id), eb('lesson_organisation_id', '=', id)])).execute()
    for (const table of ['lessons', 'shared_aggregates', 'network_members'] as const) await trx.deleteFrom(table).where('organisation_id', '=', id).execute()
    await trx.deleteFrom('organisations').where('id', '=', id).execute()
    if (users.length > 0) {
      await trx.deleteFrom('users').where('id', 'in', users.map((u) => u.id)).execute()
      await trx.deleteFrom('sign_in_attempts').where('email', 'in', users.map((u) => u.email)).execute()
    }
    const counts: DeletionCounts = { observations, pointNotes, insights, insightEvents, themes, rebases, decisions: loop.get('decisions') ?? 0, actions: loop.get('actions') ?? 0, imports, measures, programmes, memberships, sites, users: users.length }
    await audit(deps, actor, { organisationId: id, action: 'organisation.delete', target: `organisation:${organisation.code}`, before: { code: organisation.code, name: organisation.name }, after: counts }, trx)
    return { code: organisation.code, name: organisation.name, counts }
  })
}

/** The organisation; with `lock`, its row is locked so that no site, programme, import or membership can join it meanwhile. */
async function requireOrganisation(db: Kysely<Database>, code: string, lock = false): Promise<OrganisationRecord> {
  const row = await db
    .selectFrom('organisations')
    .select(['id', 'code', 'name', 'created_at'])
    .where('code', '=', code)
    .$if(lock, (qb) => qb.forUpdate())
    .executeTakeFirst()
  if (!row) throw new AppError('not_found', `No organisation with code "${code}".`)
  return { id: row.id, code: row.code, name: row.name, createdAt: new Date(row.created_at).toISOString() }
}

/** Members of the organisation who belong to no other organisation. */
async function usersOnlyIn(db: Kysely<Database>, organisationId: number): Promise<{ id: number; email: string }[]> {
  return db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.email'])
    .where('m.organisation_id', '=', organisationId)
    .where((eb) => eb.not(eb.exists(eb.selectFrom('memberships as other').select('other.user_id').whereRef('other.user_id', '=', 'm.user_id').where('other.organisation_id', '<>', organisationId))))
    .orderBy('u.id')
    .execute()
}

/** The archive as JSON text, one list item a line (diffable, greppable), yielded piece by piece for streaming. */
export function* archiveJson(archive: OrganisationArchive): Generator<string> {
  const entries = Object.entries(archive)
  yield '{\n'
  for (const [index, [key, value]] of entries.entries()) {
    const comma = index < entries.length - 1 ? ',' : ''
    if (!Array.isArray(value)) {
      yield `  ${JSON.stringify(key)}: ${JSON.stringify(value)}${comma}\n`
      continue
    }
    if (value.length === 0) {
      yield `  ${JSON.stringify(key)}: []${comma}\n`
      continue
    }
    yield `  ${JSON.stringify(key)}: [\n`
    for (const [i, item] of value.entries()) yield `    ${JSON.stringify(item)}${i < value.length - 1 ? ',' : ''}\n`
    yield `  ]${comma}\n`
  }
  yield '}\n'
}
