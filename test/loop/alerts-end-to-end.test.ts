// Issue 7, "Done when": importing new observations updates the affected verdicts without a restart,
// and the alert reaches the inbox, the webhook receiver and the local SMTP server. One running app
// with a real pg-boss queue on the same database, a real HTTP receiver that checks the signature and
// a real SMTP server; observations arrive through the import API as an analyst would send them.
import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import type { OpenAPIHono } from '@hono/zod-openapi'
import { sql } from 'kysely'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { verifyWebhookSignature } from '../../src/app/alerts/deliver-webhook.ts'
import { createMailer, type Mailer } from '../../src/app/alerts/send-email.ts'
import { CLI_ACTOR } from '../../src/app/auth/audit.ts'
import { createJobQueue, type JobQueue } from '../../src/app/jobs/job-queue.ts'
import type { LhsJobs } from '../../src/app/jobs/lhs-jobs.ts'
import { startLoopJobs } from '../../src/app/review/review-jobs.ts'
import { addWebhook } from '../../src/app/review/webhooks.ts'
import type { BriefingRenderer } from '../../src/app/share/issue-briefing.ts'
import { addSchedule } from '../../src/app/share/schedules.ts'
import { getProgrammeScope } from '../../src/app/catalogue.ts'
import { startShareJobs } from '../../src/app/share/share-jobs.ts'
import { startAnalysisJobs } from '../../src/app/analyse/analysis-jobs.ts'
import { createApp } from '../../src/server/create-app.tsx'
import { listInbox } from '../../src/storage/alerts.ts'
import type { VerdictValue } from '../../src/storage/schema.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { csv, fixedClock, monday } from '../support/fixture.ts'
import { emailOf, withToken } from '../support/people.ts'
import { jsonOf, openTestServer, uploadForm, type TestServer } from '../support/server.ts'

const IMPORTS = '/api/v1/organisations/test/programmes/htn/imports'
const BASE_URL = 'https://lhs.test'
const ACTION_TITLE = 'Text reminders for BP checks at Alpha'
/** The change date: week 20 of the series (2025-05-26). Weeks 0–19 are the baseline. */
const CHANGE_WEEK = 20
/** The first import runs to week 31: 12 weeks after the change, enough to call "no change" without a `by` date. */
const FIRST_LAST_WEEK = 31
/** The second import adds weeks 32–39 with a clear step up. */
const SECOND_LAST_WEEK = 39
/** The review date: the Monday after the last week imported. */
const CLOCK = fixedClock(`${monday(SECOND_LAST_WEEK + 1)}T09:00:00Z`)
/** How long a job may take to show its effect (polling is every 0.5 s). */
const WAIT_MS = 20_000

/** The scheduled briefing's file: a stand-in (PDF rendering has its own tests); what matters here is that these bytes arrive. */
const BRIEFING_BYTES = new TextEncoder().encode('%PDF-1.4 stand-in briefing for the delivery test')
const BRIEFING_TITLE = 'Board briefing: Hypertension'
const renderBriefing: BriefingRenderer = async (_deps, scope, request) => ({
  title: BRIEFING_TITLE, fileName: `${scope.programme.code}-${request.kind}.pdf`, contentType: 'application/pdf', content: BRIEFING_BYTES,
})

const OWNER = emailOf('lead')
const MEMBER = emailOf('decision_maker')

/** bp-control at alpha out of 100 a week: 49, 52, 50, 51 (50.5% on average) with no change, 70–73% after the step. */
const flat = (week: number) => [49, 52, 50, 51][week % 4] ?? 50
const stepped = (week: number) => [70, 72, 71, 73][week % 4] ?? 71
/** Falls at alpha (the balancing measure), per 1,500 bed days: 3, 2, 4, 3 throughout. */
const falls = (week: number) => [3, 2, 4, 3][week % 4] ?? 3

function weeksCsv(from: number, to: number, bp: (week: number) => number): Uint8Array {
  const lines: string[] = []
  for (let week = from; week <= to; week++) {
    lines.push(`bp-control,${monday(week)},alpha,,,${bp(week)},100,`)
    lines.push(`falls,${monday(week)},alpha,,,${falls(week)},1500,`)
  }
  return csv(...lines)
}

interface Delivery {
  readonly headers: IncomingHttpHeaders
  readonly body: string
  readonly verified: boolean
}

/** A real webhook receiver on a free port: it checks each POST's signature with the secret it is given, and answers 204. */
async function startReceiver() {
  const received: Delivery[] = []
  let secret = ''
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const header = (name: string) => request.headers[name] as string | undefined
      received.push({ headers: request.headers, body, verified: request.method === 'POST' && verifyWebhookSignature({ secret, body, timestamp: header('x-lhs-timestamp'), signature: header('x-lhs-signature') }) })
      response.writeHead(204).end()
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/lhs`,
    received,
    useSecret(value: string) {
      secret = value
    },
    close() {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

interface Email {
  readonly to: readonly string[]
  readonly subject: string
  readonly text: string
  /** The whole message as it arrived (attachments are base64 parts in it). */
  readonly raw: string
}

/** A real SMTP server on a free port: no TLS, no authentication; keeps what arrives, decoded. */
async function startSmtpServer() {
  const arrived: Email[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        arrived.push({ to: session.envelope.rcptTo.map((r) => r.address), ...readMessage(raw), raw })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return { url: `smtp://127.0.0.1:${port}`, arrived, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

/** The subject (RFC 2047 words decoded) and the text (quoted-printable or base64 decoded) of a one-part message. */
function readMessage(raw: string): { subject: string; text: string } {
  const split = raw.search(/\r?\n\r?\n/)
  const head = raw.slice(0, split).replace(/\r?\n[ \t]+/g, ' ')
  const body = raw.slice(split).trim()
  const header = (name: string) => new RegExp(`^${name}:\\s*(.*)$`, 'im').exec(head)?.[1] ?? ''
  const encoding = header('Content-Transfer-Encoding').toLowerCase()
  const text = encoding === 'base64' ? Buffer.from(body, 'base64').toString('utf8') : encoding === 'quoted-printable' ? quotedPrintable(body.replace(/=\r?\n/g, '')) : body
  return { subject: encodedWords(header('Subject')), text }
}

function quotedPrintable(text: string): string {
  const bytes: number[] = []
  for (let i = 0; i < text.length; i++) {
    const hex = text[i] === '=' ? /^[0-9A-F]{2}$/i.exec(text.slice(i + 1, i + 3))?.[0] : undefined
    if (hex === undefined) bytes.push(...Buffer.from(text[i] ?? ''))
    else {
      bytes.push(parseInt(hex, 16))
      i += 2
    }
  }
  return Buffer.from(bytes).toString('utf8')
}

/** Decodes runs of adjacent `=?UTF-8?Q|B?…?=` words together (a character may be split between two). */
function encodedWords(value: string): string {
  return value.replace(/(?:=\?[^?]+\?[QqBb]\?[^?]*\?=\s*)+/g, (run) => {
    const trailing = /\s*$/.exec(run)?.[0] ?? ''
    const bytes = [...run.matchAll(/=\?[^?]+\?([QqBb])\?([^?]*)\?=/g)].map(([, kind, data = '']) =>
      kind?.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : Buffer.from(quotedPrintable(data.replace(/_/g, ' ')), 'utf8'),
    )
    return Buffer.concat(bytes).toString('utf8') + trailing
  })
}

/** Waits for `probe` to give a value (polling every 200 ms); fails with `what` after `WAIT_MS`. */
async function waitFor<T>(what: string, probe: () => Promise<T | undefined> | T | undefined): Promise<T> {
  const deadline = Date.now() + WAIT_MS
  for (;;) {
    const value = await probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`waited ${WAIT_MS / 1000} s for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 200))
  }
}

for (const engine of enginesUnderTest()) {
  describe(`alerts end to end on ${engine.engine}`, () => {
    let server: TestServer
    let app: OpenAPIHono
    let queue: JobQueue<LhsJobs> | undefined
    let mailer: Mailer | undefined
    let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined
    let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined
    const queueErrors: unknown[] = []
    const ids = { organisation: 0, action: 0, owner: 0, member: 0 }
    const timings: string[] = []
    let startedMs = 0
    const lap = (label: string) => timings.push(`${label} ${((performance.now() - startedMs) / 1000).toFixed(1)} s`)

    const importWeeks = async (fileName: string, content: Uint8Array) => {
      const response = await app.request(IMPORTS, withToken({ method: 'POST', body: uploadForm('observations', fileName, content) }, server.tokens.get('analyst')))
      return (await jsonOf(response)) as { inserted: number; updated: number; unchanged: number; issues: { severity: string; code: string }[] }
    }
    const verdict = async (): Promise<{ verdict: VerdictValue; reasons: unknown; data_through: string | null } | undefined> =>
      server.store.db.selectFrom('action_reviews').select(['verdict', 'reasons', 'data_through']).where('organisation_id', '=', ids.organisation).where('action_id', '=', ids.action).executeTakeFirst()
    const verdictIs = async (wanted: VerdictValue) => {
      const review = await verdict()
      return review?.verdict === wanted ? review : undefined
    }
    const hooksTitled = (title: string) => receiver?.received.filter((d) => (JSON.parse(d.body) as { title?: string }).title === title) ?? []
    const emailsSubjected = (subject: string) => smtp?.arrived.filter((m) => m.subject === subject) ?? []

    beforeAll(async () => {
      startedMs = performance.now()
      server = await openTestServer(engine, { seed: 'fixture' })
      lap('fixture server')
      const db = server.store.db
      const organisation = await db.selectFrom('organisations').select('id').where('code', '=', 'test').executeTakeFirstOrThrow()
      ids.organisation = organisation.id
      const userId = async (email: string) => (await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id
      ids.owner = await userId(OWNER)
      ids.member = await userId(MEMBER)

      receiver = await startReceiver()
      smtp = await startSmtpServer()
      mailer = createMailer(smtp.url, { from: 'LHS alerts <alerts@lhs.test>' })
      const hook = await addWebhook(server.deps, CLI_ACTOR, 'test', receiver.url)
      receiver.useSecret(hook.secret)

      // The server's wiring (src/cli/commands/serve.ts): one queue on the store, the loop's workers, and the app with their deps.
      queue = createJobQueue<LhsJobs>(server.store, { pollingIntervalSeconds: 0.5, retry: { retryLimit: 2, retryDelaySeconds: 1 }, onError: (error) => queueErrors.push(error) })
      await queue.start()
      const withJobs = await startLoopJobs(queue, { ...server.deps, clock: CLOCK }, { mailer, baseUrl: BASE_URL, webhookTimeoutMs: 5000 })
      await startShareJobs(queue, withJobs, renderBriefing, (message) => queueErrors.push(message))
      // As the server does: the precomputed analysis is refreshed by its own job after each import.
      await startAnalysisJobs(queue, withJobs)
      app = createApp({ ...server.deps, ...withJobs })
      lap('queue and app')

      // The loop: a group with a member, its meeting, the decision taken there and the action it yields, owned by the lead.
      const org = ids.organisation
      const programme = await db.selectFrom('programmes').select('id').where('organisation_id', '=', org).where('code', '=', 'htn').executeTakeFirstOrThrow()
      const measure = async (code: string) => (await db.selectFrom('measures').select('id').where('organisation_id', '=', org).where('code', '=', code).executeTakeFirstOrThrow()).id
      const alpha = await db.selectFrom('sites').select('id').where('organisation_id', '=', org).where('code', '=', 'alpha').executeTakeFirstOrThrow()
      const group = await db.insertInto('decision_groups').values({ organisation_id: org, code: 'htn-board', name: 'Hypertension board', kind: 'board' }).returning('id').executeTakeFirstOrThrow()
      await db.insertInto('decision_group_members').values({ organisation_id: org, group_id: group.id, user_id: ids.member }).execute()
      const meeting = await db
        .insertInto('meetings')
        .values({ organisation_id: org, group_id: group.id, programme_id: programme.id, held_on: monday(CHANGE_WEEK - 2), title: 'May board', status: 'held', created_by: OWNER })
        .returning('id')
        .executeTakeFirstOrThrow()
      const decision = await db.insertInto('decisions').values({ organisation_id: org, programme_id: programme.id, meeting_id: meeting.id }).returning('id').executeTakeFirstOrThrow()
      await db
        .insertInto('decision_versions')
        .values({
          organisation_id: org, decision_id: decision.id, version: 1, title: 'Test text reminders at Alpha', rationale: 'Missed BP checks are the commonest gap.',
          option_chosen: 'Text reminders before the check is due', label: 'test_further', owner_user_id: ids.owner, changed_by: OWNER, change_reason: null,
        })
        .execute()
      const action = await db
        .insertInto('actions')
        .values({ organisation_id: org, programme_id: programme.id, decision_id: decision.id, driver_id: null, title: ACTION_TITLE, owner_user_id: ids.owner, status: 'in_progress', start_date: monday(CHANGE_WEEK), created_by: OWNER })
        .returning('id')
        .executeTakeFirstOrThrow()
      ids.action = action.id
      await db.insertInto('action_sites').values({ organisation_id: org, action_id: action.id, site_id: alpha.id }).execute()
      await db
        .insertInto('predictions')
        .values([
          { organisation_id: org, action_id: action.id, role: 'primary', measure_id: await measure('bp-control'), site_id: alpha.id, direction: 'increase', expected_size: 0.1 },
          { organisation_id: org, action_id: action.id, role: 'balancing', measure_id: await measure('falls'), site_id: alpha.id, direction: 'increase' },
        ])
        .execute()
      lap('loop records')
    })

    afterAll(async () => {
      await queue?.stop()
      mailer?.close()
      await receiver?.close()
      await smtp?.close()
      await server?.close()
      lap('closed')
      console.info(`[alerts end to end on ${engine.engine}] ${timings.join(', ')}`)
    })

    const firstTitle = `First verdict on ‘${ACTION_TITLE}’: Not working`
    const changedTitle = `Verdict changed on ‘${ACTION_TITLE}’: now Working`

    it('an import with no change after the change date gives "not working", and its alert goes out', async () => {
      // Weeks 0–19 overwrite the fixture's 20 weeks at alpha; weeks 20–31 are new. Falls at alpha are all new.
      const report = await importWeeks('alpha-to-week-31.csv', weeksCsv(0, FIRST_LAST_WEEK, flat))
      expect(report).toMatchObject({ inserted: 12 + 32, updated: 20, issues: [] })
      lap('first import')

      const review = await waitFor('the first verdict', () => verdictIs('not_working'))
      lap('verdict not_working')
      expect(review.data_through).toBe(monday(FIRST_LAST_WEEK))
      expect(JSON.stringify(review.reasons)).toContain('so the predicted increase has not been seen')

      await waitFor('the first webhook', () => (hooksTitled(firstTitle).length > 0 ? true : undefined))
      await waitFor('the first emails', () => (emailsSubjected(`[LHS] ${firstTitle}`).length >= 2 ? true : undefined))
      lap('first alert delivered')
    })

    it('later weeks with a step up turn the verdict to "working" in the running app, and the alert reaches the inbox, the webhook and the SMTP server', async () => {
      const report = await importWeeks('alpha-weeks-32-39.csv', weeksCsv(FIRST_LAST_WEEK + 1, SECOND_LAST_WEEK, stepped))
      expect(report).toMatchObject({ inserted: 16, updated: 0 })
      // The step is far from the history, so each new week is flagged for checking; a warning, not an error.
      expect(report.issues).toEqual(Array.from({ length: 8 }, () => expect.objectContaining({ severity: 'warning', code: 'outlying_value' })))
      lap('second import')

      const review = await waitFor('the verdict to become working', () => verdictIs('working'))
      lap('verdict working')
      expect(review.data_through).toBe(monday(SECOND_LAST_WEEK))
      const changes = await server.store.db.selectFrom('verdict_changes').select(['previous', 'verdict']).where('action_id', '=', ids.action).orderBy('id').execute()
      expect(changes).toEqual([
        { previous: null, verdict: 'not_working' },
        { previous: 'not_working', verdict: 'working' },
      ])

      // The in-app inbox of the owner and of the group's member.
      for (const userId of [ids.owner, ids.member]) {
        const inbox = await listInbox(server.store.db, userId, { organisationId: ids.organisation })
        expect(inbox.filter((a) => a.kind === 'verdict_changed').map((a) => a.title)).toEqual([changedTitle, firstTitle])
        expect(inbox.find((a) => a.title === changedTitle)).toMatchObject({ organisation: 'test', link: `/organisations/test/programmes/htn/actions/${ids.action}`, read: false })
      }

      // The webhook receiver: a signed POST naming the event, the action and the link.
      const [delivery] = await waitFor('the webhook of the change', () => (hooksTitled(changedTitle).length > 0 ? hooksTitled(changedTitle) : undefined))
      lap('webhook received')
      expect(delivery?.verified, 'the signature checks out with the secret addWebhook gave').toBe(true)
      expect(delivery?.headers).toMatchObject({ 'content-type': 'application/json', 'x-lhs-event': 'alert.verdict_changed' })
      expect(delivery?.headers['x-lhs-delivery']).toEqual(expect.any(String))
      expect(JSON.parse(delivery?.body ?? '{}')).toMatchObject({
        organisation: 'test',
        kind: 'verdict_changed',
        title: changedTitle,
        action: ids.action,
        link: `${BASE_URL}/organisations/test/programmes/htn/actions/${ids.action}`,
      })

      // The SMTP server: one email to the owner and one to the member, the subject naming the verdict.
      const emails = await waitFor('the emails of the change', () => {
        const found = emailsSubjected(`[LHS] ${changedTitle}`)
        return found.length >= 2 ? found : undefined
      })
      lap('emails received')
      expect(emails.map((m) => m.to).sort()).toEqual([[MEMBER], [OWNER]].sort())
      const toOwner = emails.find((m) => m.to.includes(OWNER))
      expect(toOwner?.subject).toContain('now Working')
      expect(toOwner?.text).toContain(`${BASE_URL}/organisations/test/programmes/htn/actions/${ids.action}`)

      // Everything went through the queue and nothing failed or was retried (pg-boss's own cron queue and
      // the daily review, which the schedule could send if the test ran at 06:15, are left out).
      const jobs = await sql<{ name: string; state: string; n: number }>`
        select name, state, count(*)::int as n from pgboss.job where name not like '__pgboss%' and name not in ('review-daily', 'briefings-daily') group by name, state order by name, state`.execute(server.store.db)
      expect(jobs.rows.filter((j) => j.state !== 'completed')).toEqual([])
      expect(Object.fromEntries(jobs.rows.map((j) => [j.name, j.n]))).toMatchObject({ 'review-actions': 2, 'deliver-alert': 2, 'alert-webhook': 2, 'alert-email': 4 })
      expect(queueErrors).toEqual([])
      expect(receiver?.received).toHaveLength(2)
      expect(smtp?.arrived).toHaveLength(4)
    })

    it('a briefing scheduled "after new data" goes out after the next import: the inbox, the webhook, and an email with the file attached', async () => {
      const dayBefore = { ...server.deps, clock: () => new Date(CLOCK().getTime() - 24 * 3600_000) }
      const scope = await getProgrammeScope(server.deps, 'test', 'htn')
      await addSchedule(dayBefore, CLI_ACTOR, scope, { kind: 'board', audience: 'external', format: 'pdf', cadence: 'after_import', group: 'htn-board' })
      await importWeeks('alpha-week-40.csv', weeksCsv(SECOND_LAST_WEEK + 1, SECOND_LAST_WEEK + 1, stepped))

      const [email] = await waitFor('the briefing email', () => (emailsSubjected(`[LHS] ${BRIEFING_TITLE}`).length > 0 ? emailsSubjected(`[LHS] ${BRIEFING_TITLE}`) : undefined))
      lap('briefing emailed')
      expect(email?.to).toEqual([MEMBER])
      expect(email?.raw).toMatch(/filename="?htn-board\.pdf"?/)
      expect(email?.raw.replace(/\r?\n/g, '')).toContain(Buffer.from(BRIEFING_BYTES).toString('base64'))
      const inbox = await listInbox(server.store.db, ids.member, { organisationId: ids.organisation })
      const item = inbox.find((a) => a.kind === 'briefing')
      expect(item?.link).toMatch(/^\/organisations\/test\/programmes\/htn\/briefings\/issued\/\d+$/)
      const [hook] = await waitFor('the briefing webhook', () => (hooksTitled(BRIEFING_TITLE).length > 0 ? hooksTitled(BRIEFING_TITLE) : undefined))
      expect(hook?.verified).toBe(true)
      expect(JSON.parse(hook?.body ?? '{}')).toMatchObject({ kind: 'briefing', link: `${BASE_URL}${item?.link}` })
      expect(queueErrors).toEqual([])
    })
  })
}
