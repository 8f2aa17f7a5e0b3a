import { describe, expect, it } from 'vitest'
import { disclosurePolicy } from '../../core/disclosure/index.ts'
import type { MeasureRow } from '../catalogue.ts'
import { changeText, publishValues } from './infographic-figures.ts'

function measure(overrides: Partial<MeasureRow> = {}): MeasureRow {
  return {
    id: 1, version: 1, code: 'bp', name: 'Blood pressure controlled', description: '', type: 'outcome', kind: 'proportion', rateMultiplier: null, direction: 'increase',
    target: null, period: 'week', defaultChart: 'xmr', numeratorDefinition: null, denominatorDefinition: null, unit: null, ...overrides,
  } as MeasureRow
}

const nhs = disclosurePolicy('nhs-digital')
const fft = disclosurePolicy('fft')

describe('publishValues', () => {
  it('works a proportion out from the rounded counts (NHS Digital: nearest 5)', () => {
    const [v] = publishValues(nhs, measure(), [{ period: '2025-01-06', numerator: 52, denominator: 98, value: 52 / 98 }])
    expect(v).toEqual({ period: '2025-01-06', value: 50 / 100, text: '50.0%' })
  })

  it('keeps exact counts where the policy does (FFT: 5 or more)', () => {
    const [v] = publishValues(fft, measure(), [{ period: '2025-01-06', numerator: 52, denominator: 98, value: 52 / 98 }])
    expect(v?.value).toBeCloseTo(52 / 98, 12)
  })

  it('hides a value whose numerator is too small, as *', () => {
    const [v] = publishValues(nhs, measure(), [{ period: '2025-01-06', numerator: 3, denominator: 98, value: 3 / 98 }])
    expect(v).toEqual({ period: '2025-01-06', value: null, text: '*' })
  })

  it('scales a rate by its multiplier and publishes a count as a count', () => {
    const [rate] = publishValues(nhs, measure({ kind: 'rate', rateMultiplier: 1000 }), [{ period: '2025-01-06', numerator: 12, denominator: 1500, value: 8 }])
    expect(rate?.value).toBeCloseTo((10 / 1500) * 1000, 12)
    const [count] = publishValues(nhs, measure({ kind: 'count' }), [{ period: '2025-01-06', numerator: null, denominator: null, value: 23 }])
    expect(count).toMatchObject({ value: 25, text: '25' })
  })

  it('keeps a mean, which has no counts', () => {
    const [mean] = publishValues(nhs, measure({ kind: 'mean', unit: 'days' }), [{ period: '2025-01-06', numerator: null, denominator: null, value: 3.14 }])
    expect(mean?.value).toBe(3.14)
  })
})

describe('changeText', () => {
  it('gives a proportion’s change in percentage points and says whether it is better', () => {
    expect(changeText(measure(), 0.5, 0.612)).toEqual({ text: 'Up 11.2 percentage points: better', tone: 'better' })
    expect(changeText(measure(), 0.5, 0.49)).toEqual({ text: 'Down 1.0 percentage point: worse', tone: 'worse' })
    expect(changeText(measure({ direction: 'decrease' }), 0.5, 0.4)).toEqual({ text: 'Down 10.0 percentage points: better', tone: 'better' })
    expect(changeText(measure({ direction: 'neutral' }), 0.5, 0.6)).toEqual({ text: 'Up 10.0 percentage points', tone: 'neutral' })
  })

  it('says no change under a twentieth of a point, and why nothing is shown when a value is hidden', () => {
    expect(changeText(measure(), 0.5, 0.5004)).toEqual({ text: 'No change', tone: 'neutral' })
    expect(changeText(measure(), null, 0.5).text).toBe('Change not shown: the numbers are too small to publish')
    expect(changeText(measure(), 0.5, null).tone).toBe('neutral')
  })

  it('gives other measures’ change in their own units', () => {
    expect(changeText(measure({ kind: 'count' }), 20, 35)).toEqual({ text: 'Up 15: better', tone: 'better' })
  })
})
