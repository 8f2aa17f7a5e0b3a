/** API shapes of insight: records sent in, counts back, the codebook, the theme matrix, excerpts, codings and agreement. */
import { z } from '@hono/zod-openapi'
import { COLLECTION_METHODS, SOURCE_TYPES } from '../core/insight/model.ts'
import { IssueSchema } from './issue.ts'

export const InsightRecordSchema = z
  .object({
    source: z.string().max(40).openapi({ description: `Who it came from: ${SOURCE_TYPES.join(', ')}` }),
    collectedVia: z.string().max(40).optional().openapi({ description: `How it was collected (default staff_form): ${COLLECTION_METHODS.filter((m) => m !== 'public_form' && m !== 'demo').join(', ')}` }),
    date: z.string().openapi({ example: '2025-05-20' }),
    site: z.string().nullable().optional().openapi({ description: 'Site code; absent or null for the whole organisation' }),
    groups: z.record(z.string(), z.string()).optional().openapi({ description: 'Community groups by dimension code, e.g. {"imd_quintile": "1"}; a missing dimension means not stated', example: { imd_quintile: '1', age_band: '40-59' } }),
    fft: z.number().int().nullable().optional().openapi({ description: 'Friends and Family Test answer: 1 very good … 5 very poor, 6 don’t know' }),
    text: z.string().max(20000),
    tags: z.array(z.string()).optional(),
    split: z.boolean().optional().openapi({ description: 'Split notes or a transcript into excerpts (paragraphs, bullets, speaker turns)' }),
  })
  .openapi('InsightRecord')

export const StoredInsightSchema = z
  .object({
    records: z.number().int(),
    excerpts: z.number().int(),
    redacted: z.record(z.string(), z.number().int()).openapi({ description: 'Identifiers replaced, by type (the originals are never stored)' }),
  })
  .openapi('StoredInsight')

export const ThemeSchema = z
  .object({
    id: z.number().int(),
    parentId: z.number().int().nullable(),
    guid: z.string(),
    name: z.string(),
    definition: z.string(),
    examples: z.array(z.string()),
    colour: z.string().nullable(),
    frame: z.string(),
  })
  .openapi('Theme')

const CellSchema = z.object({ excerpts: z.number().int(), share: z.number(), negative: z.number().int(), neutral: z.number().int(), positive: z.number().int(), small: z.boolean() })

export const ThemeMatrixSchema = z
  .object({
    by: z.string(),
    total: z.number().int(),
    columns: z.array(z.object({ key: z.string(), label: z.string(), total: z.number().int() })),
    rows: z.array(z.object({ themeId: z.number().int(), name: z.string(), depth: z.number().int(), all: CellSchema, cells: z.array(CellSchema) })),
  })
  .openapi('ThemeMatrix')

export const ExcerptSchema = z
  .object({
    id: z.number().int(),
    text: z.string(),
    sentiment: z.number(),
    source: z.string(),
    collectedVia: z.string(),
    date: z.string(),
    site: z.string(),
    groups: z.record(z.string(), z.string()),
    fft: z.number().int().nullable(),
    tags: z.array(z.string()),
  })
  .openapi('Excerpt')

export const CodingsInputSchema = z
  .object({
    themes: z.array(z.object({ themeId: z.number().int(), span: z.object({ start: z.number().int(), end: z.number().int() }).nullable().optional() })).max(200),
  })
  .openapi('CodingsInput')

const AgreementCellsSchema = z.object({
  n: z.number().int(),
  both: z.number().int(),
  firstOnly: z.number().int(),
  secondOnly: z.number().int(),
  neither: z.number().int(),
  observed: z.number().nullable(),
  expected: z.number().nullable(),
  kappa: z.number().nullable(),
  strength: z.string().nullable(),
})

export const AgreementSchema = z
  .object({
    pairs: z.array(z.object({ coders: z.array(z.string()), excerpts: z.number().int() })),
    coders: z.array(z.string()).nullable(),
    excerpts: z.number().int(),
    pooled: AgreementCellsSchema.nullable(),
    themes: z.array(AgreementCellsSchema.extend({ themeId: z.number().int(), name: z.string() })),
  })
  .openapi('Agreement')

export const SuggestionRunSchema = z.object({ learnedFrom: z.number().int(), uncoded: z.number().int(), suggested: z.number().int(), suggestions: z.number().int() }).openapi('SuggestionRun')

export const InsightImportReportSchema = z
  .object({
    importId: z.number().int().nullable().openapi({ description: 'Null when nothing was imported' }),
    records: z.number().int(),
    excerpts: z.number().int(),
    redacted: z.record(z.string(), z.number().int()),
    issues: z.array(IssueSchema),
  })
  .openapi('InsightImportReport')
