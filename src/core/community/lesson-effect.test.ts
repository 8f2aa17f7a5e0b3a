import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { disclosurePolicy } from '../disclosure/index.ts'
import { publishEffect, type EffectInput } from './lesson-effect.ts'

const nhs = disclosurePolicy('nhs-digital')
const fft = disclosurePolicy('fft')

function input(groups: { group: string; before: [number, number]; after: [number, number] }[], total?: { before: [number, number]; after: [number, number] }): EffectInput {
  const sum = (w: 'before' | 'after', i: 0 | 1) => groups.reduce((s, g) => s + g[w][i], 0)
  const t = total ?? { before: [sum('before', 0), sum('before', 1)], after: [sum('after', 0), sum('after', 1)] }
  return {
    measure: { code: 'bp-control', name: 'BP controlled' },
    where: 'Eastgate',
    before: { from: '2025-01-06', to: '2025-06-30' },
    after: { from: '2025-07-07', to: '2025-12-29' },
    total: { before: { numerator: t.before[0], denominator: t.before[1] }, after: { numerator: t.after[0], denominator: t.after[1] } },
    dimension: 'imd_quintile',
    groups: groups.map((g) => ({ group: g.group, label: `Quintile ${g.group}`, before: { numerator: g.before[0], denominator: g.before[1] }, after: { numerator: g.after[0], denominator: g.after[1] } })),
  }
}

describe('publishEffect', () => {
  it('rounds counts to 5 under the NHS Digital convention and works rates out from the rounded counts', () => {
    const effect = publishEffect(nhs, input([{ group: '1', before: [52, 101], after: [68, 99] }, { group: '2', before: [61, 98], after: [70, 102] }]))
    const q1 = effect.rows.find((r) => r.group === '1')!
    expect(q1.before).toEqual({ numerator: '50', denominator: '100', rate: 0.5 })
    expect(q1.after).toEqual({ numerator: '70', denominator: '100', rate: 0.7 })
    expect(q1.change).toBe(0.2)
    expect(effect.rows[0]!.label).toBe('Everyone')
    expect(effect.policy).toBe(nhs.statement)
  })

  it('hides a small group and, with it, enough others that it cannot be worked out from everyone', () => {
    const effect = publishEffect(fft, input([{ group: '1', before: [3, 40], after: [30, 40] }, { group: '2', before: [20, 40], after: [20, 40] }, { group: '3', before: [25, 40], after: [22, 40] }]))
    const before = Object.fromEntries(effect.rows.map((r) => [r.group, r.before.numerator]))
    expect(before['1']).toBe('*')
    expect(Object.values(before).filter((v) => v === '*').length).toBeGreaterThanOrEqual(2)
    expect(effect.rows.find((r) => r.group === '1')!.change).toBeNull()
  })

  it('adds a row for people in no recorded group, so the groups add up to everyone', () => {
    const effect = publishEffect(fft, input([{ group: '1', before: [20, 40], after: [25, 40] }], { before: [50, 100], after: [60, 100] }))
    expect(effect.rows.map((r) => r.label)).toEqual(['Everyone', 'Quintile 1', 'Group not recorded'])
    expect(effect.rows[2]!.before).toEqual({ numerator: '30', denominator: '60', rate: 0.5 })
  })

  it('throws on a count that is not a count', () => {
    expect(() => publishEffect(nhs, input([{ group: '1', before: [-1, 10], after: [1, 10] }]))).toThrow(/invalid count for before.numerator.1: -1/)
  })

  it('never prints a count the FFT policy hides, nor lets one be recovered by subtraction from everyone (property)', () => {
    const count = fc.integer({ min: 0, max: 60 })
    fc.assert(
      fc.property(fc.array(fc.tuple(count, count), { minLength: 2, maxLength: 5 }), (pairs) => {
        const groups = pairs.map(([n, extra], i) => ({ group: String(i + 1), before: [n, n + extra] as [number, number], after: [n, n + extra] as [number, number] }))
        const effect = publishEffect(fft, input(groups))
        for (const row of effect.rows) {
          const n = Number(row.before.numerator)
          if (row.before.numerator !== '*') expect(n === 0 || n >= 5).toBe(true)
        }
        const hidden = effect.rows.slice(1).filter((r) => r.before.numerator === '*').length
        expect(hidden === 0 || hidden >= 2 || effect.rows[0]!.before.numerator === '*').toBe(true)
      }),
    )
  })
})
