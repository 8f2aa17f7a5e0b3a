/**
 * A scheduled briefing's file, made as the pages make a download: the briefing assembled from the
 * live evidence (`generateBriefing`), then printed to PDF through Chromium or written as Word.
 * Internal briefings carry quotes only when every member of the receiving group may read what
 * people said (`read_text`); external ones carry only the quotes the disclosure policy allows.
 */
import { can, isRole } from '../../core/access.ts'
import { briefingToDocx } from '../../reports/docx.ts'
import { briefingToHtml } from '../../reports/html.ts'
import { htmlToPdf } from '../../reports/pdf.ts'
import type { BriefingIssueFile } from '../../storage/briefing-schedules.ts'
import type { Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { generateBriefing } from './generate-briefing.ts'
import type { BriefingRequest, BriefingRenderer } from './issue-briefing.ts'

/** Who the audit trail names for scheduled briefings. */
export const SCHEDULER_ACTOR: Actor = { userId: null, name: 'scheduler', address: 'scheduler' }

export const CONTENT_TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const

export const renderScheduledBriefing: BriefingRenderer = async (deps, scope, request) => {
  const canReadText = request.audience === 'external' || (await everyMemberReadsText(deps, scope, request))
  const briefing = await generateBriefing(deps, { actor: SCHEDULER_ACTOR, canReadText }, { organisation: scope.organisation.code, programme: scope.programme.code }, request.kind, request.audience)
  const content = request.format === 'pdf' ? await htmlToPdf(briefingToHtml(briefing)) : await briefingToDocx(briefing)
  const day = deps.clock().toISOString().slice(0, 10)
  return {
    title: briefing.title,
    fileName: `${scope.programme.code}-${request.kind}-briefing-${request.audience}-${day}.${request.format}`,
    contentType: CONTENT_TYPES[request.format],
    content,
  } satisfies BriefingIssueFile
}

async function everyMemberReadsText(deps: AppDeps, scope: ProgrammeScope, request: BriefingRequest): Promise<boolean> {
  if (request.groupId === undefined) return false
  const roles = await deps.store.db
    .selectFrom('decision_group_members as g')
    .leftJoin('memberships as m', (j) => j.onRef('m.organisation_id', '=', 'g.organisation_id').onRef('m.user_id', '=', 'g.user_id'))
    .select('m.role')
    .where('g.organisation_id', '=', scope.organisation.id)
    .where('g.group_id', '=', request.groupId)
    .execute()
  return roles.length > 0 && roles.every((r) => r.role !== null && isRole(r.role) && can(r.role, 'read_text'))
}
