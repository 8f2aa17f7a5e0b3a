/** What each qualitative source says about a focus: its excerpts, sentiment mix, leaning and small-cell flag. @see docs/methods/triangulation.md */
import type { ExcerptEvidence, Leaning, QualitativeSource, SourceEvidence } from './types.ts'
import { QUALITATIVE_SOURCES } from './types.ts'

/** Negative at a sentiment score ≤ −1, positive at ≥ 1, neutral between (core/text `sentiment` labels). */
export function sentimentLabel(score: number): 'negative' | 'neutral' | 'positive' {
  return score <= -1 ? 'negative' : score >= 1 ? 'positive' : 'neutral'
}

/** Concern when negative outnumber positive, improvement when positive outnumber negative, neutral when equal; null with no excerpts. */
export function leaningOfCounts(negative: number, neutral: number, positive: number): Leaning | null {
  if (negative + neutral + positive === 0) return null
  return negative > positive ? 'concern' : positive > negative ? 'improvement' : 'neutral'
}

/** The evidence of one set of distinct excerpts; `small` when 0 < excerpts < smallCell. */
export function sourceEvidence(excerpts: readonly ExcerptEvidence[], smallCell: number): SourceEvidence {
  let negative = 0
  let neutral = 0
  let positive = 0
  for (const e of excerpts) {
    const label = sentimentLabel(e.sentiment)
    if (label === 'negative') negative++
    else if (label === 'positive') positive++
    else neutral++
  }
  const ids = excerpts.map((e) => e.excerptId).sort((a, b) => a - b)
  return { ids, negative, neutral, positive, leaning: leaningOfCounts(negative, neutral, positive), small: ids.length > 0 && ids.length < smallCell }
}

/** Distinct excerpts split by source, each summarised. */
export function evidenceBySource(excerpts: readonly ExcerptEvidence[], smallCell: number): Record<QualitativeSource, SourceEvidence> {
  const split: Record<QualitativeSource, ExcerptEvidence[]> = { staff: [], patients: [], community: [] }
  for (const e of excerpts) split[e.source].push(e)
  const entries = QUALITATIVE_SOURCES.map((source) => [source, sourceEvidence(split[source], smallCell)] as const)
  return Object.fromEntries(entries) as Record<QualitativeSource, SourceEvidence>
}
