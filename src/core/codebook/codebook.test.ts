import { describe, expect, it } from 'vitest'
import type { CodebookFrame } from '../insight/model.ts'
import { countThemes, flattenThemes, frameToCodebook, isColour, isUuid } from './codebook.ts'

const FRAME: CodebookFrame = {
  key: 'test',
  name: 'Test frame',
  source: 'made up',
  themes: [
    { name: 'Access', definition: 'Getting in.', examples: ['no slots'], children: [{ name: 'Opening hours', definition: 'When it is open.' }] },
    { name: 'Waiting', definition: 'Time spent waiting.' },
  ],
}

function counter(): () => string {
  let n = 0
  return () => `00000000-0000-4000-8000-${(n++).toString().padStart(12, '0')}`
}

describe('frameToCodebook', () => {
  it('gives every theme a GUID, depth first, and keeps names, definitions and examples', () => {
    expect(frameToCodebook(FRAME, counter())).toStrictEqual({
      name: 'Test frame',
      themes: [
        {
          guid: '00000000-0000-4000-8000-000000000000',
          name: 'Access',
          definition: 'Getting in.',
          examples: ['no slots'],
          colour: null,
          children: [{ guid: '00000000-0000-4000-8000-000000000001', name: 'Opening hours', definition: 'When it is open.', examples: [], colour: null, children: [] }],
        },
        { guid: '00000000-0000-4000-8000-000000000002', name: 'Waiting', definition: 'Time spent waiting.', examples: [], colour: null, children: [] },
      ],
    })
  })

  it('refuses a GUID maker that does not make UUIDs', () => {
    expect(() => frameToCodebook(FRAME, () => 'theme-1')).toThrow('invalid guid from makeGuid: "theme-1"')
  })
})

describe('flattenThemes and countThemes', () => {
  const { themes } = frameToCodebook(FRAME, counter())

  it('lists every theme depth first with its path and depth', () => {
    expect(flattenThemes(themes).map(({ path, depth }) => ({ path, depth }))).toStrictEqual([
      { path: ['Access'], depth: 0 },
      { path: ['Access', 'Opening hours'], depth: 1 },
      { path: ['Waiting'], depth: 0 },
    ])
  })

  it('works on frame seeds as well as codebook themes', () => {
    expect(flattenThemes(FRAME.themes).map(({ theme }) => theme.name)).toStrictEqual(['Access', 'Opening hours', 'Waiting'])
    expect(countThemes(FRAME.themes)).toBe(3)
    expect(countThemes(themes)).toBe(3)
    expect(countThemes([])).toBe(0)
  })
})

describe('isUuid and isColour', () => {
  it.each([
    ['1ff58b12-6f6f-4b0c-8be5-bbdc91f55294', true],
    ['1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294', true],
    ['{1FF58B12-6F6F-4B0C-8BE5-BBDC91F55294}', false],
    ['1FF58B126F6F4B0C8BE5BBDC91F55294', false],
    ['1FF58B12-6F6F-4B0C-8BE5-BBDC91F5529G', false],
  ])('isUuid(%j) is %s', (text, expected) => {
    expect(isUuid(text)).toBe(expected)
  })

  it.each([
    ['#46AA00', true],
    ['#46aa00', true],
    ['#4A0', false],
    ['46AA00', false],
    ['#46AA00 ', false],
  ])('isColour(%j) is %s', (text, expected) => {
    expect(isColour(text)).toBe(expected)
  })
})
