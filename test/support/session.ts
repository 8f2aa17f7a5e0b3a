/** A browser-like signed-in session for page tests: the session cookie, and form posts that carry the page's CSRF token. */
import { startSession } from '../../src/app/auth/sign-in.ts'
import { htmlOf, one, type TestServer } from './server.ts'

export interface Session {
  get(path: string): Promise<Response>
  /** A urlencoded form post (a list repeats the field), with the CSRF token unless `csrf` is false. */
  post(path: string, fields: Readonly<Record<string, string | readonly string[]>>, csrf?: boolean): Promise<Response>
}

export async function signIn(server: TestServer, email: string): Promise<Session> {
  const user = await server.store.db.selectFrom('users').select(['id', 'email', 'display_name', 'password_hash']).where('email', '=', email).executeTakeFirstOrThrow()
  const { sessionSecret } = await startSession(server.deps, { id: user.id, email: user.email, displayName: user.display_name, passwordHash: user.password_hash, disabled: false }, { address: 'test', userAgent: 'test', method: 'test' })
  const headers = { cookie: `lhs_session=${sessionSecret}` }
  const token = one(await htmlOf(await server.rawApp.request('/', { headers })), 'form[action="/sign-out"] input[name="_csrf"]').getAttribute('value') ?? ''
  return {
    get: async (path) => server.rawApp.request(path, { headers }),
    post: async (path, fields, csrf = true) => {
      const body = new URLSearchParams()
      for (const [name, value] of Object.entries(fields)) for (const v of typeof value === 'string' ? [value] : value) body.append(name, v)
      if (csrf) body.append('_csrf', token)
      return server.rawApp.request(path, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body })
    },
  }
}
