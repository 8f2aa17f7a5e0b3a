/**
 * The learning community over the API, under the caller's own organisation: networks and
 * membership, lessons (draft from an action, edit, preview, publish with the preview's hash,
 * withdraw), search, comments, shared aggregates and the network funnel.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { addComment, lessonComments } from '../../app/community/lesson-comments.ts'
import { draftLessonFromAction, editDraft } from '../../app/community/lesson-draft.ts'
import { ownLessons, previewLesson, publishLesson, readLesson, withdrawLesson } from '../../app/community/lesson-publish.ts'
import { searchLessons } from '../../app/community/lesson-search.ts'
import { networksOf, setMembership } from '../../app/community/networks.ts'
import { compareNetwork, shareAggregate } from '../../app/community/shared-aggregates.ts'
import {
  CommentInputSchema, CommentsSchema, DraftInputSchema, LessonEditSchema, LessonPreviewSchema, MemberLessonSchema, MembershipInputSchema, MembershipSchema, NetworkFunnelSchema,
  NetworksSchema, OwnLessonSchema, OwnLessonsSchema, PublishInputSchema, SearchQuerySchema, SearchResultSchema, ShareInputSchema, SharedAggregateSchema, WithdrawInputSchema,
} from '../../contract/community.ts'
import { actorOf, scopedDeps } from '../access/request-context.ts'
import { json, OrgParams, problems } from './params.ts'

const tags = ['Community']
const BASE = '/api/v1/organisations/{org}/community'
const NetworkParams = OrgParams.extend({ network: z.string().max(40).openapi({ param: { name: 'network', in: 'path' }, example: 'htn-network' }) })
const SharedMeasureParams = NetworkParams.extend({ measure: z.string().max(40).openapi({ param: { name: 'measure', in: 'path' }, example: 'bp-control' }) })
const LessonParams = OrgParams.extend({ lesson: z.coerce.number().int().positive().max(2_147_483_647).openapi({ param: { name: 'lesson', in: 'path' } }) })
const body = <T extends z.ZodType>(schema: T) => ({ body: { content: { 'application/json': { schema } }, required: true } })

export function communityRoutes(app: OpenAPIHono): void {
  networkRoutes(app)
  lessonRoutes(app)
  publishRoutes(app)
}

function networkRoutes(app: OpenAPIHono): void {
  app.openapi(createRoute({ method: 'get', path: `${BASE}/networks`, tags, summary: 'Every network, each saying whether your organisation belongs to it', request: { params: OrgParams }, responses: { 200: json(NetworksSchema, 'Networks'), ...problems } }), async (c) => {
    const networks = await networksOf(scopedDeps(c), c.req.valid('param').org)
    return c.json({ networks: networks.map(({ code, name, description, member }) => ({ code, name, description, member })) }, 200)
  })

  app.openapi(createRoute({ method: 'post', path: `${BASE}/networks/{network}/membership`, tags, summary: 'Join or leave a network (administrators)', request: { params: NetworkParams, ...body(MembershipInputSchema) }, responses: { 200: json(MembershipSchema, 'Membership now'), ...problems } }), async (c) => {
    const { org, network } = c.req.valid('param')
    return c.json(await setMembership(scopedDeps(c), actorOf(c), org, network, c.req.valid('json').join), 200)
  })

  app.openapi(createRoute({ method: 'post', path: `${BASE}/networks/{network}/measures/{measure}/aggregates`, tags, summary: 'Share your whole-organisation numerator and denominator for a shared measure, through your disclosure policy', request: { params: SharedMeasureParams, ...body(ShareInputSchema) }, responses: { 201: json(SharedAggregateSchema, 'What was shared, as published'), ...problems } }), async (c) => {
    const { org, network, measure } = c.req.valid('param')
    const { organisationId: _, ...shared } = await shareAggregate(scopedDeps(c), actorOf(c), org, network, measure, c.req.valid('json'))
    return c.json(shared, 201)
  })

  app.openapi(createRoute({ method: 'get', path: `${BASE}/networks/{network}/measures/{measure}/funnel`, tags, summary: 'A funnel plot of a shared measure across the network, from the members’ shared aggregates only', request: { params: SharedMeasureParams }, responses: { 200: json(NetworkFunnelSchema, 'The comparison'), ...problems } }), async (c) => {
    const { org, network, measure } = c.req.valid('param')
    const result = await compareNetwork(scopedDeps(c), org, network, measure)
    return c.json({ ...result, measure: { code: result.measure.code, name: result.measure.name, kind: result.measure.kind, direction: result.measure.direction, definition: result.measure.definition } } as never, 200)
  })
}

function lessonRoutes(app: OpenAPIHono): void {
  app.openapi(createRoute({ method: 'get', path: `${BASE}/lessons`, tags, summary: 'Search the published lessons of your networks (ranked by full-text relevance; filters by network, measure, theme, setting and verdict)', request: { params: OrgParams, query: SearchQuerySchema }, responses: { 200: json(SearchResultSchema, 'Matching lessons, best first'), ...problems } }), async (c) => {
    const { q, ...filters } = c.req.valid('query')
    return c.json((await searchLessons(scopedDeps(c), c.req.valid('param').org, { text: q, ...filters })) as never, 200)
  })

  app.openapi(createRoute({ method: 'get', path: `${BASE}/lessons/mine`, tags, summary: 'Your organisation’s own lessons: drafts, published and withdrawn', request: { params: OrgParams }, responses: { 200: json(OwnLessonsSchema, 'Own lessons, newest first'), ...problems } }), async (c) => {
    const lessons = await ownLessons(scopedDeps(c), c.req.valid('param').org)
    return c.json({ lessons: lessons.map((l) => ({ id: l.id, status: l.status, title: l.title, version: l.version, publishedAt: l.publishedAt })) }, 200)
  })

  app.openapi(createRoute({ method: 'post', path: `${BASE}/lessons`, tags, summary: 'Draft a lesson from one of your actions (prefilled from the action, its decision and its review; the effect goes through your disclosure policy)', request: { params: OrgParams, ...body(DraftInputSchema) }, responses: { 201: json(LessonPreviewSchema, 'The draft, as its preview'), ...problems } }), async (c) => {
    const org = c.req.valid('param').org
    const row = await draftLessonFromAction(scopedDeps(c), actorOf(c), org, c.req.valid('json'))
    return c.json((await previewLesson(scopedDeps(c), org, row.id)) as never, 201)
  })

  app.openapi(createRoute({ method: 'get', path: `${BASE}/lessons/{lesson}`, tags, summary: 'A lesson: another organisation’s is exactly its published object; your own comes with its status and hash', request: { params: LessonParams }, responses: { 200: json(z.union([MemberLessonSchema, OwnLessonSchema]), 'The lesson'), ...problems } }), async (c) => {
    const { org, lesson } = c.req.valid('param')
    const reading = await readLesson(scopedDeps(c), org, lesson)
    if (!reading.own) return c.json({ id: reading.id, publishedAt: reading.publishedAt, lesson: reading.lesson } as never, 200)
    const { own: _, ...mine } = reading
    return c.json(mine as never, 200)
  })

  app.openapi(createRoute({ method: 'put', path: `${BASE}/lessons/{lesson}`, tags, summary: 'Edit a draft (name the version you started from)', request: { params: LessonParams, ...body(LessonEditSchema) }, responses: { 200: json(LessonPreviewSchema, 'The draft, as its preview'), ...problems } }), async (c) => {
    const { org, lesson } = c.req.valid('param')
    const { version, ...edit } = c.req.valid('json')
    await editDraft(scopedDeps(c), actorOf(c), org, lesson, version, edit)
    return c.json((await previewLesson(scopedDeps(c), org, lesson)) as never, 200)
  })

  app.openapi(createRoute({ method: 'get', path: `${BASE}/lessons/{lesson}/comments`, tags, summary: 'A lesson’s discussion thread, oldest first', request: { params: LessonParams }, responses: { 200: json(CommentsSchema, 'Comments'), ...problems } }), async (c) => {
    const { org, lesson } = c.req.valid('param')
    return c.json({ comments: (await lessonComments(scopedDeps(c), org, lesson)).map(({ id: _, ...rest }) => rest) }, 200)
  })

  app.openapi(createRoute({ method: 'post', path: `${BASE}/lessons/{lesson}/comments`, tags, summary: 'Comment on a published lesson, as a member of your organisation', request: { params: LessonParams, ...body(CommentInputSchema) }, responses: { 201: json(CommentsSchema, 'The thread with your comment'), ...problems } }), async (c) => {
    const { org, lesson } = c.req.valid('param')
    const comments = await addComment(scopedDeps(c), actorOf(c), org, lesson, c.req.valid('json').body)
    return c.json({ comments: comments.map(({ id: _, ...rest }) => rest) }, 201)
  })
}

function publishRoutes(app: OpenAPIHono): void {
  app.openapi(createRoute({ method: 'get', path: `${BASE}/lessons/{lesson}/preview`, tags, summary: 'Exactly what publishing will show other members, with the hash publishing must send back', request: { params: LessonParams }, responses: { 200: json(LessonPreviewSchema, 'The preview'), ...problems } }), async (c) => {
    const { org, lesson } = c.req.valid('param')
    return c.json((await previewLesson(scopedDeps(c), org, lesson)) as never, 200)
  })

  app.openapi(createRoute({ method: 'post', path: `${BASE}/lessons/{lesson}/publish`, tags, summary: 'Publish a draft to its network: refused (409) unless the hash is the current preview’s', request: { params: LessonParams, ...body(PublishInputSchema) }, responses: { 200: json(LessonPreviewSchema, 'As published'), 409: problems[400], ...problems } }), async (c) => {
    const { org, lesson } = c.req.valid('param')
    return c.json((await publishLesson(scopedDeps(c), actorOf(c), org, lesson, c.req.valid('json').hash)) as never, 200)
  })

  app.openapi(createRoute({ method: 'post', path: `${BASE}/lessons/{lesson}/withdraw`, tags, summary: 'Withdraw a published lesson: members no longer find or read it', request: { params: LessonParams, ...body(WithdrawInputSchema) }, responses: { 204: { description: 'Withdrawn' }, ...problems } }), async (c) => {
    const { org, lesson } = c.req.valid('param')
    await withdrawLesson(scopedDeps(c), actorOf(c), org, lesson)
    return c.body(null, 204)
  })
}
