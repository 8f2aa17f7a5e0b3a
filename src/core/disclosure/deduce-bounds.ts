/**
 * What an outsider can work out about each cell from a published table: the lowest and highest value
 * it can take, by pushing every total's sum through its cells until nothing tightens. The bounds are
 * never narrower than the truth (so a cell pinned here really is disclosed); they may be wider than
 * what a full search would find, which is why find-alternative.ts searches and the property test
 * checks by brute force.
 */
import { isPrimarySuppressed, type SuppressionRule } from './policies.ts'
import type { CheckedTable } from './check-table.ts'
import type { TableGroup } from './types.ts'

export type HiddenReason = 'primary' | 'secondary'

export interface Bounds {
  readonly lo: number
  /** Infinity when nothing caps the cell. */
  readonly hi: number
}

/** The published number for a shown count: rounded half up to the policy's multiple. */
export function roundCount(rule: SuppressionRule, count: number): number {
  return rule.roundTo * Math.floor(count / rule.roundTo + 0.5)
}

/** The table, the policy and what is hidden: everything propagation needs, with each cell's totals indexed. */
export interface Published {
  readonly table: CheckedTable
  readonly rule: SuppressionRule
  readonly hidden: ReadonlyMap<string, HiddenReason>
  /** The groups each cell belongs to (as a total or as a part). */
  readonly groupsOf: ReadonlyMap<string, readonly TableGroup[]>
}

export function published(table: CheckedTable, rule: SuppressionRule, hidden: ReadonlyMap<string, HiddenReason>): Published {
  const groupsOf = new Map<string, TableGroup[]>(table.ids.map((id) => [id, []]))
  for (const group of table.groups) for (const id of [group.totalId, ...group.childIds]) groupsOf.get(id)?.push(group)
  return { table, rule, hidden, groupsOf }
}

/** Group visits allowed per group before propagation stops early (bounds stay sound, only looser). */
const VISITS_PER_GROUP = 200

/**
 * Lowest and highest value of each cell consistent with what is published and the policy's rule;
 * undefined when nothing fits. Cells the policy leaves uncapped (a secondary hidden count) are capped
 * at `cap`.
 */
export function deduceBounds(p: Published, cap = Infinity): Map<string, Bounds> | undefined {
  const bounds = new Map<string, Bounds>()
  for (const id of p.table.ids) {
    const reason = p.hidden.get(id)
    if (reason === 'primary') bounds.set(id, { lo: p.rule.hideFrom, hi: p.rule.hideTo })
    else if (reason === 'secondary') bounds.set(id, narrow(p.rule, false, 0, cap))
    else {
      const shown = roundCount(p.rule, p.table.values.get(id) ?? 0)
      const half = Math.ceil(p.rule.roundTo / 2) - 1
      bounds.set(id, narrow(p.rule, false, Math.max(0, shown - half), shown + half))
    }
  }
  return propagate(p, bounds, p.table.groups) ? bounds : undefined
}

/** Tightens `bounds` in place from the given groups outwards; false when some cell has no value left. */
export function propagate(p: Published, bounds: Map<string, Bounds>, start: readonly TableGroup[]): boolean {
  const queue = [...start]
  const queued = new Set(queue)
  let visits = VISITS_PER_GROUP * Math.max(1, p.table.groups.length)
  const fit = (id: string, lo: number, hi: number): boolean => {
    const was = bounds.get(id) ?? { lo: 0, hi: Infinity }
    const next = narrow(p.rule, p.hidden.get(id) === 'primary', Math.max(was.lo, lo), Math.min(was.hi, hi))
    if (next.lo > next.hi) return false
    if (next.lo === was.lo && next.hi === was.hi) return true
    bounds.set(id, next)
    for (const group of p.groupsOf.get(id) ?? []) {
      if (queued.has(group)) continue
      queued.add(group)
      queue.push(group)
    }
    return true
  }
  while (queue.length > 0 && visits > 0) {
    visits -= 1
    const group = queue.shift()!
    queued.delete(group)
    if (!pushSum(group, bounds, fit)) return false
  }
  return true
}

/** Clamps a range to the values the cell can hold: a primary cell lies in the hidden range, any other cell outside it. */
function narrow(rule: SuppressionRule, primary: boolean, lo: number, hi: number): Bounds {
  if (primary) return { lo: Math.max(lo, rule.hideFrom), hi: Math.min(hi, rule.hideTo) }
  const inRange = (v: number): boolean => isPrimarySuppressed(rule, v)
  return { lo: inRange(lo) ? rule.hideTo + 1 : lo, hi: inRange(hi) ? rule.hideFrom - 1 : hi }
}

/** total = sum of cells: tightens the total from its cells and each cell from the total and its siblings; false on a contradiction. */
function pushSum(group: TableGroup, bounds: ReadonlyMap<string, Bounds>, fit: (id: string, lo: number, hi: number) => boolean): boolean {
  const get = (id: string): Bounds => bounds.get(id) ?? { lo: 0, hi: Infinity }
  const children = group.childIds.map(get)
  const sumLo = children.reduce((acc, b) => acc + b.lo, 0)
  const finiteHi = children.reduce((acc, b) => acc + (b.hi === Infinity ? 0 : b.hi), 0)
  const infinite = children.filter((b) => b.hi === Infinity).length
  if (!fit(group.totalId, sumLo, infinite > 0 ? Infinity : finiteHi)) return false
  const total = get(group.totalId)
  return group.childIds.every((id, i) => {
    const own = children[i] ?? { lo: 0, hi: Infinity }
    const othersInfinite = infinite - (own.hi === Infinity ? 1 : 0)
    const othersHi = othersInfinite > 0 ? Infinity : finiteHi - (own.hi === Infinity ? 0 : own.hi)
    return fit(id, total.lo - othersHi, total.hi - (sumLo - own.lo))
  })
}
