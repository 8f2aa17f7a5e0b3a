import { describe, expect, it } from 'vitest'
import { summariseFft } from './fft.ts'

describe('summariseFft', () => {
  it('counts Don\'t know in the denominator, as NHS England does', () => {
    // 40 Very good, 30 Good, 10 Neither, 5 Poor, 5 Very poor, 10 Don't know: 70 / 100 positive.
    const summary = summariseFft(new Map([[1, 40], [2, 30], [3, 10], [4, 5], [5, 5], [6, 10]]))
    expect(summary).toMatchObject({ responses: 100, positive: 70, negative: 10, percentPositive: 0.7, percentNegative: 0.1 })
    expect(summary.counts.map((c) => c.label)).toEqual(['Very good', 'Good', 'Neither good nor poor', 'Poor', 'Very poor', "Don't know"])
  })

  it('has no percentage without responses', () => {
    expect(summariseFft(new Map())).toMatchObject({ responses: 0, percentPositive: null, percentNegative: null })
  })
})
