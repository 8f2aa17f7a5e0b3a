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

/** Control characters (C0, DEL and C1): no file name needs one, and PostgreSQL text cannot hold U+0000. */
// eslint-disable-next-line no-control-regex -- control characters are what is being removed
const CONTROL_CHARACTERS = /[\u0000-\u001F\u007F-\u009F]/g

/** A file name as it is stored and shown in messages: the name a client sent, without control characters. */
export function storedFileName(fileName: string): string {
  return fileName.replace(CONTROL_CHARACTERS, '')
}

/**
 * The format from a file name's extension, or an `invalid_request` naming what is accepted. The
 * extension is read from the name as sent, so `data.csv<NUL>.txt` is a .txt file.
 */
export function formatOf(fileName: string, kind: 'observations' | 'measures'): 'csv' | 'xlsx' | 'json' {
  const extension = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase()
  const accepted = kind === 'observations' ? ['csv', 'xlsx'] : ['csv', 'json']
  if (extension && accepted.includes(extension)) return extension as 'csv' | 'xlsx' | 'json'
  throw new AppError('invalid_request', `${storedFileName(fileName)}: ${kind === 'observations' ? 'an' : 'a'} ${kind} file must end in ${accepted.map((a) => '.' + a).join(' or ')}.`)
}

export async function importFile(deps: AppDeps, request: ImportFileRequest): Promise<ImportReport> {
  const format = formatOf(request.fileName, request.kind)
  const fileName = storedFileName(request.fileName)
  const common = { organisation: request.organisation, programme: request.programme, fileName, content: request.content, createdBy: request.createdBy }
  if (request.kind === 'measures') return importMeasures(deps, { ...common, format: format === 'json' ? 'json' : 'csv' })
  return importObservations(deps, { ...common, format: format === 'xlsx' ? 'xlsx' : 'csv' })
}
