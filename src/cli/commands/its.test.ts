import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ItsResultSchema, type ItsResult } from '../../contract/its.ts'
import { addPeriods } from '../../core/period.ts'
import { runCli } from '../../../test/cli/run-cli.ts'

// docs/methods/interrupted-time-series.md, "Worked example": T0 = 5, weekly from Monday 2024-01-01.
const HAND = [10, 12, 11, 13, 20, 21, 23, 22]
const HAND_CHANGE = '2024-01-29'

interface Outcome {
  readonly code: number
  readonly stdout: string
  readonly stderr: string
}

/** `lhs its …` through the real command table (src/cli/run.ts), in the test's folder. */
const runIts = (args: readonly string[]): Promise<Outcome> => runCli(['its', ...args], {}, dir)

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lhs-its-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text)
  return name
}

function weeklyCsv(values: readonly number[], start = '2024-01-01'): string {
  return ['period,value', ...values.map((v, i) => `${addPeriods(start, 'week', i)},${v}`)].join('\n') + '\n'
}

/** Sicily acute coronary events (test/reference-data, a copy of shared/reference-data) as period,count,population: aces over stdpop, monthly from 2002-01. */
function sicilyCsv(): string {
  const rows = readFileSync(new URL('../../../test/reference-data/sicily-acute-coronary-events.csv', import.meta.url), 'utf8').trim().split('\n').slice(1)
  const lines = rows.map((line) => {
    const [year = '', month = '', aces = '', , , , stdpop = ''] = line.split(',')
    return `${year}-${month.padStart(2, '0')}-01,${aces},${stdpop}`
  })
  return ['period,count,population', ...lines].join('\n') + '\n'
}

async function itsJson(...args: string[]): Promise<ItsResult> {
  const outcome = await runIts([...args, '--json'])
  expect(outcome.stderr).toBe('')
  expect(outcome.code).toBe(0)
  return ItsResultSchema.parse(JSON.parse(outcome.stdout))
}

const KEYS = ['n', 'nPre', 'nPost', 'coefficients', 'postSlope', 'durbinWatson', 'autocorrelation', 'effectAtEnd', 'relativeEffectAtEnd']
const COEFFICIENT_KEYS = ['estimate', 'se', 'lower', 'upper', 'p']

describe('lhs its --json: the worked example of docs/methods/interrupted-time-series.md', () => {
  it('prints exactly the documented keys, every coefficient as { estimate, se, lower, upper, p }', async () => {
    const r = await itsJson(file('hand.csv', weeklyCsv(HAND)), '--change', HAND_CHANGE)
    expect(Object.keys(r)).toEqual(KEYS)
    expect(Object.keys(r.coefficients)).toEqual(['intercept', 'preSlope', 'levelChange', 'slopeChange'])
    for (const c of [...Object.values(r.coefficients), r.postSlope, r.effectAtEnd]) expect(Object.keys(c)).toEqual(COEFFICIENT_KEYS)
  })

  it('β = 9.5, 0.8, 6.8, 0; Durbin–Watson 28/9; r₁ −0.636; relative effect 6.8 / 15.9', async () => {
    const r = await itsJson(file('hand.csv', weeklyCsv(HAND)), '--change', HAND_CHANGE)
    expect([r.n, r.nPre, r.nPost]).toEqual([8, 4, 4])
    expect(r.coefficients.intercept.estimate).toBeCloseTo(9.5, 10)
    expect(r.coefficients.preSlope.estimate).toBeCloseTo(0.8, 10)
    expect(r.coefficients.levelChange.estimate).toBeCloseTo(6.8, 10)
    expect(r.coefficients.slopeChange.estimate).toBeCloseTo(0, 10)
    expect(r.postSlope.estimate).toBeCloseTo(0.8, 10)
    expect(r.durbinWatson).toBeCloseTo(28 / 9, 10)
    expect(r.autocorrelation).toBeCloseTo(-2.29 / 3.6, 10)
    expect(r.effectAtEnd.estimate).toBeCloseTo(6.8, 10)
    expect(r.relativeEffectAtEnd).toBeCloseTo(6.8 / 15.9, 10)
  })

  it('Newey–West lag 1 (the default) and t with 4 df: level change SE 0.8669, (4.393, 9.207), p 0.0014; pre slope SE 0.2205, (0.188, 1.412), p 0.022', async () => {
    const r = await itsJson(file('hand.csv', weeklyCsv(HAND)), '--change', HAND_CHANGE)
    const { levelChange, preSlope } = r.coefficients
    expect(levelChange.se).toBeCloseTo(0.8669, 4)
    expect(levelChange.lower).toBeCloseTo(4.393, 3)
    expect(levelChange.upper).toBeCloseTo(9.207, 3)
    expect(levelChange.p).toBeCloseTo(0.0014, 4)
    expect(preSlope.se).toBeCloseTo(0.2205, 4)
    expect(preSlope.lower).toBeCloseTo(0.188, 3)
    expect(preSlope.upper).toBeCloseTo(1.412, 3)
    expect(preSlope.p).toBeCloseTo(0.022, 3)
    expect(await itsJson('hand.csv', '--change', HAND_CHANGE, '--lag', '1')).toEqual(r)
  })

  it('--lag changes the standard errors, not the estimates', async () => {
    const lag1 = await itsJson(file('hand.csv', weeklyCsv(HAND)), '--change', HAND_CHANGE)
    const lag0 = await itsJson('hand.csv', '--change', HAND_CHANGE, '--lag', '0')
    expect(lag0.coefficients.levelChange.estimate).toBeCloseTo(lag1.coefficients.levelChange.estimate, 12)
    expect(lag0.coefficients.levelChange.se).not.toBeCloseTo(lag1.coefficients.levelChange.se, 4)
    expect(lag0.durbinWatson).toBeCloseTo(lag1.durbinWatson, 12)
  })

  it('rows may come in any order; the change is found by date', async () => {
    const shuffled = weeklyCsv(HAND).trim().split('\n')
    const text = [shuffled[0], ...shuffled.slice(1).reverse()].join('\n') + '\n'
    const r = await itsJson(file('reversed.csv', text), '--change', HAND_CHANGE)
    expect(r.coefficients.levelChange.estimate).toBeCloseTo(6.8, 10)
  })
  it('relativeEffectAtEnd is null when the counterfactual at the end is 0 (pre line 6 − t, 6 periods)', async () => {
    const r = await itsJson(file('zero.csv', weeklyCsv([5, 4, 3, 10, 12, 11])), '--change', '2024-01-22')
    expect(r.relativeEffectAtEnd).toBeNull()
    const text = await runIts(['zero.csv', '--change', '2024-01-22'])
    expect(text.stdout).toContain('relative effect at the end undefined (counterfactual 0)')
  })
})

describe('lhs its text output', () => {
  it('a table of the coefficients with intervals and p-values, and one sentence on the level and slope change', async () => {
    const outcome = await runIts([file('hand.csv', weeklyCsv(HAND)), '--change', HAND_CHANGE])
    expect(outcome.code).toBe(0)
    expect(outcome.stderr).toBe('')
    const lines = outcome.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe('Linear segmented regression (Newey–West lag 1, t with 4 df): 8 periods, 4 before and 4 from the change at 2024-01-29')
    expect(lines[1]).toMatch(/^\s+estimate\s+95% interval\s+p$/)
    expect(lines[2]).toMatch(/^intercept \(t = 0\)\s+9\.5\s+7\.834 to 11\.17\s+<0\.001$/)
    expect(lines[3]).toMatch(/^slope before\s+0\.8\s+0\.1879 to 1\.412\s+0\.022$/)
    expect(lines[4]).toMatch(/^level change\s+6\.8\s+4\.393 to 9\.207\s+0\.001$/)
    expect(lines[5]).toMatch(/^slope change\s+0\s+-0\.9578 to 0\.9578\s+1\.000$/)
    expect(lines).toContain('Durbin–Watson 3.111, lag-1 autocorrelation -0.6361; relative effect at the end +42.8%')
    expect(lines.at(-1)).toBe('At the change the level rose by 6.8 (95% CI 4.393 to 9.207, p = 0.001), and the slope did not change (95% CI -0.9578 to 0.9578, p = 1.000).')
  })

  it('Poisson: rate ratios, and the sentence in percentages', async () => {
    const outcome = await runIts([file('sicily.csv', sicilyCsv()), '--change', '2005-01-01', '--family', 'poisson'])
    expect(outcome.code).toBe(0)
    expect(outcome.stdout).toMatch(/^level change\s+0\.8922\s+0\.8601 to 0\.9254\s+<0\.001$/m)
    expect(outcome.stdout).toContain('At the change the rate fell by 10.8% (rate ratio 0.8922, 95% CI 0.8601 to 0.9254, p < 0.001), and its trend rose by 0.042% per period')
  })
})

// The expected values are those of src/core/impact/poisson-interrupted-time-series.test.ts (SciPy
// maximum likelihood, independent of the IRLS in the core): smoking ban from month 37 = 2005-01.
describe('lhs its --family poisson: Sicily acute coronary events (Lopez Bernal et al. 2017)', () => {
  it.each([
    { name: 'intercept', beta: -6.241430679607596, se: 0.012253486267631128 },
    { name: 'preSlope', beta: 0.004854916048152363, se: 0.0005638416075662954, lower: 1.0037568461258206, upper: 1.0059778215805844 },
    { name: 'levelChange', beta: -0.11411102634864705, se: 0.018689898148769812, lower: 0.8600690918553276, upper: 0.9254459966758329, p: 1.0248439492387965e-9 },
    { name: 'slopeChange', beta: 0.0004168453492204664, se: 0.0012129834227513673, lower: 0.9980413621661668, upper: 1.0027981567245852, p: 0.7311072878527449 },
  ] as const)('$name: rate ratio exp($beta), SE $se on the log scale', async (c) => {
    const r = await itsJson(file('sicily.csv', sicilyCsv()), '--change', '2005-01-01', '--family', 'poisson')
    const actual = r.coefficients[c.name]
    expect(actual.estimate).toBeCloseTo(Math.exp(c.beta), 9)
    expect(actual.se).toBeCloseTo(c.se, 9)
    if ('lower' in c) expect(actual.lower).toBeCloseTo(c.lower, 8)
    if ('upper' in c) expect(actual.upper).toBeCloseTo(c.upper, 8)
    if ('p' in c) expect(Math.abs(actual.p / c.p - 1)).toBeLessThan(1e-5)
  })

  it('59 months, 36 before and 23 after; effect at the end 0.90075 (relative −9.9%); the family follows the header', async () => {
    const r = await itsJson(file('sicily.csv', sicilyCsv()), '--change', '2005-01-01', '--family', 'poisson')
    expect([r.n, r.nPre, r.nPost]).toEqual([59, 36, 23])
    expect(r.effectAtEnd.estimate).toBeCloseTo(0.9007535544001632, 9)
    expect(r.effectAtEnd.se).toBeCloseTo(0.02691135846268985, 9)
    expect(r.relativeEffectAtEnd).toBeCloseTo(0.9007535544001632 - 1, 9)
    expect(r.postSlope.estimate).toBeCloseTo(Math.exp(0.004854916048152363 + 0.0004168453492204664), 9)
    expect(r.durbinWatson).toBeGreaterThan(0)
    expect(r.durbinWatson).toBeCloseTo(2 * (1 - r.autocorrelation), 0)
    expect(await itsJson('sicily.csv', '--change', '2005-01-01')).toEqual(r)
  })
})

describe('lhs its refusals: exit 2 with one line naming the bad value', () => {
  it.each([
    [['--change', '2024-01-30'], 'lhs: its: --change 2024-01-30 is not one of the periods in hand.csv; the nearest periods are 2024-01-29 and 2024-02-05 (expected the first period after the change).'],
    [['--change', '2023-12-25'], 'lhs: its: --change 2023-12-25 is not one of the periods in hand.csv; it is before the first period, 2024-01-01 (expected the first period after the change).'],
    [['--change', '2024-03-04'], 'lhs: its: --change 2024-03-04 is not one of the periods in hand.csv; it is after the last period, 2024-02-19 (expected the first period after the change).'],
    [['--change', '29/01/2024'], 'lhs: its: --change "29/01/2024" is not a date (expected YYYY-MM-DD, the first period after the change).'],
    [[], 'lhs: its: give --change DATE, the first period after the change (YYYY-MM-DD).'],
  ])('bad --change %j', async (flags, message) => {
    const outcome = await runIts([file('hand.csv', weeklyCsv(HAND)), ...flags])
    expect(outcome).toEqual({ code: 2, stdout: '', stderr: `${message}\n` })
  })

  it.each([
    ['-1', 'lhs: its: --lag "-1" is not a whole number of 0 or more (the Newey–West lag; default 1).'],
    ['1.5', 'lhs: its: --lag "1.5" is not a whole number of 0 or more (the Newey–West lag; default 1).'],
    ['two', 'lhs: its: --lag "two" is not a whole number of 0 or more (the Newey–West lag; default 1).'],
    ['8', 'lhs: its: --lag 8 is too long for 8 periods (expected 0 to 7).'],
  ])('bad --lag %s', async (lag, message) => {
    const outcome = await runIts([file('hand.csv', weeklyCsv(HAND)), '--change', HAND_CHANGE, '--lag', lag])
    expect(outcome).toEqual({ code: 2, stdout: '', stderr: `${message}\n` })
  })

  it('--lag with the Poisson family', async () => {
    const outcome = await runIts([file('sicily.csv', sicilyCsv()), '--change', '2005-01-01', '--lag', '2'])
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toBe('lhs: its: --lag applies to --family gaussian only (the Poisson model has model-based standard errors).\n')
  })

  it.each([
    ['2024-02-12', 'there are 6 before and 2 after'],
    ['2024-01-15', 'there are 2 before and 6 after'],
    ['2024-01-01', 'there are 0 before and 8 after'],
  ])('too few points: --change %s gives the core message', async (change, counts) => {
    const outcome = await runIts([file('hand.csv', weeklyCsv(HAND)), '--change', change])
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toBe(`lhs: its: Interrupted time series needs at least 3 points before and 3 after the change; ${counts}, so no estimate is made.\n`)
  })

  it('too few points, Poisson', async () => {
    const text = 'period,count,population\n' + Array.from({ length: 5 }, (_, i) => `${addPeriods('2024-01-01', 'month', i)},${5 + i},100`).join('\n') + '\n'
    const outcome = await runIts([file('few.csv', text), '--change', '2024-04-01'])
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toContain('there are 3 before and 2 after, so no estimate is made.')
  })

  it('wrong header: the parser issue names the file, line and expected headers', async () => {
    const outcome = await runIts([file('wrong.csv', 'period,count\n2024-01-01,3\n'), '--change', '2024-01-01'])
    expect(outcome.code).toBe(2)
    expect(outcome.stdout).toBe('')
    expect(outcome.stderr).toContain('wrong.csv:1')
    expect(outcome.stderr).toContain('"period,value" or "period,count,population"')
  })

  it('a --family that does not match the header', async () => {
    const outcome = await runIts([file('hand.csv', weeklyCsv(HAND)), '--change', HAND_CHANGE, '--family', 'poisson'])
    expect(outcome).toEqual({ code: 2, stdout: '', stderr: 'lhs: its: --family poisson needs a file with header period,count,population, but hand.csv has period,value.\n' })
  })

  it('an unknown --family, a missing file, a missing file argument, an unknown option', async () => {
    file('hand.csv', weeklyCsv(HAND))
    expect((await runIts(['hand.csv', '--change', HAND_CHANGE, '--family', 'binomial'])).stderr).toBe('lhs: its: --family "binomial" is not known (expected one of gaussian, poisson).\n')
    expect((await runIts(['nope.csv', '--change', HAND_CHANGE])).stderr).toBe('lhs: its: cannot read nope.csv (no such file).\n')
    expect((await runIts(['--change', HAND_CHANGE])).stderr).toBe('lhs: its: give the CSV file to analyse (header period,value or period,count,population).\n')
    expect((await runIts(['hand.csv', '--change', HAND_CHANGE, '--level', '0.9'])).code).toBe(2)
  })

  it('a bad value in the file: the parser issue, exit 2', async () => {
    const outcome = await runIts([file('gap.csv', 'period,value\n2024-01-01,1\n2024-01-08,\n'), '--change', '2024-01-08'])
    expect(outcome.code).toBe(2)
    expect(outcome.stderr).toContain('gap.csv:3:value: value is empty')
  })
})
