import { describe, expect, it } from 'vitest'
import { addDays } from '../period.ts'
import { pChart, xmrChart } from '../spc/index.ts'
import { signalsFromChart } from './chart-signals.ts'
import { BP_CONTROL, GP_WAIT, calm, handChart, type PointSpec } from './fixtures.ts'
import { specialCauseRun } from './special-cause-run.ts'

const EASTGATE = { code: 'eastgate', name: 'Eastgate Medical Practice' }
const weekly = (values: readonly number[]) => values.map((value, i) => ({ period: addDays('2024-01-01', 7 * i), value }))
const BASE = [60, 62, 59, 61, 63, 60, 58, 61, 62, 60, 59, 61, 60, 62, 61, 59, 60, 61, 62, 60]
const O = 'concern:outside_limits' as const

describe('signalsFromChart', () => {
  it('gives nothing when every recent point is common cause', () => {
    const chart = xmrChart(weekly(BASE), { direction: 'increase' })
    expect(chart.points.every((p) => p.type === 'common_cause')).toBe(true)
    expect(signalsFromChart({ measure: BP_CONTROL, site: EASTGATE, dimension: null, group: null, chart })).toEqual([])
  })

  it('reads a real XmR chart: a drop after a stable baseline of 20 is one concern signal at full strength', () => {
    const chart = xmrChart(weekly([...BASE, 55, 54, 56, 55, 54, 55, 56]), { direction: 'increase', baseline: 20 })
    const [signal, ...rest] = signalsFromChart({ measure: BP_CONTROL, site: EASTGATE, dimension: 'imd_quintile', group: '1', groupLabel: 'deprivation quintile 1', chart })
    expect(rest).toEqual([])
    expect(signal).toMatchObject({
      key: 'special_cause|bp-control||eastgate|imd_quintile:1',
      kind: 'special_cause',
      leaning: 'concern',
      side: 'low',
      measure: 'bp-control',
      theme: null,
      site: 'eastgate',
      dimension: 'imd_quintile',
      group: '1',
      from: '2024-05-13',
      to: '2024-07-01',
      strength: 1,
    })
    // 8 points: the baseline's last value (60, just below the mean) joins the shift.
    expect(signal?.summary).toBe(
      'Blood pressure controlled to target at Eastgate Medical Practice, deprivation quintile 1: 8 of the last 8 weeks show special cause: 5 below the lower limit, 3 below the average in a shift (concern).',
    )
  })

  it('reads a P chart the same way (any ControlChartResult)', () => {
    const chart = pChart(weekly([...BASE, 55, 54, 56, 55, 54, 55, 56]).map((p) => ({ period: p.period, numerator: p.value, denominator: 100 })), { direction: 'increase', baseline: 20 })
    const [signal] = signalsFromChart({ measure: BP_CONTROL, site: EASTGATE, dimension: null, group: null, chart })
    expect(signal?.summary).toBe('Blood pressure controlled to target at Eastgate Medical Practice: 8 of the last 8 weeks below the average in a shift (concern).')
    expect(signal?.key).toBe('special_cause|bp-control||eastgate|')
  })

  it('describes "6 of the last 8 weeks below the lower limit" and weighs how many and how recent', () => {
    const chart = handChart('increase', [...calm(20), O, O, '.', O, O, '.', O, O])
    const [signal] = signalsFromChart({ measure: BP_CONTROL, site: EASTGATE, dimension: null, group: null, chart })
    expect(signal?.summary).toBe('Blood pressure controlled to target at Eastgate Medical Practice: 6 of the last 8 weeks below the lower limit (concern).')
    // recency 13/13 × (0.5 + 0.5 × 6/7)
    expect(signal?.strength).toBeCloseTo(0.5 + (0.5 * 6) / 7, 12)
  })

  it('a single latest point outside the limits has strength 0.5 + 0.5/7; the same point 8 weeks ago (5/13 recency) is weak', () => {
    const latest = specialCauseRun(handChart('increase', [...calm(20), 'improvement:outside_limits']))
    expect(latest).toMatchObject({ count: 1, span: 1, age: 0, leaning: 'improvement', side: 'high', phrase: 'the latest week above the upper limit' })
    expect(latest?.strength).toBeCloseTo(0.5 + 0.5 / 7, 12)
    const old = specialCauseRun(handChart('increase', [...calm(12), 'improvement:outside_limits', ...calm(8)]))
    expect(old).toMatchObject({ count: 1, span: 9, age: 8, window: 13 })
    expect(old?.strength).toBeCloseTo((5 / 13) * (0.5 + 0.5 / 7), 12)
    expect(old?.strength).toBeLessThan(0.3)
  })

  it('ignores special cause before the most recent 13 points, or before `recent` points', () => {
    const specs: PointSpec[] = [...calm(5), O, ...calm(13)]
    expect(specialCauseRun(handChart('increase', specs))).toBeUndefined()
    expect(specialCauseRun(handChart('increase', specs), 14)).toMatchObject({ count: 1, span: 14 })
  })

  it('keeps only the latest run when the recent points lean both ways', () => {
    const chart = handChart('increase', [...calm(10), 'improvement:shift', 'improvement:shift', O, O, '.'])
    expect(specialCauseRun(chart)).toMatchObject({ leaning: 'concern', count: 2, span: 3, age: 1, rules: [{ rule: 'outside_limits', count: 2 }] })
  })

  it('is neutral for a measure with no better direction, and says which way', () => {
    const chart = handChart('neutral', [...calm(10), 'neutral_high:trend', 'neutral_high:trend', 'neutral_high:trend'])
    const [signal] = signalsFromChart({ measure: GP_WAIT, site: { code: null, name: 'Riverside ICS' }, dimension: null, group: null, chart })
    expect(signal).toMatchObject({ leaning: 'neutral', side: 'high', site: null, key: 'special_cause|gp-wait-days|||' })
    expect(signal?.summary).toBe('Days to a routine GP appointment at Riverside ICS: 3 of the last 3 weeks in a rising trend (neutral: no better direction).')
  })

  it('says "periods" when the spacing is not a calendar unit', () => {
    expect(specialCauseRun(handChart('increase', [...calm(4), O, O], '2024-01-01', 3))?.phrase).toBe('2 of the last 2 periods below the lower limit')
  })

  it('throws on a chart drawn with another direction, and on an impossible `recent`', () => {
    const chart = handChart('decrease', [O])
    expect(() => signalsFromChart({ measure: BP_CONTROL, site: EASTGATE, dimension: null, group: null, chart })).toThrow('chart direction "decrease" does not match bp-control\'s direction "increase"')
    expect(() => specialCauseRun(chart, 0)).toThrow('invalid recent: 0')
  })
})
