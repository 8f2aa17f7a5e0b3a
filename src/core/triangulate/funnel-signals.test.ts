import { describe, expect, it } from 'vitest'
import { funnelPlot } from '../compare/index.ts'
import { BP_CONTROL, GP_WAIT, SITE_NAMES, funnelUnit } from './fixtures.ts'
import { signalsFromFunnel } from './funnel-signals.ts'

const WINDOW = { from: '2024-10-07', to: '2024-12-30' }

describe('signalsFromFunnel', () => {
  it('gives one signal per unit outside the limits, in unit order, none for units within both', () => {
    const units = [
      funnelUnit('westbrook', { position95: 'below', z: -2.4 }),
      funnelUnit('eastgate', { position: 'below', position95: 'below', z: -4.635348, signal: 'possible concern' }),
      funnelUnit('northfield'),
    ]
    const signals = signalsFromFunnel({ measure: BP_CONTROL, units, ...WINDOW, siteNames: SITE_NAMES })
    expect(signals.map((s) => [s.key, s.leaning, s.side, s.strength])).toEqual([
      // 0.5 + 0.5 × (4.635348 − 3.090232) / 3.090232 = 0.75
      ['funnel_outlier|bp-control||eastgate|', 'concern', 'low', expect.closeTo(0.75, 6)],
      ['funnel_outlier|bp-control||westbrook|', 'concern', 'low', 0.2],
    ])
    expect(signals[0]?.summary).toBe('Blood pressure controlled to target at Eastgate Medical Practice, 2024-10-07 to 2024-12-30: lower than the other sites, outside the 99.8% funnel limits (possible concern).')
    expect(signals[1]?.summary).toBe('Blood pressure controlled to target at Westbrook Health Centre, 2024-10-07 to 2024-12-30: lower than the other sites, outside the 95% funnel limits but within the 99.8% limits (possible concern, weak).')
    expect(signals.every((s) => s.from === WINDOW.from && s.to === WINDOW.to)).toBe(true)
  })

  it('leans improvement above the limits when higher is better, neutral when no direction is better; strength caps at 1', () => {
    const above = funnelUnit('hillside', { position: 'above', position95: 'above', z: 9 })
    expect(signalsFromFunnel({ measure: BP_CONTROL, units: [above], ...WINDOW })[0]).toMatchObject({ leaning: 'improvement', side: 'high', strength: 1 })
    expect(signalsFromFunnel({ measure: GP_WAIT, units: [above], ...WINDOW })[0]).toMatchObject({ leaning: 'neutral', summary: expect.stringContaining('(higher than expected)') })
  })

  it('keys a group funnel by its group', () => {
    const unit = funnelUnit('eastgate', { position: 'below', position95: 'below', z: -3.5 })
    const [s] = signalsFromFunnel({ measure: BP_CONTROL, units: [unit], ...WINDOW, dimension: 'imd_quintile', group: '1', groupLabel: 'deprivation quintile 1' })
    expect(s?.key).toBe('funnel_outlier|bp-control||eastgate|imd_quintile:1')
    expect(s?.summary).toContain('at eastgate, deprivation quintile 1, ')
  })

  it('reads a real funnel plot: the practice far below the others is an outlier on the concern side', () => {
    const funnel = funnelPlot(
      [
        { unit: 'eastgate', numerator: 420, denominator: 1000 },
        { unit: 'northfield', numerator: 610, denominator: 1000 },
        { unit: 'westbrook', numerator: 600, denominator: 1000 },
        { unit: 'southmead', numerator: 590, denominator: 1000 },
        { unit: 'hillside', numerator: 605, denominator: 1000 },
        { unit: 'riverbank', numerator: 595, denominator: 1000 },
      ],
      { type: 'proportion', direction: 'increase' },
    )
    const signals = signalsFromFunnel({ measure: BP_CONTROL, units: funnel.units, ...WINDOW })
    expect(signals.map((s) => [s.site, s.leaning])).toContainEqual(['eastgate', 'concern'])
    expect(signals.find((s) => s.site === 'eastgate')?.strength).toBeGreaterThanOrEqual(0.5)
  })
})
