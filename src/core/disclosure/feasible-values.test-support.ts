/**
 * An independent brute-force checker for the property test (it shares no code with the algorithm):
 * for each hidden cell, search every assignment of all uncertain cells (hidden cells, and shown
 * cells whose true value is hidden by rounding) that is consistent with what is published, and
 * collect which values the hidden cell can take. Stops at `enough` values per cell.
 */
import type { PublishedCell, TableCell } from './types.ts'

/** The policy rules restated from /work/shared/STANDARDS.md, not read from the module under test. */
export const STANDARD_RULES = {
  'nhs-digital': { from: 1, to: 7, roundTo: 5 },
  fft: { from: 1, to: 4, roundTo: 1 },
  gpps: { from: 1, to: 9, roundTo: 1 },
  research: { from: 0, to: 9, roundTo: 1 },
} as const

export interface StandardRule { readonly from: number; readonly to: number; readonly roundTo: number }

/** Every value a cell could hold given its published text and reason, up to `cap`. */
function candidates(rule: StandardRule, cell: PublishedCell, cap: number): number[] {
  const all = Array.from({ length: cap + 1 }, (_, v) => v)
  const small = (v: number): boolean => v >= rule.from && v <= rule.to
  if (cell.reason === 'primary') return all.filter(small)
  if (cell.reason === 'secondary') return all.filter((v) => !small(v))
  const shown = Number(cell.text)
  return all.filter((v) => !small(v) && Math.round(v / rule.roundTo) * rule.roundTo === shown)
}

interface Search {
  readonly ids: readonly string[]
  readonly domains: Map<string, number[]>
  readonly sums: readonly { readonly total: string; readonly parts: readonly string[] }[]
}

/** Is there an assignment of every cell, each from its domain, where every total equals the sum of its parts? */
function feasible(search: Search, fixed: ReadonlyMap<string, number>): boolean {
  const value = new Map(fixed)
  const domain = (id: string): number[] => search.domains.get(id)!
  const lows = new Map([...search.domains].map(([id, d]) => [id, Math.min(...d)]))
  const highs = new Map([...search.domains].map(([id, d]) => [id, Math.max(...d)]))
  const lowest = (id: string): number => lows.get(id)!
  const highest = (id: string): number => highs.get(id)!
  const step = (): boolean => {
    let forced: [string, number] | undefined
    let branchOn: string | undefined
    for (const { total, parts } of search.sums) {
      const open = [total, ...parts].filter((id) => !value.has(id))
      const known = parts.reduce((acc, id) => acc + (value.get(id) ?? 0), 0) - (value.get(total) ?? 0)
      if (open.length === 0 && known !== 0) return false
      if (open.length === 1) {
        const [last] = open as [string]
        const needed = last === total ? known : -known
        if (!domain(last).includes(needed)) return false
        forced ??= [last, needed]
      }
      if (open.length > 1) {
        const openParts = parts.filter((id) => !value.has(id))
        const totalOpen = !value.has(total)
        const lo = known + openParts.reduce((acc, id) => acc + lowest(id), 0) - (totalOpen ? highest(total) : 0)
        const hi = known + openParts.reduce((acc, id) => acc + highest(id), 0) - (totalOpen ? lowest(total) : 0)
        if (lo > 0 || hi < 0) return false
        branchOn ??= open.reduce((a, b) => (domain(a).length <= domain(b).length ? a : b))
      }
    }
    if (forced !== undefined) return tryValues(forced[0], [forced[1]])
    branchOn ??= search.ids.find((id) => !value.has(id))
    return branchOn === undefined ? true : tryValues(branchOn, domain(branchOn))
  }
  const tryValues = (id: string, values: readonly number[]): boolean => {
    for (const v of values) {
      value.set(id, v)
      if (step()) return true
    }
    value.delete(id)
    return false
  }
  return step()
}

/** For each hidden cell, up to `enough` values it can take in some assignment consistent with everything published. */
export function feasibleHiddenValues(rule: StandardRule, cells: readonly TableCell[], published: ReadonlyMap<string, PublishedCell>, cap: number, enough = 2): Map<string, number[]> {
  // Values nearest the true table are tried first: only the order of the search changes, not what it can find.
  const nearTruth = (c: TableCell) => candidates(rule, published.get(c.id)!, cap).sort((a, b) => Math.abs(a - c.value) - Math.abs(b - c.value) || a - b)
  const domains = new Map(cells.map((c) => [c.id, nearTruth(c)]))
  if ([...domains.values()].some((d) => d.length === 0)) throw new Error('a published cell has no value it could take: the checker or the cap is wrong')
  const search: Search = { ids: cells.map((c) => c.id), domains, sums: cells.flatMap((c) => (c.childIds ? [{ total: c.id, parts: c.childIds }] : [])) }
  const found = new Map<string, number[]>()
  for (const cell of cells) {
    if (published.get(cell.id)!.value !== null) continue
    const values: number[] = []
    for (const v of domains.get(cell.id)!) {
      if (values.length >= enough) break
      if (feasible(search, new Map([[cell.id, v]]))) values.push(v)
    }
    found.set(cell.id, values)
  }
  return found
}
