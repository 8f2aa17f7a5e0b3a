import { describe, expect, it } from 'vitest'
import { compareStances, isMixed, overallConvergence, type Stance } from './convergence.ts'
import { numbersStance, countsStance } from './stances.ts'
import { signal } from './fixtures.ts'
import type { Convergence, Leaning } from './types.ts'

const stance = (name: string, leaning: Leaning | null, weakness: string | null = null): Stance => ({ name, leaning, weakness, empty: `${name} have nothing` })

describe('compareStances: the convergence coding matrix', () => {
  it.each([
    { a: 'concern', b: 'concern', aWeak: false, bWeak: false, cell: 'agreement' },
    { a: 'improvement', b: 'improvement', aWeak: false, bWeak: false, cell: 'agreement' },
    { a: 'concern', b: 'concern', aWeak: true, bWeak: false, cell: 'partial_agreement' },
    { a: 'concern', b: 'concern', aWeak: false, bWeak: true, cell: 'partial_agreement' },
    { a: 'concern', b: 'neutral', aWeak: false, bWeak: false, cell: 'partial_agreement' },
    { a: 'neutral', b: 'neutral', aWeak: false, bWeak: false, cell: 'partial_agreement' },
    { a: 'improvement', b: 'concern', aWeak: false, bWeak: false, cell: 'dissonance' },
    { a: 'concern', b: 'improvement', aWeak: true, bWeak: true, cell: 'dissonance' },
    { a: null, b: 'concern', aWeak: false, bWeak: false, cell: 'silence' },
    { a: 'concern', b: null, aWeak: false, bWeak: false, cell: 'silence' },
  ] as const)('$a (weak $aWeak) against $b (weak $bWeak) → $cell', ({ a, b, aWeak, bWeak, cell }) => {
    expect(compareStances(stance('a', a, aWeak ? 'a is weak' : null), stance('b', b, bWeak ? 'b is weak' : null)).convergence).toBe(cell)
  })

  it('says why', () => {
    expect(compareStances(stance('staff comments', 'concern', 'staff comments are a small cell'), stance('the numbers', 'concern')).why).toBe('both lean concern, but staff comments are a small cell')
    expect(compareStances(stance('staff comments', 'improvement'), stance('the numbers', 'concern')).why).toBe('staff comments lean improvement but the numbers lean concern')
    expect(compareStances(stance('staff comments', null), stance('the numbers', 'concern')).why).toBe('staff comments have nothing')
  })
})

describe('overallConvergence', () => {
  it.each([
    { cells: ['agreement', 'dissonance', 'silence'], sources: 3, overall: 'dissonance' },
    { cells: ['silence', 'silence', 'silence'], sources: 1, overall: 'silence' },
    { cells: ['agreement', 'silence', 'silence'], sources: 1, overall: 'silence' },
    { cells: ['agreement', 'silence', 'silence'], sources: 2, overall: 'agreement' },
    { cells: ['agreement', 'agreement', 'silence'], sources: 3, overall: 'agreement' },
    { cells: ['agreement', 'partial_agreement', 'silence'], sources: 3, overall: 'partial_agreement' },
  ] as { cells: Convergence[]; sources: number; overall: Convergence }[])('$cells with $sources sources → $overall', ({ cells, sources, overall }) => {
    expect(overallConvergence([...cells, null, 'silence'], sources)).toBe(overall)
  })
})

describe('stances', () => {
  it('the numbers lean by the larger sum of strengths; weak below 0.3 or when mixed', () => {
    expect(numbersStance([]).leaning).toBeNull()
    expect(numbersStance([signal({ strength: 0.8 })])).toMatchObject({ leaning: 'concern', weakness: null })
    expect(numbersStance([signal({ strength: 0.2 })]).weakness).toBe("the numbers' strongest signal is weak (strength 0.20, below 0.3)")
    expect(numbersStance([signal({ strength: 0.8 }), signal({ leaning: 'improvement', strength: 0.4 })])).toMatchObject({ leaning: 'concern', weakness: 'the numbers are mixed (signals point both ways)' })
    expect(numbersStance([signal({ strength: 0.8 }), signal({ leaning: 'improvement', strength: 0.3 })])).toMatchObject({ leaning: 'concern', weakness: null })
    expect(numbersStance([signal({ leaning: 'neutral' })]).leaning).toBe('neutral')
  })

  it('a source leans by sentiment; small below the threshold; mixed when the minority is a third of the non-neutral', () => {
    expect(countsStance('x', { negative: 4, neutral: 9, positive: 2 }, 5, '')).toMatchObject({ leaning: 'concern', weakness: 'x are mixed (2 of 6 lean the other way)' })
    expect(countsStance('x', { negative: 5, neutral: 9, positive: 2 }, 5, '')).toMatchObject({ leaning: 'concern', weakness: null })
    expect(countsStance('x', { negative: 3, neutral: 0, positive: 0 }, 5, '')).toMatchObject({ leaning: 'concern', weakness: 'x are a small cell (3 excerpts, fewer than 5)' })
    expect(countsStance('x', { negative: 1, neutral: 4, positive: 1 }, 5, '').leaning).toBe('neutral')
    expect(countsStance('x', { negative: 0, neutral: 0, positive: 0 }, 5, '')).toMatchObject({ leaning: null, weakness: null })
  })

  it('isMixed is true from a third', () => {
    expect(isMixed(2, 4, 1 / 3)).toBe(true)
    expect(isMixed(2, 5, 1 / 3)).toBe(false)
    expect(isMixed(0, 0, 1 / 3)).toBe(false)
  })
})
