/**
 * A finding as briefing blocks, shared by the board, meeting and finding briefings: what it says,
 * how the sources fit together and why, the chart of the series it rests on, how many comments from
 * each source (published), and a few quotes for readers allowed to read text (outside the
 * organisation only from sources with enough comments).
 */
import type { BriefingBlock } from '../../reports/model.ts'
import { getSeries, exclusionsOf } from '../analyse/get-series.ts'
import { CLASSIFICATIONS, CONVERGENCE_LABELS, listProgrammeFindings, type FindingView } from '../triangulate/findings.ts'
import { findingQuotes } from '../triangulate/finding-quotes.ts'
import { groupLabel } from '../triangulate/group-label.ts'
import { chartBlock } from './briefing-chart.ts'
import type { BriefingContext } from './briefing-context.ts'
import { dateText } from './briefing-format.ts'

export const QUALITATIVE_SOURCES = [
  { source: 'staff', label: 'Staff', speaker: 'A member of staff' },
  { source: 'patients', label: 'Patients and carers', speaker: 'A patient or carer' },
  { source: 'community', label: 'Community', speaker: 'A community member' },
] as const

export function classificationText(finding: FindingView): string {
  return CLASSIFICATIONS.find((c) => c.value === finding.classification)?.label ?? finding.classification
}

/** The findings a board should see first: current, not rejected, strongest evidence first. */
export async function topFindings(ctx: BriefingContext, count: number): Promise<FindingView[]> {
  const findings = await listProgrammeFindings(ctx.deps, ctx.scope)
  return findings
    .filter((f) => f.current && f.status !== 'rejected')
    .sort((a, b) => b.proposal.score - a.proposal.score || a.id - b.id)
    .slice(0, count)
}

/** Every block about one finding; `id` keeps the chart's SVG ids unique in the document. */
export async function findingBlocks(ctx: BriefingContext, finding: FindingView, id: string, options: { readonly quotes: number }): Promise<BriefingBlock[]> {
  const p = finding.proposal
  const status = finding.status === 'proposed' ? 'Proposed by LHS, not yet reviewed by a lead.' : `${finding.status[0]!.toUpperCase()}${finding.status.slice(1)} by a lead on ${dateText(finding.decidedAt ?? finding.computedAt)}.`
  const blocks: BriefingBlock[] = [
    { kind: 'paragraph', text: `${classificationText(finding)}. How the sources fit together: ${CONVERGENCE_LABELS[p.overall]}. ${status}` },
    // The reasons quote exact excerpt counts, small ones too: only inside the organisation.
    ctx.publisher.audience === 'internal' ? { kind: 'list', items: p.reasons } : { kind: 'paragraph', text: 'The detailed reasons for these labels are left out of the shareable version because they give exact counts.' },
  ]
  const chart = await focusChart(ctx, finding, id)
  if (chart) blocks.push(chart)
  else blocks.push({ kind: 'paragraph', text: 'This finding rests on what people said about a theme; it has no measure to chart.' })
  blocks.push(evidenceTable(ctx, finding))
  if (options.quotes > 0) blocks.push(...(await quoteBlocks(ctx, finding, options.quotes)))
  return blocks
}

async function focusChart(ctx: BriefingContext, finding: FindingView, id: string): Promise<BriefingBlock | null> {
  const focus = finding.proposal.focus
  if (focus.measure === null) return null
  const series = await getSeries(ctx.deps, {
    organisation: ctx.scope.organisation.code,
    programme: ctx.scope.programme.code,
    measure: focus.measure,
    site: focus.site ?? undefined,
    dimension: focus.dimension ?? undefined,
    group: focus.group ?? undefined,
  })
  const who = focus.dimension && focus.group ? `, ${groupLabel(focus.dimension, focus.group)}` : ''
  const title = `${series.measure.name}, ${series.site.name}${who}`
  return chartBlock({ measure: series.measure, rows: series.rows, rebases: series.rebases, exclusions: exclusionsOf(series.notes, series.site.id) }, ctx.publisher, title, id)
}

/** Comments behind the finding from each source, with their total, published as one table. */
function evidenceTable(ctx: BriefingContext, finding: FindingView): BriefingBlock {
  const e = finding.proposal.excerpts
  const cells = QUALITATIVE_SOURCES.flatMap(({ source }) => [
    { id: `${source}|all`, value: e[source].ids.length },
    { id: `${source}|negative`, value: e[source].negative },
    { id: `${source}|neutral`, value: e[source].neutral },
    { id: `${source}|positive`, value: e[source].positive },
  ])
  const withTotals = [
    ...cells.map((c) => (c.id.endsWith('|all') ? { ...c, childIds: ['negative', 'neutral', 'positive'].map((k) => c.id.replace('all', k)) } : c)),
    { id: 'total', value: QUALITATIVE_SOURCES.reduce((sum, { source }) => sum + e[source].ids.length, 0), childIds: QUALITATIVE_SOURCES.map(({ source }) => `${source}|all`) },
  ]
  const published = ctx.publisher.counts(withTotals)
  const text = (cellId: string) => published.get(cellId)?.text ?? '–'
  return {
    kind: 'table',
    table: {
      caption: 'What people said about it: comments linked to this finding, by source and how they read',
      columns: ['Source', 'Comments', 'Negative', 'Neutral', 'Positive'],
      rows: [...QUALITATIVE_SOURCES.map(({ source, label }) => [label, text(`${source}|all`), text(`${source}|negative`), text(`${source}|neutral`), text(`${source}|positive`)]), ['All sources', text('total'), '', '', '']],
      numeric: [false, true, true, true, true],
    },
  }
}

/** Up to `limit` quotes, one source at a time; none for readers who may not read text. */
async function quoteBlocks(ctx: BriefingContext, finding: FindingView, limit: number): Promise<BriefingBlock[]> {
  if (!ctx.canReadText) return [{ kind: 'paragraph', text: 'Quotes are left out: you do not have permission to read what people said.' }]
  const allowed = QUALITATIVE_SOURCES.filter(({ source }) => ctx.publisher.mayQuote(finding.proposal.excerpts[source].ids.length))
  if (allowed.length === 0) return []
  const quotes = await findingQuotes(ctx.deps, ctx.actor, ctx.scope, finding)
  const picked: BriefingBlock[] = []
  for (let round = 0; round < 3 && picked.length < limit; round++) {
    for (const { source, speaker } of allowed) {
      const row = quotes.get(source)?.[round]
      if (row && picked.length < limit) picked.push({ kind: 'quote', text: row.text, source: `${speaker}, ${dateText(row.date)}` })
    }
  }
  return picked
}
