/** A posted form read once: single fields as text, repeated fields (checkboxes) as lists. */
import type { Context } from 'hono'
import { AppError } from '../../../core/errors.ts'

export interface FormValues {
  /** The field's (first) value, undefined when absent. */
  text(name: string): string | undefined
  /** Every value of a repeated field, empty strings left out. */
  list(name: string): string[]
  /** Every field name present. */
  readonly names: readonly string[]
}

export async function formValuesOf(c: Context): Promise<FormValues> {
  const body = await c.req.parseBody({ all: true }).catch(() => {
    throw new AppError('invalid_request', 'The form could not be read. Go back and send it again.')
  })
  const values = (name: string): string[] => ([] as unknown[]).concat(body[name] ?? []).filter((v): v is string => typeof v === 'string')
  return {
    text: (name) => values(name)[0],
    list: (name) => values(name).filter((v) => v.trim() !== ''),
    names: Object.keys(body),
  }
}
