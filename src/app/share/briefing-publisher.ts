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

/** The table through `applyDisclosure` (which already works on each part that shares no total on its own). */
export function publishTable(policy: DisclosurePolicy, cells: readonly TableCell[]): Map<string, PublishedCount> {
  const out = new Map<string, PublishedCount>()
  for (const [id, cell] of applyDisclosure(policy, cells)) out.set(id, { value: cell.value, text: cell.value === null ? '*' : cell.value.toLocaleString('en-GB') })
  return out
}
