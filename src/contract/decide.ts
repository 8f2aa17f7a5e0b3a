/**
 * API shapes of deciding: decision groups and their members, meetings (agenda of findings,
 * attendance, minutes), decisions with every version and what changed, and lessons from earlier
 * decisions. People are named by email; meetings, decisions and findings by their number.
 */
import { z } from '@hono/zod-openapi'

const LABELS = ['standardise', 'local_variation', 'stop', 'test_further'] as const
const GROUP_KINDS = ['board', 'committee', 'huddle', 'other'] as const
const VERDICTS = ['working', 'not_yet_clear', 'not_working', 'harm'] as const

const id = z.number().int().positive()
const isoDate = z.string().openapi({ example: '2025-09-30', description: 'YYYY-MM-DD' })

export const PersonSchema = z.object({ email: z.string(), displayName: z.string() }).openapi('Person')

export const DecisionGroupSummarySchema = z
  .object({ code: z.string().openapi({ example: 'programme-board' }), name: z.string(), kind: z.enum(GROUP_KINDS), purpose: z.string(), memberCount: z.number().int() })
  .openapi('DecisionGroupSummary')

export const DecisionGroupSchema = DecisionGroupSummarySchema.extend({ members: z.array(PersonSchema) }).openapi('DecisionGroup')

export const DecisionGroupsSchema = z.object({ groups: z.array(DecisionGroupSummarySchema) }).openapi('DecisionGroups')

export const DecisionGroupInputSchema = z
  .object({
    code: z.string().max(100).openapi({ example: 'programme-board', description: 'Up to 40 lower-case letters, digits and hyphens; new in the organisation' }),
    name: z.string().max(500),
    kind: z.string().max(40).openapi({ enum: [...GROUP_KINDS] }),
    purpose: z.string().max(5000).optional(),
  })
  .openapi('DecisionGroupInput')

export const GroupMembersInputSchema = z.object({ members: z.array(z.string().max(320)).max(500).openapi({ description: 'Emails of members of the organisation; the group’s members become exactly these' }) }).openapi('GroupMembersInput')

const MeetingGroupSchema = z.object({ code: z.string(), name: z.string(), kind: z.enum(GROUP_KINDS) })

export const MeetingSummarySchema = z
  .object({ id, title: z.string(), heldOn: isoDate, status: z.enum(['planned', 'held']), group: MeetingGroupSchema, agendaCount: z.number().int(), createdBy: z.string(), createdAt: z.string() })
  .openapi('MeetingSummary')

export const AgendaItemSchema = z
  .object({ id, statement: z.string(), classification: z.string(), overall: z.enum(['agreement', 'partial_agreement', 'dissonance', 'silence']), current: z.boolean().openapi({ description: 'False when the latest computation no longer proposes the finding' }) })
  .openapi('AgendaItem')

const ChangeSchema = z.union([
  z.object({ kind: z.literal('text'), field: z.string(), label: z.string(), before: z.string(), after: z.string() }),
  z.object({ kind: z.literal('ids'), field: z.enum(['findings', 'lessons']), label: z.string(), added: z.array(z.number().int()), removed: z.array(z.number().int()) }),
])

export const DecisionVersionSchema = z
  .object({
    version: z.number().int().positive(),
    title: z.string(),
    rationale: z.string(),
    optionChosen: z.string(),
    optionsConsidered: z.array(z.string()),
    label: z.enum(LABELS),
    labelText: z.string(),
    owner: PersonSchema.nullable(),
    reviewDate: isoDate.nullable(),
    findings: z.array(z.number().int()).openapi({ description: 'Numbers of the findings it rests on' }),
    lessons: z.array(z.number().int()).openapi({ description: 'Numbers of the earlier decisions it draws on' }),
    changedBy: z.string(),
    changeReason: z.string().nullable().openapi({ description: 'Why it changed; null for the first version' }),
    createdAt: z.string(),
  })
  .openapi('DecisionVersion')

export const DecisionSummarySchema = DecisionVersionSchema.extend({
  id,
  meeting: z.number().int().nullable(),
  decidedAt: z.string(),
  reviewDue: z.boolean().openapi({ description: 'The review date has been reached' }),
  rank: z.number().openapi({ description: 'Full-text rank against q (0 without it)' }),
}).openapi('DecisionSummary')

export const DecisionsSchema = z.object({ decisions: z.array(DecisionSummarySchema) }).openapi('Decisions')

export const DecisionSchema = z
  .object({
    id,
    meeting: z.object({ id, title: z.string(), heldOn: isoDate }).nullable(),
    decidedAt: z.string(),
    current: DecisionVersionSchema,
    versions: z.array(DecisionVersionSchema.extend({ changes: z.array(ChangeSchema) })).openapi({ description: 'Oldest first, each with what changed from the one before' }),
    findings: z.array(z.object({ id, statement: z.string(), current: z.boolean() })),
    findingStatements: z.record(z.string(), z.string()),
    lessons: z.array(z.object({ id, programme: z.string(), title: z.string(), labelText: z.string() })),
    lessonTitles: z.record(z.string(), z.string()),
    actions: z.array(z.object({ id, title: z.string(), status: z.string(), verdict: z.enum(VERDICTS).nullable(), verdictWords: z.string() })).openapi({ description: 'The actions that came from it, with the latest verdict' }),
  })
  .openapi('Decision')

export const MeetingSchema = MeetingSummarySchema.extend({
  minutes: z.string(),
  guests: z.string(),
  agenda: z.array(AgendaItemSchema),
  attendance: z.array(PersonSchema),
  groupMembers: z.array(PersonSchema),
  decisions: z.array(DecisionSummarySchema),
}).openapi('Meeting')

export const MeetingsSchema = z.object({ meetings: z.array(MeetingSummarySchema) }).openapi('Meetings')

export const MeetingInputSchema = z
  .object({ group: z.string().max(100).openapi({ description: 'The decision group’s code' }), heldOn: z.string().max(40).openapi({ example: '2025-06-10' }), title: z.string().max(1000) })
  .openapi('MeetingInput')

export const MeetingPatchSchema = z
  .object({
    minutes: z.string().max(40_000).optional(),
    guests: z.string().max(2000).optional(),
    status: z.string().max(40).optional().openapi({ enum: ['planned', 'held'] }),
    attendance: z.array(z.string().max(320)).max(500).optional().openapi({ description: 'Emails of the people with accounts who attended' }),
  })
  .openapi('MeetingPatch')

export const AgendaInputSchema = z.object({ findings: z.array(z.number().int()).max(200).openapi({ description: 'Finding numbers of the programme, in agenda order' }) }).openapi('AgendaInput')

const decisionFields = {
  title: z.string().max(1000).openapi({ description: 'What was decided' }),
  rationale: z.string().max(20_000).openapi({ description: 'Why' }),
  optionsConsidered: z.array(z.string().max(2000)).max(100).optional(),
  optionChosen: z.string().max(2000),
  label: z.string().max(40).openapi({ enum: [...LABELS] }),
  owner: z.string().max(320).openapi({ description: 'Email of a member of the organisation' }),
  reviewDate: z.string().max(40).nullable().optional().openapi({ example: '2025-09-30' }),
  findings: z.array(z.number().int()).max(200).optional().openapi({ description: 'Finding numbers it rests on (at least one finding or lesson)' }),
  lessons: z.array(z.number().int()).max(200).optional().openapi({ description: 'Numbers of earlier decisions it draws on' }),
}

export const DecisionInputSchema = z.object({ ...decisionFields, meeting: z.number().int().nullable().optional().openapi({ description: 'The meeting it was taken at' }) }).openapi('DecisionInput')

export const DecisionRevisionSchema = z
  .object({
    ...decisionFields,
    reason: z.string().max(5000).openapi({ description: 'Why it changed (required)' }),
    fromVersion: z.number().int().openapi({ description: 'The version the change starts from; a stale one is refused with 409' }),
  })
  .openapi('DecisionRevision')

export const LessonSchema = z
  .object({
    decision: id,
    programme: z.string(),
    title: z.string(),
    label: z.enum(LABELS),
    labelText: z.string(),
    reviewDate: isoDate.nullable(),
    decidedAt: z.string(),
    actions: z.array(z.object({ id, title: z.string(), verdict: z.enum(VERDICTS), words: z.string() })),
    shared: z.object({ measures: z.array(z.object({ code: z.string(), name: z.string() })), themes: z.array(z.object({ id: z.number().int(), name: z.string() })) }),
    score: z.number().int(),
  })
  .openapi('Lesson')

export const LessonsSchema = z.object({ lessons: z.array(LessonSchema) }).openapi('Lessons')
