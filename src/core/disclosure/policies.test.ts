import { describe, expect, it } from 'vitest'
import { AppError } from '../errors.ts'
import { DEFAULT_DISCLOSURE_POLICY, DISCLOSURE_POLICIES, disclosurePolicy, mayQuote } from './policies.ts'
import { publishedRate } from './published-rate.ts'
import type { PublishedCell } from './types.ts'

describe('disclosure policies', () => {
  it('has the four presets with the thresholds of STANDARDS.md, nhs-digital by default', () => {
    expect(DISCLOSURE_POLICIES.map((p) => [p.id, p.threshold])).toEqual([['nhs-digital', 8], ['fft', 5], ['gpps', 10], ['research', 10]])
    expect(DEFAULT_DISCLOSURE_POLICY).toBe('nhs-digital')
    for (const p of DISCLOSURE_POLICIES) expect(p.statement.length).toBeGreaterThan(40)
  })

  it('finds a preset by id and refuses an unknown one, naming it and the valid ids', () => {
    expect(disclosurePolicy('fft').name).toBe('NHS England Friends and Family Test')
    let error: unknown
    try {
      disclosurePolicy('nhs')
    } catch (e) {
      error = e
    }
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('invalid_request')
    expect((error as AppError).message).toBe('Unknown disclosure policy "nhs" (expected one of "nhs-digital", "fft", "gpps", "research").')
  })

  it('allows a quote only from a group at least as large as the threshold', () => {
    expect(mayQuote(disclosurePolicy('fft'), 4)).toBe(false)
    expect(mayQuote(disclosurePolicy('fft'), 5)).toBe(true)
    expect(mayQuote(disclosurePolicy('nhs-digital'), 7)).toBe(false)
    expect(mayQuote(disclosurePolicy('nhs-digital'), 8)).toBe(true)
    expect(mayQuote(disclosurePolicy('research'), 0)).toBe(false)
    expect(() => mayQuote(disclosurePolicy('gpps'), -1)).toThrow('Group size -1 is not a count')
    expect(() => mayQuote(disclosurePolicy('gpps'), 1.5)).toThrow(AppError)
  })
})

describe('publishedRate', () => {
  const shown = (value: number): PublishedCell => ({ id: String(value), value, text: String(value), reason: 'rounded' })
  const hidden: PublishedCell = { id: 'h', value: null, text: '*', reason: 'primary' }

  it('works from the published (rounded) counts', () => {
    expect(publishedRate(shown(15), shown(60))).toBe(0.25)
  })

  it('is null when either count is hidden or the denominator is 0', () => {
    expect(publishedRate(hidden, shown(60))).toBeNull()
    expect(publishedRate(shown(15), hidden)).toBeNull()
    expect(publishedRate(shown(0), shown(0))).toBeNull()
  })
})
