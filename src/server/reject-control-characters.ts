/**
 * Requests whose path or query holds a control character name nothing here: codes are lowercase
 * letters, digits and hyphens, and stored text holds no control character but tab and line breaks
 * (src/ingest/text-field.ts). They answer 404 before any route runs, so a NUL (`%00`) never reaches
 * PostgreSQL, whose text cannot hold U+0000 (it answered 500).
 */
import type { MiddlewareHandler } from 'hono'
import { ErrorPage } from './pages/error-page.tsx'
import { problem } from './problem.ts'

/** C0 control characters other than tab, line feed and carriage return (which a group name may hold). */
// eslint-disable-next-line no-control-regex -- control characters are what is being looked for
const CONTROL_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]/

/**
 * `text` with its percent-escapes decoded as a router decodes them: the whole of it when it is valid
 * UTF-8, otherwise each run of escapes that is, so `%00%zz` still reads as a NUL.
 */
function decodeLoosely(text: string): string {
  try {
    return decodeURIComponent(text)
  } catch {
    return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
      try {
        return decodeURIComponent(run)
      } catch {
        return run
      }
    })
  }
}

/** True when a segment of the path, or a name or value of the query, holds a control character once decoded. */
export function hasControlCharacter(url: string): boolean {
  const { pathname, searchParams } = new URL(url)
  if (pathname.split('/').some((segment) => CONTROL_CHARACTER.test(decodeLoosely(segment)))) return true
  for (const [name, value] of searchParams) {
    if (CONTROL_CHARACTER.test(name) || CONTROL_CHARACTER.test(value)) return true
  }
  return false
}

/**
 * Answer 404 to a request whose decoded path or query holds U+0000 or another control character
 * (tab and line breaks excepted): `application/problem+json` with code `not_found` under /api/,
 * the HTML "Page not found" page elsewhere.
 */
export function rejectControlCharacters(): MiddlewareHandler {
  return async (c, next) => {
    if (!hasControlCharacter(c.req.url)) return next()
    if (c.req.path.startsWith('/api/')) return problem(c, 'not_found', 'The address holds a control character (such as U+0000), so it names nothing here.')
    return c.html(ErrorPage({ status: 404, detail: 'If you typed the web address, check it is correct. If you pasted it, check you copied all of it.' }), 404)
  }
}
