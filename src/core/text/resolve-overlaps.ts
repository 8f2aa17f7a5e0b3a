import { ENTITY_PRIORITY, type Entity } from './entity.ts'

const rank = new Map(ENTITY_PRIORITY.map((type, index) => [type, index]))

/**
 * Keeps a set of non-overlapping entities, sorted by start: the longer span wins an overlap, then
 * the type earlier in `ENTITY_PRIORITY`, then the earlier start. Empty spans are dropped.
 */
export function resolveOverlaps(entities: readonly Entity[]): Entity[] {
  const candidates = entities
    .filter((entity) => entity.end > entity.start)
    .sort(
      (a, b) =>
        b.end - b.start - (a.end - a.start) ||
        (rank.get(a.type) ?? 0) - (rank.get(b.type) ?? 0) ||
        a.start - b.start,
    )
  const kept: Entity[] = [] // sorted by start, never overlapping
  for (const candidate of candidates) {
    const at = firstStartingAtOrAfter(kept, candidate.start)
    const before = kept[at - 1]
    const after = kept[at]
    if ((before === undefined || before.end <= candidate.start) && (after === undefined || after.start >= candidate.end)) {
      kept.splice(at, 0, candidate)
    }
  }
  return kept
}

function firstStartingAtOrAfter(sorted: readonly Entity[], start: number): number {
  let low = 0
  let high = sorted.length
  while (low < high) {
    const middle = (low + high) >>> 1
    if (sorted[middle]!.start < start) low = middle + 1
    else high = middle
  }
  return low
}
