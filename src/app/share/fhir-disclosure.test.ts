// Disclosure control on FHIR export cells: random reports under every policy never leave a lone
// hidden group beside a shown total, never show a count the policy hides, and round as it says.
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { fuzzParameters } from '../../../test/fuzz/fuzz-settings.ts'
import { DISCLOSURE_POLICIES } from '../../core/disclosure/index.ts'
import type { Measure, ObservationInput } from '../../core/model.ts'
import { discloseCells } from './fhir-disclosure.ts'

const MEASURE: Measure = { code: 'm', name: 'M', description: '', type: 'process', kind: 'proportion', rateMultiplier: null, direction: 'increase', target: null, period: 'week', defaultChart: 'p', numeratorDefinition: null, denominatorDefinition: null, unit: null }
const ROUND: Record<string, number> = { 'nhs-digital': 5, fft: 1, gpps: 1, research: 1 }

/** A report: groups of one dimension (numerator ≤ denominator each) and their exact total. */
const report = fc.array(fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 0, max: 40 })), { minLength: 1, maxLength: 6 }).map((pairs) => {
  const groups = pairs.map(([a, b]) => ({ numerator: Math.min(a, b), denominator: Math.max(a, b, 1) }))
  const row = (dimension: string | null, group: string | null, n: number, d: number): ObservationInput => ({ measure: 'm', period: '2025-01-06', site: null, dimension, group, numerator: n, denominator: d, value: n / d })
  const total = row(null, null, groups.reduce((s, g) => s + g.numerator, 0), groups.reduce((s, g) => s + g.denominator, 0))
  return [total, ...groups.map((g, i) => row('imd_quintile', String(i + 1), g.numerator, g.denominator))]
})

describe('discloseCells', () => {
  for (const policy of DISCLOSURE_POLICIES) {
    it(`applies ${policy.id} to totals and groups together`, () => {
      fc.assert(
        fc.property(report, (rows) => {
          const cells = discloseCells(policy, new Map([['m', MEASURE]]), rows)
          expect(cells).toHaveLength(rows.length)
          for (const field of ['numerator', 'denominator'] as const) {
            const [total, ...groups] = cells.map((c) => c[field])
            const hidden = groups.filter((v) => v === 'masked').length
            if (total !== 'masked') expect(hidden, `${field}: ${JSON.stringify(cells.map((c) => c[field]))}`).not.toBe(1)
            cells.forEach((cell, i) => {
              const exact = rows[i]?.[field] ?? 0
              const shown = cell[field]
              if (typeof shown === 'number') {
                expect(exact >= (policy.id === 'research' ? 0 : 1) && exact < policy.threshold, `${exact} is below the threshold`).toBe(false)
                expect(shown % ROUND[policy.id]!).toBe(0)
              }
            })
          }
          for (const cell of cells) {
            if (typeof cell.numerator === 'number' && typeof cell.denominator === 'number' && cell.denominator > 0) expect(cell.value).toBe(cell.numerator / cell.denominator)
            else expect(cell.value).toBe('masked')
          }
        }),
        fuzzParameters(),
      )
    })
  }
})
