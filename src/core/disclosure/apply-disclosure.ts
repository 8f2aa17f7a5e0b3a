/** Applies a disclosure policy to a whole assembled table, totals included. @see docs/methods/disclosure.md */
import { checkTable, type CheckedTable } from './check-table.ts'
import { connectedParts } from './connected-parts.ts'
import { deduceBounds, published, roundCount, type HiddenReason } from './deduce-bounds.ts'
import { findAlternative } from './find-alternative.ts'
import { isPrimarySuppressed, suppressionRule, type DisclosurePolicy, type SuppressionRule } from './policies.ts'
import type { PublishedCell, TableCell, TableGroup } from './types.ts'

/**
 * Hides the counts the policy calls too small (primary), then hides more (secondary) until no hidden
 * count can be worked out: a total with exactly one hidden member (a cell or the total itself) gets
 * its next smallest shown member hidden, and any hidden count that a search shows can only be its
 * true value (given the totals, the rounding and what each hidden cell is known to be: a small count
 * for a primary cell, a count the policy would show for a secondary one) gets the next smallest shown
 * member of one of its totals hidden.
 * Repeats to a fixed point over every total, so overlapping totals (rows and columns, a year over its
 * months) are all covered. Shown counts are rounded as the policy says.
 */
export function applyDisclosure(policy: DisclosurePolicy, cells: readonly TableCell[]): ReadonlyMap<string, PublishedCell> {
  const rule = suppressionRule(policy)
  const whole = checkTable(cells)
  const hidden = new Map<string, HiddenReason>()
  // Parts that share no total cannot give each other away, and the search grows with a part's size.
  for (const ids of connectedParts(whole)) {
    const part = new Set(ids)
    const table = checkTable(cells.filter((c) => part.has(c.id)))
    for (const [id, reason] of suppressPart(table, rule)) hidden.set(id, reason)
  }
  return new Map(whole.ids.map((id) => [id, publishCell(rule, id, whole.values.get(id) ?? 0, hidden.get(id))]))
}

/** Primary suppression, then rules 1 and 2 to a fixed point, for one connected part of the table. */
function suppressPart(table: CheckedTable, rule: SuppressionRule): ReadonlyMap<string, HiddenReason> {
  const hidden = new Map<string, HiddenReason>()
  for (const id of table.ids) if (isPrimarySuppressed(rule, table.values.get(id) ?? 0)) hidden.set(id, 'primary')
  const safe = new Set<string>()
  for (;;) {
    if (hideForLoneMembers(table, hidden)) continue
    if (!hideForPinnedCells(table, rule, hidden, safe)) break
  }
  return hidden
}

function members(group: TableGroup): readonly string[] {
  return [group.totalId, ...group.childIds]
}

/** The smallest shown member of these groups (non-zero first, ties by table order), or undefined when all are hidden. */
function nextSmallestShown(table: CheckedTable, groups: readonly TableGroup[], hidden: ReadonlyMap<string, HiddenReason>): string | undefined {
  const candidates = [...new Set(groups.flatMap(members))].filter((id) => !hidden.has(id))
  const order = (id: string): [number, number, number] => {
    const value = table.values.get(id) ?? 0
    return [value === 0 ? 1 : 0, value, table.ids.indexOf(id)]
  }
  candidates.sort((a, b) => {
    const [za, va, ia] = order(a)
    const [zb, vb, ib] = order(b)
    return za - zb || va - vb || ia - ib
  })
  return candidates[0]
}

/** The smallest shown non-zero count anywhere in the table: the fallback when a pinned cell's own totals have none left. */
function nextNonZero(table: CheckedTable, hidden: ReadonlyMap<string, HiddenReason>): string | undefined {
  const pick = nextSmallestShown(table, table.groups, hidden)
  return pick !== undefined && table.values.get(pick) !== 0 ? pick : undefined
}

/** Rule 1: in each total with exactly one hidden member, hide the next smallest shown member. Reports whether anything changed. */
function hideForLoneMembers(table: CheckedTable, hidden: Map<string, HiddenReason>): boolean {
  let changed = false
  for (const group of table.groups) {
    if (members(group).filter((id) => hidden.has(id)).length !== 1) continue
    const pick = nextSmallestShown(table, [group], hidden)
    if (pick === undefined) continue
    hidden.set(pick, 'secondary')
    changed = true
  }
  return changed
}

/**
 * Rule 2: if a hidden count can only be its true value, hide the next smallest shown member of a total
 * it belongs to. `safe` holds cells already shown to have another value; hiding more only widens
 * what a reader must consider, so they stay safe.
 */
function hideForPinnedCells(table: CheckedTable, rule: SuppressionRule, hidden: Map<string, HiddenReason>, safe: Set<string>): boolean {
  const p = published(table, rule, hidden)
  const cap = Math.max(0, ...table.values.values()) + rule.roundTo + rule.hideTo + 1
  const base = deduceBounds(p, cap)
  if (base === undefined) throw new Error('disclosure bounds became empty: a bug, the true table always fits what is published')
  for (const id of hidden.keys()) {
    if (safe.has(id)) continue
    const alternative = findAlternative(p, base, id)
    if (alternative !== undefined) {
      for (const [cell, value] of alternative) if (hidden.has(cell) && value !== table.values.get(cell)) safe.add(cell)
      continue
    }
    const own = nextSmallestShown(table, table.groups.filter((g) => members(g).includes(id)), hidden)
    const pick = own !== undefined && table.values.get(own) !== 0 ? own : (nextNonZero(table, hidden) ?? own)
    if (pick === undefined) continue
    hidden.set(pick, 'secondary')
    return true
  }
  return false
}

function publishCell(rule: SuppressionRule, id: string, value: number, hiddenAs: HiddenReason | undefined): PublishedCell {
  if (hiddenAs !== undefined) return { id, value: null, text: '*', reason: hiddenAs }
  const shown = roundCount(rule, value)
  return { id, value: shown, text: String(shown), reason: rule.roundTo > 1 && value !== 0 ? 'rounded' : 'exact' }
}
