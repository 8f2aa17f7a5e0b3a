/**
 * Exchange with other systems: a programme's measures and values as FHIR R4 (Measure and summary
 * MeasureReport in a collection Bundle), FHIR MeasureReport imports, and coded excerpts as a
 * REFI-QDA project (.qdpx) for qualitative-analysis tools.
 */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { importFhir } from '../../app/gather/import-fhir.ts'
import { exportRefiQda } from '../../app/insight/refi-qda-export.ts'
import { getProgrammeScope } from '../../app/catalogue.ts'
import { exportProgrammeFhir } from '../../app/share/fhir-export.ts'
import { FhirBundleSchema, FhirExportQuerySchema } from '../../contract/interop.ts'
import { ImportReportSchema } from '../../contract/imports.ts'
import { ProblemSchema } from '../../contract/problem.ts'
import { can, rolesWith } from '../../core/access.ts'
import { AppError } from '../../core/errors.ts'
import { accessOf, actorOf, scopedDeps } from '../access/request-context.ts'
import { importReportBody } from './import-report.ts'
import { json, problems, ProgrammeParams } from './params.ts'

const tags = ['Interoperability']
const PROGRAMME = '/api/v1/organisations/{org}/programmes/{programme}'
const problem = (description: string) => ({ content: { 'application/problem+json': { schema: ProblemSchema } }, description })

const UploadSchema = z.object({
  file: z.any().openapi({ type: 'string', format: 'binary', description: 'A FHIR R4 Bundle (collection or transaction) of summary MeasureReports, or NDJSON' }),
})

export function interopRoutes(app: OpenAPIHono): void {
  app.openapi(
    createRoute({
      method: 'get',
      path: `${PROGRAMME}/fhir`,
      tags,
      summary: 'The programme’s measures and values as FHIR R4: a collection Bundle of Organization, Location, Measure and summary MeasureReport resources',
      request: { params: ProgrammeParams, query: FhirExportQuerySchema },
      responses: { 200: json(FhirBundleSchema, 'The Bundle (reproducible: the same data gives the same file)'), ...problems },
    }),
    async (c) => {
      const { org, programme } = c.req.valid('param')
      const audience = c.req.valid('query').audience ?? 'external'
      if (audience === 'internal' && !can(accessOf(c).role, 'analyse')) {
        throw new AppError('forbidden', `Exact numbers (audience=internal) need the ${rolesWith('analyse').join(', ')} role; ask for audience=external, which applies the organisation's disclosure policy.`)
      }
      const { bundle } = await exportProgrammeFhir(scopedDeps(c), actorOf(c), { organisation: org, programme, audience })
      c.header('content-disposition', `attachment; filename="${programme}-${audience}.fhir.json"`)
      return c.json(bundle as unknown as z.infer<typeof FhirBundleSchema>, 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'post',
      path: `${PROGRAMME}/fhir/imports`,
      tags,
      summary: 'Import FHIR R4 summary MeasureReports as observations (all or nothing; masked numbers are skipped with a warning)',
      request: { params: ProgrammeParams, body: { content: { 'multipart/form-data': { schema: UploadSchema } }, required: true } },
      responses: {
        200: json(ImportReportSchema, 'Written: counts, warnings and data-quality checks'),
        ...problems,
        413: problem('File larger than the upload limit'),
        422: problem('The file has errors; nothing was written'),
      },
    }),
    async (c) => {
      const { org, programme } = c.req.valid('param')
      const file: unknown = c.req.valid('form').file
      if (!(file instanceof File)) throw new AppError('invalid_request', 'Attach the FHIR file in the form field "file".')
      const report = await importFhir(scopedDeps(c), actorOf(c), { organisation: org, programme, fileName: file.name, content: new Uint8Array(await file.arrayBuffer()) })
      return c.json(importReportBody(file.name, report), 200)
    },
  )

  app.openapi(
    createRoute({
      method: 'get',
      path: `${PROGRAMME}/refi-qda.qdpx`,
      tags,
      summary: 'Coded excerpts as a REFI-QDA project (.qdpx: the codebook, coders, each record’s redacted text and its codings), for NVivo, ATLAS.ti, MAXQDA or QualCoder; the read is audited',
      request: { params: ProgrammeParams },
      responses: { 200: { content: { 'application/zip': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'The .qdpx file' }, ...problems },
    }),
    async (c) => {
      const { org, programme } = c.req.valid('param')
      const deps = scopedDeps(c)
      const scope = await getProgrammeScope(deps, org, programme)
      const bytes = await exportRefiQda(deps, actorOf(c), scope)
      return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': 'application/zip', 'content-disposition': `attachment; filename="${programme}-coded-excerpts.qdpx"` })
    },
  )
}
