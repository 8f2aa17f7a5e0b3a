import { describe, expect, it } from 'vitest'
import { xmrChart } from '../core/spc/xmr-chart.ts'
import { spreadLabels, yScale } from './chart-scale.ts'
import { countPeriods, formatPeriod } from './format-date.ts'
import { formatTick, formatValue, niceTicks } from './format-value.ts'
import { contrastRatio } from './palette.ts'
import { spcChartSvg } from './spc-chart.ts'
import { inferPeriodUnit } from './period-unit.ts'
import { idFromTitle } from './svg-dom.ts'
import { timeTicks } from './time-ticks.ts'

describe('formatValue', () => {
  it.each([
    [0.6623, 'percent', {}, '66.2%'],
    [0.7, 'percent', { trim: true }, '70%'],
    [0.705, 'percent', { trim: true }, '70.5%'],
    [1234, 'number', {}, '1,234'],
    [41.25, 'number', { unit: 'referrals' }, '41.3 referrals'],
    [12, 'decimal1', { unit: 'days' }, '12.0 days'],
    [-0.04, 'decimal1', {}, '-0.0'],
  ] as const)('%s as %s %o → %s', (value, format, options, text) => {
    expect(formatValue(value, format, options)).toBe(text)
  })

  it('gives ticks the decimals their step needs', () => {
    expect(formatTick(0.65, 'percent', 0.05)).toBe('65%')
    expect(formatTick(0.655, 'percent', 0.005)).toBe('65.5%')
    expect(formatTick(2500, 'number', 500)).toBe('2,500')
    expect(formatTick(6.5, 'decimal1', 0.5)).toBe('6.5')
  })
})

describe('niceTicks', () => {
  it('steps by 1, 2 or 5 × 10^k and widens the domain to the outer ticks', () => {
    expect(niceTicks(0.583, 0.687, 6)).toEqual({ ticks: [0.58, 0.6, 0.62, 0.64, 0.66, 0.68, 0.7], step: 0.02, domain: [0.58, 0.7] })
    expect(niceTicks(0.583, 0.687, 5)).toEqual({ ticks: [0.55, 0.6, 0.65, 0.7], step: 0.05, domain: [0.55, 0.7] })
    expect(niceTicks(3.1, 9.8, 4).step).toBe(2)
  })

  it('rejects a reversed range, quoting it', () => {
    expect(() => niceTicks(2, 1, 5)).toThrow('invalid tick range: [2, 1]')
  })

  it('ends for a range at a subnormal number (4.4e-323), widening it around its middle', () => {
    for (const [lo, hi] of [[4.4e-323, 4.4e-323], [3.95e-323, 4.94e-323], [0, 5e-324]] as const) {
      const { ticks, step, domain } = niceTicks(lo, hi, 7)
      expect(ticks).toEqual([-1, -0.5, 0, 0.5, 1])
      expect(step).toBe(0.5)
      expect(domain[0] <= lo && hi <= domain[1]).toBe(true)
    }
  })

  it('ends for a range too narrow for its size to step through (one step changes nothing), and for one too wide to measure', () => {
    const near = niceTicks(999_999_999_999_999.875, 1e15, 6)
    expect(near.ticks.length).toBeLessThanOrEqual(9)
    expect(near.domain[0] <= 999_999_999_999_999.875 && near.domain[1] >= 1e15).toBe(true)
    expect(niceTicks(1e17, 1e17 + 16, 6).ticks.length).toBeLessThanOrEqual(9)
    expect(niceTicks(-1.7e308, 1.7e308, 6)).toEqual({ ticks: [-1.7e308, 1.7e308], step: 1.7e308, domain: [-1.7e308, 1.7e308] })
    expect(niceTicks(0, 1, 1e9).ticks.length).toBeLessThanOrEqual(1003)
  })

  it('keeps ticks of tiny steps instead of rounding them all to 0', () => {
    expect(niceTicks(1e-20, 3e-20, 4)).toEqual({ ticks: [1e-20, 1.5e-20, 2e-20, 2.5e-20, 3e-20], step: 5.0000000000000005e-21, domain: [1e-20, 3e-20] })
  })
})

describe('a chart of a measure whose target is a subnormal number', () => {
  it('draws the target of 4.4e-323 of a measure without data (the tick loop used to grow until V8 aborted)', () => {
    const spc = xmrChart([], { target: 4.4e-323 })
    expect(yScale([4.4e-323], 'number', 300).ticks).toEqual([-1, -0.5, 0, 0.5, 1])
    expect(spcChartSvg(spc, { title: 'Tiny target', valueFormat: 'number', id: 'tiny', target: 4.4e-323 })).toContain('<svg')
  })
})

describe('dates', () => {
  it('names periods as people say them', () => {
    expect(formatPeriod('2025-11-10', 'week')).toBe('week of 10 Nov 2025')
    expect(formatPeriod('2025-11-01', 'month')).toBe('Nov 2025')
    expect(formatPeriod('2025-10-01', 'quarter')).toBe('Oct–Dec 2025')
    expect(formatPeriod('2025-11-10', undefined)).toBe('10 Nov 2025')
    expect(countPeriods(1, 'week')).toBe('1 week')
    expect(countPeriods(3, undefined)).toBe('3 points')
  })

  it('infers the period unit from the median gap', () => {
    expect(inferPeriodUnit(['2025-01-06', '2025-01-13', '2025-01-27', '2025-02-03'])).toBe('week')
    expect(inferPeriodUnit(['2025-01-01', '2025-02-01', '2025-03-01'])).toBe('month')
    expect(inferPeriodUnit(['2025-01-01', '2025-04-01', '2025-07-01'])).toBe('quarter')
    expect(inferPeriodUnit(['2025-01-01', '2025-01-02'])).toBe('day')
    expect(inferPeriodUnit(['2025-01-01', '2025-01-04'])).toBeUndefined()
    expect(inferPeriodUnit(['2025-01-01'])).toBeUndefined()
  })

  it('ticks long ranges at month starts and short ones at days', () => {
    const long = timeTicks(new Date(Date.UTC(2024, 11, 2)), new Date(Date.UTC(2025, 10, 10)), 7)
    expect(long.ticks.map((d, i) => long.format(d, i))).toEqual(['Jan 2025', 'Mar 2025', 'May 2025', 'Jul 2025', 'Sep 2025', 'Nov 2025'])
    const short = timeTicks(new Date(Date.UTC(2025, 8, 1)), new Date(Date.UTC(2025, 9, 27)), 6)
    expect(short.ticks.map((d, i) => short.format(d, i))).toEqual(['1 Sep 2025', '15 Sep', '29 Sep', '13 Oct', '27 Oct'])
  })
})

describe('layout helpers', () => {
  it('spreads labels apart in their order and inside the frame', () => {
    expect(spreadLabels([100, 102, 300], 15, 0, 400)).toEqual([100, 115, 300])
    expect(spreadLabels([398, 399], 15, 0, 400)).toEqual([385, 400])
    expect(spreadLabels([50, 10], 15, 0, 400)).toEqual([50, 10])
  })

  it('computes WCAG contrast ratios', () => {
    expect(contrastRatio('#000000', '#FFFFFF')).toBeCloseTo(21, 6)
    expect(contrastRatio('#005EB8', '#FFFFFF')).toBeCloseTo(6.38, 2)
    expect(() => contrastRatio('blue', '#FFFFFF')).toThrow('invalid colour: "blue"')
  })

  it('makes ids from titles', () => {
    expect(idFromTitle('spc', 'Blood pressure < 140/90')).toBe('spc-blood-pressure-140-90')
    expect(idFromTitle('spc', '—')).toBe('spc')
  })
})
