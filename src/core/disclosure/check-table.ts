/** Validates a table handed to disclosure control: counts, unique ids, known children, no cycles, totals that add up. */
import { AppError } from '../errors.ts'
import { impliedGroups } from './implied-groups.ts'
import type { TableCell, TableGroup } from './types.ts'

export interface CheckedTable {
  /** Cell ids in input order. */
  readonly ids: readonly string[]
  readonly values: ReadonlyMap<string, number>
  /** One group per total, in input order, then the groups the totals imply (a grand total over the column totals as well as the rows). */
  readonly groups: readonly TableGroup[]
}

function refuse(message: string): never {
  throw new AppError('invalid_request', message)
}

function checkCount(cell: TableCell): void {
  const { id, value } = cell
  if (typeof value !== 'number' || !Number.isFinite(value) || !Number.isInteger(value) || value < 0) {
    refuse(`Cell "${id}" has value ${String(value)}, which is not a count (expected a whole number 0 or more).`)
  }
}

function checkChildren(cell: TableCell, values: ReadonlyMap<string, number>): void {
  const childIds = cell.childIds ?? []
  const seen = new Set<string>()
  for (const childId of childIds) {
    if (childId === cell.id) refuse(`Total "${cell.id}" (value ${cell.value}) lists itself as one of its cells.`)
    if (!values.has(childId)) refuse(`Total "${cell.id}" (value ${cell.value}) lists an unknown cell "${childId}".`)
    if (seen.has(childId)) refuse(`Total "${cell.id}" (value ${cell.value}) lists cell "${childId}" twice.`)
    seen.add(childId)
  }
  const sum = childIds.reduce((acc, childId) => acc + (values.get(childId) ?? 0), 0)
  if (sum !== cell.value) {
    refuse(`Total "${cell.id}" has value ${cell.value} but its ${childIds.length} cells (${childIds.join(', ')}) add up to ${sum}.`)
  }
}

/** Throws when a total contains itself through its children (a cycle), naming a cell on the cycle. */
function checkNoCycles(cells: readonly TableCell[]): void {
  const children = new Map(cells.map((c) => [c.id, c.childIds ?? []]))
  const state = new Map<string, 'open' | 'done'>()
  const visit = (id: string): void => {
    if (state.get(id) === 'done') return
    if (state.get(id) === 'open') {
      const cell = cells.find((c) => c.id === id)
      refuse(`Cell "${id}" (value ${String(cell?.value)}) is part of a cycle of totals (a total cannot add up itself).`)
    }
    state.set(id, 'open')
    for (const child of children.get(id) ?? []) visit(child)
    state.set(id, 'done')
  }
  for (const cell of cells) visit(cell.id)
}

/** The table's values and groups; an `invalid_request` AppError naming the cell and its value otherwise. */
export function checkTable(cells: readonly TableCell[]): CheckedTable {
  const values = new Map<string, number>()
  for (const cell of cells) {
    if (typeof cell.id !== 'string' || cell.id === '') refuse(`A cell has id ${JSON.stringify(cell.id)} (expected a non-empty text id).`)
    checkCount(cell)
    if (values.has(cell.id)) refuse(`Cell id "${cell.id}" is used twice (values ${values.get(cell.id)} and ${cell.value}).`)
    values.set(cell.id, cell.value)
  }
  for (const cell of cells) if (cell.childIds !== undefined) checkChildren(cell, values)
  checkNoCycles(cells)
  const groups = cells.flatMap((c) => (c.childIds === undefined ? [] : [{ totalId: c.id, childIds: c.childIds }]))
  const ids = cells.map((c) => c.id)
  return { ids, values, groups: [...groups, ...impliedGroups(ids, groups)] }
}
