import { describe, expect, it } from 'vitest'
import { textCharacterProblem } from './text-field.ts'

describe('textCharacterProblem', () => {
  it.each([
    ['a\u0000b', 'contains a NUL character (U+0000) at character 2'],
    ['\u0007', 'contains the control character U+0007 at character 1'],
    ['ok\u001F', 'contains the control character U+001F at character 3'],
    ['x\uD800', 'contains a lone surrogate (U+D800, half of a character cut in two) at character 2'],
    ['\uDFFFx', 'contains a lone surrogate (U+DFFF, half of a character cut in two) at character 1'],
  ])('finds what cannot be stored in %j', (text, problem) => {
    expect(textCharacterProblem(text)).toBe(problem)
  })

  it.each(['', 'plain', 'tab\there', 'lines\r\nand\nmore\r', '\u{1F469}\u200D\u{1F4BB}', '\u202E\u00A0\u0085\u007F', '=HYPERLINK("x")'])('finds nothing wrong in %j', (text) => {
    expect(textCharacterProblem(text)).toBeUndefined()
  })
})
