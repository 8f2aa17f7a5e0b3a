/**
 * The infographic's words: its input (every text and number final), the text alternative that
 * says all of it, and fitting a text into a box by shrinking the type, then cutting with "…"
 * (the text alternative keeps the whole text).
 */
import type { Direction } from '../core/model.ts'
import type { Assurance, PointType } from '../core/spc/types.ts'
import { assuranceLabel } from './assurance-icon.ts'
import { wrapText, type FontWeight } from './driver-diagram-wrap.ts'
import { variationLabel } from './variation-icon.ts'

export interface InfographicInput {
  /** e.g. "Hypertension: Find & Control". */
  readonly title: string
  /** e.g. "Riverside ICS · data to 30 November 2026". */
  readonly subtitle: string
  /** The first panel: the aim of a programme ("Our aim") or what a finding says ("What we found"). */
  readonly lead: { readonly heading: string; readonly text: string }
  /** The headline measure's latest value and its icons; null when there is none. */
  readonly headline: {
    readonly measure: string
    /** Final text, e.g. "68.2%" (or "*" when suppressed). */
    readonly value: string
    /** e.g. "November 2026". */
    readonly period: string
    readonly variation: PointType | null
    readonly direction: Direction
    readonly assurance: Assurance | null
  } | null
  /** The most deprived group before and after; null when the measure has no such breakdown. */
  readonly group: {
    /** e.g. "People in the most deprived fifth of areas". */
    readonly label: string
    readonly before: { readonly value: string; readonly period: string }
    readonly after: { readonly value: string; readonly period: string }
    /** e.g. "Up 6.2 percentage points: better", or why it is not shown. */
    readonly change: string
    /** Colours the change (green better, red worse, grey otherwise); the words must say it too. */
    readonly tone: 'better' | 'worse' | 'neutral'
  } | null
  readonly quote: { readonly text: string; readonly source: string } | null
  /** What we are doing: up to three are drawn, all are described. */
  readonly actions: readonly { readonly title: string; readonly verdict: string }[]
  /** The disclosure policy applied, printed small at the bottom. */
  readonly statement: string
}

/** Lines of text at the size they fit. */
export interface FittedText {
  readonly lines: readonly string[]
  readonly size: number
}

/**
 * Wrap `text` into at most `maxLines` lines of `widthPx`, trying each size in `sizes` (largest
 * first); at the smallest size, lines beyond the last are cut and the last ends with "…". Widths
 * are estimated from Arial and narrowed (by 10%, 15% for bold: measured), so DejaVu Sans, the
 * PNG's font, also fits.
 */
export function fitText(text: string, widthPx: number, sizes: readonly number[], maxLines: number, weight: FontWeight = 'normal'): FittedText {
  if (sizes.length === 0) throw new Error('fitText needs at least one font size')
  if (!(maxLines >= 1)) throw new Error(`invalid maxLines: ${maxLines} (expected at least 1)`)
  const width = widthPx / (weight === 'bold' ? 1.15 : 1.1)
  for (const size of sizes) {
    const lines = wrapText(text, width, size, weight)
    if (lines.length <= maxLines) return { lines, size }
  }
  const size = sizes.at(-1) as number
  const lines = wrapText(text, width, size, weight)
  const kept = lines.slice(0, maxLines)
  const last = kept.length - 1
  let cut = `${kept[last] ?? ''}…`
  while (cut.length > 1 && wrapText(cut, width, size, weight).length > 1) cut = `${cut.slice(0, -2).trimEnd()}…`
  kept[last] = cut
  return { lines: kept, size }
}

/** The whole infographic in words: the `<desc>` and the text shown beside the picture. */
export function describeInfographic(input: InfographicInput): string[] {
  const sentences = [`${input.title}. ${input.subtitle}.`, `${input.lead.heading}: ${input.lead.text}`]
  const h = input.headline
  if (h) sentences.push(`Headline measure: ${h.measure}, ${h.value} (latest: ${h.period}). ${variationLabel(h.variation, h.direction)}. ${assuranceLabel(h.assurance)}.`)
  const g = input.group
  if (g) sentences.push(`${g.label}${h ? ` (${h.measure})` : ''}: ${g.before.value} (${g.before.period}), then ${g.after.value} (${g.after.period}). ${g.change}.`)
  if (input.quote) sentences.push(`What people told us: “${input.quote.text}” (${input.quote.source}).`)
  sentences.push(
    input.actions.length === 0 ? 'What we are doing: no actions yet.' : `What we are doing: ${input.actions.map((a) => `${a.title} (${a.verdict})`).join('; ')}.`,
  )
  sentences.push(input.statement)
  return sentences.map((s) => s.replace(/\.\.$/, '.'))
}
