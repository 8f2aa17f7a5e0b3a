/** The disclosure-control presets an organisation can choose for everything it shares outside. @see docs/methods/disclosure.md */
import { AppError } from '../errors.ts'

export type DisclosurePolicyId = 'nhs-digital' | 'fft' | 'gpps' | 'research'

export interface DisclosurePolicy {
  readonly id: DisclosurePolicyId
  /** Short name of the convention, e.g. "NHS Digital hospital statistics". */
  readonly name: string
  /** Plain-English rule printed on every output that used this policy. */
  readonly statement: string
  /** Smallest group whose own figures (and verbatim quotes) may be shown. */
  readonly threshold: number
}

/** How a policy treats one count: which counts it hides and what it rounds the others to. */
export interface SuppressionRule {
  /** Smallest count hidden as too small (1, or 0 when zero never leaves). */
  readonly hideFrom: number
  /** Largest count hidden as too small (always the policy threshold minus 1). */
  readonly hideTo: number
  /** Shown counts are rounded to the nearest multiple of this (1 = exact). */
  readonly roundTo: number
}

const SECONDARY = 'Where a hidden count could be worked out from a total shown beside it, further counts are hidden too.'

export const DISCLOSURE_POLICIES: readonly DisclosurePolicy[] = [
  {
    id: 'nhs-digital',
    name: 'NHS Digital hospital statistics',
    statement: `Counts of 1 to 7 are shown as * and all other counts are rounded to the nearest 5 (NHS Digital convention). Percentages are worked out from the rounded counts. ${SECONDARY}`,
    threshold: 8,
  },
  {
    id: 'fft',
    name: 'NHS England Friends and Family Test',
    statement: `Counts of 1 to 4 responses, and percentages worked out from them, are shown as * (NHS England Friends and Family Test convention). ${SECONDARY}`,
    threshold: 5,
  },
  {
    id: 'gpps',
    name: 'GP Patient Survey',
    statement: `Results from fewer than 10 respondents (1 to 9) are shown as * (GP Patient Survey convention). ${SECONDARY}`,
    threshold: 10,
  },
  {
    id: 'research',
    name: 'Research environment',
    statement: `Counts below 10, zero included, are shown as * and never leave (research environment convention). ${SECONDARY}`,
    threshold: 10,
  },
]

export const DEFAULT_DISCLOSURE_POLICY: DisclosurePolicyId = 'nhs-digital'

const RULES: Readonly<Record<DisclosurePolicyId, SuppressionRule>> = {
  'nhs-digital': { hideFrom: 1, hideTo: 7, roundTo: 5 },
  fft: { hideFrom: 1, hideTo: 4, roundTo: 1 },
  gpps: { hideFrom: 1, hideTo: 9, roundTo: 1 },
  research: { hideFrom: 0, hideTo: 9, roundTo: 1 },
}

/** The preset with this id; an `invalid_request` AppError naming the bad id and the valid ones otherwise. */
export function disclosurePolicy(id: string): DisclosurePolicy {
  const policy = DISCLOSURE_POLICIES.find((p) => p.id === id)
  if (policy === undefined) {
    const valid = DISCLOSURE_POLICIES.map((p) => `"${p.id}"`).join(', ')
    throw new AppError('invalid_request', `Unknown disclosure policy "${id}" (expected one of ${valid}).`)
  }
  return policy
}

/** The counting rule behind a policy (which counts are hidden, what the rest are rounded to). */
export function suppressionRule(policy: DisclosurePolicy): SuppressionRule {
  return RULES[disclosurePolicy(policy.id).id]
}

/** Is this count hidden by the policy's own rule (before any secondary suppression)? */
export function isPrimarySuppressed(rule: SuppressionRule, count: number): boolean {
  return count >= rule.hideFrom && count <= rule.hideTo
}

/** May a verbatim quote from a group of this many people leave the organisation? Groups below the threshold may not. */
export function mayQuote(policy: DisclosurePolicy, groupSize: number): boolean {
  if (!Number.isInteger(groupSize) || groupSize < 0) {
    throw new AppError('invalid_request', `Group size ${String(groupSize)} is not a count (expected a whole number 0 or more).`)
  }
  return groupSize >= policy.threshold
}
