import { describe, expect, it } from 'vitest'
import { spacingIssues } from './spacing-issues.ts'

describe('spacingIssues', () => {
  it('names the missing weeks and the dates either side', () => {
    const issues = spacingIssues(['2024-02-26', '2024-03-04', '2024-03-25', '2024-04-01'], 'week')
    expect(issues).toHaveLength(1)
    expect(issues[0]).toMatchObject({ severity: 'warning', code: 'irregular_spacing' })
    expect(issues[0]!.message).toContain('2 weeks missing between 2024-03-04 and 2024-03-25')
  })

  it('uses the singular for one missing period', () => {
    expect(spacingIssues(['2024-01-01', '2024-03-01'], 'month')[0]!.message).toContain('1 month missing between 2024-01-01 and 2024-03-01')
  })

  it('flags uneven spacing that is not a whole number of periods', () => {
    const issues = spacingIssues(['2024-03-04', '2024-03-14'], 'week')
    expect(issues.map((i) => i.code)).toEqual(['irregular_spacing'])
    expect(issues[0]!.message).toContain('Uneven spacing between 2024-03-04 and 2024-03-14')
  })

  it.each([
    { unit: 'day', periods: ['2024-02-28', '2024-02-29', '2024-03-01'] },
    { unit: 'week', periods: ['2023-12-25', '2024-01-01', '2024-01-08'] },
    { unit: 'month', periods: ['2023-12-01', '2024-01-01', '2024-02-01', '2024-03-01'] },
    { unit: 'quarter', periods: ['2023-10-01', '2024-01-01', '2024-04-01'] },
  ] as const)('regular $unit periods give no issue', ({ unit, periods }) => {
    expect(spacingIssues(periods, unit)).toEqual([])
  })
})
