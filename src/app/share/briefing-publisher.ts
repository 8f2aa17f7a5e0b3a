/** The external publisher: every count through the organisation's disclosure policy (core/disclosure). */
import { applyDisclosure, mayQuote, publishedRate, type DisclosurePolicy, type TableCell } from '../../core/disclosure/index.ts'
import type { Publisher, PublishedCount } from './briefing-context.ts'

export function externalPublisher(policy: DisclosurePolicy): Publisher {
  return {
    audience: 'external',
    statement: `Shareable version. Small numbers are controlled using the ${policy.name} policy: ${policy.statement} Quotes are only shown from groups of at least ${policy.threshold} comments.`,
    counts: (cells) => publishTable(policy, cells),
    rate: (numerator, denominator) => publishedRate({ id: 'n', value: numerator, text: '', reason: 'exact' }, { id: 'd', value: denominator, text: '', reason: 'exact' }),
    mayQuote: (groupSize) => mayQuote(policy, groupSize),
  }
}

/**
 * The table through `applyDisclosure`, one connected part at a time: cells that share no total
 * cannot give each other away, and the suppression search grows quickly with the table's size
 * (a chart's 78 weeks of counts at once took seconds).
 */
export function publishTable(policy: DisclosurePolicy, cells: readonly TableCell[]): Map<string, PublishedCount> {
  const out = new Map<string, PublishedCount>()
  for (const part of connectedParts(cells)) {
    for (const [id, cell] of applyDisclosure(policy, part)) out.set(id, { value: cell.value, text: cell.value === null ? '*' : cell.value.toLocaleString('en-GB') })
  }
  return out
}

/** Cells grouped so that a total and every cell it adds up are in the same part (union–find over childIds), in input order. */
export function connectedParts(cells: readonly TableCell[]): TableCell[][] {
  const parent = new Map<string, string>(cells.map((c) => [c.id, c.id]))
  const root = (id: string): string => {
    let r = id
    while (parent.get(r) !== r && parent.get(r) !== undefined) r = parent.get(r) as string
    parent.set(id, r)
    return r
  }
  for (const cell of cells) for (const child of cell.childIds ?? []) if (parent.has(child)) parent.set(root(child), root(cell.id))
  const parts = new Map<string, TableCell[]>()
  for (const cell of cells) {
    const r = root(cell.id)
    parts.set(r, [...(parts.get(r) ?? []), cell])
  }
  return [...parts.values()]
}
