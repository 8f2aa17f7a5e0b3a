/**
 * One finding as a briefing: what it says and why, the chart it rests on, what people said (with a
 * few quotes), the signals in the numbers, and the decisions and actions resting on it.
 */
import type { Briefing, BriefingSection } from '../../reports/model.ts'
import { listProgrammeDecisions } from '../decide/decisions.ts'
import { loopBoard } from '../review/loop-board.ts'
import { getFinding } from '../triangulate/findings.ts'
import type { BriefingContext } from './briefing-context.ts'
import { briefingDocument } from './briefing-document.ts'
import { findingBlocks } from './briefing-findings.ts'
import { actionsTable, decisionsTable } from './briefing-loop.ts'

export const FINDING_QUOTES = 3

export async function findingBriefing(ctx: BriefingContext, findingId: number): Promise<Briefing> {
  const finding = await getFinding(ctx.deps, ctx.scope, findingId)
  const [decisions, board] = await Promise.all([listProgrammeDecisions(ctx.deps, ctx.scope), loopBoard(ctx.deps, ctx.scope)])
  const resting = decisions.filter((d) => d.findings.includes(finding.id))
  const decisionIds = new Set(resting.map((d) => d.id))
  const actions = board.actions.filter((a) => a.decisionId !== null && decisionIds.has(a.decisionId))
  const signals = finding.proposal.signals.map((s) => s.summary)
  const sections: BriefingSection[] = [
    { heading: 'The finding', blocks: await findingBlocks(ctx, finding, `finding-${finding.id}`, { quotes: FINDING_QUOTES }) },
    { heading: 'Signals in the numbers', blocks: [signals.length === 0 ? { kind: 'paragraph', text: 'No signal in the numbers: common-cause variation only, or no linked measure.' } : { kind: 'list', items: signals }] },
    { heading: 'Decisions and actions resting on this finding', blocks: [decisionsTable(ctx, resting, 'Decisions that name this finding'), actionsTable(ctx, actions, 'Actions carrying out those decisions, with their verdicts')] },
  ]
  return briefingDocument(ctx, 'finding', `Finding briefing: ${finding.statement}`, sections)
}
