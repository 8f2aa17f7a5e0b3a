/** A briefing as it was sent: the stored file, downloaded as an audited export. */
import { AppError } from '../../core/errors.ts'
import { getBriefingIssue, type BriefingIssueFile } from '../../storage/briefing-schedules.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'

export async function getIssueFile(deps: AppDeps, actor: Actor, scope: ProgrammeScope, id: number): Promise<BriefingIssueFile> {
  const issue = await getBriefingIssue(deps.store.db, scope.organisation.id, scope.programme.id, id)
  if (issue === undefined) throw new AppError('not_found', `No briefing ${id} was sent in this programme.`)
  await audit(deps, actor, {
    organisationId: scope.organisation.id, action: 'briefing.download', target: `organisation:${scope.organisation.code}/programme:${scope.programme.code}/briefing-issue:${id}`,
    before: null, after: { fileName: issue.fileName, bytes: issue.size },
  })
  return issue
}
