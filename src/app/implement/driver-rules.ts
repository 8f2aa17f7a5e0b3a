/** The shape of a driver diagram, as pure rules: what may sit under what, and the order it is read in. */
import type { DriverKind } from '../../storage/drivers.ts'

export const DRIVER_KINDS: readonly DriverKind[] = ['primary', 'secondary', 'change_idea']

export const KIND_LABELS: Readonly<Record<DriverKind, string>> = { primary: 'Primary driver', secondary: 'Secondary driver', change_idea: 'Change idea' }

/** Why a `kind` cannot sit under a parent of `parentKind` (null: straight under the aim), or undefined when it can. */
export function parentProblem(kind: DriverKind, parentKind: DriverKind | null): string | undefined {
  if (kind === 'primary') return parentKind === null ? undefined : 'A primary driver sits straight under the aim, not under another driver.'
  if (kind === 'secondary') return parentKind === 'primary' ? undefined : 'A secondary driver goes under a primary driver: choose one.'
  return parentKind === 'secondary' || parentKind === 'primary' ? undefined : 'A change idea goes under a secondary driver or a primary driver: choose one.'
}

interface TreeRow {
  readonly id: number
  readonly parentId: number | null
}

/** Depth first, siblings in the order given; a row whose parent is not in the list is read as a top-level one. */
export function treeOrder<R extends TreeRow>(rows: readonly R[]): { row: R; depth: number }[] {
  const ids = new Set(rows.map((r) => r.id))
  const children = new Map<number | null, R[]>()
  for (const row of rows) {
    const parent = row.parentId !== null && ids.has(row.parentId) ? row.parentId : null
    children.set(parent, [...(children.get(parent) ?? []), row])
  }
  const out: { row: R; depth: number }[] = []
  const visit = (parent: number | null, depth: number): void => {
    for (const row of children.get(parent) ?? []) {
      out.push({ row, depth })
      visit(row.id, depth + 1)
    }
  }
  visit(null, 0)
  return out
}

/** Everything under the driver `id`, depth first. */
export function descendantsOf<R extends TreeRow>(rows: readonly R[], id: number): R[] {
  const out: R[] = []
  const visit = (parent: number): void => {
    for (const row of rows) {
      if (row.parentId === parent) {
        out.push(row)
        visit(row.id)
      }
    }
  }
  visit(id)
  return out
}
