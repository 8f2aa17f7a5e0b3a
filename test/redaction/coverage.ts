/**
 * What a reader could still see: for each type, the share of gold identifiers left at least partly
 * visible after redaction by spans of ANY type (an NHS number redacted as a phone is still hidden).
 * The typed scores in evaluate.ts measure labelling; this measures privacy.
 */
import type { PredictedEntity } from './evaluate.ts'
import { ENTITY_TYPES, type EntityType, type LabelledText } from './labelled-texts.ts'

export interface Exposure {
  readonly gold: number
  /** Gold identifiers with at least one character not covered by any predicted span. */
  readonly exposed: number
  /** 1 − exposed / gold. */
  readonly hidden: number
}

export function exposure(texts: readonly LabelledText[], redactor: (text: string) => { readonly entities: readonly PredictedEntity[] }): Record<EntityType, Exposure> {
  const counts = Object.fromEntries(ENTITY_TYPES.map((t) => [t, { gold: 0, exposed: 0 }])) as Record<EntityType, { gold: number; exposed: number }>
  for (const item of texts) {
    const covered = new Uint8Array(item.text.length)
    for (const e of redactor(item.text).entities) covered.fill(1, Math.max(0, e.start), Math.min(item.text.length, e.end))
    for (const gold of item.entities) {
      const count = counts[gold.type]
      count.gold += 1
      // Spaces and punctuation inside a span (the space of "999 000 0018") reveal nothing.
      let visible = false
      for (let i = gold.start; i < gold.end && !visible; i++) if (covered[i] === 0 && /[\p{L}\p{N}]/u.test(item.text[i] ?? '')) visible = true
      if (visible) count.exposed += 1
    }
  }
  return Object.fromEntries(ENTITY_TYPES.map((t) => [t, { ...counts[t], hidden: counts[t].gold === 0 ? 1 : 1 - counts[t].exposed / counts[t].gold }])) as Record<EntityType, Exposure>
}
