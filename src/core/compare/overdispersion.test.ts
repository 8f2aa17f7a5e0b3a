import { describe, expect, it } from 'vitest'
import { overdispersion } from './overdispersion.ts'

describe('overdispersion', () => {
  // Ten z: the 10th and 90th percentiles (type 7) are −3 + 0.9 × 2 = −1.2 and 2.5 + 0.1 × 2 = 2.7 → hand-checkable.
  const z = [-3, -1, 0, 0.5, 1, 1, 1.5, 2, 2.5, 4.5]
  const w = [10, 10, 10, 10, 10, 10, 10, 10, 10, 10]

  it('winsorises at the 10th and 90th percentiles', () => {
    const winsorised = [-1.2, -1, 0, 0.5, 1, 1, 1.5, 2, 2.5, 2.7]
    const phi = winsorised.reduce((s, x) => s + x * x, 0) / 10
    const { phi: got, tau2, adjusted } = overdispersion(z, w, 'winsorise')
    expect(got).toBeCloseTo(phi, 14)
    // Σw − Σw²/Σw = 100 − 1000/100 = 90
    expect(tau2).toBeCloseTo((10 * phi - 9) / 90, 14)
    expect(adjusted).toBe(true)
  })

  it('truncation drops the units beyond the percentiles and uses the rest', () => {
    const kept = [-1, 0, 0.5, 1, 1, 1.5, 2, 2.5]
    const phi = kept.reduce((s, x) => s + x * x, 0) / 8
    const result = overdispersion(z, w, 'truncate')
    expect(result.phi).toBeCloseTo(phi, 14)
    expect(result.tau2).toBeCloseTo((8 * phi - 7) / (80 - 800 / 80), 14)
  })

  it('φ ≤ 1: τ² = 0 and not adjusted, even when nφ > n − 1', () => {
    const result = overdispersion([0.9, -0.9, 0.95, -0.95], [5, 6, 7, 8], 'winsorise')
    expect(result.phi).toBeLessThanOrEqual(1)
    expect(result).toMatchObject({ tau2: 0, adjusted: false, estimable: true })
  })

  it('fewer than two units after trimming: not estimable', () => {
    expect(overdispersion([1, 5], [1, 1], 'truncate')).toEqual({ phi: 0, tau2: 0, adjusted: false, estimable: false })
    expect(overdispersion([3], [1], 'winsorise')).toEqual({ phi: 0, tau2: 0, adjusted: false, estimable: false })
  })

  it('throws on mismatched or empty input', () => {
    expect(() => overdispersion([1], [1, 2], 'winsorise')).toThrow('differ in length: 1 and 2')
    expect(() => overdispersion([], [], 'winsorise')).toThrow('no units')
  })
})
