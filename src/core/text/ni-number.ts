import type { Entity } from './entity.ts'

// Two letters, six digits (often in pairs) and a suffix letter A–D, in any case.
const CANDIDATE = /(?<![\p{L}\p{N}])([A-Za-z]{2})[ \u00a0-]?(\d{2})[ \u00a0-]?(\d{2})[ \u00a0-]?(\d{2})(?:[ \u00a0-]?([A-Da-d]))?(?![\p{L}\p{N}])/gu
// Prefixes that HMRC issues: first letter not D, F, I, Q, U, V; second not D, F, I, O, Q, U, V;
// and never BG, GB, KN, NK, NT, TN or ZZ.
const ISSUED_PREFIX = /^(?!BG|GB|KN|NK|NT|TN|ZZ)[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z]$/
const CONTEXT = /\b(?:ni|nino|national insurance|insurance)\b/i
const CONTEXT_BEFORE = 40

/**
 * National Insurance numbers ("AB 12 34 56 C"). Without a suffix letter, or with a prefix HMRC never
 * issues (such as the "QQ" of HMRC's own examples), a candidate is taken only when "NI",
 * "NINO" or "national insurance" stands within 40 characters before it.
 */
export function findNiNumbers(text: string): Entity[] {
  const found: Entity[] = []
  for (const match of text.matchAll(CANDIDATE)) {
    const prefix = match[1]!.toUpperCase()
    const complete = match[5] !== undefined && ISSUED_PREFIX.test(prefix)
    if (complete || CONTEXT.test(text.slice(Math.max(0, match.index - CONTEXT_BEFORE), match.index))) {
      found.push({ type: 'ni_number', start: match.index, end: match.index + match[0].length })
    }
  }
  return found
}
