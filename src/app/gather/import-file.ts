/** Import an uploaded file whose kind is known and whose format follows from its name. */
import { AppError } from '../../core/errors.ts'
import type { AppDeps } from '../deps.ts'
import { importMeasures } from './import-measures.ts'
import { importObservations, type ImportReport } from './import-observations.ts'

export interface ImportFileRequest {
  readonly organisation: string
  readonly programme: string
  readonly kind: 'observations' | 'measures'
  readonly fileName: string
  readonly content: Uint8Array
  readonly createdBy: string
}

/** The format from a file name's extension, or an `invalid_request` naming what is accepted. */
export function formatOf(fileName: string, kind: 'observations' | 'measures'): 'csv' | 'xlsx' | 'json' {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  const accepted = kind === 'observations' ? ['csv', 'xlsx'] : ['csv', 'json']
  if (extension && accepted.includes(extension)) return extension as 'csv' | 'xlsx' | 'json'
  throw new AppError('invalid_request', `${fileName}: ${kind === 'observations' ? 'an' : 'a'} ${kind} file must end in ${accepted.map((a) => '.' + a).join(' or ')}.`)
}

export async function importFile(deps: AppDeps, request: ImportFileRequest): Promise<ImportReport> {
  const format = formatOf(request.fileName, request.kind)
  const common = { organisation: request.organisation, programme: request.programme, fileName: request.fileName, content: request.content, createdBy: request.createdBy }
  if (request.kind === 'measures') return importMeasures(deps, { ...common, format: format === 'json' ? 'json' : 'csv' })
  return importObservations(deps, { ...common, format: format === 'xlsx' ? 'xlsx' : 'csv' })
}
