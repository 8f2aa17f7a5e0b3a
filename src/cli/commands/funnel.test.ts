import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { linesOf, runCli } from '../../../test/cli/run-cli.ts'
import { FunnelResultSchema } from '../../contract/funnel.ts'
import { LEVEL_95, LEVEL_998, poissonRatioLimits } from '../../core/compare/index.ts'
import type { FunnelCliResult } from './funnel.ts'

// test/reference-data/funnel-standardised-ratios.csv (a copy of shared/reference-data): the 6 units of FunnelPlotR's tests, copied
// here. Expected φ, τ² and limits are those of src/core/compare/funnel.test.ts (an independent Python
// cross-check of STATISTICS.md §4 with numpy and scipy, not published values).
const REFERENCE = 'unit,numerator,denominator\na,100,108\nb,150,112\nc,180,165\nd,80,95\ne,120,100\nf,225,220\n'
const REFERENCE_OE = REFERENCE.replace('unit,numerator,denominator', 'unit,observed,expected')

// The P-chart data of STATISTICS.md's worked examples read as 25 units (src/core/compare/funnel.test.ts).
const P_NUMERATORS = [12, 8, 6, 9, 10, 12, 11, 16, 10, 6, 20, 15, 9, 8, 6, 8, 10, 7, 5, 8, 5, 8, 10, 6, 9]
const P_DENOMINATORS = [100, 80, 80, 100, 110, 110, 100, 100, 90, 90, 110, 120, 120, 120, 110, 80, 80, 80, 90, 100, 100, 100, 100, 90, 90]
const P_CHART = ['unit,numerator,denominator', ...P_NUMERATORS.map((n, i) => `u${String(i + 1).padStart(2, '0')},${n},${P_DENOMINATORS[i]}`)].join('\n') + '\n'

let dir: string
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'lhs-funnel-'))
})
afterAll(() => {
  rmSync(dir, { recursive: true, force: true })
})

function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

/** `lhs funnel …` through the real command table (src/cli/run.ts), in the test's folder. */
const funnel = (...args: string[]) => runCli(['funnel', ...args], {}, dir)

async function funnelJson(path: string, ...flags: string[]): Promise<FunnelCliResult> {
  const outcome = await funnel(path, '--json', ...flags)
  expect(outcome.stderr).toBe('')
  expect(outcome.code).toBe(0)
  const json: unknown = JSON.parse(outcome.stdout)
  FunnelResultSchema.parse(json)
  return json as FunnelCliResult
}

const unitOf = (result: FunnelCliResult, name: string): FunnelCliResult['units'][number] => result.units.find((u) => u.unit === name)!
const limitsOf = (result: FunnelCliResult, name: string): number[] => {
  const u = unitOf(result, name)
  return [u.lower95, u.upper95, u.lower998, u.upper998]
}

describe('lhs funnel --json: funnel-standardised-ratios.csv', () => {
  it('the reference file is the one copied here', () => {
    expect(readFileSync(new URL('../../../test/reference-data/funnel-standardised-ratios.csv', import.meta.url), 'utf8').replace(/\r\n/g, '\n').trim()).toBe(REFERENCE.trim())
  })

  it.each([
    {
      method: 'shmi',
      phi: 1.3310293242591198,
      tau2: 0.00541831088670637,
      limitsOfE: [0.7839816294664118, 1.2755400922858526, 0.6813251253087198, 1.4677280535440158],
      limitsOfB: [0.790759430442132, 1.2646071124828402, 0.6906353532550426, 1.4479420946044637],
    },
    {
      method: 'cqc',
      phi: 2.3271782575941193,
      tau2: 0.003439780154186274,
      limitsOfE: [0.7207086929798956, 1.32492614875267, 0.580393925286233, 1.5330503600511398],
      limitsOfB: [0.7265701754938246, 1.3170067418705118, 0.5887000272436306, 1.5196284353940548],
    },
  ])('--type ratio --method $method: the documented keys, φ, τ², adjusted limits of e and b', async (c) => {
    const result = await funnelJson(file(`ref-${c.method}.csv`, REFERENCE), '--type', 'ratio', '--method', c.method, '--direction', 'decrease')
    expect(Object.keys(result)).toEqual(['type', 'target', 'phi', 'tau2', 'adjusted', 'statement', 'units'])
    expect(Object.keys(result.units[0]!)).toEqual(['unit', 'numerator', 'denominator', 'value', 'z', 'lower95', 'upper95', 'lower998', 'upper998', 'position'])
    expect(result).toMatchObject({ type: 'ratio', target: 1, adjusted: true })
    expect(result.phi).toBeCloseTo(c.phi, 12)
    expect(result.tau2).toBeCloseTo(c.tau2, 12)
    expect(result.statement).toContain('beyond chance')
    limitsOf(result, 'e').forEach((v, i) => expect(v).toBeCloseTo(c.limitsOfE[i]!, 12))
    limitsOf(result, 'b').forEach((v, i) => expect(v).toBeCloseTo(c.limitsOfB[i]!, 12))
    expect(result.units.map((u) => u.unit)).toEqual(['a', 'b', 'c', 'd', 'e', 'f'])
  })

  it('unit b (O/E = 1.339) is within the 99.8% limits (the default) but above the 95% ones (--limit 95)', async () => {
    const path = file('ref-limit.csv', REFERENCE)
    const at998 = await funnelJson(path, '--type', 'ratio')
    const at95 = await funnelJson(path, '--type', 'ratio', '--limit', '95')
    expect(unitOf(at998, 'b').value).toBeCloseTo(150 / 112, 15)
    expect(unitOf(at998, 'b').position).toBe('within')
    expect(unitOf(at95, 'b').position).toBe('above')
    expect(limitsOf(at95, 'b')).toEqual(limitsOf(at998, 'b'))
  })

  it('a unit,observed,expected header is a ratio funnel without --type', async () => {
    const result = await funnelJson(file('ref-oe.csv', REFERENCE_OE))
    expect(result.type).toBe('ratio')
    expect(result.phi).toBeCloseTo(1.3310293242591198, 12)
  })

  it('--no-overdispersion: φ still estimated, τ² 0, exact Poisson limits, unadjusted z, and the statement says so', async () => {
    const result = await funnelJson(file('ref-nood.csv', REFERENCE), '--type', 'ratio', '--no-overdispersion')
    expect(result).toMatchObject({ adjusted: false, tau2: 0 })
    expect(result.phi).toBeCloseTo(1.3310293242591198, 12)
    const [l95, u95] = poissonRatioLimits(100, LEVEL_95)
    const [l998, u998] = poissonRatioLimits(100, LEVEL_998)
    expect(limitsOf(result, 'e')).toEqual([l95, u95, l998, u998])
    expect(unitOf(result, 'e').z).toBeCloseTo(Math.sqrt(100) * Math.log(1.2), 12)
    // FunnelPlotR test-funnel_plot.R: the adjusted 95% lower limit of unit e lies below the unadjusted one.
    const adjusted = await funnelJson(file('ref-od.csv', REFERENCE), '--type', 'ratio')
    expect(unitOf(adjusted, 'e').lower95).toBeLessThan(l95)
    expect(result.statement).toContain('--no-overdispersion')
  })
})

describe('lhs funnel: proportions (the P-chart data of STATISTICS.md as 25 units)', () => {
  it('target p̄ = 0.0955102040816327, φ ≤ 1 so unadjusted, limits of the first unit', async () => {
    const result = await funnelJson(file('p.csv', P_CHART))
    expect(result).toMatchObject({ type: 'proportion', tau2: 0, adjusted: false })
    expect(result.target).toBeCloseTo(0.0955102040816327, 15)
    expect(result.phi).toBeCloseTo(0.6147888889376716, 12)
    expect(result.statement).toContain('within chance')
    expect(limitsOf(result, 'u01')).toEqual([0.04601569547620858, 0.16049334380248398, 0.02528155894940082, 0.20405933273483737].map((v) => expect.closeTo(v, 12)))
    expect(result.units.every((u) => u.position === 'within')).toBe(true)
    const at95 = await funnelJson(file('p95.csv', P_CHART), '--limit', '95')
    expect(at95.units.filter((u) => u.position !== 'within').map((u) => [u.unit, u.position])).toEqual([['u11', 'above']])
  })

  it('text output: a header line, a table of the units and the statement', async () => {
    const outcome = await funnel(file('p-text.csv', P_CHART))
    expect(outcome).toMatchObject({ code: 0, stderr: '' })
    const lines = linesOf(outcome.stdout)
    expect(lines).toHaveLength(1 + 1 + 25 + 1)
    expect(lines[0]).toBe('Funnel plot, type proportion, direction increase: target 0.0955, φ 0.6148, τ² 0.000000, not adjusted')
    expect(lines[1]).toMatch(/^unit\s+numerator\s+denominator\s+value\s+z\s+95% limits\s+99\.8% limits\s+position \(99\.8%\)$/)
    expect(lines[2]).toMatch(/^u01\s+12\s+100\s+0\.1200\s+\S+\s+0\.0460 to 0\.1605\s+0\.0253 to 0\.2041\s+within$/)
    expect(lines[27]).toContain('within chance')
  })
})

describe('lhs funnel: bad input', () => {
  it.each([
    { name: 'a text numerator', text: 'unit,numerator,denominator\na,1,10\nb,x,10\n', says: ['text.csv:3:numerator: "x" is not a number'] },
    { name: 'an empty denominator', text: 'unit,numerator,denominator\na,1,\n', says: ['text.csv:2:denominator: denominator is empty'] },
    { name: 'a zero denominator', text: 'unit,numerator,denominator\na,1,0\n', says: ['text.csv:2:denominator: denominator "0" is 0 (expected a denominator above 0).'] },
    { name: 'a numerator above the denominator', text: 'unit,numerator,denominator\na,11,10\n', says: ['text.csv:2:numerator: numerator "11" is above denominator "10"'] },
    { name: 'a duplicate unit', text: 'unit,numerator,denominator\na,1,10\na,2,10\n', says: ['text.csv:3:unit: unit "a" already has a row on line 2'] },
    { name: 'an empty unit', text: 'unit,numerator,denominator\n,1,10\n', says: ['text.csv:2:unit: unit is empty'] },
    { name: 'a bad header', text: 'site,numerator,denominator\na,1,10\n', says: ['text.csv:1: the header'] },
    { name: 'a negative count', text: 'unit,numerator,denominator\na,-1,10\n', says: ['text.csv:2:numerator: "-1" is negative'] },
    { name: 'an observed,expected header for a proportion', text: 'unit,observed,expected\na,1,10\n', flags: ['--type', 'proportion'], says: ['text.csv:1: the header "unit,observed,expected" is for a ratio funnel'] },
    { name: 'O = 0 with SHMI', text: 'unit,observed,expected\na,0,10\nb,3,4\n', says: ['text.csv:2:observed: observed "0" is 0, and the SHMI method takes ln(O/E) (expected observed above 0, or --method cqc).'] },
    { name: 'no events in a rate funnel', text: 'unit,numerator,denominator\na,0,10\n', flags: ['--type', 'rate', '--method', 'cqc'], says: ['text.csv: every numerator is 0'] },
  ])('$name: exit 2, file:line:column on stderr, nothing on stdout', async (c) => {
    const outcome = await funnel(file('text.csv', c.text), '--json', ...(c.flags ?? []))
    expect(outcome.code).toBe(2)
    expect(outcome.stdout).toBe('')
    const lines = linesOf(outcome.stderr)
    expect(lines).toHaveLength(c.says.length)
    lines.forEach((line, i) => expect(line.startsWith(c.says[i]!), `${line} starts with ${c.says[i]}`).toBe(true))
  })

  it.each([
    { name: 'a missing file', args: ['nope.csv'], says: 'funnel: cannot read nope.csv (no such file).' },
    { name: 'no file', args: [], says: 'give the CSV file' },
    { name: 'two files', args: ['GOOD', 'GOOD'], says: 'unexpected argument' },
    { name: 'an unknown --type', args: ['GOOD', '--type', 'odds'], says: '--type "odds" is not known (expected one of proportion, ratio, rate)' },
    { name: 'an unknown --method', args: ['GOOD', '--method', 'x'], says: '--method "x" is not known (expected one of shmi, cqc)' },
    { name: 'an unknown --limit', args: ['GOOD', '--limit', '99'], says: '--limit "99" is not known (expected one of 95, 99.8)' },
    { name: 'an unknown --direction', args: ['GOOD', '--direction', 'up'], says: '--direction "up" is not known' },
  ])('$name: exit 2 with one line on stderr, nothing on stdout', async (c) => {
    const good = file('good.csv', REFERENCE)
    const outcome = await funnel(...c.args.map((a) => (a === 'GOOD' ? good : a)), '--json')
    expect(outcome.code).toBe(2)
    expect(outcome.stdout).toBe('')
    const lines = linesOf(outcome.stderr)
    expect(lines).toHaveLength(1)
    expect(lines[0]).toContain(c.says)
  })
})
