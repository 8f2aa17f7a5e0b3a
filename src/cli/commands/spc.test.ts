import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { linesOf, runCli } from '../../../test/cli/run-cli.ts'
import { SpcResultSchema } from '../../contract/spc.ts'
import { SpcChartResultSchema, type SpcChartResult } from '../../contract/spc-charts.ts'
import type { PeriodUnit } from '../../core/model.ts'
import { addPeriods } from '../../core/period.ts'
import type { SpcResult } from '../../core/spc/types.ts'

// STATISTICS.md, "Worked examples": XmR, MDC profile, screening on and off (daily from 2021-03-22).
const DAILY = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]

// STATISTICS.md, "Anhøj rules on an I chart, profile qic" (24 values).
const ANHOJ = [
  -1.18945374525972, 0.388581229632553, -0.344333349210725, -0.547896138418295, 0.980662215750191,
  -0.236646007272852, 0.809739704347715, -0.744779528664041, -0.259787013127099, -0.183083830410215,
  0.518629987612905, 0.883465100720313, 1.00128475258219, 2.53482999228741, 1.87623204831409,
  4.1193033079271, 0.486524126076013, 2.25519487062244, 3.50474143843066, 1.60991952529912,
  2.57935817012673, 2.21035583968694, 2.94404277553313, 0.173306766388917,
]

// STATISTICS.md, "I chart with a frozen baseline, profile qic": Montgomery, Introduction to
// Statistical Quality Control, table 6.7 (40 weekly costs, baseline the first 20).
const MONTGOMERY = [
  310, 288, 297, 298, 307, 303, 294, 297, 308, 306, 294, 299, 297, 299, 314, 295, 293, 306, 301, 304,
  305, 282, 305, 296, 314, 295, 287, 301, 298, 311, 310, 292, 305, 299, 304, 310, 304, 305, 333, 328,
]

/** Alternating low, high: mean (low + high)/2, every moving range high − low, no rule can fire. */
function alternating(n: number, low: number, high: number): number[] {
  return Array.from({ length: n }, (_, i) => (i % 2 === 0 ? low : high))
}

function periods(count: number, start: string, unit: PeriodUnit): string[] {
  return Array.from({ length: count }, (_, i) => addPeriods(start, unit, i))
}

function valueCsv(values: readonly number[], start: string, unit: PeriodUnit): string {
  const dates = periods(values.length, start, unit)
  return ['period,value', ...values.map((v, i) => `${dates[i]},${v}`)].join('\n') + '\n'
}

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lhs-spc-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

/** Write `text` to a file of the temp folder and return its absolute path. */
function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

/** `lhs spc … --json`, expecting success, with the output checked against the documented shape. */
async function spcJson(path: string, ...flags: string[]): Promise<SpcResult> {
  const outcome = await runCli(['spc', path, '--json', ...flags])
  expect(outcome.stderr).toBe('')
  expect(outcome.code).toBe(0)
  const json: unknown = JSON.parse(outcome.stdout)
  SpcResultSchema.parse(json)
  return json as SpcResult
}

const TOP_LEVEL_KEYS = ['chart', 'profile', 'direction', 'target', 'segments', 'points', 'variation', 'assurance', 'issues']
const SEGMENT_KEYS = ['from', 'to', 'reason', 'centre', 'upper', 'lower', 'upper2sigma', 'lower2sigma', 'baselinePoints', 'trialLimits']
const POINT_KEYS = ['period', 'value', 'segment', 'centre', 'upper', 'lower', 'rule', 'type']

/** Positions (1-based) of the points with a rule. */
function flagged(result: SpcResult): number[] {
  return result.points.flatMap((p, i) => (p.rule === null ? [] : [i + 1]))
}

describe('lhs spc --json: the worked examples of STATISTICS.md', () => {
  it('prints the documented keys, one point per row, each point carrying its segment limits', async () => {
    const result = await spcJson(file('shape.csv', valueCsv(DAILY, '2021-03-22', 'day')))
    expect(Object.keys(result).sort()).toEqual([...TOP_LEVEL_KEYS].sort())
    expect(Object.keys(result.segments[0]!)).toEqual(expect.arrayContaining(SEGMENT_KEYS))
    expect(Object.keys(result.points[0]!)).toEqual(expect.arrayContaining(POINT_KEYS))
    expect(result).toMatchObject({ chart: 'xmr', profile: 'mdc', direction: 'increase', target: null, assurance: null, issues: [] })
    expect(result.points.map((p) => [p.period, p.value])).toEqual(periods(18, '2021-03-22', 'day').map((d, i) => [d, DAILY[i]]))
    const segment = result.segments[0]!
    for (const p of result.points) expect([p.segment, p.centre, p.upper, p.lower]).toEqual([0, segment.centre, segment.upper, segment.lower])
  })

  it.each([
    // Screening on: the moving ranges 8 and 9 are screened out and AMR becomes 1.
    { profile: 'mdc', upper: 4.604444444, lower: -0.715555556, upper2sigma: 1.944444444 + (2 / 3) * 2.66, lower2sigma: 1.944444444 - (2 / 3) * 2.66 },
    // Screening off reproduces the MDC Excel tool.
    { profile: 'mdc_excel', upper: 6.951503268, lower: -3.062614379, upper2sigma: undefined, lower2sigma: undefined },
  ])('daily example, --profile $profile: limits, point 5 an improvement, variation common cause', async (c) => {
    const result = await spcJson(file(`daily-${c.profile}.csv`, valueCsv(DAILY, '2021-03-22', 'day')), '--profile', c.profile)
    expect(result.profile).toBe(c.profile)
    expect(result.segments).toHaveLength(1)
    const segment = result.segments[0]!
    expect(segment).toMatchObject({ from: '2021-03-22', to: '2021-04-08', reason: null, baselinePoints: 18, trialLimits: false })
    expect(segment.centre).toBeCloseTo(1.944444444, 8)
    expect(segment.upper).toBeCloseTo(c.upper, 8)
    expect(segment.lower).toBeCloseTo(c.lower, 8)
    if (c.upper2sigma !== undefined) expect(segment.upper2sigma).toBeCloseTo(c.upper2sigma, 8)
    if (c.lower2sigma !== undefined) expect(segment.lower2sigma).toBeCloseTo(c.lower2sigma, 8)
    expect(result.points.map((p) => p.rule)).toEqual(DAILY.map((_, i) => (i === 4 ? 'outside_limits' : null)))
    expect(result.points.map((p) => p.type)).toEqual(DAILY.map((_, i) => (i === 4 ? 'improvement' : 'common_cause')))
    expect(result.variation).toBe('common_cause')
  })

  it('Anhøj 24 values, --profile qic: centre, limits, 2σ band and the runs signal; no point outside', async () => {
    const result = await spcJson(file('anhoj-qic.csv', valueCsv(ANHOJ, '2020-01-06', 'week')), '--profile', 'qic')
    expect(result.segments).toHaveLength(1)
    const segment = result.segments[0]!
    expect(segment.centre).toBeCloseTo(1.057091, 6)
    expect(segment.lower).toBeCloseTo(-2.114884, 6)
    expect(segment.upper).toBeCloseTo(4.229067, 6)
    expect(segment.lower2sigma).toBeCloseTo(-1.057559, 6)
    expect(segment.upper2sigma).toBeCloseTo(3.171742, 6)
    expect(segment.runs).toEqual({ useful: 24, usefulPoints: 24, longestRun: 13, longestRunMax: 8, crossings: 4, crossingsMin: 8, signal: true })
    expect(flagged(result)).toEqual([])
    expect(result.variation).toBe('common_cause')
  })

  it('Anhøj 24 values, --profile mdc: the MDC limits', async () => {
    const result = await spcJson(file('anhoj-mdc.csv', valueCsv(ANHOJ, '2020-01-06', 'week')), '--profile', 'mdc')
    const segment = result.segments[0]!
    expect(segment.centre).toBeCloseTo(1.057091, 6)
    expect(segment.lower).toBeCloseTo(-2.115392, 6)
    expect(segment.upper).toBeCloseTo(4.229574, 6)
  })

  it('Montgomery 40 weeks, --profile qic --baseline 20: limits from the first 20, weeks 39 and 40 outside', async () => {
    const path = file('montgomery.csv', valueCsv(MONTGOMERY, '2020-01-06', 'week'))
    const result = await spcJson(path, '--profile', 'qic', '--baseline', '20', '--direction', 'decrease')
    expect(result.segments).toHaveLength(1)
    const segment = result.segments[0]!
    expect(segment.baselinePoints).toBe(20)
    expect(segment.centre).toBeCloseTo(300.5, 9)
    expect(segment.lower).toBeCloseTo(279.783314669653, 9)
    expect(segment.upper).toBeCloseTo(321.216685330347, 9)
    expect(flagged(result)).toEqual([39, 40])
    expect(result.points.slice(38).map((p) => [p.period, p.rule, p.type])).toEqual([
      ['2020-09-28', 'outside_limits', 'concern'],
      ['2020-10-05', 'outside_limits', 'concern'],
    ])
    expect(result).toMatchObject({ direction: 'decrease', variation: 'concern' })
  })
})

describe('lhs spc --json: options and inputs', () => {
  // Daily example under mdc: lower −0.7156, upper 4.6044.
  it.each([
    { target: '5', direction: 'increase', assurance: 'fail' },
    { target: '=-1', direction: 'increase', assurance: 'pass' },
    { target: '2', direction: 'increase', assurance: 'hit_or_miss' },
    { target: '5', direction: 'decrease', assurance: 'pass' },
    { target: '=-1', direction: 'decrease', assurance: 'fail' },
    { target: '5', direction: 'neutral', assurance: null },
  ])('--target $target --direction $direction gives assurance $assurance', async (c) => {
    // A negative value must be attached with "=" (node:util parseArgs reads "-1" as a flag).
    const path = file('target.csv', valueCsv(DAILY, '2021-03-22', 'day'))
    const target = c.target.startsWith('=') ? [`--target${c.target}`] : ['--target', c.target]
    const result = await spcJson(path, ...target, '--direction', c.direction)
    expect(result).toMatchObject({ target: Number(c.target.replace('=', '')), direction: c.direction, assurance: c.assurance })
  })

  // 14 weeks alternating 9/11 (centre 10, AMR 2), then 14 weeks alternating 19/21 (centre 20, AMR 2).
  const STEP = [...alternating(14, 9, 11), ...alternating(14, 19, 21)]

  it('--rebase DATE:REASON starts a second segment with its own limits and the reason', async () => {
    const path = file('step.csv', valueCsv(STEP, '2024-01-01', 'week'))
    const result = await spcJson(path, '--rebase', '2024-04-08:New triage: phase 2')
    expect(result.segments.map((s) => [s.from, s.to, s.reason, s.centre, s.baselinePoints])).toEqual([
      ['2024-01-01', '2024-04-01', null, 10, 14],
      ['2024-04-08', '2024-07-08', 'New triage: phase 2', 20, 14],
    ])
    expect(result.segments[0]!.upper).toBeCloseTo(10 + 2.66 * 2, 10)
    expect(result.segments[1]!.lower).toBeCloseTo(20 - 2.66 * 2, 10)
    expect(result.points.map((p) => p.segment)).toEqual([...Array<number>(14).fill(0), ...Array<number>(14).fill(1)])
    expect(flagged(result)).toEqual([])
    expect(result.issues).toEqual([])
  })

  it('the same step without --rebase is flagged, so the rebase above made the difference', async () => {
    const result = await spcJson(file('step-plain.csv', valueCsv(STEP, '2024-01-01', 'week')))
    expect(result.segments).toHaveLength(1)
    expect(flagged(result).length).toBeGreaterThan(0)
  })

  it('--rebase DATE without a reason splits the series and warns that the reason is missing', async () => {
    const result = await spcJson(file('step-no-reason.csv', valueCsv(STEP, '2024-01-01', 'week')), '--rebase', '2024-04-08')
    expect(result.segments.map((s) => s.reason)).toEqual([null, null])
    expect(result.segments.map((s) => s.from)).toEqual(['2024-01-01', '2024-04-08'])
    expect(result.issues.map((i) => [i.severity, i.code])).toEqual([['warning', 'rebase_without_reason']])
  })

  it('reads period,numerator,denominator as proportions', async () => {
    // 1/4, 6/8, 2/8, 3/4, …: proportions alternating 0.25 and 0.75 → centre 0.5, AMR 0.5.
    const fractions = Array.from({ length: 14 }, (_, i) => [[1, 4], [6, 8], [2, 8], [3, 4]][i % 4]!)
    const dates = periods(14, '2024-01-01', 'month')
    const path = file('proportions.csv', ['period,numerator,denominator', ...fractions.map(([n, d], i) => `${dates[i]},${n},${d}`)].join('\n') + '\n')
    const result = await spcJson(path)
    expect(result.points.map((p) => p.value)).toEqual(alternating(14, 0.25, 0.75))
    const segment = result.segments[0]!
    expect(segment.centre).toBeCloseTo(0.5, 12)
    expect(segment.upper).toBeCloseTo(0.5 + 2.66 * 0.5, 12)
    expect(segment.lower).toBeCloseTo(0.5 - 2.66 * 0.5, 12)
  })

  it('a missing value is left out and reported as a warning in the JSON', async () => {
    const text = valueCsv(DAILY, '2021-03-22', 'day').replace('2021-03-24,1\n', '2021-03-24,\n')
    const result = await spcJson(file('missing.csv', text))
    expect(result.points).toHaveLength(17)
    expect(result.points.map((p) => p.period)).not.toContain('2021-03-24')
    expect(result.issues.map((i) => [i.severity, i.code, i.value])).toEqual([['warning', 'missing_value', 'null']])
  })
})

describe('lhs spc: the text summary', () => {
  it('prints the profile, the segment, the special-cause points and the icons', async () => {
    const outcome = await runCli(['spc', file('daily-text.csv', valueCsv(DAILY, '2021-03-22', 'day'))])
    expect(outcome).toMatchObject({ code: 0, stderr: '' })
    expect(linesOf(outcome.stdout)).toEqual([
      'XmR chart, profile mdc, direction increase',
      'Segment 1: 2021-03-22 to 2021-04-08: centre 1.9444, limits -0.7156 to 4.6044',
      'Special-cause points (1):',
      '  2021-03-26  10  outside_limits  improvement',
      'Variation: common_cause; assurance: none (no target)',
    ])
  })

  it('names the rebase reason and the assurance, marks trial limits, and puts warnings on stderr', async () => {
    // 26 weeks alternating 9/11, the third (a 9) missing; rebase at week 17: segments of 15 and 10 points.
    const text = valueCsv(alternating(26, 9, 11), '2024-01-01', 'week').replace('2024-01-15,9\n', '2024-01-15,\n')
    const outcome = await runCli(['spc', file('short.csv', text), '--rebase', '2024-04-22:New triage', '--target', '30'])
    expect(outcome.code).toBe(0)
    const lines = linesOf(outcome.stdout)
    expect(lines[1]).toMatch(/^Segment 1: 2024-01-01 to 2024-04-15: centre 10\.0667, limits [\d.]+ to [\d.]+$/)
    expect(lines[2]).toMatch(/^Segment 2: 2024-04-22 to 2024-06-24 \(New triage\): centre 10\.0000, limits 4\.6800 to 15\.3200 \(trial limits: fewer than 13 points\)$/)
    expect(lines.at(-1)).toBe('Variation: common_cause; assurance: fail')
    expect(linesOf(outcome.stderr)).toEqual(['warning: No value for 2024-01-15: the point is left out of the chart.'])
  })
})

describe('lhs spc: bad input', () => {
  const good = () => file('good.csv', valueCsv(DAILY, '2021-03-22', 'day'))

  it.each([
    { name: 'a text value', text: 'period,value\n2021-03-22,1\n2021-03-23,2\n2021-03-24,abc\n', says: ['text.csv:4:value: "abc" is not a number'] },
    { name: 'a date that does not exist', text: 'period,value\n2021-03-22,1\n2021-02-30,2\n', says: ['text.csv:3:period: "2021-02-30" is not a real date'] },
    { name: 'a date in another form', text: 'period,value\n22/03/2021,1\n', says: ['text.csv:2:period: "22/03/2021" is not a date in the form YYYY-MM-DD'] },
    { name: 'a bad header', text: 'date,value\n2021-03-22,1\n', says: ['text.csv:1: the header'] },
    { name: 'a duplicate period', text: 'period,value\n2021-03-22,1\n2021-03-22,2\n', says: ['text.csv:3:period: period "2021-03-22" already has a row on line 2'] },
    {
      name: 'several mistakes, one line each',
      text: 'period,value\n2021-03-22,x\n2021-03-23,1\n2021-13-01,2\n2021-03-25,n/a\n',
      says: ['text.csv:2:value: "x" is not a number', 'text.csv:4:period: "2021-13-01" is not a real date', 'text.csv:5:value:'],
    },
  ])('$name: exit 2, file:line:column on stderr, nothing on stdout', async (c) => {
    const outcome = await runCli(['spc', file('text.csv', c.text), '--json'])
    expect(outcome.code).toBe(2)
    expect(outcome.stdout).toBe('')
    const lines = linesOf(outcome.stderr)
    expect(lines).toHaveLength(c.says.length)
    lines.forEach((line, i) => expect(line.startsWith(c.says[i]!), `${line} starts with ${c.says[i]}`).toBe(true))
  })

  it.each([
    { name: 'a missing file', args: ['spc', 'MISSING'], says: 'spc: cannot read MISSING (no such file).' },
    { name: 'no file', args: ['spc', '--json'], says: 'give the CSV file' },
    { name: 'two files', args: ['spc', 'GOOD', 'GOOD'], says: 'unexpected argument' },
    { name: 'an unknown --profile', args: ['spc', 'GOOD', '--profile', 'shewhart'], says: '--profile "shewhart" is not known (expected one of mdc, mdc_excel, mdc2023, qic)' },
    { name: 'an unknown --direction', args: ['spc', 'GOOD', '--direction', 'up'], says: '--direction "up"' },
    { name: '--baseline 5', args: ['spc', 'GOOD', '--baseline', '5'], says: '--baseline 5 is too short (expected at least 12 points)' },
    { name: '--baseline 12.5', args: ['spc', 'GOOD', '--baseline', '12.5'], says: '--baseline "12.5" is not a whole number' },
    { name: 'a text --target', args: ['spc', 'GOOD', '--target', 'high'], says: '--target "high" is not a number' },
    { name: '--rebase notadate', args: ['spc', 'GOOD', '--rebase', 'notadate'], says: '--rebase "notadate" does not start with a date' },
    { name: 'an unknown flag', args: ['spc', 'GOOD', '--colour'], says: "'--colour'" },
    { name: 'an unknown --chart', args: ['spc', 'GOOD', '--chart', 'q'], says: '--chart "q" is not known (expected one of run, xmr, p, u, c, pp, up, g, t)' },
    { name: 'a folder', args: ['spc', 'DIR'], says: 'cannot read DIR (it is a folder, not a file).' },
    { name: 'a flag without its value', args: ['spc', 'GOOD', '--target'], says: "Option '--target' argument" },
  ])('$name: exit 2 with one line on stderr quoting the problem, nothing on stdout', async (c) => {
    const missing = join(dir, 'nope.csv')
    const args = c.args.map((a) => (a === 'GOOD' ? good() : a === 'MISSING' ? missing : a === 'DIR' ? dir : a))
    const outcome = await runCli([...args, '--json'])
    expect(outcome.code).toBe(2)
    expect(outcome.stdout).toBe('')
    const lines = linesOf(outcome.stderr)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^lhs: /)
    expect(lines[0]).toContain(c.says.replace('MISSING', missing).replace('DIR', dir))
  })
})

describe('lhs spc: paths and negative numbers', () => {
  it('reads a relative file name from the working directory it is given', async () => {
    file('relative.csv', valueCsv(DAILY, '2021-03-22', 'day'))
    const outcome = await runCli(['spc', 'relative.csv', '--json'], {}, dir)
    expect(outcome.code).toBe(0)
    expect((JSON.parse(outcome.stdout) as SpcResult).points).toHaveLength(DAILY.length)
  })

  it('accepts a negative target written as a separate argument', async () => {
    const path = file('negative.csv', valueCsv(DAILY, '2021-03-22', 'day'))
    const result = await spcJson(path, '--target', '-1', '--direction', 'decrease')
    expect(result.target).toBe(-1)
    // Lower is better and -1 is below the lower limit (-0.7156): the process cannot get that low.
    expect(result.assurance).toBe('fail')
  })
})

// docs/methods/attribute-charts.md, worked example 1 (STATISTICS.md; Montgomery table 7.4): a P chart.
const P_NUMERATORS = [12, 8, 6, 9, 10, 12, 11, 16, 10, 6, 20, 15, 9, 8, 6, 8, 10, 7, 5, 8, 5, 8, 10, 6, 9]
const P_DENOMINATORS = [100, 80, 80, 100, 110, 110, 100, 100, 90, 90, 110, 120, 120, 120, 110, 80, 80, 80, 90, 100, 100, 100, 100, 90, 90]

function countCsv(numerators: readonly number[], denominators: readonly number[], start: string, unit: PeriodUnit): string {
  const dates = periods(numerators.length, start, unit)
  return ['period,numerator,denominator', ...numerators.map((n, i) => `${dates[i]},${n},${denominators[i]}`)].join('\n') + '\n'
}

/** `lhs spc … --json --chart …`, expecting success, checked against the chart contract. */
async function chartJson(path: string, ...flags: string[]): Promise<SpcChartResult> {
  const outcome = await runCli(['spc', path, '--json', ...flags])
  expect(outcome.stderr).toBe('')
  expect(outcome.code).toBe(0)
  const json: unknown = JSON.parse(outcome.stdout)
  return SpcChartResultSchema.parse(json) as SpcChartResult
}

const RUNS_KEYS = ['useful', 'longestRun', 'longestRunMax', 'crossings', 'crossingsMin', 'signal']
const LIMIT_KEYS = ['centre', 'upper', 'lower', 'upper2sigma', 'lower2sigma']

function expectContractKeys(result: SpcChartResult): void {
  for (const s of result.segments) expect(Object.keys(s.runs)).toEqual(expect.arrayContaining(RUNS_KEYS))
  for (const p of result.points) expect(Object.keys(p)).toEqual(expect.arrayContaining(LIMIT_KEYS))
}

describe('lhs spc --chart: every chart type', () => {
  const pFile = () => file('p-chart.csv', countCsv(P_NUMERATORS, P_DENOMINATORS, '2020-01-01', 'month'))

  it('--chart p, the worked example: p̄ = 234/2450, the n = 100 and n = 110 limits, sample 11 outside', async () => {
    const outcome = await runCli(['spc', pFile(), '--json', '--chart', 'p', '--profile', 'qic'])
    expect(outcome.code).toBe(0)
    // 234/2450 prints as 0.09551020408163265: 0.0955102040816327 to 15 significant digits.
    expect(outcome.stdout).toMatch(/"centre": 0\.095510204081632\d*/)
    const result = SpcChartResultSchema.parse(JSON.parse(outcome.stdout)) as SpcChartResult
    expectContractKeys(result)
    expect(result).toMatchObject({ chart: 'p', profile: 'qic', multiplier: 1 })
    expect(result.segments[0]!.centre).toBeCloseTo(0.0955102040816327, 15)
    expect(result.segments[0]!).toMatchObject({ upper: null, lower: null, upper2sigma: null, lower2sigma: null })
    const n100 = result.points[0]!
    expect(n100).toMatchObject({ numerator: 12, denominator: 100, value: 0.12 })
    expect(n100.lower).toBeCloseTo(0.0073346947, 10)
    expect(n100.upper).toBeCloseTo(0.1836857134, 10)
    expect(n100.upper2sigma).toBeCloseTo(0.0955102041 + 2 * 0.0293918, 6)
    expect(outcome.stdout).toMatch(/"lower": 0\.00733469\d*/)
    expect(outcome.stdout).toMatch(/"upper": 0\.18368571\d*/)
    const n110 = result.points[4]!
    expect(n110.lower).toBeCloseTo(0.0114382, 6)
    expect(n110.upper).toBeCloseTo(0.1795823, 6)
    expect(flaggedPoints(result)).toEqual([11])
  })

  it('--chart p --multiply 100: per cent', async () => {
    const result = await chartJson(pFile(), '--chart', 'p', '--multiply', '100')
    expect(result.multiplier).toBe(100)
    expect(result.segments[0]!.centre).toBeCloseTo(9.55102040816327, 10)
    expect(result.points[0]!.value).toBeCloseTo(12, 10)
    expect(result.points[0]!.lower).toBeCloseTo(0.73346947, 6)
    expect(result.points[0]!.upper).toBeCloseTo(18.36857134, 6)
  })

  // docs/methods/attribute-charts.md, worked example 2: 4 weeks of 100 patients, 13, 7, 16 and 4 events.
  it.each(['pp', 'up'])('--chart %s, the Laney worked example: upper 0.339362, lower 0', async (chart) => {
    const result = await chartJson(file(`${chart}.csv`, countCsv([13, 7, 16, 4], [100, 100, 100, 100], '2024-01-01', 'week')), '--chart', chart)
    expectContractKeys(result)
    expect(result.chart).toBe(chart)
    expect(result.segments[0]!.centre).toBeCloseTo(0.1, 12)
    expect(result.points[0]!.upper).toBeCloseTo(0.339362, 6)
    expect(result.points[0]!.lower).toBe(0)
  })

  it('--chart u: ū = Σcounts/Σexposure, limits ū ± 3√(ū/n), counts above the exposure allowed', async () => {
    // 14 weeks: 30 events per 10 bed days and 10 per 10, alternating: ū = 2.
    const numerators = alternating(14, 30, 10)
    const result = await chartJson(file('u.csv', countCsv(numerators, Array<number>(14).fill(10), '2024-01-01', 'week')), '--chart', 'u')
    expectContractKeys(result)
    expect(result.segments[0]!.centre).toBeCloseTo(2, 12)
    expect(result.points[0]!.upper).toBeCloseTo(2 + 3 * Math.sqrt(2 / 10), 12)
    expect(result.points[0]!.lower).toBeCloseTo(Math.max(0, 2 - 3 * Math.sqrt(2 / 10)), 12)
  })

  it('--chart c: c̄ = mean count, limits c̄ ± 3√c̄', async () => {
    const result = await chartJson(file('c.csv', valueCsv(alternating(14, 8, 12), '2024-01-01', 'week')), '--chart', 'c')
    expectContractKeys(result)
    expect(result.chart).toBe('c')
    expect(result.segments[0]!.centre).toBeCloseTo(10, 12)
    expect(result.points[0]!.upper).toBeCloseTo(10 + 3 * Math.sqrt(10), 12)
    expect(result.points[0]!.lower).toBeCloseTo(10 - 3 * Math.sqrt(10), 12)
  })

  it('--chart run: the median, no limits, and the Anhøj runs analysis', async () => {
    const result = await chartJson(file('run.csv', valueCsv(ANHOJ, '2020-01-06', 'week')), '--chart', 'run')
    expectContractKeys(result)
    const sorted = [...ANHOJ].sort((a, b) => a - b)
    expect(result.segments[0]!.centre).toBeCloseTo((sorted[11]! + sorted[12]!) / 2, 12)
    expect(result.segments[0]!).toMatchObject({ upper: null, lower: null, trialLimits: null })
    expect(result.segments[0]!.runs).toMatchObject({ useful: 24, longestRunMax: 8, crossingsMin: 8 })
    expect(result.points.every((p) => p.upper === null && p.lower === null && p.upper2sigma === null && p.type === null)).toBe(true)
    expect(result).toMatchObject({ chart: 'run', profile: null, variation: null, assurance: null })
  })

  it('--chart xmr (the default) also fits the chart contract: each point carries its 2σ band', async () => {
    const result = await chartJson(file('xmr.csv', valueCsv(DAILY, '2021-03-22', 'day')), '--chart', 'xmr')
    expectContractKeys(result)
    const segment = result.segments[0]!
    for (const p of result.points) expect([p.upper2sigma, p.lower2sigma]).toEqual([segment.upper2sigma, segment.lower2sigma])
    expect(segment.runs.useful).toBe(segment.runs.usefulPoints)
  })

  it('--chart g: the median centre line, limits ḡ ± 3√(ḡ(ḡ + 1)) around the mean, lower at least 0', async () => {
    const result = await chartJson(file('g.csv', valueCsv(alternating(14, 20, 40), '2024-01-01', 'week')), '--chart', 'g')
    expectContractKeys(result)
    expect(result).toMatchObject({ chart: 'g', profile: null })
    expect(result.segments[0]!.centre).toBe(30)
    expect(result.segments[0]!.upper).toBeCloseTo(30 + 3 * Math.sqrt(30 * 31), 9)
    expect(result.segments[0]!.lower).toBe(0)
    expect(result.points[0]!.upper2sigma).toBe(result.segments[0]!.upper2sigma)
  })

  it('--chart t: times between events, limits and 2σ band on every point', async () => {
    const result = await chartJson(file('t.csv', valueCsv(alternating(14, 5, 9), '2024-01-01', 'week')), '--chart', 't')
    expectContractKeys(result)
    expect(result.chart).toBe('t')
    const p = result.points[0]!
    for (const v of [p.upper, p.lower, p.upper2sigma, p.lower2sigma]) expect(typeof v).toBe('number')
    expect(p.lower!).toBeLessThan(p.centre)
    expect(p.upper!).toBeGreaterThan(p.centre)
  })

  it('prints a table of period, value, centre, lower, upper and signal', async () => {
    const outcome = await runCli(['spc', pFile(), '--chart', 'p', '--profile', 'qic'])
    expect(outcome).toMatchObject({ code: 0, stderr: '' })
    const lines = linesOf(outcome.stdout)
    expect(lines[0]).toBe('P chart, profile qic, direction increase')
    expect(lines[1]).toMatch(/^Segment 1: 2020-01-01 to 2022-01-01: centre 0\.0955; longest run \d+ \(max \d+\), crossings \d+ \(min \d+\)/)
    expect(lines[2]!.split(/\s+/).filter(Boolean)).toEqual(['period', 'value', 'centre', 'lower', 'upper', 'signal'])
    expect(lines[3]!.split(/\s+/).filter(Boolean)).toEqual(['2020-01-01', '0.1200', '0.0955', '0.0073', '0.1837'])
    expect(lines[13]!.split(/\s+/).filter(Boolean)).toEqual(['2020-11-01', '0.1818', '0.0955', '0.0114', '0.1796', 'outside_limits', 'improvement'])
    expect(lines.at(-1)).toMatch(/^Variation: /)
  })
})

describe('lhs spc --exclude and --multiply', () => {
  it('--exclude DATE:REASON leaves the point out of the centre line but still shows it', async () => {
    const result = await chartJson(file('exclude.csv', valueCsv(DAILY, '2021-03-22', 'day')), '--exclude', '2021-03-26:Data error: duplicate feed')
    const others = DAILY.filter((_, i) => i !== 4)
    expect(result.segments[0]!.centre).toBeCloseTo(others.reduce((a, b) => a + b, 0) / others.length, 12)
    expect(result.points[4]).toMatchObject({ period: '2021-03-26', value: 10, excluded: 'Data error: duplicate feed' })
    expect(result.points.filter((p) => p.excluded !== null)).toHaveLength(1)
  })

  it('--exclude works on the other charts too (repeatable; a missing reason reads "no reason given")', async () => {
    const path = file('exclude-p.csv', countCsv(P_NUMERATORS, P_DENOMINATORS, '2020-01-01', 'month'))
    const result = await chartJson(path, '--chart', 'p', '--exclude', '2020-11-01', '--exclude', '2020-08-01:Audit')
    expect(result.points.filter((p) => p.excluded !== null).map((p) => [p.period, p.excluded])).toEqual([
      ['2020-08-01', 'Audit'],
      ['2020-11-01', 'no reason given'],
    ])
    expect(result.segments[0]!.centre).toBeCloseTo((234 - 20 - 16) / (2450 - 110 - 100), 12)
  })

  it('--multiply 100 scales an XmR chart of ratios and records the multiplier', async () => {
    const fractions = Array.from({ length: 14 }, (_, i) => [[1, 4], [6, 8]][i % 2]!)
    const result = await chartJson(file('xmr-ratio.csv', countCsv(fractions.map((f) => f[0]!), fractions.map((f) => f[1]!), '2024-01-01', 'month')), '--multiply', '100')
    expect(result.multiplier).toBe(100)
    expect(result.points.map((p) => p.value)).toEqual(alternating(14, 25, 75))
    expect(result.segments[0]!.centre).toBeCloseTo(50, 10)
  })
})

describe('lhs spc --chart: bad input', () => {
  const values = () => file('values.csv', valueCsv(DAILY, '2021-03-22', 'day'))
  const counts = () => file('counts.csv', countCsv(P_NUMERATORS, P_DENOMINATORS, '2020-01-01', 'month'))

  it.each([
    { name: '--chart p on period,value', args: ['VALUES', '--chart', 'p'], says: 'spc: --chart p needs the header period,numerator,denominator (VALUES has period,value).' },
    { name: '--chart up on period,value', args: ['VALUES', '--chart', 'up'], says: 'spc: --chart up needs the header period,numerator,denominator' },
    { name: '--chart c on counts', args: ['COUNTS', '--chart', 'c'], says: 'spc: --chart c needs the header period,value (COUNTS has period,numerator,denominator).' },
    { name: '--chart run on counts', args: ['COUNTS', '--chart', 'run'], says: 'spc: --chart run needs the header period,value' },
    { name: '--chart g on counts', args: ['COUNTS', '--chart', 'g'], says: 'spc: --chart g needs the header period,value' },
    { name: 'an unknown --chart', args: ['VALUES', '--chart', 'np'], says: '--chart "np" is not known (expected one of run, xmr, p, u, c, pp, up, g, t)' },
    { name: '--exclude notadate', args: ['VALUES', '--exclude', 'notadate'], says: '--exclude "notadate" does not start with a date' },
    { name: '--exclude a date with no point', args: ['VALUES', '--exclude', '2030-01-01'], says: '--exclude 2030-01-01 matches no period of VALUES' },
    { name: '--multiply 0', args: ['VALUES', '--multiply', '0'], says: '--multiply "0" is not above 0' },
    { name: '--multiply abc', args: ['VALUES', '--multiply', 'abc'], says: '--multiply "abc" is not a number' },
    { name: '--multiply on a G chart', args: ['VALUES', '--chart', 'g', '--multiply', '100'], says: '--multiply does not apply to --chart g' },
  ])('$name: exit 2 with one line on stderr, nothing on stdout', async (c) => {
    const paths: Record<string, string> = { VALUES: values(), COUNTS: counts() }
    const outcome = await runCli(['spc', ...c.args.map((a) => paths[a] ?? a), '--json'])
    expect(outcome.code).toBe(2)
    expect(outcome.stdout).toBe('')
    const lines = linesOf(outcome.stderr)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toMatch(/^lhs: /)
    expect(lines[0]).toContain(c.says.replace('VALUES', paths.VALUES!).replace('COUNTS', paths.COUNTS!))
  })

  it('a count file with mistakes: file:line:column for each on stderr, exit 2', async () => {
    const text = 'period,numerator,denominator\n2024-01-01,5,10\n2024-02-01,12,10\n2024-03-01,x,10\n2024-04-01,3,0\n'
    const outcome = await runCli(['spc', file('bad-counts.csv', text), '--json', '--chart', 'p'])
    expect(outcome.code).toBe(2)
    expect(outcome.stdout).toBe('')
    const lines = linesOf(outcome.stderr)
    expect(lines.map((l) => l.split(':').slice(0, 3).join(':'))).toEqual(['bad-counts.csv:3:numerator', 'bad-counts.csv:4:numerator', 'bad-counts.csv:5:denominator'])
  })
})

function flaggedPoints(result: SpcChartResult): number[] {
  return result.points.flatMap((p, i) => (p.rule === null ? [] : [i + 1]))
}
