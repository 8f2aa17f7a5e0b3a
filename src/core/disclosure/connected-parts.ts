/** Splits a checked table into parts that share no total: a hidden count in one part cannot be worked out from another. */
import type { CheckedTable } from './check-table.ts'

/** The cell ids of each connected part (a total with every cell it adds up), in table order. */
export function connectedParts(table: CheckedTable): string[][] {
  const parent = new Map(table.ids.map((id) => [id, id]))
  const root = (id: string): string => {
    let r = id
    while (parent.get(r) !== r) r = parent.get(r) ?? r
    parent.set(id, r)
    return r
  }
  for (const group of table.groups) for (const child of group.childIds) parent.set(root(child), root(group.totalId))
  const parts = new Map<string, string[]>()
  for (const id of table.ids) {
    const r = root(id)
    const part = parts.get(r)
    if (part) part.push(id)
    else parts.set(r, [id])
  }
  return [...parts.values()]
}
