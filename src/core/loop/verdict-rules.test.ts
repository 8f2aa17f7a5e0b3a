import { describe, expect, it } from 'vitest'
import { actionVerdict, balancingVerdict, enoughSeen, primaryVerdict, type PrimaryFacts } from './verdict-rules.ts'

const facts = (overrides: Partial<PrimaryFacts>): PrimaryFacts => ({ frozen: true, pointsAfter: 12, lastPeriod: '2025-11-17', by: null, predicted: false, opposite: false, ...overrides })

describe('primaryVerdict', () => {
  it.each([
    ['a short baseline', { frozen: false, predicted: true }, 'not_yet_clear', 'short_baseline'],
    ['7 points after, however clear', { pointsAfter: 7, predicted: true }, 'not_yet_clear', 'too_few_after'],
    ['8 points after, lasting change as predicted', { pointsAfter: 8, predicted: true }, 'working', 'predicted_change'],
    ['lasting change the other way', { opposite: true }, 'not_working', 'opposite_change'],
    ['lasting change the other way with 8 points and a by date to come', { pointsAfter: 8, by: '2026-06-01', opposite: true }, 'not_working', 'opposite_change'],
    ['lasting change both ways', { predicted: true, opposite: true }, 'not_working', 'both_ways'],
    ['no lasting change with 12 points', {}, 'not_working', 'no_change'],
    ['no lasting change with 11 points', { pointsAfter: 11 }, 'not_yet_clear', 'no_change_yet'],
    ['no lasting change, by date not reached by the data', { pointsAfter: 30, by: '2025-11-18' }, 'not_yet_clear', 'no_change_yet'],
    ['no lasting change, by date reached by the data', { pointsAfter: 9, by: '2025-11-17' }, 'not_working', 'no_change'],
  ] as const)('%s', (_, overrides, verdict, basis) => {
    expect(primaryVerdict(facts(overrides))).toEqual({ verdict, basis })
  })

  it('counts a by date as reached only by the data, not by the calendar', () => {
    expect(enoughSeen({ pointsAfter: 20, lastPeriod: null, by: '2025-01-01' })).toBe(false)
  })
})

describe('balancingVerdict', () => {
  it.each([
    ['lasting harm, however few points', { frozen: true, pointsAfter: 3, harmful: true }, 'harm', 'harmful_change'],
    ['a short baseline', { frozen: false, pointsAfter: 20, harmful: false }, 'not_yet_clear', 'short_baseline'],
    ['fewer than 8 points', { frozen: true, pointsAfter: 7, harmful: false }, 'not_yet_clear', 'too_few_after'],
    ['8 points and no harm', { frozen: true, pointsAfter: 8, harmful: false }, 'no_harm', 'no_harmful_change'],
  ] as const)('%s', (_, input, verdict, basis) => {
    expect(balancingVerdict(input)).toEqual({ verdict, basis })
  })
})

describe('actionVerdict', () => {
  it.each([
    [['working'], ['harm'], 'harm'],
    [['working', 'working'], ['no_harm', 'not_yet_clear'], 'working'],
    [['working', 'not_yet_clear'], [], 'not_yet_clear'],
    [['not_yet_clear', 'not_working'], ['no_harm'], 'not_working'],
    [[], ['no_harm'], 'not_yet_clear'],
    [[], [], 'not_yet_clear'],
  ] as const)('%j with balancing %j → %s', (primaries, balancing, verdict) => {
    expect(actionVerdict(primaries, balancing)).toBe(verdict)
  })
})
