/** API shapes of a measure's chart, its site comparison, its community-group comparison and the programme's summary matrix. */
import { z } from '@hono/zod-openapi'
import { CHART_TYPES } from '../core/model.ts'
import { MeasureSchema, SiteSchema } from './catalogue.ts'
import { FunnelResultSchema } from './funnel.ts'
import { IntervalSchema } from './gap.ts'
import { SpcChartResultSchema } from './spc-charts.ts'
import { SpcResultSchema } from './spc.ts'

const chartType = z.enum(CHART_TYPES as unknown as [string, ...string[]])

export const PointNoteSchema = z
  .object({
    /** Site code; the organisation's code for whole-organisation notes. */
    site: z.string(),
    period: z.string(),
    kind: z.enum(['exclusion', 'annotation']),
    note: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('PointNote')

export const MeasureChartSchema = z
  .object({
    measure: MeasureSchema,
    site: SiteSchema,
    dimension: z.string().nullable(),
    group: z.string().nullable(),
    chart: chartType.openapi({ description: 'The chart drawn (as asked, or the measure’s default chart)' }),
    choices: z.array(chartType).openapi({ description: 'Charts this series can be drawn as' }),
    recommendation: z.object({ chart: chartType, reason: z.string() }).openapi({ description: 'The chart suggested from the measure’s kind and data (P′/U′ when P/U limits flag too many points)' }),
    rebases: z.array(z.object({ date: z.string(), reason: z.string(), createdBy: z.string() })),
    notes: z.array(PointNoteSchema),
    result: SpcChartResultSchema,
  })
  .openapi('MeasureChart')

export const PeriodWindowSchema = z.object({ from: z.string(), to: z.string(), periods: z.number().int(), first: z.string(), last: z.string() }).openapi('PeriodWindow')

export const SiteComparisonSchema = z
  .object({
    measure: z.string(),
    window: PeriodWindowSchema,
    /** Display multiplier of the values (rates per 1,000 …). */
    multiplier: z.number(),
    funnel: FunnelResultSchema.extend({ units: z.array(FunnelResultSchema.shape.units.element.extend({ name: z.string(), periods: z.number().int(), signal: z.string().nullable(), position95: z.enum(['above', 'within', 'below']) }).strict()), direction: z.string(), spread: z.string() }).nullable(),
    unavailable: z.string().nullable(),
  })
  .openapi('SiteComparison')

export const GroupComparisonSchema = z
  .object({
    measure: z.string(),
    site: z.string(),
    window: PeriodWindowSchema,
    multiplier: z.number(),
    dimensions: z.array(z.string()),
    dimension: z.string().nullable(),
    reference: z.string().nullable(),
    groups: z.array(
      z.object({ group: z.string(), numerator: z.number(), denominator: z.number(), value: IntervalSchema, isReference: z.boolean(), notStated: z.boolean(), small: z.boolean(), difference: IntervalSchema.nullable(), ratio: IntervalSchema.nullable() }),
    ),
    gap: z
      .object({
        comparison: z.string(),
        points: z.array(z.object({ period: z.string(), value: z.number(), lower: z.number(), upper: z.number(), comparisonValue: z.number(), referenceValue: z.number() })),
        spc: SpcResultSchema.openapi({ description: 'XmR chart of the gap, in percentage points for proportions; improvement is towards zero' }),
      })
      .nullable(),
    unavailable: z.string().nullable(),
  })
  .openapi('GroupComparison')

const cell = z.object({
  group: z.string().nullable().openapi({ description: 'Deprivation quintile; null for all people' }),
  latest: z.number().nullable(),
  period: z.string().nullable(),
  variation: z.string().nullable(),
  assurance: z.string().nullable(),
  stale: z.boolean().openapi({ description: 'True when new data arrived after this result was worked out (it is being refreshed in the background)' }),
  computedAt: z.string().nullable().openapi({ description: 'When the result was worked out (ISO date and time); null when never' }),
})

export const SummaryMatrixSchema = z
  .object({
    dimension: z.string(),
    groups: z.array(z.string()),
    measures: z.array(z.object({ measure: z.string(), name: z.string(), cells: z.array(cell) })),
  })
  .openapi('SummaryMatrix')

export const RebaseInputSchema = z.object({ date: z.string().openapi({ example: '2025-12-08' }), reason: z.string().openapi({ example: 'New guideline changed the definition' }) }).strict().openapi('RebaseInput')

export const PointNoteInputSchema = z
  .object({
    site: z.string().optional().openapi({ description: 'Site code; the whole organisation when absent' }),
    period: z.string().openapi({ example: '2025-06-02' }),
    kind: z.enum(['exclusion', 'annotation']),
    note: z.string().openapi({ description: 'The reason (exclusion) or the note (annotation); 1–500 characters' }),
  })
  .strict()
  .openapi('PointNoteInput')

export const PointNoteKeySchema = PointNoteInputSchema.omit({ note: true }).openapi('PointNoteKey')
