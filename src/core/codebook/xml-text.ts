/**
 * Text in and out of XML 1.0: escaping for element content and attribute values, replacing the
 * characters XML cannot hold, and decoding the five predefined entities and character references.
 * @see https://www.w3.org/TR/xml/#charsets (§2.2 Characters) and §2.11, §3.3.3 (line ends, attributes)
 */

/** The character written in place of one XML 1.0 cannot hold. */
export const REPLACEMENT_CHARACTER = '\uFFFD'

/**
 * Characters outside XML 1.0's `Char` production: C0 controls other than tab, line feed and
 * carriage return, lone surrogates (with the `u` flag a paired surrogate is one code point and does
 * not match), U+FFFE and U+FFFF.
 */
// eslint-disable-next-line no-control-regex -- control characters are what is being looked for
const NOT_XML_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/u
const NOT_XML_CHARACTERS = new RegExp(NOT_XML_CHARACTER.source, 'gu')

/** `text` with every character XML 1.0 cannot hold replaced by U+FFFD; other text unchanged. */
export function toXmlCharacters(text: string): string {
  return text.replace(NOT_XML_CHARACTERS, REPLACEMENT_CHARACTER)
}

/** Whether `text` holds only characters XML 1.0 can hold. */
export function isXmlText(text: string): boolean {
  return !NOT_XML_CHARACTER.test(text)
}

const TEXT_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '\r': '&#13;' }

/**
 * `text` for element content: `&`, `<` and `>` as entities (`>` too, so `]]>` can never appear) and
 * a carriage return as `&#13;`, because a reader turns a literal one into a line feed (§2.11).
 */
export function escapeXmlText(text: string): string {
  return toXmlCharacters(text).replace(/[&<>\r]/g, (c) => TEXT_ESCAPES[c] ?? c)
}

const ATTRIBUTE_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  '\t': '&#9;',
  '\n': '&#10;',
  '\r': '&#13;',
}

/**
 * `text` for an attribute value in double quotes: `&`, `<`, `>` and `"` as entities, and tab, line
 * feed and carriage return as character references, because a reader turns literal ones into
 * spaces (§3.3.3).
 */
export function escapeXmlAttribute(text: string): string {
  return toXmlCharacters(text).replace(/[&<>"\t\n\r]/g, (c) => ATTRIBUTE_ESCAPES[c] ?? c)
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }

/**
 * Raw text or attribute value with the five predefined entities and decimal or hexadecimal
 * character references decoded in one pass (so `&amp;lt;` stays `&lt;`). A reference to a code
 * point XML cannot hold becomes U+FFFD; any other `&name;` is left as written.
 */
export function decodeXmlEntities(raw: string): string {
  if (!raw.includes('&')) return raw
  return raw.replace(/&(?:#(\d{1,8})|#[xX]([0-9A-Fa-f]{1,8})|(amp|lt|gt|quot|apos));/g, (whole, decimal?: string, hex?: string, name?: string) => {
    if (name !== undefined) return NAMED_ENTITIES[name] ?? whole
    const codePoint = decimal === undefined ? Number.parseInt(hex ?? '', 16) : Number.parseInt(decimal, 10)
    return isXmlCodePoint(codePoint) ? String.fromCodePoint(codePoint) : REPLACEMENT_CHARACTER
  })
}

/** Whether a code point is in XML 1.0's `Char` production. */
function isXmlCodePoint(codePoint: number): boolean {
  return (
    codePoint === 0x9 ||
    codePoint === 0xa ||
    codePoint === 0xd ||
    (codePoint >= 0x20 && codePoint <= 0xd7ff) ||
    (codePoint >= 0xe000 && codePoint <= 0xfffd) ||
    (codePoint >= 0x10000 && codePoint <= 0x10ffff)
  )
}
