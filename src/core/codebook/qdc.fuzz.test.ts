import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzParameters } from '../../../test/fuzz/fuzz-settings.ts'
import { hasErrors } from '../issues.ts'
import { arbitraryCodebook, NOT_XML } from './arbitrary-codebook.ts'
import { flattenThemes, isColour, isUuid } from './codebook.ts'
import { codebookToQdc, parseQdc } from './qdc.ts'

/** Markup fragments that make hostile documents more likely to get past the XML check. */
const FRAGMENTS = ['<CodeBook>', '</CodeBook>', '<Codes>', '</Codes>', '<Code guid="1ff58b12-6f6f-4b0c-8be5-bbdc91f55294" name="a">', '<Code name="b"/>', '</Code>', '<Description>', '</Description>', '<Sets><Set/></Sets>', '<![CDATA[', ']]>', '<!DOCTYPE x [<!ENTITY e "&e;">]>', '&#0;', '&#x110000;', '&e;', '<?lhs-codebook name="%E0%A4%A"?>', '<x:Code xmlns:x="y"', '"', '>', ...NOT_XML]

const hostileXml = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  fc.string({ unit: fc.constantFrom(...FRAGMENTS), maxLength: 30 }),
  fc.tuple(arbitraryCodebook({ minThemes: 1 }), fc.nat(), fc.nat(), fc.constantFrom(...FRAGMENTS)).map(([codebook, at, length, insert]) => {
    const xml = codebookToQdc(codebook)
    const start = at % (xml.length + 1)
    return xml.slice(0, start) + insert + xml.slice(start + (length % 20))
  }),
)

describe('parseQdc on hostile input', () => {
  it('never throws, and gives issues in the house format and a codebook whose GUIDs and colours hold', () => {
    fc.assert(
      fc.property(hostileXml, (xml) => {
        const { value, issues } = parseQdc(xml, 'hostile.qdc')
        for (const issue of issues) {
          expect(issue.message.startsWith('hostile.qdc:')).toBe(true)
          expect(issue.message.endsWith(').')).toBe(true)
          expect(issue.code).toMatch(/^[a-z_]+$/)
        }
        const themes = flattenThemes(value.themes).map(({ theme }) => theme)
        for (const theme of themes) {
          expect(isUuid(theme.guid)).toBe(true)
          expect(theme.name).not.toBe('')
          expect(theme.colour === null || isColour(theme.colour)).toBe(true)
        }
        expect(new Set(themes.map((theme) => theme.guid.toLowerCase())).size).toBe(themes.length)
        if (!hasErrors(issues)) expect(() => codebookToQdc(value)).not.toThrow()
      }),
      fuzzParameters(),
    )
  })
})
