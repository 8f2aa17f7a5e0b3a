/**
 * A browser's cookie handling, as much as route tests need: cookies from `set-cookie` answers are
 * kept (name and value; `Max-Age=0` removes one) and sent with every later request.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'

export interface CookieJar {
  /** A request through `app` carrying the jar's cookies; the answer's cookies go into the jar. */
  request(path: string, init?: RequestInit): Promise<Response>
  get(name: string): string | undefined
  set(name: string, value: string): void
  delete(name: string): void
}

export function cookieJar(app: Pick<OpenAPIHono, 'request'>, initial: Readonly<Record<string, string>> = {}): CookieJar {
  const cookies = new Map(Object.entries(initial))
  return {
    async request(path, init = {}) {
      const headers = new Headers(init.headers)
      if (cookies.size > 0) headers.set('cookie', [...cookies].map(([name, value]) => `${name}=${value}`).join('; '))
      const response = await app.request(path, { ...init, headers })
      for (const line of response.headers.getSetCookie()) {
        const [pair = '', ...attributes] = line.split(';').map((part) => part.trim())
        const split = pair.indexOf('=')
        const name = pair.slice(0, split)
        const removed = attributes.some((a) => /^max-age=0$/i.test(a)) || attributes.some((a) => /^expires=/i.test(a) && Date.parse(a.slice(8)) <= Date.now())
        if (removed) cookies.delete(name)
        else cookies.set(name, pair.slice(split + 1))
      }
      return response
    },
    get: (name) => cookies.get(name),
    set: (name, value) => void cookies.set(name, value),
    delete: (name) => void cookies.delete(name),
  }
}
