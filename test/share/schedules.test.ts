/**
 * Scheduled briefings: a schedule's rules (bad input named), issuing when due and only then (the
 * file kept, the group's inbox item linking to it, delivery queued), "after new data" schedules
 * firing after an import, and the pages: add, send now (a real PDF through Chromium), download
 * the file exactly as sent, stop. On every engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI_ACTOR } from '../../src/app/auth/audit.ts'
import { getProgrammeScope, type ProgrammeScope } from '../../src/app/catalogue.ts'
import type { AppDeps, JobSender } from '../../src/app/deps.ts'
import { importFile } from '../../src/app/gather/import-file.ts'
import { issueDueBriefings, type BriefingRenderer } from '../../src/app/share/issue-briefing.ts'
import { addSchedule, listIssues, listSchedules, removeSchedule } from '../../src/app/share/schedules.ts'
import { AppError } from '../../src/core/errors.ts'
import { getBriefingIssue } from '../../src/storage/briefing-schedules.ts'
import { listInbox } from '../../src/storage/alerts.ts'
import { closePdfRenderer } from '../../src/reports/pdf.ts'
import { skipBrowser } from '../support/browser.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { csv, monday } from '../support/fixture.ts'
import { seedLoopRecords } from '../support/loop.ts'
import { openTestServer, type TestServer } from '../support/server.ts'

const fakeRender: BriefingRenderer = async (_deps, scope, request) => ({
  title: `Board briefing: ${scope.programme.name}`,
  fileName: `${scope.programme.code}-${request.kind}.${request.format}`,
  contentType: 'application/pdf',
  content: new TextEncoder().encode(`%PDF fake ${request.kind} ${request.audience}`),
})

function at(deps: AppDeps, iso: string, jobs?: JobSender): AppDeps {
  return { ...deps, clock: () => new Date(iso), ...(jobs ? { jobs } : {}) }
}

describe.each(enginesUnderTest())('scheduled briefings on $engine', (engine) => {
  let server: TestServer
  let scope: ProgrammeScope
  let member: number

  beforeAll(async () => {
    server = await openTestServer(engine, { seed: 'fixture' })
    await seedLoopRecords(server.deps, 'test')
    scope = await getProgrammeScope(server.deps, 'test', 'htn')
    // The seeded loop has a schedule of its own (for the access matrix); stop it so these tests decide what is due.
    await server.store.db.updateTable('briefing_schedules').set({ active: false }).where('organisation_id', '=', scope.organisation.id).execute()
    member = (await server.store.db.selectFrom('decision_group_members').select('user_id').where('organisation_id', '=', scope.organisation.id).executeTakeFirstOrThrow()).user_id
  })
  afterAll(async () => {
    await closePdfRenderer()
    await server?.close()
  })

  it('names the bad field and value of a schedule', async () => {
    const bad = async (input: Record<string, string>) => {
      const error = await addSchedule(server.deps, CLI_ACTOR, scope, { kind: 'board', audience: 'internal', format: 'pdf', cadence: 'monthly', dayOfMonth: '1', group: 'board', ...input }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(AppError)
      return error as AppError
    }
    expect((await bad({ kind: 'weekly-digest' })).message).toContain('"weekly-digest" is not a kind')
    expect((await bad({ dayOfMonth: '31' })).message).toContain('"31" is not a day from 1 to 28')
    expect((await bad({ dayOfMonth: '' })).issues[0]?.column).toBe('dayOfMonth')
    expect((await bad({ group: 'nobody' })).message).toContain('no group "nobody"')
    expect((await bad({ format: 'pptx' })).issues[0]).toMatchObject({ column: 'format', value: 'pptx' })
  })

  it('issues a monthly schedule on its day, once, into the group\'s inbox with the file kept', async () => {
    const sent: { name: string; data: object }[] = []
    const jobs: JobSender = { send: async (name, data) => void sent.push({ name, data }) }
    const id = await addSchedule(at(server.deps, '2026-10-20T10:00:00Z'), CLI_ACTOR, scope, { kind: 'board', audience: 'external', format: 'pdf', cadence: 'monthly', dayOfMonth: '25', group: 'board' })

    const before = await issueDueBriefings(at(server.deps, '2026-10-24T06:30:00Z', jobs), fakeRender, scope.organisation.id)
    expect(before.issued).toEqual([])

    const due = await issueDueBriefings(at(server.deps, '2026-10-25T06:30:00Z', jobs), fakeRender, scope.organisation.id)
    expect(due.issued.map((i) => i.scheduleId)).toEqual([id])
    const issueId = due.issued[0]!.issueId
    const issue = await getBriefingIssue(server.store.db, scope.organisation.id, scope.programme.id, issueId)
    expect(new TextDecoder().decode(issue!.content)).toBe('%PDF fake board external')
    const inbox = await listInbox(server.store.db, member, { organisationId: scope.organisation.id })
    const item = inbox.find((a) => a.kind === 'briefing')
    expect(item?.link).toBe(`/organisations/test/programmes/htn/briefings/issued/${issueId}`)
    expect(item?.body).toContain('external version')
    expect(sent).toEqual([{ name: 'deliver-alert', data: { organisationId: scope.organisation.id, alertId: due.issued[0]!.alertId } }])

    const again = await issueDueBriefings(at(server.deps, '2026-10-26T06:30:00Z', jobs), fakeRender, scope.organisation.id)
    expect(again.issued).toEqual([])
    const nextMonth = await issueDueBriefings(at(server.deps, '2026-11-25T06:30:00Z', jobs), fakeRender, scope.organisation.id)
    expect(nextMonth.issued.map((i) => i.scheduleId)).toEqual([id])
    await removeSchedule(server.deps, CLI_ACTOR, scope, id)
    expect((await issueDueBriefings(at(server.deps, '2026-12-25T06:30:00Z'), fakeRender, scope.organisation.id)).issued).toEqual([])
  })

  it('issues an "after new data" schedule after an import that brings new rows, and not after one that changes nothing', async () => {
    const id = await addSchedule(at(server.deps, '2026-11-01T10:00:00Z'), CLI_ACTOR, scope, { kind: 'community', audience: 'internal', format: 'docx', cadence: 'after_import', group: 'board' })
    expect((await issueDueBriefings(at(server.deps, '2026-11-02T06:30:00Z'), fakeRender, scope.organisation.id)).issued).toEqual([])
    const file = csv(`bp-control,${monday(40)},alpha,,,61,100,`)
    const importAt = at(server.deps, '2026-11-03T12:00:00Z')
    await importFile(importAt, { organisation: 'test', programme: 'htn', kind: 'observations', fileName: 'late.csv', content: file, createdBy: 'test' })
    const after = await issueDueBriefings(at(server.deps, '2026-11-03T12:05:00Z'), fakeRender, scope.organisation.id)
    expect(after.issued.map((i) => i.scheduleId)).toEqual([id])
    await importFile(at(server.deps, '2026-11-04T12:00:00Z'), { organisation: 'test', programme: 'htn', kind: 'observations', fileName: 'same.csv', content: file, createdBy: 'test' })
    expect((await issueDueBriefings(at(server.deps, '2026-11-04T12:05:00Z'), fakeRender, scope.organisation.id)).issued).toEqual([])
    await removeSchedule(server.deps, CLI_ACTOR, scope, id)
  })

  it('keeps one failing briefing from stopping the others', async () => {
    const a = await addSchedule(at(server.deps, '2026-01-01T00:00:00Z'), CLI_ACTOR, scope, { kind: 'board', audience: 'internal', format: 'pdf', cadence: 'monthly', dayOfMonth: '2', group: 'board' })
    const b = await addSchedule(at(server.deps, '2026-01-01T00:00:00Z'), CLI_ACTOR, scope, { kind: 'community', audience: 'internal', format: 'pdf', cadence: 'monthly', dayOfMonth: '2', group: 'board' })
    const flaky: BriefingRenderer = async (deps, s, request) => {
      if (request.kind === 'board') throw new Error('Chromium went away')
      return fakeRender(deps, s, request)
    }
    const result = await issueDueBriefings(at(server.deps, '2026-02-02T06:30:00Z'), flaky, scope.organisation.id)
    expect(result.failed).toEqual([{ scheduleId: a, error: 'Chromium went away' }])
    expect(result.issued.map((i) => i.scheduleId)).toEqual([b])
    await removeSchedule(server.deps, CLI_ACTOR, scope, a)
    await removeSchedule(server.deps, CLI_ACTOR, scope, b)
  })

  it.skipIf(skipBrowser)('adds a schedule on the page, sends it now as a real PDF and downloads exactly the file sent', async () => {
    const base = '/organisations/test/programmes/htn/briefings/schedules'
    const bad = await server.requestAs('lead', base, { method: 'POST', body: new URLSearchParams({ kind: 'board', audience: 'internal', format: 'pdf', cadence: 'monthly', dayOfMonth: '40', group: 'board' }) })
    expect(bad.status).toBe(400)
    expect(await bad.text()).toContain('&quot;40&quot; is not a day from 1 to 28')
    const added = await server.requestAs('lead', base, { method: 'POST', body: new URLSearchParams({ kind: 'board', audience: 'external', format: 'pdf', cadence: 'monthly', dayOfMonth: '1', group: 'board' }) })
    expect(added.status).toBe(303)
    const schedule = (await listSchedules(server.deps, scope)).at(-1)!
    const sent = await server.requestAs('lead', `${base}/${schedule.id}/send`, { method: 'POST' })
    expect(sent.status).toBe(303)
    const issue = (await listIssues(server.deps, scope)).reduce((a, b) => (b.id > a.id ? b : a))
    expect(issue.fileName).toMatch(/^htn-board-briefing-external-\d{4}-\d{2}-\d{2}\.pdf$/)
    const page = await (await server.requestAs('viewer', base)).text()
    expect(page).toContain(issue.fileName)
    const download = await server.requestAs('viewer', `/organisations/test/programmes/htn/briefings/issued/${issue.id}`)
    expect(download.headers.get('content-type')).toBe('application/pdf')
    const bytes = new Uint8Array(await download.arrayBuffer())
    expect(new TextDecoder().decode(bytes.slice(0, 5))).toBe('%PDF-')
    const stored = await getBriefingIssue(server.store.db, scope.organisation.id, scope.programme.id, issue.id)
    expect(Buffer.from(bytes).equals(Buffer.from(stored!.content))).toBe(true)
    const audit = await server.store.db.selectFrom('audit_log').select('action').where('action', '=', 'briefing.download').execute()
    expect(audit.length).toBeGreaterThan(0)
    expect((await server.requestAs('viewer', `${base}/${schedule.id}/send`, { method: 'POST' })).status).toBe(403)
  })
})
