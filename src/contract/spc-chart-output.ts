/** Core chart results in the contract's one shape (`SpcChartResult`), for `lhs spc --json` and the API. */
import type { AttributeResult, ControlChartResult, RareEventResult, RunChartResult, RunsAnalysis, SpcResult } from '../core/spc/index.ts'
import type { SpcChart, SpcChartResult } from './spc-charts.ts'

function runsOf(runs: RunsAnalysis): SpcChartResult['segments'][number]['runs'] {
  return { useful: runs.usefulPoints, ...runs }
}

/** The same result with its keys in the documented order (the contract's), for readable JSON. */
export function ordered(r: SpcChartResult): SpcChartResult {
  return {
    chart: r.chart,
    profile: r.profile,
    direction: r.direction,
    target: r.target,
    ...(r.multiplier === undefined ? {} : { multiplier: r.multiplier }),
    segments: r.segments.map((s) => ({
      from: s.from, to: s.to, reason: s.reason, centre: s.centre, upper: s.upper, lower: s.lower, upper2sigma: s.upper2sigma, lower2sigma: s.lower2sigma,
      baselinePoints: s.baselinePoints, trialLimits: s.trialLimits, runs: s.runs,
    })),
    points: r.points.map((p) => ({
      period: p.period, value: p.value, ...(p.numerator === undefined ? {} : { numerator: p.numerator }), ...(p.denominator === undefined ? {} : { denominator: p.denominator }),
      segment: p.segment, centre: p.centre, upper: p.upper, lower: p.lower, upper2sigma: p.upper2sigma, lower2sigma: p.lower2sigma,
      rule: p.rule, type: p.type, excluded: p.excluded,
    })),
    variation: r.variation,
    assurance: r.assurance,
    issues: r.issues,
  }
}

/** Today's XmR output, plus each point's 2σ band and `runs.useful` (and `multiplier` only when given). */
export function xmrOutput(result: SpcResult, multiply: number | undefined): SpcChartResult {
  const { segments, points, ...rest } = result
  return {
    ...rest,
    ...(multiply === undefined ? {} : { multiplier: multiply }),
    segments: segments.map((s) => ({ ...s, runs: runsOf(s.runs) })),
    points: points.map((p) => {
      const s = segments[p.segment]
      return { ...p, upper2sigma: s?.upper2sigma ?? null, lower2sigma: s?.lower2sigma ?? null }
    }),
  }
}

export function runOutput(result: RunChartResult, multiplier: number): SpcChartResult {
  const none = { upper: null, lower: null, upper2sigma: null, lower2sigma: null }
  return {
    chart: 'run',
    profile: null,
    direction: null,
    target: null,
    multiplier,
    segments: result.segments.map((s) => ({ ...s, ...none, trialLimits: null, runs: runsOf(s.runs) })),
    points: result.points.map((p) => ({ ...p, ...none, rule: null, type: null })),
    variation: null,
    assurance: null,
    issues: [...result.issues],
  }
}

export function rareEventOutput(result: RareEventResult): SpcChartResult {
  const { segments, points, ...rest } = result
  return {
    ...rest,
    profile: null,
    multiplier: 1,
    segments: segments.map(({ mean: _mean, ...s }) => ({ ...s, runs: runsOf(s.runs) })),
    points: points.map((p) => {
      const s = segments[p.segment]
      return { ...p, upper2sigma: s?.upper2sigma ?? null, lower2sigma: s?.lower2sigma ?? null }
    }),
  }
}

export function attributeOutput(chart: SpcChart, result: AttributeResult): SpcChartResult {
  const { segments, points, ...rest } = result
  const none = { upper: null, lower: null, upper2sigma: null, lower2sigma: null }
  return {
    ...rest,
    chart,
    segments: segments.map(({ sigmaZ: _sigmaZ, ...s }) => ({ ...s, ...none, runs: runsOf(s.runs) })),
    points: points.map(({ sigma: _sigma, ...p }) => p),
  }
}


const CONTRACT_NAMES = { xmr: 'xmr', p: 'p', p_prime: 'pp', u: 'u', u_prime: 'up', c: 'c', g: 'g', t: 't' } as const

/** Any control chart's result in the contract shape, keys in the documented order. */
export function controlChartOutput(result: ControlChartResult): SpcChartResult {
  if (result.chart === 'xmr') return ordered(xmrOutput(result as SpcResult, undefined))
  if (result.chart === 'g' || result.chart === 't') return ordered(rareEventOutput(result as RareEventResult))
  return ordered(attributeOutput(CONTRACT_NAMES[result.chart], result as AttributeResult))
}
