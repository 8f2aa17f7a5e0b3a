/**
 * Demo mode's administrators: one per demo organisation, with a new random password at every start
 * (printed by `lhs serve --demo`), so a demo left running is not open to a well-known password.
 */
import { addMember } from '../auth/people.ts'
import { CLI_ACTOR } from '../auth/audit.ts'
import { newPassword } from '../auth/secrets.ts'
import type { AppDeps } from '../deps.ts'

export const DEMO_ADMINS = [
  { email: 'admin@riverside.example', organisation: 'riverside' },
  { email: 'admin@northshore.example', organisation: 'northshore' },
] as const

export interface Credentials {
  readonly email: string
  readonly organisation: string
  readonly password: string
}

export async function resetDemoAdministrators(deps: AppDeps): Promise<Credentials[]> {
  const credentials: Credentials[] = []
  for (const admin of DEMO_ADMINS) {
    const password = newPassword()
    await addMember(deps, CLI_ACTOR, { email: admin.email, organisation: admin.organisation, role: 'admin', password, displayName: 'Demo administrator' })
    credentials.push({ ...admin, password })
  }
  return credentials
}
