/**
 * The community "you said, we did" briefing, in plain language for people who took part: what people
 * told us, grouped by theme with a few of their words, what we changed and whether it worked, and
 * what happens next. Short sentences, no charts, no jargon; printed in larger type.
 */
import type { Briefing, BriefingBlock, BriefingSection } from '../../reports/model.ts'
import { listProgrammeDecisions } from '../decide/decisions.ts'
import { themeMatrix, themeQuotes } from '../insight/theme-views.ts'
import { loopBoard } from '../review/loop-board.ts'
import type { BriefingContext, CountCell } from './briefing-context.ts'
import { briefingDocument } from './briefing-document.ts'
import { dateText } from './briefing-format.ts'
import { plainVerdict, whatIsNext } from './briefing-loop.ts'

/** Sources that are the community's own voice (not staff notes or interviews). */
export const COMMUNITY_SOURCES = ['patient', 'carer', 'community'] as const
/** How many themes the briefing tells back, and how many quotes for each. */
export const COMMUNITY_THEMES = 5
export const COMMUNITY_QUOTES = 2

export async function communityBriefing(ctx: BriefingContext): Promise<Briefing> {
  const { programme } = ctx.scope
  const sections: BriefingSection[] = [
    {
      heading: 'Why we are telling you this',
      blocks: [
        { kind: 'paragraph', text: `You told us what you think about ${programme.name}. Thank you. This is what we heard, and what we did about it.` },
        { kind: 'paragraph', text: `What we are trying to do: ${programme.aim}` },
      ],
    },
    { heading: 'What you told us', blocks: await youSaid(ctx) },
    { heading: 'What we did', blocks: await weDid(ctx) },
    { heading: 'What happens next', blocks: [{ kind: 'list', items: await whatIsNext(ctx, (await loopBoard(ctx.deps, ctx.scope)).actions) }, { kind: 'paragraph', text: 'You can keep telling us what you think. Ask at your GP practice or pharmacy, or come to one of our community events.' }] },
  ]
  return briefingDocument(ctx, 'community', `You said, we did: ${programme.name}`, sections, true)
}

/** The themes people raised most, each with how many comments and a few of their words. */
async function youSaid(ctx: BriefingContext): Promise<BriefingBlock[]> {
  const matrix = await themeMatrix(ctx.deps, ctx.scope, 'source')
  const voice = matrix.columns.flatMap((c, i) => ((COMMUNITY_SOURCES as readonly string[]).includes(c.key) ? [i] : []))
  const themes = matrix.rows
    .filter((r) => r.depth === 0)
    .map((r) => ({ theme: r.theme, count: voice.reduce((sum, i) => sum + (r.cells[i]?.excerpts ?? 0), 0), bySource: new Map(voice.map((i) => [matrix.columns[i]?.key ?? '', r.cells[i]?.excerpts ?? 0])) }))
    .filter((t) => t.count > 0)
    .sort((a, b) => b.count - a.count || a.theme.position - b.theme.position)
    .slice(0, COMMUNITY_THEMES)
  if (themes.length === 0) return [{ kind: 'paragraph', text: 'We have not heard from people yet.' }]
  const cells: CountCell[] = themes.map((t) => ({ id: String(t.theme.id), value: t.count }))
  const total = voice.reduce((sum, i) => sum + (matrix.columns[i]?.total ?? 0), 0)
  // One comment can be about several things, so the total is not the sum of the rows (no childIds).
  const published = ctx.publisher.counts([...cells, { id: 'all', value: total }])
  const blocks: BriefingBlock[] = [
    { kind: 'paragraph', text: `These are the things people talked about most. The number is how many comments were about each thing. One comment can be about more than one thing, so the numbers add up to more than the number of comments.` },
    {
      kind: 'table',
      table: {
        caption: 'What people talked about most, and how many comments',
        columns: ['What people talked about', 'Comments'],
        rows: [...themes.map((t) => [t.theme.name, published.get(String(t.theme.id))?.text ?? '*']), ['All comments from patients, carers and the community', published.get('all')?.text ?? '*']],
        numeric: [false, true],
      },
    },
  ]
  for (const t of themes) {
    blocks.push({ kind: 'paragraph', text: `${t.theme.name}. ${plainDefinition(t.theme.definition)}` })
    if (ctx.canReadText) blocks.push(...(await themeQuoteBlocks(ctx, t.theme.id, t.bySource)))
  }
  return blocks
}

/** A quote from each source in turn, only from sources with enough comments on the theme to quote (outside the organisation). */
async function themeQuoteBlocks(ctx: BriefingContext, themeId: number, bySource: ReadonlyMap<string, number>): Promise<BriefingBlock[]> {
  const out: BriefingBlock[] = []
  for (const source of COMMUNITY_SOURCES) {
    if (out.length >= COMMUNITY_QUOTES) break
    if (!ctx.publisher.mayQuote(bySource.get(source) ?? 0)) continue
    const { excerpts } = await themeQuotes(ctx.deps, ctx.actor, ctx.scope, { themeId, by: 'source', column: source, limit: 1 })
    for (const e of excerpts) out.push({ kind: 'quote', text: e.text, source: `${source === 'community' ? 'Someone at a community event' : source === 'carer' ? 'A carer' : 'A patient'}, ${dateText(e.date)}` })
  }
  return out
}

/** What changed: each decision in a sentence, then each change we tried and whether it worked. */
async function weDid(ctx: BriefingContext): Promise<BriefingBlock[]> {
  const [decisions, board] = await Promise.all([listProgrammeDecisions(ctx.deps, ctx.scope), loopBoard(ctx.deps, ctx.scope)])
  const blocks: BriefingBlock[] = []
  blocks.push(decisions.length === 0 ? { kind: 'paragraph', text: 'We have not made any decisions yet.' } : { kind: 'list', items: decisions.map((d) => `We decided: ${d.title}.`) })
  if (board.actions.length > 0) {
    blocks.push({ kind: 'paragraph', text: 'These are the changes we made, and what we found out.' })
    blocks.push({ kind: 'list', items: board.actions.map((a) => `${a.title} (started ${dateText(a.startDate)}). ${plainVerdict(a.verdict)}`) })
  }
  return blocks
}

/** A theme's definition as a sentence (its first sentence). */
function plainDefinition(definition: string): string {
  const first = definition.split(/(?<=[.!?])\s/)[0]?.trim() ?? ''
  return first === '' ? '' : /[.!?]$/.test(first) ? first : `${first}.`
}
