/**
 * The board briefing of a programme: the summary at a glance (every measure and the icon matrix),
 * the top findings each with its chart and a few quotes, who the headline measure reaches, the
 * decisions, the actions with their verdicts, and what happens next.
 */
import type { Briefing, BriefingBlock, BriefingSection } from '../../reports/model.ts'
import { listProgrammeDecisions } from '../decide/decisions.ts'
import { loopBoard } from '../review/loop-board.ts'
import type { BriefingContext } from './briefing-context.ts'
import { briefingDocument } from './briefing-document.ts'
import { findingBlocks, topFindings } from './briefing-findings.ts'
import { groupsByPracticeTable, headlineMeasure } from './briefing-groups.ts'
import { actionsTable, decisionsTable, whatIsNext } from './briefing-loop.ts'
import { headlineTable, publishedOverview, summaryMatrix } from './briefing-summary.ts'

/** How many findings the board sees, each with up to this many quotes. */
export const BOARD_FINDINGS = 3
export const BOARD_QUOTES = 3

export async function boardBriefing(ctx: BriefingContext): Promise<Briefing> {
  const { programme } = ctx.scope
  const overview = await publishedOverview(ctx)
  const glance: BriefingBlock[] = [
    { kind: 'paragraph', text: `Aim: ${programme.aim}` },
    headlineTable(overview),
    ...(overview.hasMatrix ? [{ kind: 'paragraph' as const, text: 'Read across a row to see whether a change reaches everyone. Each icon says whether the latest value shows special-cause variation (a real change) or common-cause variation.' }, summaryMatrix(overview)] : []),
  ]
  const sections: BriefingSection[] = [{ heading: 'At a glance', blocks: glance }]
  const findings = await topFindings(ctx, BOARD_FINDINGS)
  for (const [i, finding] of findings.entries()) {
    sections.push({ heading: `Finding ${i + 1}: ${finding.statement}`, blocks: await findingBlocks(ctx, finding, `finding-${finding.id}`, { quotes: BOARD_QUOTES }) })
  }
  if (findings.length === 0) sections.push({ heading: 'Findings', blocks: [{ kind: 'paragraph', text: 'No findings yet: the numbers and what people said have not been brought together.' }] })
  const headline = await headlineMeasure(ctx)
  const reach = headline ? await groupsByPracticeTable(ctx, headline) : null
  if (reach) sections.push({ heading: 'Who we reach', blocks: [{ kind: 'paragraph', text: 'The headline measure for each ethnic group at each practice, in the latest period.' }, reach] })
  const [decisions, board] = await Promise.all([listProgrammeDecisions(ctx.deps, ctx.scope), loopBoard(ctx.deps, ctx.scope)])
  sections.push({ heading: 'Decisions', blocks: [decisionsTable(ctx, decisions, `Decisions about ${programme.name}`)] })
  sections.push({ heading: 'Actions and whether they are working', blocks: [verdictCounts(board.counts), actionsTable(ctx, board.actions, 'Every action with its verdict from the latest review')] })
  sections.push({ heading: 'What happens next', blocks: [{ kind: 'list', items: await whatIsNext(ctx, board.actions) }] })
  return briefingDocument(ctx, 'board', `Board briefing: ${programme.name}`, sections)
}

function verdictCounts(counts: Awaited<ReturnType<typeof loopBoard>>['counts']): BriefingBlock {
  return { kind: 'paragraph', text: `Working: ${counts.working}. Not yet clear: ${counts.not_yet_clear}. Not working: ${counts.not_working}. Harming a balancing measure: ${counts.harm}. Not yet reviewed: ${counts.unreviewed}. Reviews overdue: ${counts.overdue}.` }
}
