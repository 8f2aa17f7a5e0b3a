/** Disclosure control for everything that leaves an organisation: presets, suppression of a whole table, rates from published counts. @see docs/methods/disclosure.md */
export { DISCLOSURE_POLICIES, DEFAULT_DISCLOSURE_POLICY, disclosurePolicy, mayQuote, type DisclosurePolicy, type DisclosurePolicyId } from './policies.ts'
export { applyDisclosure } from './apply-disclosure.ts'
export { publishedRate } from './published-rate.ts'
export type { TableCell, PublishedCell } from './types.ts'
