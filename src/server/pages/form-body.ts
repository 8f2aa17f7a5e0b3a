/** A posted form's fields as strings (files and repeated fields are left out). */
import type { Context } from 'hono'
import { AppError } from '../../core/errors.ts'

export async function formOf(c: Context): Promise<Record<string, string | undefined>> {
  const body = await c.req.parseBody().catch(() => {
    throw new AppError('invalid_request', 'The form could not be read. Go back and send it again.')
  })
  return Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v === 'string' ? v : undefined]))
}
