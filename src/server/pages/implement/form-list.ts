/** A posted form whose one field may repeat (ticked checkboxes): the other fields as strings, that one as a list. */
import type { Context } from 'hono'
import { AppError } from '../../../core/errors.ts'

export async function formWithList(c: Context, listField: string): Promise<{ form: Record<string, string | undefined>; list: string[] }> {
  const body = await c.req.parseBody({ all: true }).catch(() => {
    throw new AppError('invalid_request', 'The form could not be read. Go back and send it again.')
  })
  const first = (v: unknown) => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined)
  const form = Object.fromEntries(Object.entries(body).filter(([k]) => k !== listField).map(([k, v]) => [k, first(v)]))
  const list = ([] as unknown[]).concat(body[listField] ?? []).filter((s): s is string => typeof s === 'string' && s !== '')
  return { form, list: [...new Set(list.map((s) => s.slice(0, 200)))] }
}
