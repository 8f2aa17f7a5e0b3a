/**
 * The meeting pack as a briefing document: the meeting, then each finding on the agenda in order
 * (its labels and reasons, the chart it rests on, how many comments from each source — never the
 * comments themselves, as a pack travels), then the decisions taken at the meeting.
 */
import type { Briefing, BriefingBlock, BriefingSection } from '../../reports/model.ts'
import { getMeeting } from '../decide/meetings.ts'
import type { BriefingContext } from './briefing-context.ts'
import { briefingDocument } from './briefing-document.ts'
import { dateText, plural } from './briefing-format.ts'
import { findingBlocks } from './briefing-findings.ts'
import { personText } from './briefing-loop.ts'

export async function meetingBriefing(ctx: BriefingContext, meetingId: number): Promise<Briefing> {
  const meeting = await getMeeting(ctx.deps, ctx.scope, meetingId)
  const attended = meeting.attendance.map((p) => personText(ctx, p))
  const about: BriefingBlock[] = [
    { kind: 'paragraph', text: `${meeting.group.name}, ${dateText(meeting.heldOn)}. ${meeting.agenda.length === 0 ? 'No findings on the agenda yet.' : `${plural(meeting.agenda.length, 'finding')} to weigh, in agenda order.`}` },
    ...(attended.length > 0 ? [{ kind: 'paragraph' as const, text: ctx.publisher.audience === 'internal' ? `Attended by ${attended.join(', ')}${meeting.guests ? `; guests: ${meeting.guests}` : ''}.` : `${plural(attended.length, 'member')} of the group attended.` }] : []),
    { kind: 'paragraph', text: 'Each finding puts the signals in the numbers beside what staff, patients and communities said about the same measure, site and group.' },
  ]
  const sections: BriefingSection[] = [{ heading: `Meeting pack: ${meeting.title}`, blocks: about }]
  for (const [i, finding] of meeting.agenda.entries()) {
    sections.push({ heading: `Item ${i + 1}: ${finding.statement}`, blocks: await findingBlocks(ctx, finding, `item-${finding.id}`, { quotes: 0 }) })
  }
  sections.push({ heading: 'Decisions taken at this meeting', blocks: decisionBlocks(ctx, meeting.decisions) })
  return briefingDocument(ctx, 'meeting', `Meeting pack: ${meeting.title}`, sections)
}

/** Each decision as a small two-column table: what was decided, why, the options, who owns it and when it is reviewed. */
function decisionBlocks(ctx: BriefingContext, decisions: Awaited<ReturnType<typeof getMeeting>>['decisions']): BriefingBlock[] {
  if (decisions.length === 0) return [{ kind: 'paragraph', text: 'None recorded yet.' }]
  return decisions.map((d) => ({
    kind: 'table',
    table: {
      caption: `Decision: ${d.title}`,
      columns: ['About the decision', 'Detail'],
      rows: [
        ['Kind', d.labelText],
        ['Why', d.rationale],
        ['Option chosen', d.optionChosen],
        ['Options considered', d.optionsConsidered.join('; ') || 'None recorded'],
        ['Owner', personText(ctx, d.owner)],
        ['Review date', d.reviewDate ? dateText(d.reviewDate) : 'None set'],
      ],
      numeric: [false, false],
    },
  }))
}
