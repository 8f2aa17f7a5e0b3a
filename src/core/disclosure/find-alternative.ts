/**
 * The exact check behind secondary suppression: could a hidden count be something other than its true
 * value, given everything published? Searches for another full assignment of the table: interval
 * reasoning prunes, then one cell at a time takes a value, closest to the truth first. The search has
 * a budget; a search that runs out counts as "no other value found", so the caller hides more, never less.
 */
import { propagate, type Bounds, type Published } from './deduce-bounds.ts'
import { isPrimarySuppressed } from './policies.ts'

const NODE_BUDGET = 5_000

/**
 * Another assignment of every cell, consistent with what is published, in which `cellId` differs from
 * its true value; undefined when there is none (or the budget ran out). `base` is deduceBounds' answer.
 */
export function findAlternative(p: Published, base: ReadonlyMap<string, Bounds>, cellId: string): ReadonlyMap<string, number> | undefined {
  const truth = p.table.values.get(cellId) ?? 0
  const own = base.get(cellId)
  if (own === undefined) return undefined
  const budget = { nodes: NODE_BUDGET }
  for (const v of allowedValues(p, cellId, own).filter((x) => x !== truth)) {
    const found = tryValue(p, new Map(base), cellId, v, budget)
    if (found !== undefined || budget.nodes <= 0) return found
  }
  return undefined
}

/** The values a cell may take within its bounds, closest to its true value first. */
function allowedValues(p: Published, id: string, bounds: Bounds): number[] {
  const primary = p.hidden.get(id) === 'primary'
  const truth = p.table.values.get(id) ?? 0
  const values: number[] = []
  for (let v = bounds.lo; v <= bounds.hi; v += 1) if (isPrimarySuppressed(p.rule, v) === primary) values.push(v)
  return values.sort((a, b) => Math.abs(a - truth) - Math.abs(b - truth) || a - b)
}

function tryValue(p: Published, bounds: Map<string, Bounds>, id: string, value: number, budget: { nodes: number }): ReadonlyMap<string, number> | undefined {
  budget.nodes -= 1
  if (budget.nodes <= 0) return undefined
  bounds.set(id, { lo: value, hi: value })
  if (!propagate(p, bounds, p.groupsOf.get(id) ?? [])) return undefined
  const attempt = completeWithTruth(p, bounds)
  if (attempt.assignment !== undefined) return attempt.assignment
  const branch = attempt.branchOn
  if (branch === undefined) return undefined
  for (const v of allowedValues(p, branch, bounds.get(branch)!)) {
    const found = tryValue(p, new Map(bounds), branch, v, budget)
    if (found !== undefined || budget.nodes <= 0) return found
  }
  return undefined
}

/**
 * Tries pinned cells as pinned and every other cell at its true value. If that fits and adds up, it
 * is the answer; otherwise the cell to decide next: an open cell whose truth no longer fits, or the
 * narrowest open member of a total that does not add up (so the search follows the change through
 * the totals it touches instead of wandering the table).
 */
function completeWithTruth(p: Published, bounds: ReadonlyMap<string, Bounds>): { assignment?: ReadonlyMap<string, number>; branchOn?: string } {
  const assignment = new Map<string, number>()
  for (const [id, b] of bounds) {
    const truth = p.table.values.get(id) ?? 0
    if (b.lo === b.hi) assignment.set(id, b.lo)
    else if (truth >= b.lo && truth <= b.hi) assignment.set(id, truth)
    else return { branchOn: id }
  }
  const at = (id: string): number => assignment.get(id) ?? Number.NaN
  const broken = p.table.groups.find((g) => g.childIds.reduce((acc, id) => acc + at(id), 0) !== at(g.totalId))
  if (broken === undefined) return { assignment }
  const open = [broken.totalId, ...broken.childIds].filter((id) => {
    const b = bounds.get(id)
    return b !== undefined && b.lo < b.hi
  })
  const width = (id: string): number => {
    const b = bounds.get(id)
    return b === undefined ? Infinity : b.hi - b.lo
  }
  return open.length === 0 ? {} : { branchOn: open.reduce((a, b) => (width(b) < width(a) ? b : a)) }
}

