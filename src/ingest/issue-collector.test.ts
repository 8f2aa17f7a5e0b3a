import { describe, expect, it } from 'vitest'
import { IssueCollector, preview, quote } from './issue-collector.ts'

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

describe('quote', () => {
  it('quotes a value with quotes, line breaks and control characters escaped', () => {
    expect(quote('say "hi"\n\u0000')).toBe('"say \\"hi\\"\\n\\u0000"')
  })

  it('cuts a long value short with an ellipsis and its length, so a 1 MB cell does not make a 2 MB message', () => {
    expect(quote('a'.repeat(1_048_576))).toBe(`"${'a'.repeat(100)}…" (1,048,576 characters)`)
    expect(quote('a'.repeat(100))).toBe(`"${'a'.repeat(100)}"`)
    expect(quote(`${'a'.repeat(99)}\u{1F4C8}`)).toBe(`"${'a'.repeat(99)}…" (101 characters)`)
  })
})

describe('preview', () => {
  it('writes a JSON value as JSON.stringify does when it is small', () => {
    expect([null, true, 42, 'a"b', [], {}, [1, [2]], { a: 1, b: ['x'] }].map(preview)).toEqual(['null', 'true', '42', '"a\\"b"', '[]', '{}', '[1,[2]]', '{"a":1,"b":["x"]}'])
  })

  it('looks only a few levels into a value nested thousands deep (JSON.stringify threw RangeError)', () => {
    const deep = JSON.parse(`${'['.repeat(10_000)}${']'.repeat(10_000)}`) as unknown
    expect(preview(deep)).toBe('[[[[…]]]]')
    expect(preview(JSON.parse(`${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}`))).toBe('{"a":{"a":{"a":{…}}}}')
  })

  it('stops after about 80 characters of a long string, array or object', () => {
    for (const value of ['x'.repeat(1_000_000), Array.from({ length: 1_000_000 }, (_, i) => i), Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`key${i}`, 'v'.repeat(i)]))]) {
      const text = preview(value)
      expect(text.length).toBeLessThanOrEqual(81)
      expect(text.endsWith('…')).toBe(true)
    }
  })
})
