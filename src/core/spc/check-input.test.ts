import { describe, expect, it } from 'vitest'
import { checkInput } from './check-input.ts'

describe('checkInput', () => {
  it('sorts the points by period', () => {
    const checked = checkInput([{ period: '2024-01-03', value: 3 }, { period: '2024-01-01', value: 1 }, { period: '2024-01-02', value: 2 }], undefined)
    expect(checked.points.map((p) => p.value)).toEqual([1, 2, 3])
    expect(checked.issues).toEqual([])
  })

  it('drops null and NaN values with one warning each naming the period, and sees no gap there', () => {
    const checked = checkInput(
      [{ period: '2024-01-01', value: 1 }, { period: '2024-01-02', value: null }, { period: '2024-01-03', value: Number.NaN }, { period: '2024-01-04', value: 4 }],
      undefined,
    )
    expect(checked.points.map((p) => p.period)).toEqual(['2024-01-01', '2024-01-04'])
    expect(checked.issues.map((i) => [i.severity, i.code, i.value])).toEqual([['warning', 'missing_value', 'null'], ['warning', 'missing_value', 'NaN']])
    expect(checked.issues[0]!.message).toContain('2024-01-02')
    expect(checked.issues[1]!.message).toContain('2024-01-03')
  })

  it('rejects duplicate periods with one error each', () => {
    const checked = checkInput([{ period: '2024-01-01', value: 1 }, { period: '2024-01-01', value: 2 }, { period: '2024-01-02', value: 2 }], undefined)
    expect(checked.rejected).toBe(true)
    expect(checked.points).toEqual([])
    expect(checked.issues).toHaveLength(1)
    expect(checked.issues[0]).toMatchObject({ severity: 'error', code: 'duplicate_period', value: '2024-01-01' })
    expect(checked.issues[0]!.message).toContain('appears 2 times')
  })

  it('rejects periods that are not ISO dates', () => {
    const checked = checkInput([{ period: '2024-02-30', value: 1 }, { period: 'March', value: 2 }], undefined)
    expect(checked.rejected).toBe(true)
    expect(checked.issues.map((i) => [i.code, i.value])).toEqual([['invalid_period', '2024-02-30'], ['invalid_period', 'March']])
  })

  it('keeps the exclusion reason, and null when there is none', () => {
    const checked = checkInput([{ period: '2024-01-01', value: 1, excluded: 'coding change' }, { period: '2024-01-02', value: 2 }], 'day')
    expect(checked.points.map((p) => p.excluded)).toEqual(['coding change', null])
  })

  it('checks spacing against the given interval rather than the inferred one', () => {
    const periods = ['2024-01-01', '2024-01-08', '2024-01-15']
    const points = periods.map((period) => ({ period, value: 1 }))
    expect(checkInput(points, undefined).issues).toEqual([])
    expect(checkInput(points, 'day').issues.map((i) => i.code)).toEqual(['irregular_spacing', 'irregular_spacing'])
  })

  it('warns when the spacing cannot be recognised', () => {
    const points = ['2024-01-01', '2024-01-15', '2024-01-29'].map((period) => ({ period, value: 1 }))
    expect(checkInput(points, undefined).issues.map((i) => i.code)).toEqual(['unknown_interval'])
  })
})
