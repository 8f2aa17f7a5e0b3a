import { describe, expect, it } from 'vitest'
import { IssueCollector } from './issue-collector.ts'

describe('IssueCollector', () => {
  it('writes file:line:column: problem (expected …). and keeps the parts', () => {
    const issues = new IssueCollector('obs.csv')
    issues.error({ code: 'misaligned_period', line: 14, column: 'period', value: '2024-03-05', problem: '"2024-03-05" is not the start of a week', expected: 'the Monday that starts the week (YYYY-MM-DD)' })
    expect(issues.toArray()).toEqual([
      {
        severity: 'error',
        code: 'misaligned_period',
        message: 'obs.csv:14:period: "2024-03-05" is not the start of a week (expected the Monday that starts the week (YYYY-MM-DD)).',
        file: 'obs.csv',
        line: 14,
        column: 'period',
        value: '2024-03-05',
        expected: 'the Monday that starts the week (YYYY-MM-DD)',
      },
    ])
  })

  it('leaves unknown parts out rather than setting them to undefined', () => {
    const issues = new IssueCollector('m.json')
    issues.warning({ code: 'x', problem: 'p', expected: 'e' })
    const [issue] = issues.toArray()
    expect(Object.keys(issue ?? {}).sort()).toEqual(['code', 'expected', 'file', 'message', 'severity'])
    expect(issue?.message).toBe('m.json: p (expected e).')
    expect(issues.errorCount).toBe(0)
  })

  it('keeps the first `limit` issues and sums up the rest in too_many_issues', () => {
    const issues = new IssueCollector('f.csv', 3)
    for (let line = 1; line <= 1250; line++) issues.error({ code: 'bad', line, problem: 'p', expected: 'e' })
    const list = issues.toArray()
    expect(list).toHaveLength(4)
    expect(list.slice(0, 3).map((i) => i.line)).toEqual([1, 2, 3])
    expect(list[3]).toMatchObject({ severity: 'error', code: 'too_many_issues' })
    expect(list[3]?.message).toContain('1,247 more issues')
    expect(issues.errorCount).toBe(1250)
  })

  it('marks the summary a warning when only warnings were left out', () => {
    const issues = new IssueCollector('f.csv', 1)
    issues.error({ code: 'bad', problem: 'p', expected: 'e' })
    issues.warning({ code: 'meh', problem: 'p', expected: 'e' })
    expect(issues.toArray()[1]).toMatchObject({ severity: 'warning', code: 'too_many_issues' })
  })

  it('refuses an impossible limit', () => {
    expect(() => new IssueCollector('f.csv', -1)).toThrow('invalid issue limit: -1')
  })
})
