import { describe, expect, it } from 'vitest'
import { agreement, coderPairs, cohensKappa, kappaStrength, type Coding } from './kappa.ts'

const W = 1 // waiting
const S = 2 // staff attitude
const C = 3 // communication
const X = 4 // parking: applied by Ann only, on excerpt 9, which Ben did not code

/** The worked example of docs/methods/kappa.md: who applied what to excerpts 1–9. */
const WORKED: Record<string, Record<number, number[]>> = {
  ann: { 1: [W], 2: [W], 3: [W, C], 4: [W], 5: [S], 6: [S, C], 7: [C], 8: [C], 9: [W, X] },
  ben: { 1: [W], 2: [W], 3: [W], 4: [C], 5: [S], 6: [S], 7: [C, W], 8: [C] },
  cat: { 1: [S], 10: [C] },
}

function codingsOf(table: Record<string, Record<number, number[]>>): Coding[] {
  return Object.entries(table).flatMap(([coder, excerpts]) =>
    Object.entries(excerpts).flatMap(([excerptId, themes]) => themes.map((themeId) => ({ excerptId: Number(excerptId), themeId, coder }))),
  )
}

describe('cohensKappa: the worked example (computed by hand in docs/methods/kappa.md)', () => {
  const result = cohensKappa(codingsOf(WORKED), ['ann', 'ben'])
  const row = (themeId: number) => result.themes.find((t) => t.themeId === themeId)

  it('counts only the excerpts both coded (1–8; Ann alone coded 9, Cat is another coder)', () => {
    expect(result.excerptIds).toEqual([1, 2, 3, 4, 5, 6, 7, 8])
    expect(result.themes.map((t) => t.themeId)).toEqual([W, S, C])
  })

  it.each([
    // theme, both, Ann only, Ben only, neither, p_o, p_e, kappa, band
    [W, 3, 1, 1, 3, 6 / 8, 0.5, 0.5, 'moderate'],
    [S, 2, 0, 0, 6, 1, 40 / 64, 1, 'almost perfect'],
    [C, 2, 2, 1, 3, 5 / 8, 0.5, 0.25, 'fair'],
  ] as const)('theme %i: cells %i %i %i %i, p_o %f, p_e %f, kappa %f (%s)', (themeId, both, firstOnly, secondOnly, neither, observed, expected, kappa, strength) => {
    expect(row(themeId)).toMatchObject({ n: 8, both, firstOnly, secondOnly, neither, strength, reason: null })
    expect(row(themeId)?.observed).toBeCloseTo(observed, 12)
    expect(row(themeId)?.expected).toBeCloseTo(expected, 12)
    expect(row(themeId)?.kappa).toBeCloseTo(kappa, 12)
  })

  it('pools the 24 theme × excerpt decisions: kappa = 156 / 276', () => {
    expect(result.pooled).toMatchObject({ n: 24, both: 7, firstOnly: 3, secondOnly: 2, neither: 12, strength: 'moderate' })
    expect(result.pooled.observed).toBeCloseTo(19 / 24, 12)
    expect(result.pooled.expected).toBeCloseTo(300 / 576, 12)
    expect(result.pooled.kappa).toBeCloseTo(156 / 276, 12)
  })

  it('is symmetric in the two coders (cells swap, kappa stays)', () => {
    const swapped = cohensKappa(codingsOf(WORKED), ['ben', 'ann'])
    expect(swapped.themes.map((t) => t.kappa)).toEqual(result.themes.map((t) => t.kappa))
    expect(swapped.themes.find((t) => t.themeId === C)).toMatchObject({ firstOnly: 1, secondOnly: 2 })
  })
})

describe('cohensKappa: edge cases', () => {
  it('no shared excerpts: every kappa is null with the reason', () => {
    const result = cohensKappa(codingsOf({ ann: { 1: [W] }, ben: { 2: [W] } }), ['ann', 'ben'], { themeIds: [W] })
    expect(result.excerptIds).toEqual([])
    expect(result.themes[0]).toMatchObject({ n: 0, kappa: null, observed: null, strength: null, reason: { code: 'no_shared_excerpts' } })
    expect(result.pooled.reason?.code).toBe('no_shared_excerpts')
  })

  it('a theme neither applied: kappa null (p_e = 1), not NaN', () => {
    const result = cohensKappa(codingsOf(WORKED), ['ann', 'ben'], { themeIds: [W, X] })
    const parking = result.themes.find((t) => t.themeId === X)
    expect(parking).toMatchObject({ n: 8, neither: 8, observed: 1, expected: 1, kappa: null, reason: { code: 'no_variation' } })
    expect(parking?.reason?.message).toMatch(/Neither coder/)
  })

  it('a theme both applied everywhere: kappa null (p_e = 1)', () => {
    const row = cohensKappa(codingsOf({ ann: { 1: [W], 2: [W] }, ben: { 1: [W], 2: [W] } }), ['ann', 'ben']).themes[0]
    expect(row).toMatchObject({ both: 2, kappa: null, reason: { code: 'no_variation' } })
    expect(row?.reason?.message).toMatch(/every excerpt/)
  })

  it('perfect agreement with variation: kappa 1', () => {
    const result = cohensKappa(codingsOf({ ann: { 1: [W], 2: [S], 3: [W, S] }, ben: { 1: [W], 2: [S], 3: [S, W] } }), ['ann', 'ben'])
    expect(result.themes.map((t) => t.kappa)).toEqual([1, 1])
    expect(result.pooled.kappa).toBe(1)
  })

  it('total disagreement: negative kappa, "poor"', () => {
    // Each excerpt gets W from one coder and S from the other: for W, a = 0, b = 2, c = 2, d = 0.
    const result = cohensKappa(codingsOf({ ann: { 1: [W], 2: [S], 3: [W], 4: [S] }, ben: { 1: [S], 2: [W], 3: [S], 4: [W] } }), ['ann', 'ben'])
    // p_o = 0, p_e = (2·2 + 2·2) / 16 = 0.5, kappa = −0.5 / 0.5 = −1
    expect(result.themes[0]).toMatchObject({ themeId: W, both: 0, firstOnly: 2, secondOnly: 2, neither: 0, kappa: -1, strength: 'poor' })
  })

  it('one coder always, the other never: p_e = 0 and kappa 0', () => {
    expect(agreement(0, 4, 0, 0)).toMatchObject({ observed: 0, expected: 0, kappa: 0, strength: 'slight' })
  })

  it('restricts to the excerpts given', () => {
    const result = cohensKappa(codingsOf(WORKED), ['ann', 'ben'], { excerptIds: [1, 2, 5, 6] })
    expect(result.excerptIds).toEqual([1, 2, 5, 6])
    expect(result.themes.find((t) => t.themeId === W)).toMatchObject({ both: 2, neither: 2, kappa: 1 })
  })

  it('counts a theme applied twice once', () => {
    const codings = [...codingsOf(WORKED), { excerptId: 1, themeId: W, coder: 'ann' }]
    expect(cohensKappa(codings, ['ann', 'ben']).themes[0]?.kappa).toBe(0.5)
  })

  it('refuses the same coder twice', () => {
    expect(() => cohensKappa([], ['ann', 'ann'])).toThrow('invalid coders: ["ann","ann"]')
  })
})

describe('kappaStrength (Landis & Koch 1977)', () => {
  it.each([
    [-0.01, 'poor'], [0, 'slight'], [0.2, 'slight'], [0.21, 'fair'], [0.4, 'fair'], [0.41, 'moderate'], [0.6, 'moderate'],
    [0.61, 'substantial'], [0.8, 'substantial'], [0.81, 'almost perfect'], [1, 'almost perfect'],
  ] as const)('%f is %s', (kappa, strength) => {
    expect(kappaStrength(kappa)).toBe(strength)
  })

  it('refuses NaN', () => {
    expect(() => kappaStrength(Number.NaN)).toThrow('invalid kappa')
  })
})

describe('coderPairs', () => {
  it('lists every pair with the excerpts both coded, 0 included', () => {
    expect(coderPairs(codingsOf(WORKED))).toEqual([
      { coders: ['ann', 'ben'], excerpts: 8 },
      { coders: ['ann', 'cat'], excerpts: 1 },
      { coders: ['ben', 'cat'], excerpts: 1 },
    ])
    expect(coderPairs(codingsOf({ ann: { 1: [W] }, ben: { 2: [W] } }))).toEqual([{ coders: ['ann', 'ben'], excerpts: 0 }])
  })

  it('has no pair with one coder', () => {
    expect(coderPairs(codingsOf({ ann: { 1: [W] } }))).toEqual([])
  })
})
