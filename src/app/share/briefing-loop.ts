/**
 * The loop in a briefing: the decisions taken, the actions with their verdicts (from the stored
 * reviews, as on the loop board), and what happens next (meetings planned, reviews due).
 */
import type { BriefingBlock } from '../../reports/model.ts'
import type { DecisionSummary } from '../decide/decisions.ts'
import { listMeetings } from '../decide/meetings.ts'
import type { PersonView } from '../decide/people.ts'
import { STATUS_LABELS } from '../implement/action-views.ts'
import type { BoardAction } from '../review/loop-board.ts'
import type { BriefingContext } from './briefing-context.ts'
import { dateText } from './briefing-format.ts'

/** A person as a briefing names them: their name; outside the organisation never their email. */
export function personText(ctx: BriefingContext, person: PersonView | null): string {
  if (person === null) return 'Nobody named'
  if (person.displayName.trim() !== '') return person.displayName
  return ctx.publisher.audience === 'internal' ? person.email : 'A named lead'
}

export function decisionsTable(ctx: BriefingContext, decisions: readonly DecisionSummary[], caption: string): BriefingBlock {
  if (decisions.length === 0) return { kind: 'paragraph', text: 'No decisions recorded yet.' }
  return {
    kind: 'table',
    table: {
      caption,
      columns: ['Decision', 'Kind', 'What we chose', 'Owner', 'Review date'],
      rows: decisions.map((d) => [d.title, d.labelText, d.optionChosen, personText(ctx, d.owner), d.reviewDate ? dateText(d.reviewDate) : 'None set']),
      numeric: [false, false, false, false, false],
    },
  }
}

export function actionsTable(ctx: BriefingContext, actions: readonly BoardAction[], caption: string): BriefingBlock {
  if (actions.length === 0) return { kind: 'paragraph', text: 'No actions recorded yet.' }
  return {
    kind: 'table',
    table: {
      caption,
      columns: ['Action', 'Status', 'Verdict', 'Why', 'Next review'],
      rows: actions.map((a) => [a.title, STATUS_LABELS[a.status], a.verdictLabel ?? 'Not yet reviewed', a.summary ?? '–', a.reviewDate ? `${dateText(a.reviewDate)}${a.overdue ? ' (overdue)' : ''}` : 'None set']),
      numeric: [false, false, false, false, false],
    },
  }
}

/** Meetings planned from today and action reviews still to come, soonest first. */
export async function whatIsNext(ctx: BriefingContext, actions: readonly BoardAction[]): Promise<string[]> {
  const meetings = (await listMeetings(ctx.deps, ctx.scope)).filter((m) => m.heldOn >= ctx.today && m.status === 'planned')
  const items = [
    ...meetings.map((m) => ({ on: m.heldOn, text: `${dateText(m.heldOn)}: ${m.title} (${m.group.name}).` })),
    ...actions.filter((a) => a.reviewDate !== null && a.reviewDate >= ctx.today).map((a) => ({ on: a.reviewDate as string, text: `${dateText(a.reviewDate as string)}: review whether "${a.title}" is working.` })),
  ].sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0))
  const overdue = actions.filter((a) => a.overdue).map((a) => `Overdue: the review of "${a.title}" was due on ${dateText(a.reviewDate as string)}.`)
  const next = [...overdue, ...items.map((i) => i.text)]
  return next.length > 0 ? next : ['Nothing is planned yet: no meetings or reviews are booked.']
}

/** A verdict in words a nine-year-old can follow. */
export function plainVerdict(verdict: BoardAction['verdict']): string {
  switch (verdict) {
    case 'working':
      return 'This is working. Things got better after we made the change.'
    case 'not_yet_clear':
      return 'It is too soon to say if this is working. We are still checking.'
    case 'not_working':
      return 'This has not made things better yet, so we are changing how we do it.'
    case 'harm':
      return 'This made something else worse, so we are looking at it again.'
    default:
      return 'We have not checked this yet.'
  }
}
