import { describe, expect, it } from 'vitest'
import { attributeLimits } from './attribute-limits.ts'

const n100 = (numerators: readonly number[]) => numerators.map((numerator) => ({ numerator, denominator: 100 }))

describe('attributeLimits', () => {
  it('P: p̄ from the sums, σ_i = √(p̄(1−p̄)/n_i) per point, limits truncated at 0', () => {
    const baseline = [{ numerator: 1, denominator: 10 }, { numerator: 3, denominator: 30 }]
    const limits = attributeLimits('p', baseline, baseline, true)
    expect(limits.centre).toBe(0.1)
    expect(limits.points[0]!.sigma).toBeCloseTo(Math.sqrt(0.09 / 10), 15)
    expect(limits.points[1]!.sigma).toBeCloseTo(Math.sqrt(0.09 / 30), 15)
    expect(limits.points[0]!.lower).toBe(0)
    expect(limits.points[0]!.upper).toBeCloseTo(0.1 + 3 * Math.sqrt(0.009), 15)
  })

  it('P: the upper limit is truncated at 1', () => {
    const limits = attributeLimits('p', [{ numerator: 9, denominator: 10 }], [{ numerator: 9, denominator: 10 }], true)
    expect(limits.points[0]!.upper).toBe(1)
    expect(limits.points[0]!.lower).toBeCloseTo(0.9 - 3 * Math.sqrt(0.009), 15)
  })

  it('U: σ_i = √(ū/n_i), no upper truncation', () => {
    const limits = attributeLimits('u', [{ numerator: 9, denominator: 10 }], [{ numerator: 30, denominator: 4 }], true)
    expect(limits.centre).toBe(0.9)
    expect(limits.points[0]!.upper).toBeCloseTo(0.9 + 3 * Math.sqrt(0.9 / 4), 15)
    expect(limits.points[0]!.lower).toBe(0)
  })

  it('C: c̄ ± 3√c̄ with no σ_z', () => {
    const ones = [4, 5, 6].map((numerator) => ({ numerator, denominator: 1 }))
    const limits = attributeLimits('c', ones, ones, true)
    expect(limits.centre).toBe(5)
    expect(limits.sigmaZ).toBeNull()
    expect(limits.points[0]!.upper).toBeCloseTo(5 + 3 * Math.sqrt(5), 14)
    expect(limits.points[0]!.lower).toBe(0)
  })

  it('P′: σ′_i = σ_i·σ_z; z-scores are measured against σ′_i', () => {
    const counts = n100([13, 7, 16, 4])
    const limits = attributeLimits('p_prime', counts, counts, true)
    const sigmaZ = 3 / 1.128
    expect(limits.sigmaZ).toBeCloseTo(sigmaZ, 12)
    expect(limits.points.map((p) => p.z)).toEqual([1, -1, 2, -2].map((z) => expect.closeTo(z / sigmaZ, 12)))
  })

  it('a zero centre gives zero-width limits and infinite z off the centre', () => {
    const limits = attributeLimits('u', n100([0, 0]), n100([0, 1]), true)
    expect(limits.points.map((p) => [p.upper, p.lower, p.z])).toEqual([[0, 0, 0], [0, 0, Infinity]])
  })
})
