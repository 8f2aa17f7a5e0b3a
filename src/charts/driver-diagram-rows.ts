/** A driver diagram as table rows, for the data table shown beside the picture. */
import { cleanText, displayTitle, driverTree, type DriverDiagramInput, type DriverKind, type DriverNode } from './driver-diagram-tree.ts'

/** One item: its own title in its column, its ancestors' titles to the left, blanks (null) to the right. */
export interface DriverDiagramRow {
  readonly id: number
  readonly kind: DriverKind
  readonly primary: string
  /** null on a primary driver's row and on a change idea hanging directly off a primary driver. */
  readonly secondary: string | null
  readonly changeIdea: string | null
  /** The measures linked to this item (not its ancestors'). */
  readonly measures: readonly string[]
}

/** One row per item in diagram order (each primary, then its children depth first); none when there are no items. */
export function driverDiagramRows(input: DriverDiagramInput): DriverDiagramRow[] {
  return driverTree(input).flatMap((primary) => rowsOf(primary, { primary: displayTitle(primary.item), secondary: null }))
}

function rowsOf(node: DriverNode, above: { primary: string; secondary: string | null }): DriverDiagramRow[] {
  const { item } = node
  const text = displayTitle(item)
  const secondary = item.kind === 'secondary' ? text : above.secondary
  const row: DriverDiagramRow = {
    id: item.id,
    kind: item.kind,
    primary: above.primary,
    secondary,
    changeIdea: item.kind === 'change_idea' ? text : null,
    measures: item.measures.map(cleanText).filter((m) => m !== ''),
  }
  return [row, ...node.children.flatMap((child) => rowsOf(child, { primary: above.primary, secondary }))]
}
