/**
 * Totals the table states without listing them: in a two-way table the grand total lists its row
 * totals, yet it also equals the sum of the column totals, and a reader can subtract along either.
 * For each total, every other way of covering exactly the same cells with non-overlapping cells of
 * the table is found (an exact-cover search over the cells it contains) and returned as a group too.
 */
import type { TableGroup } from './types.ts'

const MAX_COVERS_PER_TOTAL = 8

/** The groups a reader can form beyond the listed ones, each a total and a set of cells that add up to it. */
export function impliedGroups(ids: readonly string[], groups: readonly TableGroup[]): TableGroup[] {
  const leaves = leafSets(ids, groups)
  const implied: TableGroup[] = []
  const seen = new Set(groups.map((g) => key(g.totalId, g.childIds)))
  for (const group of groups) {
    const whole = leaves.get(group.totalId) ?? new Set<string>()
    if (whole.size < 2) continue
    const inside = ids.filter((id) => id !== group.totalId && isProperSubset(leaves.get(id) ?? new Set(), whole))
    const maximal = inside.filter((id) => !inside.some((other) => other !== id && isProperSubset(leaves.get(id) ?? new Set(), leaves.get(other) ?? new Set())))
    for (const cover of exactCovers(whole, maximal, leaves)) {
      const k = key(group.totalId, cover)
      if (seen.has(k)) continue
      seen.add(k)
      implied.push({ totalId: group.totalId, childIds: cover })
    }
  }
  return implied
}

function key(totalId: string, childIds: readonly string[]): string {
  return JSON.stringify([totalId, [...childIds].sort()])
}

function isProperSubset(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size === 0 || a.size >= b.size) return false
  for (const x of a) if (!b.has(x)) return false
  return true
}

/** The cells without children that each cell adds up (a cell without children stands for itself). */
function leafSets(ids: readonly string[], groups: readonly TableGroup[]): Map<string, Set<string>> {
  const children = new Map(groups.map((g) => [g.totalId, g.childIds]))
  const memo = new Map<string, Set<string>>()
  const leavesOf = (id: string): Set<string> => {
    const known = memo.get(id)
    if (known !== undefined) return known
    const kids = children.get(id)
    const set = kids === undefined ? new Set([id]) : new Set(kids.flatMap((k) => [...leavesOf(k)]))
    memo.set(id, set)
    return set
  }
  for (const id of ids) leavesOf(id)
  return memo
}

/** Up to MAX_COVERS_PER_TOTAL sets of the candidate cells whose leaf sets split `whole` exactly. */
function exactCovers(whole: ReadonlySet<string>, candidates: readonly string[], leaves: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const covers: string[][] = []
  const chosen: string[] = []
  const covered = new Set<string>()
  const search = (): void => {
    if (covers.length >= MAX_COVERS_PER_TOTAL) return
    const next = [...whole].find((leaf) => !covered.has(leaf))
    if (next === undefined) {
      covers.push([...chosen])
      return
    }
    for (const id of candidates) {
      const set = leaves.get(id) ?? new Set<string>()
      if (!set.has(next) || [...set].some((leaf) => covered.has(leaf))) continue
      chosen.push(id)
      for (const leaf of set) covered.add(leaf)
      search()
      chosen.pop()
      for (const leaf of set) covered.delete(leaf)
    }
  }
  search()
  return covers
}
