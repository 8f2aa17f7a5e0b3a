/** Organisations, sites, programmes and measures as the API shows them (codes, never database ids). */
import { z } from '@hono/zod-openapi'
import { CHART_TYPES, DIRECTIONS, MEASURE_KINDS, MEASURE_TYPES, PERIOD_UNITS, SITE_KINDS } from '../core/model.ts'

const tuple = <T extends string>(values: readonly T[]) => values as unknown as [T, ...T[]]

export const CodeSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'lowercase letters, digits and hyphens')

export const OrganisationSchema = z.object({ code: CodeSchema.openapi({ example: 'riverside' }), name: z.string() }).openapi('Organisation')

export const SiteSchema = z
  .object({
    code: CodeSchema.openapi({ example: 'eastgate' }),
    name: z.string(),
    kind: z.enum(tuple(SITE_KINDS)),
    parent: z.string().nullable().openapi({ description: 'Code of the parent site; null for the organisation itself' }),
  })
  .openapi('Site')

export const ProgrammeSchema = z.object({ code: CodeSchema.openapi({ example: 'htn' }), name: z.string(), aim: z.string() }).openapi('Programme')

export const MeasureSchema = z
  .object({
    code: CodeSchema.openapi({ example: 'bp-control' }),
    name: z.string(),
    description: z.string(),
    type: z.enum(tuple(MEASURE_TYPES)),
    kind: z.enum(tuple(MEASURE_KINDS)),
    rateMultiplier: z.number().positive().nullable(),
    direction: z.enum(tuple(DIRECTIONS)),
    target: z.number().nullable(),
    period: z.enum(tuple(PERIOD_UNITS)),
    defaultChart: z.enum(tuple(CHART_TYPES)),
    numeratorDefinition: z.string().nullable(),
    denominatorDefinition: z.string().nullable(),
    unit: z.string().nullable(),
    version: z.number().int().positive().openapi({ description: 'Goes up by one at every change; send it back (If-Match or `version`) when editing' }),
  })
  .openapi('Measure')

export const ObservationSchema = z
  .object({
    period: z.string().openapi({ example: '2025-03-03', description: 'ISO date of the period’s first day' }),
    numerator: z.number().nullable(),
    denominator: z.number().nullable(),
    value: z.number().openapi({ description: 'Proportions as fractions (0–1); rates per the measure’s multiplier' }),
  })
  .openapi('Observation')

export const SeriesSelectorSchema = z.object({
  site: z.string().optional().openapi({ description: 'Site code; the whole organisation when absent', example: 'eastgate' }),
  dimension: z.string().optional().openapi({ description: 'Community-group dimension, with group', example: 'imd_quintile' }),
  group: z.string().optional().openapi({ example: '1' }),
})
