import { describe, expect, it } from 'vitest'
import { groupDifferences } from '../compare/group-differences.ts'
import { signalsFromGroupDifferences } from './group-signals.ts'

const measure = { code: 'bp-control', name: 'Blood pressure controlled to target', direction: 'increase' as const }
const site = { code: null, name: 'Riverside' }

describe('signalsFromGroupDifferences', () => {
  it('makes a signal for each group whose interval for the difference excludes zero, leaning from the direction', () => {
    const differences = groupDifferences(
      [
        { group: '5', numerator: 700, denominator: 1000 },
        { group: '1', numerator: 500, denominator: 1000 },
        { group: '3', numerator: 690, denominator: 1000 },
        { group: 'Not stated', numerator: 10, denominator: 100 },
      ],
      { measure: 'proportion' },
    )
    const signals = signalsFromGroupDifferences({ measure, site, dimension: 'imd_quintile', differences, from: '2025-01-06', to: '2025-03-31', scale: 100, groupLabel: (_d, g) => `quintile ${g}` })
    expect(signals.map((s) => [s.group, s.leaning, s.side])).toEqual([['1', 'concern', 'low']])
    expect(signals[0]!.key).toBe('group_difference|bp-control|||imd_quintile:1')
    expect(signals[0]!.summary).toBe('Blood pressure controlled to target at Riverside is 20 percentage points lower in quintile 1 than in quintile 5 from 2025-01-06 to 2025-03-31 (95% interval of the difference excludes zero) (concern).')
    expect(signals[0]!.strength).toBeGreaterThan(0.9)
  })

  it('leans improvement for a group doing better, and neutral for a neutral measure', () => {
    const differences = groupDifferences([{ group: 'A', numerator: 500, denominator: 1000 }, { group: 'B', numerator: 800, denominator: 1000 }], { measure: 'proportion', reference: 'A' })
    expect(signalsFromGroupDifferences({ measure, site, dimension: 'ethnicity', differences, from: 'x', to: 'y' })[0]!.leaning).toBe('improvement')
    expect(signalsFromGroupDifferences({ measure: { ...measure, direction: 'neutral' }, site, dimension: 'ethnicity', differences, from: 'x', to: 'y' })[0]!.leaning).toBe('neutral')
  })

  it('makes none when every interval includes zero', () => {
    const differences = groupDifferences([{ group: 'A', numerator: 50, denominator: 100 }, { group: 'B', numerator: 52, denominator: 100 }], { measure: 'proportion', reference: 'A' })
    expect(signalsFromGroupDifferences({ measure, site, dimension: 'ethnicity', differences, from: 'x', to: 'y' })).toEqual([])
  })
})
