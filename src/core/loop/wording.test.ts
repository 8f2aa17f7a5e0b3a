import { describe, expect, it } from 'vitest'
import { formatNumber, formatP, valueWords } from './value-words.ts'
import { formatDate, formatPeriod, listAnd, listPeriods, seriesSubject } from './wording.ts'
import type { LoopMeasure } from './types.ts'

describe('wording', () => {
  it('writes dates and periods in full, in UK order', () => {
    expect(formatDate('2025-09-01')).toBe('1 September 2025')
    expect(formatPeriod('2025-09-01', 'week')).toBe('the week of 1 September 2025')
    expect(formatPeriod('2025-09-01', 'month')).toBe('September 2025')
    expect(formatPeriod('2025-10-01', 'quarter')).toBe('October to December 2025')
    expect(formatPeriod('2025-09-03', 'day')).toBe('3 September 2025')
    expect(() => formatDate('2025-02-30')).toThrow('invalid ISO date: "2025-02-30"')
  })

  it('lists periods, naming at most four', () => {
    expect(listPeriods(['2025-09-01'], 'week')).toBe('the week of 1 September 2025')
    expect(listPeriods(['2025-09-01', '2025-09-08', '2025-09-15', '2025-09-22', '2025-09-29', '2025-10-06'], 'week')).toBe('weeks of 1 September 2025, 8 September 2025, 15 September 2025, 22 September 2025 and 2 more')
    expect(listPeriods(['2025-09-01', '2025-10-01'], 'month')).toBe('September 2025 and October 2025')
    expect(listAnd(['a', 'b', 'c'])).toBe('a, b and c')
  })

  it('names the series', () => {
    expect(seriesSubject('blood pressure controlled to target', 'Eastgate', 'most deprived fifth')).toBe('Blood pressure controlled to target at Eastgate, most deprived fifth')
    expect(seriesSubject('falls', null, null)).toBe('Falls across the organisation')
  })

  it('writes numbers with separators and a true minus sign', () => {
    expect(formatNumber(-1234.567, 1)).toBe('−1,234.6')
    expect(formatNumber(-0.01, 1)).toBe('0.0')
    expect(formatP(0.0004)).toBe('p < 0.001')
    expect(formatP(0.0123)).toBe('p = 0.012')
  })

  it('shows proportions as percentages and their differences as percentage points', () => {
    const measure: LoopMeasure = { code: 'm', name: 'm', kind: 'proportion', direction: 'increase', period: 'week' }
    const words = valueWords(measure, 0.6)
    expect([words.value(0.625), words.amount(-0.041), words.bare(-0.0049)]).toEqual(['62.5%', '4.1 percentage points', '−0.5'])
  })

  it('gives other values three significant figures and their unit', () => {
    const measure: LoopMeasure = { code: 'm', name: 'm', kind: 'mean', direction: 'decrease', period: 'week', unit: 'mmHg' }
    expect(valueWords(measure, 140).value(140.26)).toBe('140.3 mmHg')
    expect(valueWords(measure, 0.42).value(0.4234)).toBe('0.423 mmHg')
    const rate: LoopMeasure = { code: 'r', name: 'r', kind: 'rate', direction: 'decrease', period: 'month', rateMultiplier: 1000 }
    expect(valueWords(rate, 6).amount(-1.25)).toBe('1.25 per 1,000')
  })
})
