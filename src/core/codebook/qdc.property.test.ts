import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzParameters } from '../../../test/fuzz/fuzz-settings.ts'
import { arbitraryCodebook } from './arbitrary-codebook.ts'
import type { Codebook, CodebookTheme } from './codebook.ts'
import { codebookToQdc, parseQdc } from './qdc.ts'
import { toXmlCharacters } from './xml-text.ts'

/** The codebook with every text as XML can hold it (what a round trip can give back). */
function asXmlCan(codebook: Codebook): Codebook {
  const theme = (t: CodebookTheme): CodebookTheme => ({
    ...t,
    name: toXmlCharacters(t.name),
    definition: toXmlCharacters(t.definition),
    examples: t.examples.map(toXmlCharacters),
    children: t.children.map(theme),
  })
  const themes = codebook.themes.map(theme)
  return codebook.name === undefined ? { themes } : { name: toXmlCharacters(codebook.name), themes }
}

describe('parseQdc(codebookToQdc(codebook))', () => {
  it('gives back the same codebook, with no issues, for names and text full of XML specials and other scripts', () => {
    fc.assert(
      fc.property(arbitraryCodebook(), (codebook) => {
        expect(parseQdc(codebookToQdc(codebook))).toStrictEqual({ value: codebook, issues: [] })
      }),
      fuzzParameters(2),
    )
  })

  it('gives back the text with U+FFFD for each character XML cannot hold, and nothing worse than a duplicate name', () => {
    fc.assert(
      fc.property(arbitraryCodebook({ hostile: true }), (codebook) => {
        const { value, issues } = parseQdc(codebookToQdc(codebook))
        expect(value).toStrictEqual(asXmlCan(codebook))
        expect(issues.filter((issue) => issue.code !== 'duplicate_name')).toStrictEqual([])
      }),
      fuzzParameters(),
    )
  })

  it('keeps a single chain of codes nested up to 100 deep', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), (depth) => {
        let chain: CodebookTheme[] = []
        for (let level = depth; level >= 1; level--) {
          chain = [{ guid: `00000000-0000-4000-8000-${level.toString().padStart(12, '0')}`, name: `level ${level}`, definition: '', examples: [], colour: null, children: chain }]
        }
        const codebook: Codebook = { name: 'deep', themes: chain }
        expect(parseQdc(codebookToQdc(codebook))).toStrictEqual({ value: codebook, issues: [] })
      }),
      fuzzParameters(0.2),
    )
  })
})
