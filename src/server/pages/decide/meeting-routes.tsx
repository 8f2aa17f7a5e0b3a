/** Meeting pages: the list and planning (`lead`), one meeting, its agenda (`lead`), its record (`decide`) and its pack. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { lessonsFor } from '../../../app/decide/find-lessons.ts'
import { listDecisionGroups } from '../../../app/decide/groups.ts'
import { recordMeeting, setMeetingAgenda } from '../../../app/decide/meeting-record.ts'
import { createMeeting, getMeeting, listMeetings } from '../../../app/decide/meetings.ts'
import { listProgrammeFindings } from '../../../app/triangulate/findings.ts'
import { can } from '../../../core/access.ts'
import { accessOf, actorOf, scopedDeps } from '../../access/request-context.ts'
import type { FormProblem } from '../form-field.tsx'
import { idFrom, scopeOf } from '../programme-scope.ts'
import { meetingPath } from './decide-paths.ts'
import { problemsFrom } from './form-problems.tsx'
import { formValuesOf } from './form-values.ts'
import { agendaFormOf, agendaOrder, recordFormOf, type AgendaForm, type RecordForm } from './meeting-forms.tsx'
import { MeetingPack } from './meeting-pack.tsx'
import { MeetingPage } from './meeting-page.tsx'
import { MeetingsPage, type MeetingForm } from './meetings-page.tsx'

const PROGRAMME = '/organisations/:org/programmes/:programme'
const SAVED: Readonly<Record<string, string>> = { created: 'The meeting has been planned. Now choose its agenda.', agenda: 'The agenda has been saved.', record: 'The record of the meeting has been saved.' }

export function meetingPageRoutes(app: OpenAPIHono): void {
  app.get(`${PROGRAMME}/meetings`, (c) => renderMeetings(c, undefined, []))

  app.post(`${PROGRAMME}/meetings`, async (c) => {
    const values = await formValuesOf(c)
    const form: MeetingForm = { group: values.text('group') ?? '', heldOn: values.text('heldOn') ?? '', title: values.text('title') ?? '' }
    const scope = await scopeOf(c)
    try {
      const meeting = await createMeeting(scopedDeps(c), actorOf(c), scope, form)
      return c.redirect(`${meetingPath(scope, meeting.id)}?saved=created`, 303)
    } catch (error) {
      return renderMeetings(c, form, problemsFrom(error, 'title'), 400)
    }
  })

  app.get(`${PROGRAMME}/meetings/:meeting`, (c) => renderMeeting(c, {}, [], SAVED[c.req.query('saved') ?? '']))

  app.post(`${PROGRAMME}/meetings/:meeting/agenda`, async (c) => {
    const values = await formValuesOf(c)
    const checked = values.list('finding').map(Number).filter((n) => Number.isInteger(n) && n > 0)
    const form: AgendaForm = { checked, orders: Object.fromEntries(values.names.filter((n) => /^order-\d+$/.test(n)).map((n) => [Number(n.slice(6)), (values.text(n) ?? '').slice(0, 5)])) }
    const scope = await scopeOf(c)
    const id = idFrom(c.req.param('meeting'), 'meeting')
    try {
      const listed = (await listProgrammeFindings(scopedDeps(c), scope)).map((f) => f.id)
      await setMeetingAgenda(scopedDeps(c), actorOf(c), scope, id, agendaOrder(form, listed))
    } catch (error) {
      return renderMeeting(c, { agenda: form }, problemsFrom(error, 'findings', ['invalid_request']), undefined, 400)
    }
    return c.redirect(`${meetingPath(scope, id)}?saved=agenda`, 303)
  })

  app.post(`${PROGRAMME}/meetings/:meeting/record`, async (c) => {
    const values = await formValuesOf(c)
    const form: RecordForm = { minutes: values.text('minutes') ?? '', guests: values.text('guests') ?? '', status: values.text('status') ?? '', attendance: values.list('attendance') }
    const scope = await scopeOf(c)
    const id = idFrom(c.req.param('meeting'), 'meeting')
    try {
      await recordMeeting(scopedDeps(c), actorOf(c), scope, id, form)
    } catch (error) {
      return renderMeeting(c, { record: form }, problemsFrom(error, 'minutes', ['invalid_request']), undefined, 400)
    }
    return c.redirect(`${meetingPath(scope, id)}?saved=record`, 303)
  })

  app.get(`${PROGRAMME}/meetings/:meeting/pack`, async (c) => {
    const scope = await scopeOf(c)
    return c.html(<MeetingPack scope={scope} meeting={await getMeeting(scopedDeps(c), scope, idFrom(c.req.param('meeting'), 'meeting'))} />)
  })
}

async function renderMeetings(c: Context, form: MeetingForm | undefined, problems: readonly FormProblem[], status: 200 | 400 = 200) {
  const deps = scopedDeps(c)
  const scope = await scopeOf(c)
  const [meetings, groups] = [await listMeetings(deps, scope), await listDecisionGroups(deps, scope.organisation.code)]
  return c.html(<MeetingsPage scope={scope} meetings={meetings} groups={groups} canPlan={can(accessOf(c).role, 'lead')} form={form} problems={problems} />, status)
}

async function renderMeeting(c: Context, typed: { agenda?: AgendaForm; record?: RecordForm }, problems: readonly FormProblem[], done: string | undefined, status: 200 | 400 = 200) {
  const deps = scopedDeps(c)
  const scope = await scopeOf(c)
  const meeting = await getMeeting(deps, scope, idFrom(c.req.param('meeting'), 'meeting'))
  const current = await listProgrammeFindings(deps, scope)
  const findings = [...meeting.agenda.filter((f) => !current.some((x) => x.id === f.id)), ...current]
  const lessons = await lessonsFor(deps, scope, meeting.agenda.map((f) => f.id))
  const role = accessOf(c).role
  return c.html(
    <MeetingPage scope={scope} meeting={meeting} findings={findings} lessons={lessons} canPlan={can(role, 'lead')} canRecord={can(role, 'decide')} agendaForm={typed.agenda ?? agendaFormOf(meeting)} recordForm={typed.record ?? recordFormOf(meeting)} problems={problems} done={done} />,
    status,
  )
}
