import { describe, expect, it } from 'vitest'
import type { Measure } from '../core/model.ts'
import { observationRow } from './observation-row.ts'
import { BP_CONTROL, FALLS, GP_WAIT_DAYS, MONITORS_LENT } from './riverside-measures.ts'

const row = (measure: Measure, numerator: number, denominator: number) =>
  observationRow(measure, '2025-03-03', 'eastgate', 'sex', 'Female', { numerator, denominator })

describe('observationRow', () => {
  it('stores a proportion as a fraction with its counts', () => {
    expect(row(BP_CONTROL, 29, 50)).toEqual({
      measure: 'bp-control', period: '2025-03-03', site: 'eastgate', dimension: 'sex', group: 'Female', numerator: 29, denominator: 50, value: 0.58,
    })
  })

  it('multiplies a rate by the measure multiplier', () => {
    expect(row(FALLS, 3, 1500)).toMatchObject({ numerator: 3, denominator: 1500, value: 2 })
  })

  it('keeps a count as the value alone, zero included', () => {
    expect(row(MONITORS_LENT, 0, 0)).toMatchObject({ numerator: null, denominator: null, value: 0 })
  })

  it('keeps a mean with how many values it averages', () => {
    expect(row(GP_WAIT_DAYS, 120, 10)).toMatchObject({ numerator: null, denominator: 10, value: 12 })
  })

  it('writes no row when nobody is in the denominator', () => {
    expect(row(BP_CONTROL, 0, 0)).toBeUndefined()
    expect(row(FALLS, 0, 0)).toBeUndefined()
    expect(row(GP_WAIT_DAYS, 0, 0)).toBeUndefined()
  })
})
