import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { joinDescription, splitDescription } from './description.ts'

describe('joinDescription', () => {
  it('writes the definition alone when there are no examples', () => {
    expect(joinDescription('Waiting for results.', [])).toBe('Waiting for results.')
    expect(joinDescription('', [])).toBe('')
  })

  it('writes examples as a dash list after an Examples: line', () => {
    expect(joinDescription('Waiting for results.', ['rang three times', 'still waiting'])).toBe('Waiting for results.\n\nExamples:\n- rang three times\n- still waiting')
  })

  it('indents the lines of an example that runs over several lines', () => {
    expect(joinDescription('D', ['first line\nsecond line', 'a\n\nb'])).toBe('D\n\nExamples:\n- first line\n  second line\n- a\n  \n  b')
  })

  it('writes an empty list when the definition holds the separator itself', () => {
    const definition = 'A definition quoting\n\nExamples:\n- not an example'
    expect(joinDescription(definition, [])).toBe(`${definition}\n\nExamples:\n`)
  })
})

describe('splitDescription', () => {
  it.each([
    ['no examples here', { definition: 'no examples here', examples: [] }],
    ['Def\n\nExamples:\n- one\n- two', { definition: 'Def', examples: ['one', 'two'] }],
    ['Def\n\nExamples:\n- one\n- two\n', { definition: 'Def', examples: ['one', 'two'] }],
    ['Def\n\nExamples:\n- one\n  more\n- ', { definition: 'Def', examples: ['one\nmore', ''] }],
    ['Def\n\nExamples:\n', { definition: 'Def', examples: [] }],
    ['\n\nExamples:\n- only an example', { definition: '', examples: ['only an example'] }],
    ['Def\n\nExamples:\nnot a list', { definition: 'Def\n\nExamples:\nnot a list', examples: [] }],
    ['Def\n\nExamples:\n- one\n\nmore text', { definition: 'Def\n\nExamples:\n- one\n\nmore text', examples: [] }],
    ['Def\nExamples:\n- needs a blank line first', { definition: 'Def\nExamples:\n- needs a blank line first', examples: [] }],
  ])('%j', (text, expected) => {
    expect(splitDescription(text)).toStrictEqual(expected)
  })

  it('gives back exactly what joinDescription was given, for any text', () => {
    const piece = fc.constantFrom('\n', '\n\n', 'Examples:', '\n\nExamples:\n', '- ', '  ', 'x', ' ', '\r')
    const text = fc.oneof(fc.string(), fc.string({ unit: piece, maxLength: 8 }))
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 4 }), (definition, examples) => {
        expect(splitDescription(joinDescription(definition, examples))).toStrictEqual({ definition, examples })
      }),
      { seed: 20_250_602, numRuns: 500 },
    )
  })
})
