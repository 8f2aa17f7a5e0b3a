/** What a programme page's path names: its organisation and programme, and record ids in it. */
import type { Context } from 'hono'
import { getProgrammeScope, type ProgrammeScope } from '../../app/catalogue.ts'
import { AppError } from '../../core/errors.ts'
import { scopedDeps } from '../access/request-context.ts'

/** The programme of `/organisations/:org/programmes/:programme/…`, read with the request's row-level security. */
export function scopeOf(c: Context): Promise<ProgrammeScope> {
  return getProgrammeScope(scopedDeps(c), c.req.param('org') ?? '', c.req.param('programme') ?? '')
}

/** A record id from the path or query (a positive 32-bit integer); anything else is "No WHAT "text"." (404). */
export function idFrom(text: string | undefined, what: string): number {
  const id = Number(text)
  if (!Number.isInteger(id) || id <= 0 || id > 2_147_483_647) throw new AppError('not_found', `No ${what} "${text ?? ''}".`)
  return id
}
