/**
 * Demo mode's administrators: one per demo organisation, with a new random password at every start
 * (printed by `lhs serve --demo`), so a demo left running is not open to a well-known password.
 */
import { addMember } from '../auth/people.ts'
import { CLI_ACTOR } from '../auth/audit.ts'
import { newPassword } from '../auth/secrets.ts'
import type { AppDeps } from '../deps.ts'

export const DEMO_ADMINS = [
  { email: 'admin@riverside.example', organisation: 'riverside', group: 'htn-board' },
  { email: 'admin@northshore.example', organisation: 'northshore', group: null },
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
    if (admin.group !== null) await joinDemoGroup(deps, admin.email, admin.organisation, admin.group)
    credentials.push({ email: admin.email, organisation: admin.organisation, password })
  }
  return credentials
}

/**
 * Seat the administrator on the demo's programme board (when the demo has it), so the briefings and
 * alerts sent to the board from now on, "Send now" on the schedules page included, reach their inbox.
 */
async function joinDemoGroup(deps: AppDeps, email: string, organisationCode: string, groupCode: string): Promise<void> {
  const db = deps.store.db
  const row = await db
    .selectFrom('decision_groups as g')
    .innerJoin('organisations as o', 'o.id', 'g.organisation_id')
    .innerJoin('users as u', (j) => j.on('u.email', '=', email))
    .select(['g.organisation_id', 'g.id', 'u.id as user_id'])
    .where('o.code', '=', organisationCode)
    .where('g.code', '=', groupCode)
    .executeTakeFirst()
  if (row === undefined) return
  await db.insertInto('decision_group_members').values({ organisation_id: row.organisation_id, group_id: row.id, user_id: row.user_id }).onConflict((oc) => oc.doNothing()).execute()
}
