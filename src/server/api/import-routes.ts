/** Upload measure and observation files; list past imports. */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { accessOf, actorOf, scopedDeps } from '../access/request-context.ts'
import { importFileAs } from '../../app/gather/audited-import.ts'
import { listProgrammeImports } from '../../app/gather/list-imports.ts'
import { ImportRecordSchema, ImportReportSchema } from '../../contract/imports.ts'
import { ProblemSchema } from '../../contract/problem.ts'
import { AppError } from '../../core/errors.ts'
import { importReportBody } from './import-report.ts'
import { json, problems, ProgrammeParams } from './params.ts'

const tags = ['Import']

const UploadSchema = z.object({
  kind: z.enum(['observations', 'measures']).openapi({ description: 'What the file holds' }),
  file: z.any().openapi({ type: 'string', format: 'binary', description: 'CSV or XLSX (observations); CSV or JSON (measures)' }),
})

export function importRoutes(app: OpenAPIHono): void {
  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/v1/organisations/{org}/programmes/{programme}/imports',
      tags,
      summary: 'Import a file of measures or observations (all or nothing)',
      request: { params: ProgrammeParams, body: { content: { 'multipart/form-data': { schema: UploadSchema } }, required: true } },
      responses: {
        200: json(ImportReportSchema, 'Written: counts and data-quality warnings'),
        ...problems,
        413: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'File larger than the upload limit' },
        422: { content: { 'application/problem+json': { schema: ProblemSchema } }, description: 'The file has errors; nothing was written' },
      },
    }),
    async (c) => {
      const { org, programme } = c.req.valid('param')
      const form = c.req.valid('form')
      const file: unknown = form.file
      if (!(file instanceof File)) throw new AppError('invalid_request', 'Attach the file in the form field "file".')
      const report = await importFileAs(scopedDeps(c), actorOf(c), accessOf(c).organisationId, {
        organisation: org,
        programme,
        kind: form.kind,
        fileName: file.name,
        content: new Uint8Array(await file.arrayBuffer()),
      })
      return c.json(importReportBody(file.name, report), 200)
    },
  )
  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/v1/organisations/{org}/programmes/{programme}/imports',
      tags,
      summary: 'Recent imports, newest first',
      request: { params: ProgrammeParams },
      responses: { 200: json(z.object({ imports: z.array(ImportRecordSchema) }), 'Imports'), ...problems },
    }),
    async (c) => {
      const { org, programme } = c.req.valid('param')
      const imports = await listProgrammeImports(scopedDeps(c), org, programme)
      return c.json({ imports: imports.map(({ programmeId: _p, id: _id, ...rest }) => ({ ...rest, kind: rest.kind as 'observations' | 'measures' | 'insights', issues: [...rest.issues] })) }, 200)
    },
  )
}
