import { describe, expect, it } from 'vitest'
import { addDays } from '../period.ts'
import { xmrChart } from '../spc/index.ts'
import { BP_CONTROL, calm, handChart } from './fixtures.ts'
import { signalsFromGap } from './gap-signals.ts'

const EASTGATE = { code: 'eastgate', name: 'Eastgate Medical Practice' }
const labels = { groupLabel: 'deprivation quintile 1', referenceLabel: 'quintile 5' }

describe('signalsFromGap', () => {
  it('a gap of −12 points growing to −17 (improvement is the gap closing, so rising) is widening: concern', () => {
    const values = [-12, -11.5, -12.5, -12, -11, -12.5, -12, -11.5, -12.5, -12, -12, -11.5, -17, -17.5, -16.5]
    const chart = xmrChart(values.map((value, i) => ({ period: addDays('2024-01-01', 7 * i), value })), { direction: 'increase', baseline: 12 })
    const [signal] = signalsFromGap({ measure: BP_CONTROL, site: EASTGATE, dimension: 'imd_quintile', group: '1', reference: '5', ...labels, chart })
    expect(signal).toMatchObject({ key: 'gap_change|bp-control||eastgate|imd_quintile:1', kind: 'gap_change', leaning: 'concern', side: 'low', strength: expect.closeTo(0.5 + 1.5 / 7, 12) })
    expect(signal?.summary).toBe(
      'The gap in blood pressure controlled to target between deprivation quintile 1 and quintile 5 at Eastgate Medical Practice is widening: 3 of the last 3 weeks below the lower limit (concern).',
    )
  })

  it('is narrowing (improvement) when the gap moves the better way, and silent when it does not move', () => {
    const narrowing = handChart('decrease', [...calm(12), 'improvement:shift'])
    expect(signalsFromGap({ measure: BP_CONTROL, site: EASTGATE, dimension: 'imd_quintile', group: '1', reference: '5', chart: narrowing })[0]).toMatchObject({
      leaning: 'improvement',
      summary: expect.stringContaining('between imd_quintile 1 and imd_quintile 5 at Eastgate Medical Practice is narrowing'),
    })
    expect(signalsFromGap({ measure: BP_CONTROL, site: EASTGATE, dimension: 'imd_quintile', group: '1', reference: '5', chart: handChart('decrease', calm(20)) })).toEqual([])
  })
})
