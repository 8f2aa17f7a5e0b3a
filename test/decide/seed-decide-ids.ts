/**
 * Records for the decide routes' path parameters in organisation `test` (the access matrix fills
 * `:group`, `:meeting` and `:decision` with these): the group `board`, a meeting of it about `htn`
 * with the programme's strongest finding on its agenda, and a decision resting on that finding,
 * taken at the meeting.
 */
import { CLI_ACTOR } from '../../src/app/auth/audit.ts'
import { getProgrammeScope } from '../../src/app/catalogue.ts'
import type { AppDeps } from '../../src/app/deps.ts'
import { createDecisionGroup } from '../../src/app/decide/groups.ts'
import { setMeetingAgenda } from '../../src/app/decide/meeting-record.ts'
import { createMeeting } from '../../src/app/decide/meetings.ts'
import { createDecision } from '../../src/app/decide/record-decision.ts'
import { listProgrammeFindings } from '../../src/app/triangulate/findings.ts'

export interface DecideIds {
  readonly group: string
  readonly meeting: number
  readonly decision: number
}

/** Needs the fixture programme test/htn, its people (support/people.ts) and a finding of it (support/insight.ts seeds one). */
export async function seedDecideIds(deps: AppDeps): Promise<DecideIds> {
  const scope = await getProgrammeScope(deps, 'test', 'htn')
  const finding = (await listProgrammeFindings(deps, scope, { old: true }))[0]?.id
  if (finding === undefined) throw new Error('seedDecideIds needs a finding in test/htn: call seedInsight(deps, "test") first')
  const group = await createDecisionGroup(deps, CLI_ACTOR, 'test', { code: 'board', name: 'Programme board', kind: 'board' })
  const meeting = await createMeeting(deps, CLI_ACTOR, scope, { group: group.code, heldOn: '2025-06-10', title: 'June board' })
  await setMeetingAgenda(deps, CLI_ACTOR, scope, meeting.id, [finding])
  const decision = await createDecision(deps, CLI_ACTOR, scope, { title: 'Offer evening clinics', rationale: 'People in work cannot come in the day.', optionChosen: 'Evenings', label: 'test_further', owner: 'admin@test.example', findings: [finding], meeting: meeting.id })
  return { group: group.code, meeting: meeting.id, decision: decision.id }
}
