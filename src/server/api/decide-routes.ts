/**
 * Deciding over the API: decision groups and their members (organisation level), meetings with
 * their agenda and record, the decision log with versions, and lessons from earlier decisions.
 * Responses are parsed through their contract schema, so nothing leaves that the contract does not name.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { getProgrammeScope } from '../../app/catalogue.ts'
import { getDecision, listProgrammeDecisions, parseDecisionFilter } from '../../app/decide/decisions.ts'
import { lessonsFor } from '../../app/decide/find-lessons.ts'
import { createDecisionGroup, getDecisionGroup, listDecisionGroups, setGroupMembers } from '../../app/decide/groups.ts'
import { recordMeeting, setMeetingAgenda } from '../../app/decide/meeting-record.ts'
import { createMeeting, getMeeting, listMeetings, type MeetingView } from '../../app/decide/meetings.ts'
import { createDecision, reviseDecision } from '../../app/decide/record-decision.ts'
import * as C from '../../contract/decide.ts'
import { ProblemSchema } from '../../contract/problem.ts'
import { invalidField } from '../../core/errors.ts'
import { actorOf, scopedDeps } from '../access/request-context.ts'
import { json, OrgParams, problems, ProgrammeParams } from './params.ts'

const tags = ['Decide']
const ORG = '/api/v1/organisations/{org}'
const PROGRAMME = `${ORG}/programmes/{programme}`
const number = (name: string) => z.coerce.number().int().positive().max(2_147_483_647).openapi({ param: { name, in: 'path' } })
const GroupParams = OrgParams.extend({ group: z.string().max(100).openapi({ param: { name: 'group', in: 'path' }, example: 'programme-board' }) })
const MeetingParams = ProgrammeParams.extend({ meeting: number('meeting') })
const DecisionParams = ProgrammeParams.extend({ decision: number('decision') })
const conflict = { 409: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'Someone else changed it since the version you started from' } }
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } })

function meetingOutput(m: MeetingView) {
  return C.MeetingSchema.parse({ ...m, agenda: m.agenda.map((f) => ({ id: f.id, statement: f.statement, classification: f.classification, overall: f.proposal.overall, current: f.current })) })
}

/** Finding numbers from `?finding=1&finding=2` or `?finding=1,2`. */
function findingList(raw: string | string[] | undefined): string[] {
  return ([] as string[]).concat(raw ?? []).flatMap((v) => v.split(',')).filter((v) => v.trim() !== '')
}

export function decideApiRoutes(app: OpenAPIHono): void {
  groupRoutes(app)
  meetingRoutes(app)
  decisionRoutes(app)
}

function groupRoutes(app: OpenAPIHono): void {
  app.openapi(createRoute({ method: 'get', path: `${ORG}/groups`, tags, summary: 'The organisation’s decision groups (boards, committees, huddles)', request: { params: OrgParams }, responses: { 200: json(C.DecisionGroupsSchema, 'Groups'), ...problems } }), async (c) => {
    const { org } = c.req.valid('param')
    return c.json(C.DecisionGroupsSchema.parse({ groups: await listDecisionGroups(scopedDeps(c), org) }), 200)
  })
  app.openapi(createRoute({ method: 'post', path: `${ORG}/groups`, tags, summary: 'Create a decision group (needs lead)', request: { params: OrgParams, ...body(C.DecisionGroupInputSchema) }, responses: { 201: json(C.DecisionGroupSchema, 'The new group'), ...problems, ...conflict } }), async (c) => {
    const { org } = c.req.valid('param')
    return c.json(C.DecisionGroupSchema.parse(await createDecisionGroup(scopedDeps(c), actorOf(c), org, c.req.valid('json'))), 201)
  })
  app.openapi(createRoute({ method: 'get', path: `${ORG}/groups/{group}`, tags, summary: 'One decision group with its members', request: { params: GroupParams }, responses: { 200: json(C.DecisionGroupSchema, 'The group'), ...problems } }), async (c) => {
    const { org, group } = c.req.valid('param')
    return c.json(C.DecisionGroupSchema.parse(await getDecisionGroup(scopedDeps(c), org, group)), 200)
  })
  app.openapi(createRoute({ method: 'put', path: `${ORG}/groups/{group}/members`, tags, summary: 'Make the group’s members exactly these people of the organisation (needs lead)', request: { params: GroupParams, ...body(C.GroupMembersInputSchema) }, responses: { 200: json(C.DecisionGroupSchema, 'The group'), ...problems } }), async (c) => {
    const { org, group } = c.req.valid('param')
    return c.json(C.DecisionGroupSchema.parse(await setGroupMembers(scopedDeps(c), actorOf(c), org, group, c.req.valid('json').members)), 200)
  })
}

function meetingRoutes(app: OpenAPIHono): void {
  app.openapi(createRoute({ method: 'get', path: `${PROGRAMME}/meetings`, tags, summary: 'The programme’s meetings, latest first', request: { params: ProgrammeParams }, responses: { 200: json(C.MeetingsSchema, 'Meetings'), ...problems } }), async (c) => {
    const { org, programme } = c.req.valid('param')
    const deps = scopedDeps(c)
    return c.json(C.MeetingsSchema.parse({ meetings: await listMeetings(deps, await getProgrammeScope(deps, org, programme)) }), 200)
  })
  app.openapi(createRoute({ method: 'post', path: `${PROGRAMME}/meetings`, tags, summary: 'Plan a meeting of a decision group (needs lead)', request: { params: ProgrammeParams, ...body(C.MeetingInputSchema) }, responses: { 201: json(C.MeetingSchema, 'The meeting'), ...problems } }), async (c) => {
    const { org, programme } = c.req.valid('param')
    const deps = scopedDeps(c)
    return c.json(meetingOutput(await createMeeting(deps, actorOf(c), await getProgrammeScope(deps, org, programme), c.req.valid('json'))), 201)
  })
  app.openapi(createRoute({ method: 'get', path: `${PROGRAMME}/meetings/{meeting}`, tags, summary: 'One meeting: agenda, attendance, minutes and the decisions taken at it', request: { params: MeetingParams }, responses: { 200: json(C.MeetingSchema, 'The meeting'), ...problems } }), async (c) => {
    const { org, programme, meeting } = c.req.valid('param')
    const deps = scopedDeps(c)
    return c.json(meetingOutput(await getMeeting(deps, await getProgrammeScope(deps, org, programme), meeting)), 200)
  })
  app.openapi(
    createRoute({ method: 'patch', path: `${PROGRAMME}/meetings/{meeting}`, tags, summary: 'Record minutes, attendance, guests and status; fields left out stay (needs decide). The agenda is PUT …/agenda.', request: { params: MeetingParams, ...body(C.MeetingPatchSchema) }, responses: { 200: json(C.MeetingSchema, 'The meeting'), ...problems } }),
    async (c) => {
      const { org, programme, meeting } = c.req.valid('param')
      const deps = scopedDeps(c)
      return c.json(meetingOutput(await recordMeeting(deps, actorOf(c), await getProgrammeScope(deps, org, programme), meeting, c.req.valid('json'))), 200)
    },
  )
  app.openapi(createRoute({ method: 'put', path: `${PROGRAMME}/meetings/{meeting}/agenda`, tags, summary: 'Make the agenda exactly these findings, in order (needs lead)', request: { params: MeetingParams, ...body(C.AgendaInputSchema) }, responses: { 200: json(C.MeetingSchema, 'The meeting'), ...problems } }), async (c) => {
    const { org, programme, meeting } = c.req.valid('param')
    const deps = scopedDeps(c)
    return c.json(meetingOutput(await setMeetingAgenda(deps, actorOf(c), await getProgrammeScope(deps, org, programme), meeting, c.req.valid('json').findings)), 200)
  })
}

function decisionRoutes(app: OpenAPIHono): void {
  const LogQuery = z.object({
    q: z.string().max(500).optional().openapi({ description: 'Words, "quoted phrases", or, -word (web search syntax), over what was decided, why and the option chosen' }),
    label: z.string().max(40).optional().openapi({ enum: ['standardise', 'local_variation', 'stop', 'test_further'] }),
    review: z.string().max(40).optional().openapi({ enum: ['due', 'upcoming', 'none'] }),
    meeting: z.string().max(20).optional(),
  })
  app.openapi(createRoute({ method: 'get', path: `${PROGRAMME}/decisions`, tags, summary: 'The decision log: current versions, best match first when searching', request: { params: ProgrammeParams, query: LogQuery }, responses: { 200: json(C.DecisionsSchema, 'Decisions'), ...problems } }), async (c) => {
    const { org, programme } = c.req.valid('param')
    const deps = scopedDeps(c)
    const filter = parseDecisionFilter(c.req.valid('query'))
    return c.json(C.DecisionsSchema.parse({ decisions: await listProgrammeDecisions(deps, await getProgrammeScope(deps, org, programme), filter) }), 200)
  })
  app.openapi(createRoute({ method: 'post', path: `${PROGRAMME}/decisions`, tags, summary: 'Record a decision (needs decide)', request: { params: ProgrammeParams, ...body(C.DecisionInputSchema) }, responses: { 201: json(C.DecisionSchema, 'The decision'), ...problems } }), async (c) => {
    const { org, programme } = c.req.valid('param')
    const deps = scopedDeps(c)
    return c.json(C.DecisionSchema.parse(await createDecision(deps, actorOf(c), await getProgrammeScope(deps, org, programme), c.req.valid('json'))), 201)
  })
  app.openapi(createRoute({ method: 'get', path: `${PROGRAMME}/decisions/{decision}`, tags, summary: 'One decision with every version, its findings, lessons and actions', request: { params: DecisionParams }, responses: { 200: json(C.DecisionSchema, 'The decision'), ...problems } }), async (c) => {
    const { org, programme, decision } = c.req.valid('param')
    const deps = scopedDeps(c)
    return c.json(C.DecisionSchema.parse(await getDecision(deps, await getProgrammeScope(deps, org, programme), decision)), 200)
  })
  app.openapi(
    createRoute({ method: 'post', path: `${PROGRAMME}/decisions/{decision}/versions`, tags, summary: 'Change a decision: a new version with the reason, from the version in force (needs decide)', request: { params: DecisionParams, ...body(C.DecisionRevisionSchema) }, responses: { 201: json(C.DecisionSchema, 'The decision'), ...problems, ...conflict } }),
    async (c) => {
      const { org, programme, decision } = c.req.valid('param')
      const deps = scopedDeps(c)
      return c.json(C.DecisionSchema.parse(await reviseDecision(deps, actorOf(c), await getProgrammeScope(deps, org, programme), decision, c.req.valid('json'))), 201)
    },
  )
  const LessonQuery = z.object({
    finding: z.union([z.string(), z.array(z.string())]).optional().openapi({ description: 'Finding numbers (repeat, or separate with commas)' }),
    exclude: z.coerce.number().int().positive().max(2_147_483_647).optional().openapi({ description: 'Leave this decision out' }),
  })
  app.openapi(createRoute({ method: 'get', path: `${PROGRAMME}/lessons`, tags, summary: 'Lessons from the organisation’s earlier decisions whose actions have a verdict, ranked by the measures and themes they share with these findings', request: { params: ProgrammeParams, query: LessonQuery }, responses: { 200: json(C.LessonsSchema, 'Lessons'), ...problems } }), async (c) => {
    const { org, programme } = c.req.valid('param')
    const { finding, exclude } = c.req.valid('query')
    const deps = scopedDeps(c)
    const ids = findingList(finding).map((v) => Number(v.trim()))
    const bad = findingList(finding).find((v, i) => !Number.isInteger(ids[i]) || ids[i]! <= 0 || ids[i]! > 2_147_483_647)
    if (bad !== undefined) throw invalidField('finding', `"${bad.slice(0, 40)}" is not a finding number (expected whole numbers, e.g. ?finding=12&finding=15).`, bad)
    return c.json(C.LessonsSchema.parse({ lessons: await lessonsFor(deps, await getProgrammeScope(deps, org, programme), ids, { exclude }) }), 200)
  })
}
