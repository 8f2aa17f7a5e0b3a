import { describe, expect, it } from 'vitest'
import { LANEY_D2, laneySigmaZ } from './laney.ts'

describe('laneySigmaZ', () => {
  it.each([
    // z = 1, −1, 2, −2: moving ranges 2, 3, 4, AMR 3 (none screened: 3.267·3 = 9.8).
    { z: [1, -1, 2, -2], screening: true, expected: 3 / 1.128 },
    // Ranges 0 (× 8) and 10: AMR = 10/9; 10 ≥ 3.267·AMR is screened out, leaving zeros: σ_z = 0.
    { z: [0, 0, 0, 0, 0, 0, 0, 0, 0, 10], screening: true, expected: 0 },
    { z: [0, 0, 0, 0, 0, 0, 0, 0, 0, 10], screening: false, expected: 10 / 9 / 1.128 },
    { z: [5], screening: true, expected: 0 },
  ])('σ_z of $z (screening $screening) is $expected', ({ z, screening, expected }) => {
    expect(laneySigmaZ(z, screening)).toBeCloseTo(expected, 14)
  })

  it('uses d2 = 1.128 exactly', () => {
    expect(LANEY_D2).toBe(1.128)
  })
})
