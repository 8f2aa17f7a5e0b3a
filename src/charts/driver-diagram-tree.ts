/** A driver diagram's input (aim and items) and the tree it describes, checked once for all three outputs. */

export type DriverKind = 'primary' | 'secondary' | 'change_idea'

/** One box of a driver diagram: a primary driver (under the aim), a secondary driver or a change idea. */
export interface DriverItem {
  readonly id: number
  /** null for a primary driver; a primary for a secondary driver; a secondary or a primary for a change idea. */
  readonly parentId: number | null
  readonly kind: DriverKind
  readonly title: string
  /** Names of the measures linked to this item, shown small under its title. */
  readonly measures: readonly string[]
}

/** A programme's aim and its drivers; siblings are drawn in the order given. */
export interface DriverDiagramInput {
  readonly aim: string
  readonly items: readonly DriverItem[]
}

export interface DriverNode {
  readonly item: DriverItem
  readonly children: readonly DriverNode[]
}

const PARENT_KINDS: Readonly<Record<DriverKind, readonly DriverKind[]>> = {
  primary: [],
  secondary: ['primary'],
  change_idea: ['secondary', 'primary'],
}

export const KIND_NAMES: Readonly<Record<DriverKind, string>> = { primary: 'primary driver', secondary: 'secondary driver', change_idea: 'change idea' }

/**
 * The primary drivers with their descendants, siblings in input order. Throws, quoting the item, on
 * a duplicate id, an unknown kind or parent, or a parent of the wrong kind (a secondary driver under
 * a change idea), so a cycle cannot occur.
 */
export function driverTree(input: DriverDiagramInput): DriverNode[] {
  const byId = new Map<number, DriverItem>()
  for (const item of input.items) {
    if (!Object.hasOwn(PARENT_KINDS, item.kind)) throw new Error(`invalid driver ${item.id}: kind ${JSON.stringify(item.kind)} (expected primary, secondary or change_idea)`)
    if (byId.has(item.id)) throw new Error(`invalid driver ${item.id}: the id is used twice`)
    byId.set(item.id, item)
  }
  for (const item of input.items) checkParent(item, byId)
  const children = new Map<number | null, DriverItem[]>()
  for (const item of input.items) {
    const siblings = children.get(item.parentId)
    if (siblings) siblings.push(item)
    else children.set(item.parentId, [item])
  }
  const build = (item: DriverItem): DriverNode => ({ item, children: (children.get(item.id) ?? []).map(build) })
  return (children.get(null) ?? []).map(build)
}

function checkParent(item: DriverItem, byId: ReadonlyMap<number, DriverItem>): void {
  const allowed = PARENT_KINDS[item.kind]
  const name = `invalid driver ${item.id} (${JSON.stringify(item.title)})`
  if (item.parentId === null) {
    if (allowed.length > 0) throw new Error(`${name}: a ${KIND_NAMES[item.kind]} needs a parent (expected the id of a ${allowed.map((k) => KIND_NAMES[k]).join(' or ')})`)
    return
  }
  if (allowed.length === 0) throw new Error(`${name}: a primary driver hangs off the aim (expected parentId null, got ${item.parentId})`)
  const parent = byId.get(item.parentId)
  if (!parent) throw new Error(`${name}: parentId ${item.parentId} is not an item of the diagram`)
  if (!allowed.includes(parent.kind)) {
    throw new Error(`${name}: a ${KIND_NAMES[item.kind]} cannot hang off a ${KIND_NAMES[parent.kind]} (parentId ${item.parentId}; expected a ${allowed.map((k) => KIND_NAMES[k]).join(' or ')})`)
  }
}

/** Text as drawn and read: control characters removed, runs of white space made one space, trimmed. */
export function cleanText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001F\u007F\uFFFE\uFFFF]/g, ' ').replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '').replace(/\s+/g, ' ').trim()
}

/** An item's title as drawn, read and tabled: cleaned, or "Untitled …" when nothing is left. */
export function displayTitle(item: DriverItem): string {
  return cleanText(item.title) || `Untitled ${KIND_NAMES[item.kind]}`
}
