import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { linesOf, runCli } from '../../../test/cli/run-cli.ts'
import { GapResultSchema } from '../../contract/gap.ts'
import type { GapResult } from './gap.ts'

// docs/methods/group-differences.md, worked example: Q1 30 of 200 (reference), Q5 60 of 200.
// Wilson Q1 (0.10714, 0.20606), Q5 (0.24075, 0.36679); difference 0.15 (0.0684, 0.2294); ratio 2 (1.3514, 2.9599).
// The same counts in two months, a third group in January only, and Q5 alone in March (no reference).
const WORKED = [
  'period,group,numerator,denominator',
  '2024-01-01,Q1,30,200',
  '2024-01-01,Q5,60,200',
  '2024-01-01,Q3,45,200',
  '2024-02-01,Q5,60,200',
  '2024-02-01,Q1,30,200',
  '2024-03-01,Q5,10,100',
].join('\n') + '\n'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lhs-gap-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

/** `lhs gap …` through the real command table (src/cli/run.ts), in the test's folder. */
const gap = (...args: string[]) => runCli(['gap', ...args], {}, dir)

async function gapJson(path: string, ...flags: string[]): Promise<GapResult> {
  const outcome = await gap(path, '--json', ...flags)
  expect(outcome.stderr).toBe('')
  expect(outcome.code).toBe(0)
  const json: unknown = JSON.parse(outcome.stdout)
  GapResultSchema.parse(json)
  return json as GapResult
}

const close = (interval: { estimate: number; lower: number; upper: number } | null, expected: readonly number[], digits: number): void => {
  expect(interval).not.toBeNull()
  expect([interval!.estimate, interval!.lower, interval!.upper]).toEqual(expected.map((v) => expect.closeTo(v, digits)))
}

describe('lhs gap --json: the worked example of docs/methods/group-differences.md', () => {
  it('one row per period and group, with the rate, interval, difference and ratio to the reference', async () => {
    const result = await gapJson(file('worked.csv', WORKED), '--reference', 'Q1')
    expect(result).toMatchObject({ measure: 'proportion', reference: 'Q1', level: 0.95, groups: ['Q1', 'Q5', 'Q3'] })
    expect(result.rows.map((r) => [r.period, r.group, r.isReference])).toEqual([
      ['2024-01-01', 'Q1', true],
      ['2024-01-01', 'Q5', false],
      ['2024-01-01', 'Q3', false],
      ['2024-02-01', 'Q1', true],
      ['2024-02-01', 'Q5', false],
      ['2024-03-01', 'Q5', false],
    ])
    for (const period of ['2024-01-01', '2024-02-01']) {
      const q1 = result.rows.find((r) => r.period === period && r.group === 'Q1')!
      const q5 = result.rows.find((r) => r.period === period && r.group === 'Q5')!
      close(q1.value, [0.15, 0.10714, 0.20606], 5)
      expect(q1.difference).toBeNull()
      expect(q1.ratio).toBeNull()
      close(q5.value, [0.3, 0.24075, 0.36679], 5)
      close(q5.difference, [0.15, 0.0684, 0.2294], 4)
      close(q5.ratio, [2, 1.3514, 2.9599], 4)
      expect(q5).toMatchObject({ numerator: 60, denominator: 200, small: false, notStated: false })
    }
    const march = result.rows.find((r) => r.period === '2024-03-01')!
    expect(march).toMatchObject({ difference: null, ratio: null })
    // Wilson 10 of 100: (0.0552, 0.1744).
    close(march.value, [0.1, 0.0552, 0.1744], 4)
  })

  it('the gap of each group to the reference, period by period, with a warning for each period without both', async () => {
    const result = await gapJson(file('worked-gaps.csv', WORKED), '--reference', 'Q1')
    expect(result.gaps.map((g) => [g.group, g.points.map((p) => p.period)])).toEqual([
      ['Q5', ['2024-01-01', '2024-02-01']],
      ['Q3', ['2024-01-01']],
    ])
    const q5 = result.gaps[0]!.points[0]!
    expect([q5.value, q5.lower, q5.upper, q5.comparisonValue, q5.referenceValue]).toEqual([0.15, 0.0684, 0.2294, 0.3, 0.15].map((v) => expect.closeTo(v, 4)))
    expect(result.issues.map((i) => [i.severity, i.code, i.value])).toEqual([
      ['warning', 'missing_reference', '2024-03-01'],
      ['warning', 'missing_group_period', '2024-02-01'],
    ])
  })

  it('--measure rate: exact Poisson intervals and Wald differences; the ratio is unchanged for equal denominators', async () => {
    const result = await gapJson(file('worked-rate.csv', WORKED), '--reference', 'Q1', '--measure', 'rate')
    const q5 = result.rows.find((r) => r.period === '2024-01-01' && r.group === 'Q5')!
    expect(q5.value.estimate).toBeCloseTo(0.3, 12)
    expect(q5.difference!.estimate).toBeCloseTo(0.15, 12)
    // Wald: √(60/200² + 30/200²) = 0.0474342; 0.15 ± 1.959964 × 0.0474342.
    expect(q5.difference!.lower).toBeCloseTo(0.15 - 1.959964 * Math.sqrt(90) / 200, 5)
    expect(q5.ratio!.estimate).toBeCloseTo(2, 12)
  })

  it('text output: a table of every group and period, and the warnings on stderr', async () => {
    const outcome = await gap(file('worked-text.csv', WORKED), '--reference', 'Q1')
    expect(outcome.code).toBe(0)
    const lines = linesOf(outcome.stdout)
    expect(lines[0]).toBe('Group proportions against reference "Q1", 95% intervals')
    expect(lines[1]).toMatch(/^period\s+group\s+numerator\s+denominator\s+proportion \(95% CI\)\s+difference \(95% CI\)\s+ratio \(95% CI\)$/)
    expect(lines).toHaveLength(2 + 6)
    expect(lines[3]).toMatch(/^2024-01-01\s+Q5\s+60\s+200\s+0\.3000 \(0\.2407 to 0\.3668\)\s+0\.1500 \(0\.0684 to 0\.2294\)\s+2\.0000 \(1\.3514 to 2\.9599\)$/)
    expect(lines[2]).toMatch(/^2024-01-01\s+Q1 \(reference\)\s+30\s+200\s+0\.1500 \(0\.1071 to 0\.2061\)\s+-\s+-$/)
    expect(linesOf(outcome.stderr)).toHaveLength(2)
    expect(outcome.stderr).toContain('warning: No counts for the reference group "Q1" in 2024-03-01')
  })
})

describe('lhs gap: bad input', () => {
  it.each([
    { name: 'a text numerator', text: 'period,group,numerator,denominator\n2024-01-01,Q1,x,200\n', says: ['text.csv:2:numerator: "x" is not a number'] },
    { name: 'a bad date', text: 'period,group,numerator,denominator\n2024-13-01,Q1,1,200\n', says: ['text.csv:2:period: "2024-13-01" is not a real date'] },
    { name: 'an empty group', text: 'period,group,numerator,denominator\n2024-01-01,,1,200\n', says: ['text.csv:2:group: group is empty'] },
    { name: 'a zero denominator', text: 'period,group,numerator,denominator\n2024-01-01,Q1,0,0\n', says: ['text.csv:2:denominator: denominator "0" is 0'] },
    { name: 'a numerator above the denominator', text: 'period,group,numerator,denominator\n2024-01-01,Q1,201,200\n', says: ['text.csv:2:numerator: numerator "201" is above denominator "200"'] },
    {
      name: 'a duplicate row',
      text: 'period,group,numerator,denominator\n2024-01-01,Q1,1,200\n2024-01-01,Q1,2,200\n',
      says: ['text.csv:3:group: group "Q1" in period "2024-01-01" already has a row on line 2 (expected one row per period and group).'],
    },
    { name: 'a bad header', text: 'period,quintile,numerator,denominator\n2024-01-01,Q1,1,200\n', says: ['text.csv:1: the header'] },
    { name: 'an empty file', text: '', says: ['text.csv: the file is empty'] },
  ])('$name: exit 2, file:line:column on stderr, nothing on stdout', async (c) => {
    const outcome = await gap(file('text.csv', c.text), '--json', '--reference', 'Q1')
    expect(outcome.code).toBe(2)
    expect(outcome.stdout).toBe('')
    const lines = linesOf(outcome.stderr)
    expect(lines).toHaveLength(c.says.length)
    lines.forEach((line, i) => expect(line.startsWith(c.says[i]!), `${line} starts with ${c.says[i]}`).toBe(true))
  })

  it('a numerator above the denominator is fine for --measure rate', async () => {
    const result = await gapJson(file('rate.csv', 'period,group,numerator,denominator\n2024-01-01,Q1,201,200\n2024-01-01,Q5,300,200\n'), '--reference', 'Q1', '--measure', 'rate')
    expect(result.rows[1]!.ratio!.estimate).toBeCloseTo(300 / 201, 12)
  })

  it.each([
    { name: 'an unknown --reference', args: ['GOOD', '--reference', 'Q2'], says: 'gap: --reference "Q2" is not a group of GOOD (expected one of "Q1", "Q5", "Q3").' },
    { name: 'no --reference', args: ['GOOD'], says: 'gap: give the reference group with --reference GROUP.' },
    { name: 'a missing file', args: ['nope.csv', '--reference', 'Q1'], says: 'gap: cannot read nope.csv (no such file).' },
    { name: 'no file', args: ['--reference', 'Q1'], says: 'give the CSV file' },
    { name: 'two files', args: ['GOOD', 'GOOD', '--reference', 'Q1'], says: 'unexpected argument' },
    { name: 'an unknown --measure', args: ['GOOD', '--reference', 'Q1', '--measure', 'odds'], says: '--measure "odds" is not known (expected one of proportion, rate)' },
  ])('$name: exit 2 with one line on stderr, nothing on stdout', async (c) => {
    const good = file('good.csv', WORKED)
    const outcome = await gap(...c.args.map((a) => (a === 'GOOD' ? good : a)), '--json')
    expect(outcome.code).toBe(2)
    expect(outcome.stdout).toBe('')
    const lines = linesOf(outcome.stderr)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^lhs: gap: /)
    expect(lines[0]).toContain(c.says.replace('GOOD', good))
  })
})
