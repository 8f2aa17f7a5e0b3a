/** Qualitative sources' sentiment counts added together (all sources unless some are named). */
import type { QualitativeSource, SourceEvidence } from './types.ts'
import { QUALITATIVE_SOURCES } from './types.ts'

export function pooledCounts(evidence: Readonly<Record<QualitativeSource, SourceEvidence>>, sources: readonly QualitativeSource[] = QUALITATIVE_SOURCES): { negative: number; neutral: number; positive: number } {
  const pooled = { negative: 0, neutral: 0, positive: 0 }
  for (const s of sources) {
    pooled.negative += evidence[s].negative
    pooled.neutral += evidence[s].neutral
    pooled.positive += evidence[s].positive
  }
  return pooled
}
