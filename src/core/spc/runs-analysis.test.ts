import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { binomialQuantile, crossingsMin, longestRunMax, runsAnalysis } from './runs-analysis.ts'

// STATISTICS.md §3, critical values as n: longest-run max / fewest crossings allowed
// (Anhøj J, Olesen AV. Run charts revisited. PLoS ONE 2014;9(11):e113825, table 1).
const CRITICAL_VALUES = '10:6/2 12:7/3 15:7/4 20:7/6 24:8/8 30:8/10 40:8/14 50:9/19 60:9/23 100:10/41'
  .split(' ')
  .map((entry) => {
    const [n, rest] = entry.split(':')
    const [longest, crossings] = rest!.split('/')
    return { n: Number(n), longest: Number(longest), crossings: Number(crossings) }
  })

/** The 5% binomial quantile computed with exact integers: smallest c with 20·Σ C(m,k) ≥ 2^m. */
function exactQuantile05(trials: number): number {
  const total = 2n ** BigInt(trials)
  let coefficient = 1n
  let cumulative = 0n
  for (let k = 0; k <= trials; k++) {
    cumulative += coefficient
    if (20n * cumulative >= total) return k
    coefficient = (coefficient * BigInt(trials - k)) / BigInt(k + 1)
  }
  return trials
}

describe('Anhøj critical values', () => {
  it('has the ten values of STATISTICS.md §3', () => {
    expect(CRITICAL_VALUES).toHaveLength(10)
  })

  it.each(CRITICAL_VALUES)('n = $n: longest run ≤ $longest, crossings ≥ $crossings', ({ n, longest, crossings }) => {
    expect(longestRunMax(n)).toBe(longest)
    expect(crossingsMin(n)).toBe(crossings)
  })

  it('has no signal limits for 0 or 1 useful point that could raise a false signal', () => {
    expect(longestRunMax(0)).toBe(3)
    expect(crossingsMin(0)).toBe(0)
    expect(crossingsMin(1)).toBe(0)
  })
})

describe('binomialQuantile', () => {
  it('matches exact integer arithmetic for 0 to 400 trials', () => {
    for (let trials = 0; trials <= 400; trials++) expect(binomialQuantile(0.05, trials, 0.5), `trials ${trials}`).toBe(exactQuantile05(trials))
  })

  it('matches exact integer arithmetic for 2000 trials (no underflow in log space)', () => {
    expect(binomialQuantile(0.05, 2000, 0.5)).toBe(exactQuantile05(2000))
  })

  it('stays finite and sensible for a million trials', () => {
    // Normal approximation: 499999.5 − 1.6449·500 ≈ 499177
    expect(Math.abs(binomialQuantile(0.05, 1_000_000, 0.5) - 499177)).toBeLessThanOrEqual(2)
  })

  it.each([
    // R: qbinom(0.5, 10, 0.3) = 3; qbinom(0.05, 20, 0.9) = 16; qbinom(1, 5, 0.5) = 5
    { p: 0.5, n: 10, success: 0.3, q: 3 },
    { p: 0.05, n: 20, success: 0.9, q: 16 },
    { p: 1, n: 5, success: 0.5, q: 5 },
  ])('qbinom($p, $n, $success) = $q', ({ p, n, success, q }) => {
    expect(binomialQuantile(p, n, success)).toBe(q)
  })

  it('throws on impossible arguments, quoting them', () => {
    expect(() => binomialQuantile(0, 10, 0.5)).toThrow('invalid probability: 0')
    expect(() => binomialQuantile(0.05, 2.5, 0.5)).toThrow('invalid trials: 2.5')
    expect(() => binomialQuantile(0.05, 10, 1)).toThrow('invalid success probability: 1')
  })
})

describe('runsAnalysis', () => {
  it('counts the longest run and the crossings, dropping points on the centre line', () => {
    const result = runsAnalysis([1, 2, 0, 3, -1, -2, 0, -3, 4], 0)
    expect(result).toEqual({ usefulPoints: 7, longestRun: 3, longestRunMax: 6, crossings: 2, crossingsMin: 1, signal: false })
  })

  it('signals a run longer than allowed', () => {
    const values = [...Array(9).fill(1), -1]
    const result = runsAnalysis(values, 0)
    expect(result.longestRun).toBe(9)
    expect(result.longestRunMax).toBe(6)
    expect(result.signal).toBe(true)
  })

  it('does not signal at the critical values themselves (n = 10: run of 6, 2 crossings)', () => {
    const longest = runsAnalysis([1, 1, 1, 1, 1, 1, -1, 1, -1, 1], 0)
    expect([longest.longestRun, longest.longestRunMax, longest.signal]).toEqual([6, 6, false])
    const crossings = runsAnalysis([1, 1, 1, -1, -1, -1, -1, 1, 1, 1], 0)
    expect([crossings.crossings, crossings.crossingsMin, crossings.signal]).toEqual([2, 2, false])
  })

  it('signals too few crossings', () => {
    const values = [...Array(6).fill(1), ...Array(6).fill(-1)]
    const result = runsAnalysis(values, 0)
    expect(result.longestRun).toBe(6)
    expect(result.crossings).toBe(1)
    expect(result.crossingsMin).toBe(3)
    expect(result.signal).toBe(true)
  })

  it('is empty and without signal for no useful points', () => {
    expect(runsAnalysis([], 0)).toEqual({ usefulPoints: 0, longestRun: 0, longestRunMax: 3, crossings: 0, crossingsMin: 0, signal: false })
    expect(runsAnalysis([2, 2], 2).signal).toBe(false)
  })

  it('crossings + 1 is the number of runs, and the longest run is at most the useful points (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -3, max: 3 }), { maxLength: 60 }), (values) => {
        const result = runsAnalysis(values, 0)
        expect(result.usefulPoints).toBe(values.filter((v) => v !== 0).length)
        expect(result.longestRun).toBeLessThanOrEqual(result.usefulPoints)
        expect(result.crossings).toBeLessThanOrEqual(Math.max(result.usefulPoints - 1, 0))
      }),
    )
  })
})
