/**
 * fast-check arbitraries for the codebook tests (test support only, exported nowhere): text full of
 * XML specials, the examples separator and non-Latin scripts, and codebooks nested several levels
 * deep with unique GUIDs and unique names among siblings.
 */
import fc from 'fast-check'
import type { Codebook, CodebookTheme } from './codebook.ts'

/** Pieces that have broken XML writers and readers, plus the separators `joinDescription` uses. */
const TRICKY = ['&', '<', '>', '"', "'", ']]>', '&amp;', '&#10;', '&lt;', '\n', '\r', '\r\n', '\t', ' ', '%', '%25', '?>', '<!--', '\n\nExamples:\n', '- ', '  ', 'Examples:']

/** Characters from other scripts and planes, all allowed in XML. */
const UNICODE = ['é', 'ß', '通訳', 'ا', 'श', '😀', '👩🏽‍⚕️', '\u0085', '\u2028', '\u00A0', '\uFEFF', '\uFFFD', '\u{10FFFD}']

/** Characters XML 1.0 cannot hold: lone surrogates, C0 controls, U+FFFE and U+FFFF. */
export const NOT_XML = ['\u0000', '\u0001', '\u0008', '\u000B', '\u000C', '\u001F', '\uD800', '\uDBFF', '\uDC00', '\uDFFF', '\uFFFE', '\uFFFF']

/** Text XML can hold, biased towards the pieces that break things. */
export function xmlText(options: { minLength?: number; maxLength?: number; hostile?: boolean } = {}): fc.Arbitrary<string> {
  const { minLength = 0, maxLength = 12, hostile = false } = options
  const unit = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...TRICKY) },
    { weight: 2, arbitrary: fc.constantFrom(...UNICODE) },
    { weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 4 }) },
    { weight: hostile ? 2 : 0, arbitrary: fc.constantFrom(...NOT_XML) },
  )
  return fc.string({ unit, minLength, maxLength })
}

const hexDigit = fc.constantFrom(...'0123456789abcdefABCDEF')
const colour = fc.array(hexDigit, { minLength: 6, maxLength: 6 }).map((digits) => `#${digits.join('')}`)

interface ThemeWithoutGuid extends Omit<CodebookTheme, 'guid' | 'children'> {
  readonly children: readonly ThemeWithoutGuid[]
}

/** Codebooks up to `maxDepth` levels deep; with `hostile`, text may hold characters XML cannot. */
export function arbitraryCodebook(options: { maxDepth?: number; hostile?: boolean; minThemes?: number } = {}): fc.Arbitrary<Codebook> {
  const { maxDepth = 6, hostile = false, minThemes = 0 } = options
  const text = xmlText({ hostile })
  const tree = fc.letrec<{ theme: ThemeWithoutGuid; children: readonly ThemeWithoutGuid[] }>((tie) => ({
    theme: fc.record({
      name: xmlText({ minLength: 1, hostile }),
      definition: xmlText({ maxLength: 30, hostile }),
      examples: fc.array(text, { maxLength: 3 }),
      colour: fc.option(colour, { nil: null }),
      children: tie('children'),
    }),
    children: fc.oneof(
      { maxDepth, depthIdentifier: 'codebook' },
      fc.constant([]),
      fc.uniqueArray(tie('theme'), { maxLength: 3, selector: (theme) => theme.name, depthIdentifier: 'codebook' }),
    ),
  }))
  const themes = fc.uniqueArray(tree.theme, { minLength: minThemes, maxLength: 4, selector: (theme) => theme.name })
  return fc.record({ name: fc.option(xmlText({ hostile }), { nil: undefined }), themes }).map(({ name, themes: seeds }) => {
    const withGuids = withSequentialGuids(seeds)
    return name === undefined ? { themes: withGuids } : { name, themes: withGuids }
  })
}

/** Themes with GUIDs 00000000-0000-4000-8000-000000000000, …01, … in depth-first order, every other one upper-case. */
function withSequentialGuids(themes: readonly ThemeWithoutGuid[]): CodebookTheme[] {
  let next = 0
  const assign = (theme: ThemeWithoutGuid): CodebookTheme => {
    const n = next++
    const guid = `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`
    return { ...theme, guid: n % 2 === 0 ? guid : guid.toUpperCase(), children: theme.children.map(assign) }
  }
  return themes.map(assign)
}
