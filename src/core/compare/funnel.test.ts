import { describe, expect, it } from 'vitest'
import { funnelPlot } from './funnel.ts'
import { LEVEL_95, LEVEL_998 } from './funnel-levels.ts'
import { poissonRatioLimits } from './funnel-limits.ts'
import type { FunnelUnitInput } from './funnel-types.ts'

function units(numerators: readonly number[], denominators: readonly number[]): FunnelUnitInput[] {
  return numerators.map((numerator, i) => ({ unit: String.fromCharCode(97 + i), numerator, denominator: denominators[i]! }))
}

describe('funnel levels (STATISTICS.md §4: z_α = 1.959964 and 3.090232)', () => {
  it('z at full precision rounds to the printed constants', () => {
    expect(LEVEL_95.z.toFixed(6)).toBe('1.959964')
    expect(LEVEL_998.z.toFixed(6)).toBe('3.090232')
  })
})

// E = 15: STATISTICS.md §4 "Published checks". E = 15, 20, 30: FunnelPlotR's
// tests/testthat/test-poisson_limits.R (calculate_limits, draw_adjusted = FALSE), rounded there to
// 7 decimals for the lower limits and 6 for the upper ones.
describe.each([
  { e: 15, lower95: 0.5596924, upper95: 1.649348, lower998: 0.386265, upper998: 2.082907 },
  { e: 20, lower95: 0.610826, upper95: 1.544419, lower998: 0.4479107, upper998: 1.902094 },
  { e: 30, lower95: 0.6746958, upper95: 1.427562, lower998: 0.5289724, upper998: 1.702771 },
])('exact Poisson limits for E = $e', ({ e, lower95, upper95, lower998, upper998 }) => {
  it('poissonRatioLimits', () => {
    const [l95, u95] = poissonRatioLimits(e, LEVEL_95)
    const [l998, u998] = poissonRatioLimits(e, LEVEL_998)
    expect(l95).toBeCloseTo(lower95, 7)
    expect(u95).toBeCloseTo(upper95, 6)
    expect(l998).toBeCloseTo(lower998, 7)
    expect(u998).toBeCloseTo(upper998, 6)
  })

  it.each(['shmi', 'cqc'] as const)('a ratio funnel with no overdispersion falls back to them (%s)', (method) => {
    const result = funnelPlot(units([e, e, e], [e, e, e]), { type: 'ratio', method })
    expect(result).toMatchObject({ phi: 0, tau2: 0, adjusted: false, spread: 'within chance' })
    const unit = result.units[0]!
    expect(unit.lower95).toBeCloseTo(lower95, 7)
    expect(unit.upper95).toBeCloseTo(upper95, 6)
    expect(unit.lower998).toBeCloseTo(lower998, 7)
    expect(unit.upper998).toBeCloseTo(upper998, 6)
    expect(unit.position).toBe('within')
  })
})

// reference-data/funnel-standardised-ratios.csv: the 6 units of FunnelPlotR's tests
// (tests/testthat/test-funnel_plot.R and test-OD_adjust_func.R). Those tests assert shapes only, plus one
// value relation, checked below. The φ, τ² and limits here are an independent cross-check: a separate
// implementation of STATISTICS.md §4 in Python with numpy.quantile (type 7) and scipy.stats
// (norm.ppf, gamma.ppf), scipy 1.17; not published values.
const reference = units([100, 150, 180, 80, 120, 225], [108, 112, 165, 95, 100, 220])

describe.each([
  {
    method: 'shmi' as const,
    phi: 1.3310293242591198,
    tau2: 0.00541831088670637,
    limitsOfE: [0.7839816294664118, 1.2755400922858526, 0.6813251253087198, 1.4677280535440158],
    limitsOfB: [0.790759430442132, 1.2646071124828402, 0.6906353532550426, 1.4479420946044637],
  },
  {
    method: 'cqc' as const,
    phi: 2.3271782575941193,
    tau2: 0.003439780154186274,
    limitsOfE: [0.7207086929798956, 1.32492614875267, 0.580393925286233, 1.5330503600511398],
    limitsOfB: [0.7265701754938246, 1.3170067418705118, 0.5887000272436306, 1.5196284353940548],
  },
])('funnel-standardised-ratios.csv, method $method', ({ method, phi, tau2, limitsOfE, limitsOfB }) => {
  const result = funnelPlot(reference, { type: 'ratio', method, direction: 'decrease' })
  const limits = (unit: string): number[] => {
    const u = result.units.find((x) => x.unit === unit)!
    return [u.lower95, u.upper95, u.lower998, u.upper998]
  }

  it('φ and τ²: overdispersed, so the limits are adjusted', () => {
    expect(result.phi).toBeCloseTo(phi, 12)
    expect(result.tau2).toBeCloseTo(tau2, 12)
    expect(result.adjusted).toBe(true)
    expect(result.spread).toBe('beyond chance')
    expect(result.target).toBe(1)
  })

  it('limits of units e and b', () => {
    limits('e').forEach((v, i) => expect(v).toBeCloseTo(limitsOfE[i]!, 12))
    limits('b').forEach((v, i) => expect(v).toBeCloseTo(limitsOfB[i]!, 12))
  })

  it('unit b (O/E = 1.339) is above its 95% limit but within 99.8%: no outlier', () => {
    const b = result.units.find((u) => u.unit === 'b')!
    expect(b.value).toBeCloseTo(150 / 112, 15)
    expect(b.position95).toBe('above')
    expect(b.position).toBe('within')
    expect(b.signal).toBeNull()
  })
})

describe('FunnelPlotR test-funnel_plot.R: the adjusted 95% lower limit of unit e lies below the unadjusted one', () => {
  it('SHMI adjusted < exact Poisson', () => {
    const adjusted = funnelPlot(reference, { type: 'ratio', method: 'shmi' }).units[4]!
    expect(adjusted.lower95).toBeLessThan(poissonRatioLimits(100, LEVEL_95)[0])
  })
})

describe('proportions', () => {
  // The P-chart data of STATISTICS.md's worked examples, read as 25 units: the target equals p̄.
  const pChart = units(
    [12, 8, 6, 9, 10, 12, 11, 16, 10, 6, 20, 15, 9, 8, 6, 8, 10, 7, 5, 8, 5, 8, 10, 6, 9],
    [100, 80, 80, 100, 110, 110, 100, 100, 90, 90, 110, 120, 120, 120, 110, 80, 80, 80, 90, 100, 100, 100, 100, 90, 90],
  )

  it('target ΣO/Σn = p̄ of STATISTICS.md (0.0955102040816327); φ ≤ 1, so unadjusted', () => {
    const result = funnelPlot(pChart, { type: 'proportion' })
    expect(result.target).toBeCloseTo(0.0955102040816327, 15)
    // Cross-check (numpy/scipy, as above): φ = 0.6147888889376716.
    expect(result.phi).toBeCloseTo(0.6147888889376716, 12)
    expect(result).toMatchObject({ tau2: 0, adjusted: false, spread: 'within chance', method: null })
    const u = result.units[0]!
    expect(u.lower95).toBeCloseTo(0.04601569547620858, 12)
    expect(u.upper95).toBeCloseTo(0.16049334380248398, 12)
    expect(u.lower998).toBeCloseTo(0.02528155894940082, 12)
    expect(u.upper998).toBeCloseTo(0.20405933273483737, 12)
    expect(result.units.every((x) => x.position === 'within')).toBe(true)
    expect(result.units[10]!.position95).toBe('above')
  })

  // The worked example of docs/methods/funnel-plots.md (cross-checked with numpy/scipy).
  it('overdispersed example: φ, τ² and the limits of unit a', () => {
    const result = funnelPlot(units([10, 40, 25, 90, 15], [100, 200, 100, 300, 50]), { type: 'proportion' })
    expect(result.target).toBe(0.24)
    expect(result.phi).toBeCloseTo(2.8089778443685662, 12)
    expect(result.tau2).toBeCloseTo(0.004593699339257393, 12)
    expect(result.adjusted).toBe(true)
    const a = result.units[0]!
    expect(a.lower95).toBeCloseTo(0.11558694462639532, 12)
    expect(a.upper95).toBeCloseTo(0.3924967243495877, 12)
    expect(a.lower998).toBeCloseTo(0.062026589435944544, 12)
    expect(a.upper998).toBeCloseTo(0.48684808236156285, 12)
    expect(a.z).toBeCloseTo(-3.80444267 / Math.sqrt(1 + 400 * 0.004593699339257393), 7)
    expect([a.position95, a.position]).toEqual(['below', 'within'])
    // Unadjusted, unit a would be below its 99.8% limit, sin²(asin√0.24 − 3.090232/20) = 0.122428.
    const alone = funnelPlot([{ unit: 'a', numerator: 24, denominator: 100 }], { type: 'proportion' })
    expect(alone.adjusted).toBe(false)
    expect(alone.units[0]!.lower998).toBeCloseTo(0.12242807368702295, 6)
  })

  it('a lower limit below 0 is clamped to 0 and an upper limit above 1 to 1', () => {
    const result = funnelPlot(units([0, 1, 1], [2, 2, 2]), { type: 'proportion' })
    expect(result.units[0]!.lower998).toBe(0)
    expect(result.units[0]!.upper998).toBe(1)
  })
})

describe('rates', () => {
  it('a rate funnel is the ratio funnel on E = exposure × target, scaled by the target', () => {
    const counts = [100, 150, 180, 80, 120, 225]
    const exposure = [1080, 1120, 1650, 950, 1000, 2200]
    const rate = funnelPlot(units(counts, exposure), { type: 'rate' })
    const target = 855 / 8000
    const ratio = funnelPlot(units(counts, exposure.map((x) => x * target)), { type: 'ratio' })
    expect(rate.target).toBeCloseTo(target, 15)
    expect(rate.phi).toBeCloseTo(ratio.phi, 12)
    expect(rate.tau2).toBeCloseTo(ratio.tau2, 12)
    rate.units.forEach((u, i) => {
      const r = ratio.units[i]!
      expect(u.value).toBeCloseTo(r.value * target, 12)
      expect(u.upper998).toBeCloseTo(r.upper998 * target, 12)
      expect(u.lower95).toBeCloseTo(r.lower95 * target, 12)
      expect(u.position).toBe(r.position)
    })
  })
})

describe('positions and signals', () => {
  const outlying = units([15, 15, 15, 15, 60], [15, 15, 15, 15, 15])

  it.each([
    { direction: 'increase', signal: 'possible excellence' },
    { direction: 'decrease', signal: 'possible concern' },
    { direction: 'neutral', signal: 'higher than expected' },
  ] as const)('a unit above the 99.8% limit, direction $direction: $signal', ({ direction, signal }) => {
    const result = funnelPlot(outlying, { type: 'ratio', method: 'cqc', direction })
    const e = result.units[4]!
    expect(e.position).toBe('above')
    expect(e.signal).toBe(signal)
    expect(result.units[0]!.signal).toBeNull()
  })

  it('a unit below the limits, direction increase, is a possible concern', () => {
    const result = funnelPlot(units([150, 150, 150, 150, 40], [150, 150, 150, 150, 150]), { type: 'ratio', method: 'cqc' })
    expect(result.units[4]).toMatchObject({ position: 'below', signal: 'possible concern' })
  })
})

describe('spread', () => {
  it('too few units after truncation: not estimable, unadjusted', () => {
    const result = funnelPlot(units([10, 30], [20, 20]), { type: 'ratio', method: 'shmi' })
    expect(result).toMatchObject({ phi: 0, tau2: 0, adjusted: false, spread: 'too few units' })
    expect(result.statement).toMatch(/Too few units/)
  })

  it('states beyond or within chance', () => {
    expect(funnelPlot(reference, { type: 'ratio' }).statement).toMatch(/beyond chance .*candidate to standardise/)
    expect(funnelPlot(units([15, 15, 15], [15, 15, 15]), { type: 'ratio' }).statement).toMatch(/within chance .*acceptable local variation/)
  })
})

describe('impossible input throws, quoting the value', () => {
  it.each([
    { input: [], options: { type: 'proportion' }, message: 'at least one unit' },
    { input: units([1, 2], [5, 5]).map((u) => ({ ...u, unit: 'x' })), options: { type: 'proportion' }, message: 'duplicate unit: x' },
    { input: units([1], [0]), options: { type: 'proportion' }, message: 'invalid denominator for unit a: 0' },
    { input: units([-1], [4]), options: { type: 'ratio' }, message: 'invalid numerator for unit a: -1' },
    { input: units([6], [5]), options: { type: 'proportion' }, message: 'expected ≤ denominator 5' },
    { input: units([0, 3], [5, 5]), options: { type: 'ratio' }, message: "use method 'cqc'" },
    { input: units([0, 0], [5, 5]), options: { type: 'rate', method: 'cqc' }, message: 'at least one event' },
    { input: units([1], [5]), options: { type: 'odds' }, message: 'invalid funnel type: odds' },
    { input: units([1], [5]), options: { type: 'ratio', method: 'x' }, message: 'invalid method: x' },
    { input: units([1], [5]), options: { type: 'ratio', direction: 'up' }, message: 'invalid direction: up' },
  ])('$message', ({ input, options, message }) => {
    expect(() => funnelPlot(input, options as never)).toThrow(message)
  })
})
