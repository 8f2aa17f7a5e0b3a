/** FHIR and REFI-QDA exchange over the API: the export's query and the Bundle as it is sent. */
import { z } from '@hono/zod-openapi'

export const FhirExportQuerySchema = z.object({
  audience: z
    .enum(['internal', 'external'])
    .optional()
    .openapi({ description: 'external (the default): the organisation’s disclosure policy applied, suppressed numbers masked; internal: exact numbers (needs the analyst, lead or admin role)', example: 'external' }),
})

const CodingSchema = z.object({ system: z.string().optional(), code: z.string().optional(), display: z.string().optional() })

export const FhirBundleSchema = z
  .object({
    resourceType: z.literal('Bundle'),
    type: z.literal('collection'),
    meta: z.object({ tag: z.array(CodingSchema).openapi({ description: 'The disclosure policy the numbers were published under: its id as code, its rule as display' }) }).optional(),
    timestamp: z.string().optional(),
    entry: z.array(
      z.object({
        fullUrl: z.string().openapi({ example: 'urn:uuid:3f1c…' }),
        resource: z.record(z.string(), z.unknown()).openapi({ description: 'Organization, Location, Measure or MeasureReport (FHIR R4)' }),
      }),
    ),
  })
  .openapi('FhirBundle', { description: 'A FHIR R4 collection Bundle: docs/methods/fhir.md maps every field' })
