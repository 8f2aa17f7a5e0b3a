/** The learning community over the API: networks, lessons (draft, preview, publish), search, comments, shared aggregates and the network funnel. */
import { z } from '@hono/zod-openapi'
import { LESSON_VERDICTS } from '../core/community/index.ts'

const Verdict = z.enum(LESSON_VERDICTS as [string, ...string[]])
const Window = z.object({ from: z.string(), to: z.string() })
const Figures = z.object({ numerator: z.string(), denominator: z.string(), rate: z.number().nullable() })

export const PublishedEffectSchema = z.object({
  measure: z.object({ code: z.string(), name: z.string() }),
  where: z.string(),
  dimension: z.string(),
  before: Window,
  after: Window,
  rows: z.array(z.object({ group: z.string(), label: z.string(), before: Figures, after: Figures, change: z.number().nullable() })),
  policy: z.string().openapi({ description: 'The disclosure policy the counts went through' }),
}).openapi('PublishedEffect')

export const PublishedLessonSchema = z.object({
  network: z.object({ code: z.string(), name: z.string() }),
  organisation: z.string(),
  title: z.string(),
  summary: z.string(),
  context: z.object({ setting: z.string(), population: z.string(), cfirFactors: z.array(z.string()) }),
  change: z.string(),
  measure: z.object({ code: z.string(), name: z.string() }).nullable(),
  themes: z.array(z.string()),
  verdict: Verdict,
  effect: PublishedEffectSchema.nullable(),
  helped: z.string(),
  hindered: z.string(),
  contact: z.object({ name: z.string(), email: z.string() }).nullable(),
}).openapi('PublishedLesson', { description: 'Exactly what other members of the network read' })

export const NetworksSchema = z.object({ networks: z.array(z.object({ code: z.string(), name: z.string(), description: z.string(), member: z.boolean() })) })
export const MembershipInputSchema = z.object({ join: z.boolean().openapi({ description: 'true: join; false: leave' }) })
export const MembershipSchema = z.object({ changed: z.boolean(), member: z.boolean() })

export const DraftInputSchema = z.object({ network: z.string().min(1), programme: z.string().min(1), action: z.number().int().positive().max(2_147_483_647) })

const list = z.array(z.string().max(80)).max(20)
export const LessonEditSchema = z.object({
  version: z.number().int().positive(),
  title: z.string().max(200).optional(),
  summary: z.string().max(2000).optional(),
  setting: z.string().max(120).optional(),
  population: z.string().max(1000).optional(),
  cfirFactors: list.optional(),
  change: z.string().max(5000).optional(),
  themes: list.optional(),
  verdict: Verdict.optional(),
  helped: z.string().max(5000).optional(),
  hindered: z.string().max(5000).optional(),
  contactName: z.string().max(120).optional(),
  contactEmail: z.string().max(200).optional(),
})

export const LessonPreviewSchema = z.object({
  id: z.number(),
  status: z.enum(['draft', 'published', 'withdrawn']),
  version: z.number(),
  hash: z.string().openapi({ description: 'SHA-256 of the canonical JSON of `lesson`; publishing must send it back' }),
  lesson: PublishedLessonSchema,
})
export const OwnLessonSchema = LessonPreviewSchema.extend({ publishedAt: z.string().nullable() })
export const MemberLessonSchema = z.object({ id: z.number(), publishedAt: z.string(), lesson: PublishedLessonSchema }).strict()
export const OwnLessonsSchema = z.object({ lessons: z.array(z.object({ id: z.number(), status: z.enum(['draft', 'published', 'withdrawn']), title: z.string(), version: z.number(), publishedAt: z.string().nullable() })) })

export const PublishInputSchema = z.object({ hash: z.string().regex(/^[0-9a-f]{64}$/, 'expected the 64-character hash from the preview') })
export const WithdrawInputSchema = z.object({ confirm: z.literal(true) })

export const SearchQuerySchema = z.object({
  q: z.string().max(200).optional().openapi({ description: 'Words, "a phrase", or, -not (websearch syntax)' }),
  network: z.string().max(40).optional(),
  measure: z.string().max(40).optional(),
  theme: z.string().max(80).optional(),
  setting: z.string().max(120).optional(),
  verdict: Verdict.optional(),
})
export const SearchResultSchema = z.object({
  hits: z.array(z.object({ id: z.number(), publishedAt: z.string(), rank: z.number(), lesson: PublishedLessonSchema })),
  facets: z.object({ settings: z.array(z.string()), themes: z.array(z.string()), measures: z.array(z.string()) }),
})

export const CommentInputSchema = z.object({ body: z.string().min(1).max(4000) })
export const CommentsSchema = z.object({ comments: z.array(z.object({ organisationName: z.string(), authorName: z.string(), body: z.string(), createdAt: z.string() })) })

export const ShareInputSchema = z.object({ programme: z.string().min(1), from: z.string().optional(), to: z.string().optional() })
const AggregateSchema = z.object({
  organisationName: z.string(), from: z.string(), to: z.string(), numerator: z.number().nullable(), denominator: z.number().nullable(),
  numeratorText: z.string(), denominatorText: z.string(), policy: z.string(), publishedAt: z.string(),
})
export const SharedAggregateSchema = AggregateSchema
export const NetworkFunnelSchema = z.object({
  network: z.object({ code: z.string(), name: z.string() }),
  measure: z.object({ code: z.string(), name: z.string(), kind: z.string(), direction: z.string(), definition: z.string() }),
  aggregates: z.array(AggregateSchema),
  funnel: z.object({ target: z.number(), units: z.array(z.object({ unit: z.string(), numerator: z.number(), denominator: z.number(), value: z.number() }).passthrough()) }).passthrough().nullable(),
  unavailable: z.string().nullable(),
})
