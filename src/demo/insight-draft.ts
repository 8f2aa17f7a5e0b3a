/**
 * A record as the content builders write it: its excerpts as parts, each with the themes it is
 * about (what a careful coder would code), before the parts are joined into the record's text.
 */
import type { InsightInput } from '../core/insight/model.ts'
import { splitExcerpts } from '../core/insight/split-excerpts.ts'
import type { ThemePath } from './insight-codebook.ts'
import type { DemoInsightRecord } from './insight-data.ts'

export interface DraftPart {
  readonly text: string
  readonly themes: readonly ThemePath[]
}

/** How the parts are joined: a comment is one part; notes are bullets; summaries are paragraphs. */
export type Layout = 'comment' | 'bullets' | 'paragraphs'

export interface Draft extends Omit<InsightInput, 'text'> {
  readonly key: string
  readonly event: string | null
  readonly layout: Layout
  readonly parts: readonly DraftPart[]
}

export function joinParts(layout: Layout, parts: readonly string[]): string {
  if (layout === 'comment') {
    if (parts.length !== 1) throw new Error(`invalid comment: ${parts.length} parts (expected 1)`)
    return parts[0] as string
  }
  return layout === 'bullets' ? parts.map((p) => `- ${p}`).join('\n') : parts.join('\n\n')
}

/** The record, with its text; throws when `splitExcerpts` would not give back exactly the parts. */
export function finishRecord(draft: Draft): DemoInsightRecord {
  const { layout: _layout, parts, ...input } = draft
  const text = joinParts(draft.layout, parts.map((p) => p.text))
  const excerpts = splitExcerpts(text)
  const expected = parts.map((p) => p.text)
  if (excerpts.length !== expected.length || excerpts.some((e, i) => e !== expected[i])) {
    throw new Error(`record ${draft.key} splits into ${JSON.stringify(excerpts)} (expected ${JSON.stringify(expected)})`)
  }
  return { ...input, text, excerpts }
}

/** Keys `prefix-001`, … in date order (ties keep their order). */
export function numberByDate<T extends { readonly date: string }>(items: readonly T[], prefix: string): (T & { key: string })[] {
  const sorted = items.map((item, i) => ({ item, i })).sort((a, b) => a.item.date.localeCompare(b.item.date) || a.i - b.i)
  return sorted.map(({ item }, i) => ({ ...item, key: `${prefix}-${String(i + 1).padStart(3, '0')}` }))
}
