import { describe, expect, it } from 'vitest'
import type { Direction } from '../core/model.ts'
import type { SpcResult } from '../core/spc/types.ts'
import { describeSpc, type DescribeSpcOptions } from './describe-spc.ts'
import { spcFixture, type SpcFixture } from './fixtures.ts'

const percent: DescribeSpcOptions = { measureName: 'BP control', valueFormat: 'percent' }
const steady = [0.6, 0.62, 0.61, 0.63, 0.62, 0.61, 0.6, 0.62, 0.63, 0.61, 0.62, 0.6, 0.61, 0.62, 0.63, 0.61]
const weekly = (fixture: Omit<SpcFixture, 'start' | 'unit'>): SpcResult => spcFixture({ start: '2025-01-06', unit: 'week', ...fixture })

describe('describeSpc', () => {
  it('reads the example of the brief: a rebase, a shift and a target out of reach', () => {
    const result = weekly({
      target: 0.7,
      segments: [
        { values: steady.map((v) => v - 0.05) },
        { values: [0.63, 0.64, 0.63, 0.64, 0.63, 0.64, 0.63, 0.64, 0.66, 0.67, 0.66, 0.67, 0.66, 0.67], reason: 'New guideline', marks: [{ from: 8, to: 13, rule: 'shift' }] },
      ],
    })
    expect(describeSpc(result, percent)).toEqual([
      'The latest value for BP control is 67.0% (week of 28 Jul 2025).',
      'Since the rebase on 28 Apr 2025 (New guideline), the average is 64.8% and values are expected to fall between 61.9% and 67.7% if nothing changes.',
      'The last 6 weeks are above the average: a shift that signals an improvement.',
      'The target of 70% is above the upper limit: it will not be met consistently without further change.',
    ])
  })

  it('says when there is no data', () => {
    const empty: SpcResult = { ...weekly({ segments: [{ values: [] }] }), points: [], segments: [] }
    expect(describeSpc(empty, percent)).toEqual(['There is no data for BP control yet.'])
  })

  const signals: [string, SpcResult, string][] = [
    ['outside limits, concern when lower is better', weekly({ direction: 'decrease', segments: [{ values: [...steady, 0.75] }] }), 'The latest value is above the upper limit: special cause variation that signals a concern.'],
    ['outside limits, concern when higher is better', weekly({ segments: [{ values: [...steady, 0.45] }] }), 'The latest value is below the lower limit: special cause variation that signals a concern.'],
    [
      'a rising trend',
      weekly({ segments: [{ values: [...steady, 0.6, 0.605, 0.61, 0.615, 0.62, 0.625, 0.63], marks: [{ from: 16, to: 22, rule: 'trend' }] }] }),
      'The last 7 weeks have each been higher than the one before: a trend that signals an improvement.',
    ],
    [
      'two of three near the lower limit',
      weekly({ segments: [{ values: [...steady, 0.59, 0.6, 0.59], marks: [{ from: 18, to: 18, rule: 'two_of_three' }] }] }),
      'Two of the last three values are close to the lower limit: an early warning that signals a concern.',
    ],
    [
      'a shift on a measure with no better direction',
      weekly({ direction: 'neutral', segments: [{ values: [...steady, 0.63, 0.64, 0.63, 0.64, 0.63, 0.64, 0.63], marks: [{ from: 16, to: 22, rule: 'shift' }] }] }),
      'The last 7 weeks are above the average: a shift that signals a change (this measure has no better direction).',
    ],
    [
      'a shift ending outside the limits',
      weekly({ segments: [{ values: [...steady, 0.63, 0.64, 0.63, 0.64, 0.63, 0.64, 0.7], marks: [{ from: 16, to: 22, rule: 'shift' }] }] }),
      'The last 7 weeks are above the average: a shift that signals an improvement. The latest value is also above the upper limit.',
    ],
    ['common cause', weekly({ segments: [{ values: steady }] }), 'The latest value is within the expected range: common cause variation, with no sign of a change.'],
  ]
  it.each(signals)('describes the latest signal: %s', (_, result, sentence) => {
    expect(describeSpc(result, percent)).toContain(sentence)
  })

  it('counts earlier special cause when the latest point is common cause', () => {
    const result = weekly({ segments: [{ values: [...steady.slice(0, 8), 0.45, ...steady.slice(8)] }] })
    expect(describeSpc(result, percent)).toContain('Across the whole chart, 1 of 17 points shows special cause variation: 1 concern.')
  })

  it('calls limits of fewer than 13 points provisional', () => {
    const sentences = describeSpc(weekly({ segments: [{ values: steady.slice(0, 9) }] }), percent)
    expect(sentences).toContain('These limits are provisional: they rest on only 9 weeks, and at least 13 are needed for firm limits.')
    expect(describeSpc(weekly({ segments: [{ values: steady }] }), percent).join(' ')).not.toContain('provisional')
  })

  it('says nothing about a target when there is none', () => {
    expect(describeSpc(weekly({ segments: [{ values: steady }] }), percent).join(' ')).not.toMatch(/target/i)
  })

  const targets: [string, Direction, number, string][] = [
    ['pass when higher is better', 'increase', 0.5, 'The target of 50% is below the lower limit: if nothing changes, it will be met consistently.'],
    ['fail when lower is better', 'decrease', 0.5, 'The target of 50% is below the lower limit: it will not be met consistently without further change.'],
    ['hit or miss', 'increase', 0.62, 'The target of 62% is between the limits: it will be met in some periods and missed in others unless the process changes.'],
    ['neutral', 'neutral', 0.62, 'The target of 62% is shown on the chart.'],
  ]
  it.each(targets)('reads the target: %s', (_, direction, target, sentence) => {
    expect(describeSpc(weekly({ direction, target, segments: [{ values: steady }] }), percent)).toContain(sentence)
  })

  it('reports the runs signal of the qic profile, with its reasons', () => {
    const base = weekly({ profile: 'qic', segments: [{ values: steady }] })
    const runs = { usefulPoints: 24, longestRun: 13, longestRunMax: 8, crossings: 4, crossingsMin: 8, signal: true }
    const result: SpcResult = { ...base, segments: base.segments.map((s) => ({ ...s, runs })) }
    expect(describeSpc(result, percent)).toContain(
      'The pattern of runs is not random: a run of 13 points on one side of the average (more than 8 is unlikely by chance), and the values cross the average only 4 times (fewer than 8 is unlikely by chance). Something has changed.',
    )
    const mdc: SpcResult = { ...result, profile: 'mdc' }
    expect(describeSpc(mdc, percent).join(' ')).not.toContain('runs')
  })

  it('writes months, quarters, counts with units, and clamps percentage limits', () => {
    const monthly = spcFixture({ start: '2025-01-01', unit: 'month', segments: [{ values: [0.9, 1, 0.92, 0.99, 0.95, 1, 0.91, 0.98, 0.97, 1, 0.93, 0.99, 0.96] }] })
    const [latest, limits] = describeSpc(monthly, percent)
    expect(latest).toBe('The latest value for BP control is 96.0% (Jan 2026).')
    expect(limits).toMatch(/between \d\d\.\d% and 100\.0% if nothing changes/)
    const quarterly = spcFixture({ start: '2024-10-01', unit: 'quarter', segments: [{ values: [40, 42, 41, 43, 40, 42] }] })
    const counts = describeSpc(quarterly, { measureName: 'Referrals', valueFormat: 'number', unit: 'referrals' })
    expect(counts[0]).toBe('The latest value for Referrals is 42 referrals (Jan–Mar 2026).')
    expect(counts[1]).toMatch(/^The average is 41\.3 referrals and values are expected to fall between [\d.]+ and [\d.]+ referrals if nothing changes\.$/)
  })

  it('says when the latest point is excluded from the limits', () => {
    const result = weekly({ segments: [{ values: steady, excluded: { 15: 'late data' } }] })
    expect(describeSpc(result, percent)[0]).toBe('The latest value for BP control is 61.0% (week of 21 Apr 2025). It is left out of the limits (late data).')
  })
})
