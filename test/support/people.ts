/**
 * People for route and page tests: one user per role in organisation `test`, an administrator of
 * organisation `other`, and an API token for each. Users have no password (tokens need none),
 * except `PASSWORD_USER`, for the sign-in tests.
 */
import { CLI_ACTOR } from '../../src/app/auth/audit.ts'
import { addMember } from '../../src/app/auth/people.ts'
import { createToken } from '../../src/app/auth/tokens.ts'
import type { AppDeps } from '../../src/app/deps.ts'
import { ROLES, type Role } from '../../src/core/access.ts'

/** Who a test request is made as: a role in `test`, the administrator of `other`, or nobody. */
export type TestUser = Role | 'other_admin' | 'anonymous'

export const PASSWORD_USER = { email: 'analyst@test.example', password: 'correct horse battery staple' } as const

export function emailOf(user: Exclude<TestUser, 'anonymous'>): string {
  return user === 'other_admin' ? 'admin@other.example' : `${user.replace('_', '-')}@test.example`
}

export async function seedTestPeople(deps: AppDeps): Promise<Map<Exclude<TestUser, 'anonymous'>, string>> {
  const tokens = new Map<Exclude<TestUser, 'anonymous'>, string>()
  for (const role of ROLES) {
    const email = emailOf(role)
    await addMember(deps, CLI_ACTOR, { email, organisation: 'test', role, ...(email === PASSWORD_USER.email ? { password: PASSWORD_USER.password } : {}) })
    tokens.set(role, (await createToken(deps, CLI_ACTOR, email, 'test')).token)
  }
  await addMember(deps, CLI_ACTOR, { email: emailOf('other_admin'), organisation: 'other', role: 'admin' })
  tokens.set('other_admin', (await createToken(deps, CLI_ACTOR, emailOf('other_admin'), 'test')).token)
  return tokens
}

/** `init` with `Authorization: Bearer` for `token`, unless the caller already set credentials. */
export function withToken(init: RequestInit | undefined, token: string | undefined): RequestInit | undefined {
  if (token === undefined) return init
  const headers = new Headers(init?.headers)
  if (headers.has('authorization') || headers.has('cookie')) return init
  headers.set('authorization', `Bearer ${token}`)
  return { ...init, headers }
}
