/** Scheduled briefings: the schedules page, adding, sending now and stopping a schedule, and downloading a briefing as it was sent. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { listDecisionGroups } from '../../../app/decide/groups.ts'
import { getIssueFile } from '../../../app/share/issued-briefings.ts'
import { issueBriefing } from '../../../app/share/issue-briefing.ts'
import { renderScheduledBriefing } from '../../../app/share/render-briefing.ts'
import { addSchedule, listIssues, listSchedules, removeSchedule, type ScheduleInput } from '../../../app/share/schedules.ts'
import { can } from '../../../core/access.ts'
import { AppError } from '../../../core/errors.ts'
import { accessOf, actorOf, scopedDeps } from '../../access/request-context.ts'
import { formOf } from '../form-body.ts'
import { problemFrom, type FormProblem } from '../form-field.tsx'
import { idFrom, scopeOf } from '../programme-scope.ts'
import { SchedulesPage } from './schedules-page.tsx'

const PROGRAMME = '/organisations/:org/programmes/:programme'

export function scheduleRoutes(app: OpenAPIHono): void {
  app.get(`${PROGRAMME}/briefings/schedules`, async (c) => {
    const done = { added: 'Schedule added.', sent: 'Sent: the briefing is in the group\'s inboxes and on its way to webhooks and email.', stopped: 'Schedule stopped.' }[c.req.query('done') ?? '']
    return page(c, 200, { done })
  })

  app.post(`${PROGRAMME}/briefings/schedules`, async (c) => {
    const scope = await scopeOf(c)
    const form = await formOf(c)
    const values: ScheduleInput = { kind: text(form.kind), audience: text(form.audience), format: text(form.format), cadence: text(form.cadence), dayOfMonth: text(form.dayOfMonth), group: text(form.group) }
    try {
      await addSchedule(scopedDeps(c), actorOf(c), scope, values)
    } catch (error) {
      return page(c, 400, { problem: problemFrom(error, 'kind'), values })
    }
    return c.redirect(`${base(scope)}/briefings/schedules?done=added`, 303)
  })

  app.post(`${PROGRAMME}/briefings/schedules/:schedule/send`, async (c) => {
    const scope = await scopeOf(c)
    const id = idFrom(c.req.param('schedule'), 'schedule')
    const deps = scopedDeps(c)
    const schedule = (await listSchedules(deps, scope)).find((s) => s.id === id)
    if (schedule === undefined) throw new AppError('not_found', `No briefing schedule ${id} in this programme.`)
    await issueBriefing(deps, renderScheduledBriefing, schedule)
    return c.redirect(`${base(scope)}/briefings/schedules?done=sent`, 303)
  })

  app.post(`${PROGRAMME}/briefings/schedules/:schedule/remove`, async (c) => {
    const scope = await scopeOf(c)
    await removeSchedule(scopedDeps(c), actorOf(c), scope, idFrom(c.req.param('schedule'), 'schedule'))
    return c.redirect(`${base(scope)}/briefings/schedules?done=stopped`, 303)
  })

  app.get(`${PROGRAMME}/briefings/issued/:issue`, async (c) => {
    const scope = await scopeOf(c)
    const file = await getIssueFile(scopedDeps(c), actorOf(c), scope, idFrom(c.req.param('issue'), 'briefing'))
    return c.body(Buffer.from(file.content), 200, {
      'content-type': file.contentType,
      'content-disposition': `attachment; filename="${file.fileName.replace(/[^\w.-]/g, '_')}"`,
      'cache-control': 'private, no-store',
    })
  })
}

async function page(c: Context, status: 200 | 400, extra: { done?: string | undefined; problem?: FormProblem; values?: ScheduleInput }) {
  const scope = await scopeOf(c)
  const deps = scopedDeps(c)
  const [schedules, issues, groups] = await Promise.all([listSchedules(deps, scope), listIssues(deps, scope), listDecisionGroups(deps, scope.organisation.code)])
  return c.html(<SchedulesPage scope={scope} schedules={schedules} issues={issues} groups={groups} canManage={can(accessOf(c).role, 'lead')} {...extra} />, status)
}

function base(scope: { organisation: { code: string }; programme: { code: string } }): string {
  return `/organisations/${scope.organisation.code}/programmes/${scope.programme.code}`
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' ? value : undefined
}
