/**
 * Coded excerpts indexed once by theme and site, so matching them to every finding's focus stays
 * roughly linear in the number of excerpts. @see docs/methods/triangulation.md
 */
import { addPeriods, isoDayNumber } from '../period.ts'
import type { ExcerptEvidence, ThemeNode } from './types.ts'

export interface EvidenceFilter {
  /** Themes whose excerpts count (each with its sub-themes). */
  readonly themes: readonly number[]
  /** Null: any site. */
  readonly site: string | null
  /** Both null: any group. */
  readonly dimension: string | null
  readonly group: string | null
}

export interface EvidenceIndex {
  /** First day of the window (inclusive); the window ends on `today` (inclusive). */
  readonly from: string
  readonly today: string
  /** The theme and all its descendants (the theme alone when it is not in the codebook). */
  covered(themeId: number): readonly number[]
  /** The theme's ancestors, nearest first. */
  ancestors(themeId: number): readonly number[]
  /** Distinct excerpts in the window that match, ascending by excerpt id (the first coding of each is kept). */
  match(filter: EvidenceFilter): ExcerptEvidence[]
}

/** Throws on an invalid `today` or a window that is not a whole number of months ≥ 1. */
export function createEvidenceIndex(excerpts: readonly ExcerptEvidence[], themes: readonly ThemeNode[], today: string, windowMonths: number): EvidenceIndex {
  if (isoDayNumber(today) === undefined) throw new Error(`invalid today: ${JSON.stringify(today)} (expected YYYY-MM-DD)`)
  if (!Number.isInteger(windowMonths) || windowMonths < 1) throw new Error(`invalid windowMonths: ${windowMonths} (expected a whole number of months ≥ 1)`)
  const from = addPeriods(today, 'month', -windowMonths)
  const bySite = new Map<number, Map<string | null, ExcerptEvidence[]>>()
  const byTheme = new Map<number, ExcerptEvidence[]>()
  for (const e of excerpts) {
    if (e.date < from || e.date > today) continue
    push(byTheme, e.themeId, e)
    const sites = bySite.get(e.themeId) ?? new Map<string | null, ExcerptEvidence[]>()
    push(sites, e.site, e)
    bySite.set(e.themeId, sites)
  }
  const tree = themeTree(themes)
  const match = (filter: EvidenceFilter): ExcerptEvidence[] => {
    const found = new Map<number, ExcerptEvidence>()
    const themeIds = new Set(filter.themes.flatMap(tree.covered))
    for (const themeId of themeIds) {
      const candidates = filter.site === null ? byTheme.get(themeId) : bySite.get(themeId)?.get(filter.site)
      for (const e of candidates ?? []) {
        if (filter.dimension !== null && filter.group !== null && e.groups[filter.dimension] !== filter.group) continue
        if (!found.has(e.excerptId)) found.set(e.excerptId, e)
      }
    }
    return [...found.values()].sort((a, b) => a.excerptId - b.excerptId)
  }
  return { from, today, covered: tree.covered, ancestors: tree.ancestors, match }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key)
  if (list) list.push(value)
  else map.set(key, [value])
}

/** Descendants and ancestors over the codebook's parent links, memoised; a cycle is cut where it closes. */
function themeTree(themes: readonly ThemeNode[]) {
  const children = new Map<number, number[]>()
  const parent = new Map<number, number | null>()
  for (const t of themes) {
    parent.set(t.id, t.parentId)
    if (t.parentId !== null) push(children, t.parentId, t.id)
  }
  const memo = new Map<number, readonly number[]>()
  const covered = (themeId: number): readonly number[] => {
    const known = memo.get(themeId)
    if (known) return known
    const seen = new Set<number>([themeId])
    const stack = [themeId]
    while (stack.length > 0) {
      for (const child of children.get(stack.pop() as number) ?? []) {
        if (seen.has(child)) continue
        seen.add(child)
        stack.push(child)
      }
    }
    const result = [...seen].sort((a, b) => a - b)
    memo.set(themeId, result)
    return result
  }
  const ancestors = (themeId: number): readonly number[] => {
    const result: number[] = []
    for (let p = parent.get(themeId) ?? null; p !== null && p !== themeId && !result.includes(p); p = parent.get(p) ?? null) result.push(p)
    return result
  }
  return { covered, ancestors }
}
