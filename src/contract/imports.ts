/** The report of an import, as the API and `lhs import … --json` print it. */
import { z } from '@hono/zod-openapi'
import { IssueSchema } from './issue.ts'

export const ImportReportSchema = z
  .object({
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    issues: z.array(IssueSchema),
  })
  .openapi('ImportReport')

export const ImportRecordSchema = z
  .object({
    kind: z.enum(['observations', 'measures', 'insights']),
    fileName: z.string(),
    inserted: z.number().int(),
    updated: z.number().int(),
    unchanged: z.number().int(),
    issues: z.array(IssueSchema),
    createdBy: z.string(),
    createdAt: z.string(),
  })
  .openapi('ImportRecord')
