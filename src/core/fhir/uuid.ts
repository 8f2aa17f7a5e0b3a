/**
 * Deterministic UUIDs for `urn:uuid:` fullUrls, so the same data always exports to the same file.
 * The 128 bits come from four differently seeded 32-bit FNV-1a-style hashes of the name (not
 * cryptographic: the names are not secret, the point is only stability), stamped as version 8
 * ("custom", RFC 9562) with the RFC variant bits.
 */

const SEEDS = [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]

function hash32(text: string, seed: number): number {
  let h = seed >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193) >>> 0
    h ^= h >>> 13
  }
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0
  return (h ^ (h >>> 16)) >>> 0
}

/** A UUID (lower-case, 8-4-4-4-12) that depends only on `name`. */
export function deterministicUuid(name: string): string {
  const hex = SEEDS.map((seed, i) => hash32(`${i}:${name}`, seed).toString(16).padStart(8, '0')).join('')
  const version = `8${hex.slice(13, 16)}`
  const variant = ((parseInt(hex.slice(16, 17), 16) & 0x3) | 0x8).toString(16) + hex.slice(17, 20)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${version}-${variant}-${hex.slice(20, 32)}`
}

/** `urn:uuid:` and the deterministic UUID of `name`. */
export function urnUuid(name: string): string {
  return `urn:uuid:${deterministicUuid(name)}`
}
