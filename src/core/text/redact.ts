import { findAddresses } from './address.ts'
import { findDatesOfBirth } from './date-of-birth.ts'
import { findEmails } from './email.ts'
import { PLACEHOLDERS, type Entity } from './entity.ts'
import { findNames } from './names.ts'
import { findNhsNumbers } from './nhs-number.ts'
import { findNiNumbers } from './ni-number.ts'
import { findPhones } from './phone.ts'
import { findPostcodes } from './postcode.ts'
import { resolveOverlaps } from './resolve-overlaps.ts'

/** A redacted text and where each identifier stood in the original (the identifiers themselves are not kept). */
export interface Redaction {
  readonly text: string
  readonly entities: Entity[]
}

const DETECTORS: readonly ((text: string) => Entity[])[] = [
  findEmails,
  findNhsNumbers,
  findNiNumbers,
  findPhones,
  findPostcodes,
  findDatesOfBirth,
  findAddresses,
  findNames,
]

/**
 * Replaces every identifier in a text with its typed placeholder (`[NHS_NUMBER]`, `[NAME]`…).
 * Entities carry UTF-16 offsets into the original text (`end` exclusive), sorted and never
 * overlapping: where detectors overlap, the longer span wins, then the type earlier in
 * `ENTITY_PRIORITY`. Deterministic, and nothing of the original identifiers is kept.
 */
export function redact(text: string): Redaction {
  const entities = resolveOverlaps(DETECTORS.flatMap((detect) => detect(text)))
  const parts: string[] = []
  let from = 0
  for (const entity of entities) {
    parts.push(text.slice(from, entity.start), PLACEHOLDERS[entity.type])
    from = entity.end
  }
  parts.push(text.slice(from))
  return { text: parts.join(''), entities }
}
