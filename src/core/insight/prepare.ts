/**
 * What is stored of a text: it is de-identified first (the whole text, so an identifier cannot
 * straddle two excerpts), then split into excerpts, each with its sentiment. Only the redacted
 * excerpts and how many identifiers of each type were replaced leave this function.
 */
import { redact, sentiment, type EntityType } from '../text/index.ts'
import { splitExcerpts } from './split-excerpts.ts'

export interface PreparedExcerpt {
  readonly text: string
  /** The excerpt's sentiment score (core/text `sentiment`). */
  readonly sentiment: number
}

export interface PreparedText {
  readonly excerpts: readonly PreparedExcerpt[]
  /** How many identifiers of each type were replaced in the whole text. */
  readonly redacted: Readonly<Partial<Record<EntityType, number>>>
}

/** Redact, split (`split` false keeps a comment whole) and score `text`. */
export function prepareText(text: string, options: { readonly split?: boolean } = {}): PreparedText {
  const redaction = redact(text)
  const redacted: Partial<Record<EntityType, number>> = {}
  for (const entity of redaction.entities) redacted[entity.type] = (redacted[entity.type] ?? 0) + 1
  const parts = options.split === false ? [redaction.text.trim()].filter((t) => t !== '') : splitExcerpts(redaction.text)
  return { excerpts: parts.map((part) => ({ text: part, sentiment: sentiment(part).score })), redacted }
}
