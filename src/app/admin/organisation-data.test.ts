// Exporting and deleting a whole organisation, on every engine: the archive holds exactly the
// organisation's rows and no secret; deletion removes exactly its rows (and the people who belonged
// only to it), leaves every other organisation as it was, and is all or nothing.
import { DeleteQueryNode, sql, TableNode, type KyselyPlugin } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../test/support/engines.ts'
import { seedInsight } from '../../../test/support/insight.ts'
import { csv, depsFor, measureFixture, monday, seedFixture } from '../../../test/support/fixture.ts'
import { keysDeep } from '../../../test/support/server.ts'
import { AppError } from '../../core/errors.ts'
import type { Store } from '../../storage/database.ts'
import { verifyAuditChain } from '../../storage/audit-log.ts'
import { upsertMeasures } from '../../storage/measures.ts'
import { findOrganisation } from '../../storage/organisations.ts'
import { findProgramme } from '../../storage/programmes.ts'
import { upsertPointNote } from '../../storage/point-notes.ts'
import { upsertRebase } from '../../storage/rebases.ts'
import { recordSignInAttempt } from '../../storage/sessions.ts'
import { upsertSites } from '../../storage/sites.ts'
import { CLI_ACTOR } from '../auth/audit.ts'
import { addMember } from '../auth/people.ts'
import { DEFAULT_AUTH_SETTINGS } from '../auth/settings.ts'
import { startSession } from '../auth/sign-in.ts'
import { createToken } from '../auth/tokens.ts'
import type { AppDeps } from '../deps.ts'
import { importFile } from '../gather/import-file.ts'
import { seedLoopRecords } from '../../../test/support/loop.ts'
import { archiveJson, deleteOrganisation, exportOrganisation, previewOrganisationDeletion, type OrganisationArchive } from './organisation-data.ts'

const PASSWORD = 'correct horse battery staple'
const ONLY_TEST = 'only-test@test.example'
const BOTH = 'both@shared.example'
const ONLY_OTHER = 'only-other@other.example'
const LOOP_TABLES = ['alert_recipients', 'alerts', 'briefing_issues', 'briefing_schedules', 'webhooks', 'verdict_changes', 'action_reviews', 'pdsa_cycles', 'predictions', 'action_sites', 'actions', 'decision_versions', 'decisions', 'meeting_items', 'meeting_attendance', 'meetings', 'decision_group_members', 'decision_groups', 'driver_measures', 'drivers'] as const
const TENANT_TABLES = ['sites', 'programmes', 'measures', 'observations', 'point_notes', 'insight_events', 'insights', 'excerpts', 'themes', 'codings', 'measure_theme_links', 'findings', 'rebases', 'imports', 'memberships', ...LOOP_TABLES, 'network_members', 'lessons', 'lesson_comments', 'shared_aggregates'] as const
const ALL_TABLES = ['organisations', ...TENANT_TABLES, 'users', 'sessions', 'api_tokens', 'sign_in_attempts', 'audit_log'] as const

/** The raw secrets handed out while seeding (tokens, session cookies, the password). */
interface Seeded {
  readonly testId: number
  readonly otherId: number
  readonly secrets: readonly string[]
}

/**
 * Two organisations with data of their own: `test` (the fixture programme, 3 weeks of values, a
 * rebase) and `other` (a site gamma and measures only it has); people in one or both, each with a
 * password, an API token, a session and a sign-in attempt.
 */
async function seedTwoOrganisations(deps: AppDeps): Promise<Seeded> {
  const { store } = deps
  await seedFixture(store)
  const test = (await findOrganisation(store.db, 'test'))!
  const other = (await findOrganisation(store.db, 'other'))!
  const otherProgramme = (await findProgramme(store.db, other.id, 'htn'))!
  await upsertSites(store.db, other.id, [{ code: 'gamma', name: 'Gamma Practice', kind: 'practice', parent: 'other' }])
  await upsertMeasures(store.db, other.id, otherProgramme.id, [measureFixture({ code: 'bp-control', name: 'Other ICS blood pressure' }), measureFixture({ code: 'other-only', name: 'Only in Other ICS', kind: 'count' })])
  const testRows = [0, 1, 2].flatMap((i) => [`bp-control,${monday(i)},alpha,,,${20 + i},40,`, `monitors-lent,${monday(i)},beta,,,,,${4 + i}`])
  const otherRows = [0, 1, 2].map((i) => `other-only,${monday(i)},gamma,,,,,${7 + i}`)
  for (const [organisation, rows] of [['test', testRows], ['other', otherRows]] as const) {
    const report = await importFile(deps, { organisation, programme: 'htn', kind: 'observations', fileName: `${organisation}.csv`, content: csv(...rows), createdBy: 'seed' })
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([])
  }
  for (const organisation of [test, other]) {
    const measure = await store.db.selectFrom('measures').select('id').where('organisation_id', '=', organisation.id).where('code', '=', 'bp-control').executeTakeFirstOrThrow()
    await upsertRebase(store.db, organisation.id, { measureId: measure.id, date: monday(1), reason: `new clinic in ${organisation.code}`, createdBy: 'seed' })
    const site = await store.db.selectFrom('sites').select('id').where('organisation_id', '=', organisation.id).where('code', '=', organisation.code).executeTakeFirstOrThrow()
    await upsertPointNote(store.db, organisation.id, { measureId: measure.id, siteId: site.id, period: monday(2), kind: 'annotation' }, `note in ${organisation.code}`, 'seed')
    await seedInsight(deps, organisation.code)
  }
  await addMember(deps, CLI_ACTOR, { email: ONLY_TEST, organisation: 'test', role: 'analyst', sites: ['alpha'], password: PASSWORD })
  await addMember(deps, CLI_ACTOR, { email: BOTH, organisation: 'test', role: 'admin', password: PASSWORD })
  await addMember(deps, CLI_ACTOR, { email: BOTH, organisation: 'other', role: 'viewer' })
  await addMember(deps, CLI_ACTOR, { email: ONLY_OTHER, organisation: 'other', role: 'admin', password: PASSWORD })
  const secrets: string[] = [PASSWORD]
  for (const email of [ONLY_TEST, BOTH, ONLY_OTHER]) {
    secrets.push((await createToken(deps, CLI_ACTOR, email, 'seed')).token)
    const user = await store.db.selectFrom('users').select(['id', 'email', 'display_name', 'password_hash', 'disabled_at']).where('email', '=', email).executeTakeFirstOrThrow()
    const signedIn = await startSession({ ...deps, auth: DEFAULT_AUTH_SETTINGS }, { id: user.id, email, displayName: '', passwordHash: user.password_hash, disabled: false }, { address: '10.0.0.1', userAgent: 'test', method: 'password' })
    secrets.push(signedIn.sessionSecret)
    await recordSignInAttempt(store.db, { email, address: '10.0.0.1', succeeded: true, at: deps.clock() })
  }
  return { testId: test.id, otherId: other.id, secrets }
}

/** Every row of `table` matching `where`, as canonical JSON text in a stable order. */
async function rowsOf(store: Store, table: string, where = 'true'): Promise<string> {
  const { rows } = await sql<{ row: unknown }>`SELECT to_jsonb(t) AS row FROM ${sql.table(table)} t WHERE ${sql.raw(where)} ORDER BY to_jsonb(t)::text`.execute(store.db)
  return JSON.stringify(rows.map((r) => r.row))
}

/** Everything that belongs to `organisationId` or to its members, table by table. */
async function snapshotOf(store: Store, organisationId: number): Promise<Record<string, string>> {
  const members = `user_id IN (SELECT user_id FROM memberships WHERE organisation_id = ${organisationId})`
  const snapshot: Record<string, string> = { organisations: await rowsOf(store, 'organisations', `id = ${organisationId}`) }
  for (const table of [...TENANT_TABLES, 'audit_log']) snapshot[table] = await rowsOf(store, table, `organisation_id = ${organisationId}`)
  snapshot.users = await rowsOf(store, 'users', members.replace('user_id IN', 'id IN'))
  for (const table of ['sessions', 'api_tokens']) snapshot[table] = await rowsOf(store, table, members)
  return snapshot
}

async function countWhere(store: Store, table: string, where: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::integer AS n FROM ${sql.table(table)} WHERE ${sql.raw(where)}`.execute(store.db)
  return Number(rows[0]?.n)
}

function textOf(archive: OrganisationArchive): string {
  return [...archiveJson(archive)].join('')
}

for (const engine of enginesUnderTest()) {
  describe(`organisation export and deletion on ${engine.engine}`, () => {
    let store: Store
    let deps: AppDeps
    let seeded: Seeded
    // One database for the block (opening and migrating one is slow): the tests run in order, the
    // exports and the failed deletion first, the deletion that succeeds last.
    beforeAll(async () => {
      store = await engine.open()
      deps = depsFor(store)
      seeded = await seedTwoOrganisations(deps)
    })
    afterAll(async () => {
      await store.close()
      await engine.cleanUp()
    })

    it('exports every row of test and none of other, in JSON that reads back as the same archive', async () => {
      const archive = await exportOrganisation(deps, CLI_ACTOR, 'test')
      expect(archive).toMatchObject({ format: 'lhs-organisation-archive', version: 3, exportedAt: '2025-06-02T09:00:00.000Z', organisation: { code: 'test', name: 'Test ICS' } })
      for (const table of ['sites', 'programmes', 'measures', 'observations', 'rebases', 'imports'] as const) {
        expect(archive[table], table).toHaveLength(await countWhere(store, table, `organisation_id = ${seeded.testId}`))
      }
      expect(archive.sites.map((s) => [s.code, s.parent])).toEqual([['test', null], ['north', 'test'], ['alpha', 'north'], ['beta', 'north']])
      expect(archive.observations).toHaveLength(6)
      expect(archive.observations[0]).toEqual({ programme: 'htn', measure: 'bp-control', site: 'alpha', dimension: '', group: '', periodStart: monday(0), numerator: 20, denominator: 40, value: 0.5, source: 'file:test.csv', importedAt: '2025-06-02T09:00:00.000Z', importId: archive.imports[0]?.id })
      expect(archive.rebases.map((r) => [r.programme, r.measure, r.date, r.reason])).toEqual([['htn', 'bp-control', monday(1), 'new clinic in test']])
      expect(archive.pointNotes.map((n) => [n.programme, n.measure, n.site, n.period, n.kind, n.note])).toEqual([['htn', 'bp-control', 'test', monday(2), 'annotation', 'note in test']])
      expect(archive.people).toEqual([
        { email: BOTH, displayName: '', role: 'admin', sites: null },
        { email: ONLY_TEST, displayName: '', role: 'analyst', sites: ['alpha'] },
      ])
      // Every entry of test but the export's own, appended after the snapshot.
      expect(archive.audit.length).toBe((await countWhere(store, 'audit_log', `organisation_id = ${seeded.testId}`)) - 1)
      expect(archive.audit.map((a) => a.target).filter((t) => !t.includes('test'))).toEqual([])
      const text = textOf(archive)
      for (const foreign of ['gamma', 'Other ICS', 'other-only', 'new clinic in other', ONLY_OTHER, 'other.csv']) expect(text, foreign).not.toContain(foreign)
      expect(JSON.parse(text)).toEqual(archive)
    })

    it('puts no secret in the archive: no password hash, token, token hash, session or CSRF token', async () => {
      const text = textOf(await exportOrganisation(deps, CLI_ACTOR, 'test'))
      const stored = await sql<{ secret: string }>`
        SELECT password_hash AS secret FROM users WHERE password_hash IS NOT NULL
        UNION ALL SELECT token_hash FROM api_tokens
        UNION ALL SELECT id_hash FROM sessions
        UNION ALL SELECT csrf_token FROM sessions`.execute(store.db)
      expect(stored.rows.length).toBeGreaterThanOrEqual(3 + 3 + 6)
      for (const secret of [...seeded.secrets, ...stored.rows.map((r) => r.secret)]) expect(text.includes(secret), `archive contains the secret ${secret.slice(0, 12)}…`).toBe(false)
      for (const word of ['$argon2', 'token_hash', 'tokenHash', 'password_hash', 'passwordHash', 'id_hash', 'csrf']) expect(text, word).not.toContain(word)
      // The only "password" is the audit trail's boolean passwordSet ("a password was set"), never a value.
      expect([...keysDeep(JSON.parse(text))].filter((key) => /password/i.test(key))).toEqual(['passwordSet'])
      expect(text).not.toMatch(/"password"\s*:/)
    })

    it('audits the export with its counts, and refuses an unknown organisation', async () => {
      const archive = await exportOrganisation(deps, CLI_ACTOR, 'test')
      const entry = await store.db.selectFrom('audit_log').selectAll().where('action', '=', 'organisation.export').orderBy('seq', 'desc').executeTakeFirstOrThrow()
      expect([entry.organisation_id, entry.actor, entry.target]).toEqual([seeded.testId, 'cli', 'organisation:test'])
      expect(JSON.parse(entry.payload).after).toEqual({ sites: 4, programmes: 1, measures: 3, observations: 6, pointNotes: 1, insightEvents: 1, insights: 1, themes: 1, codings: 1, links: 1, findings: 1, rebases: 1, imports: 1, people: 2, audit: archive.audit.length })
      await expect(exportOrganisation(deps, CLI_ACTOR, 'nowhere')).rejects.toThrow(new AppError('not_found', 'No organisation with code "nowhere".'))
      await expect(deleteOrganisation(deps, CLI_ACTOR, 'nowhere')).rejects.toThrow('No organisation with code "nowhere".')
    })

    it('changes nothing when the deletion fails midway (the last statement fails after every other delete ran)', async () => {
      // The loop's records too (after the export test: this archive format does not carry them yet).
      await seedLoopRecords(deps, 'test')
      const before: Record<string, string> = {}
      for (const table of ALL_TABLES) before[table] = await rowsOf(store, table)
      const deleted: string[] = []
      const failAtOrganisations: KyselyPlugin = {
        transformQuery({ node }) {
          const from = DeleteQueryNode.is(node) ? node.from.froms[0] : undefined
          if (from && TableNode.is(from)) {
            deleted.push(from.table.identifier.name)
            if (from.table.identifier.name === 'organisations') throw new Error('simulated failure: the database went away')
          }
          return node
        },
        transformResult: async ({ result }) => result,
      }
      const failing: AppDeps = { ...deps, store: { ...store, db: store.db.withPlugin(failAtOrganisations) } }
      await expect(deleteOrganisation(failing, CLI_ACTOR, 'test')).rejects.toThrow('simulated failure')
      expect(deleted).toEqual(['rebases', ...LOOP_TABLES, 'observations', 'point_notes', 'findings', 'measure_theme_links', 'codings', 'excerpts', 'insights', 'insight_events', 'themes', 'imports', 'measures', 'programmes', 'memberships', 'sites', 'lesson_comments', 'lessons', 'shared_aggregates', 'network_members', 'organisations'])
      for (const table of ALL_TABLES) expect(await rowsOf(store, table), table).toBe(before[table])
    })
    it('deletes every row of test and the people only in test, and leaves other exactly as it was', async () => {
      const otherBefore = await snapshotOf(store, seeded.otherId)
      const auditBefore = JSON.parse(await rowsOf(store, 'audit_log', `organisation_id = ${seeded.testId}`)) as unknown[]
      const preview = await previewOrganisationDeletion(deps, 'test')
      const result = await deleteOrganisation(deps, CLI_ACTOR, 'test')
      expect(result).toEqual(preview)
      expect(result.counts).toEqual({ observations: 6, pointNotes: 1, insights: 1, insightEvents: 1, themes: 1, rebases: 2, decisions: 1, actions: 1, imports: 1, measures: 3, programmes: 1, memberships: 2, sites: 4, users: 1 })
      for (const table of TENANT_TABLES) expect(await countWhere(store, table, `organisation_id = ${seeded.testId}`), table).toBe(0)
      expect(await findOrganisation(store.db, 'test')).toBeUndefined()
      expect(await snapshotOf(store, seeded.otherId)).toEqual(otherBefore)
      const emails = (await store.db.selectFrom('users').select('email').orderBy('email').execute()).map((u) => u.email)
      expect(emails).toEqual([BOTH, ONLY_OTHER])
      expect(await countWhere(store, 'sign_in_attempts', `email = '${ONLY_TEST}'`)).toBe(0)
      expect(await countWhere(store, 'sessions', 'true')).toBe(2)
      expect(await countWhere(store, 'api_tokens', 'true')).toBe(2)
      const both = await store.db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select(['organisation_id', 'role']).where('email', '=', BOTH).execute()
      expect(both).toEqual([{ organisation_id: seeded.otherId, role: 'viewer' }])

      // The audit trail of test is kept and ends with the deletion: counts, no emails; the chain holds.
      const entries = await store.db.selectFrom('audit_log').selectAll().where('organisation_id', '=', seeded.testId).orderBy('seq').execute()
      expect(entries).toHaveLength(auditBefore.length + 1)
      const last = entries.at(-1)!
      expect([last.action, last.target, last.actor]).toEqual(['organisation.delete', 'organisation:test', 'cli'])
      expect(JSON.parse(last.payload)).toMatchObject({ before: { code: 'test', name: 'Test ICS' }, after: result.counts })
      expect(last.payload).not.toContain('@')
      expect((await verifyAuditChain(store.db)).broken).toBeUndefined()
    })
  })
}
