/**
 * The latest run of special-cause variation among a chart's most recent points, its strength and
 * its description: what every chart-based signal (series, gap, theme) is built from.
 * @see docs/methods/triangulation.md
 */
import type { Direction } from '../model.ts'
import type { ControlChartResult } from '../spc/control-chart.ts'
import type { PointType, Rule, SpcPoint } from '../spc/types.ts'
import { DEFAULT_RECENT, FULL_RUN } from './defaults.ts'
import type { Leaning, Side } from './types.ts'
import { periodWords, plural } from './wording.ts'

/** MDC's rule order, used to list the rules of a run. */
const RULE_ORDER: readonly Rule[] = ['outside_limits', 'trend', 'two_of_three', 'shift']

export interface SpecialCauseRun {
  readonly type: PointType
  readonly leaning: Leaning
  readonly side: Side
  /** Special-cause points in the run (all of the run's point type). */
  readonly count: number
  /** Points from the run's first point to the end of the series ("6 of the last 8"). */
  readonly span: number
  /** Points after the run's last point (0 when the latest point is special cause). */
  readonly age: number
  /** Recent points searched: min(recent, points). */
  readonly window: number
  readonly from: string
  readonly to: string
  /** Points of the run by rule, in MDC rule order. */
  readonly rules: readonly { readonly rule: Rule; readonly count: number }[]
  /** recency × (0.5 + 0.5 × min(1, count / 7)), recency = (window − age) / window. */
  readonly strength: number
  /** "6 of the last 8 weeks below the lower limit". */
  readonly phrase: string
}

/** Improvement, concern or neutral from a special-cause point type. */
export function leaningOfPointType(type: PointType): Leaning {
  return type === 'improvement' || type === 'concern' ? type : 'neutral'
}

/** Above or below the centre (rising or falling for a trend), from the point type and the chart's direction. */
export function sideOfPointType(type: PointType, direction: Direction): Side {
  if (type === 'neutral_high') return 'high'
  if (type === 'neutral_low') return 'low'
  const better = direction === 'decrease' ? 'low' : 'high'
  return type === 'improvement' ? better : better === 'high' ? 'low' : 'high'
}

const isSpecial = (p: SpcPoint) => p.rule !== null && p.type !== 'common_cause'

/**
 * The run ending at the latest special-cause point among the last `recent` points: earlier
 * special-cause points of the same type join it until one of another type (or the window's start).
 * Undefined when every recent point is common cause. Throws when `recent` is not a positive integer.
 */
export function specialCauseRun(chart: ControlChartResult, recent = DEFAULT_RECENT): SpecialCauseRun | undefined {
  if (!Number.isInteger(recent) || recent < 1) throw new Error(`invalid recent: ${recent} (expected a whole number of points ≥ 1)`)
  const points = chart.points
  const n = points.length
  const start = Math.max(0, n - recent)
  let last = n - 1
  while (last >= start && !isSpecial(points[last] as SpcPoint)) last--
  if (last < start) return undefined
  const latest = points[last] as SpcPoint
  let first = last
  for (let i = last - 1; i >= start; i--) {
    const p = points[i] as SpcPoint
    if (!isSpecial(p)) continue
    if (p.type !== latest.type) break
    first = i
  }
  const run = points.slice(first, last + 1).filter(isSpecial)
  const window = n - start
  const age = n - 1 - last
  const strength = ((window - age) / window) * (0.5 + 0.5 * Math.min(1, run.length / FULL_RUN))
  const side = sideOfPointType(latest.type, chart.direction)
  const rules = RULE_ORDER.map((rule) => ({ rule, count: run.filter((p) => p.rule === rule).length })).filter((r) => r.count > 0)
  const words = periodWords(points.map((p) => p.period))
  const base = { type: latest.type, leaning: leaningOfPointType(latest.type), side, count: run.length, span: n - first, age, window, from: (points[first] as SpcPoint).period, to: latest.period, rules, strength }
  return { ...base, phrase: runPhrase(base, words) }
}

/** Where the points of a rule lie, in plain English. */
export function rulePhrase(rule: Rule, side: Side): string {
  const high = side === 'high'
  switch (rule) {
    case 'outside_limits':
      return high ? 'above the upper limit' : 'below the lower limit'
    case 'trend':
      return high ? 'in a rising trend' : 'in a falling trend'
    case 'two_of_three':
      return high ? 'close to the upper limit' : 'close to the lower limit'
    case 'shift':
      return high ? 'above the average in a shift' : 'below the average in a shift'
  }
}

type RunFacts = Pick<SpecialCauseRun, 'count' | 'span' | 'side' | 'rules'>

function runPhrase(run: RunFacts, words: { one: string; many: string }): string {
  const subject = run.span === 1 ? `the latest ${words.one}` : `${run.count} of the last ${plural(run.span, words.one, words.many)}`
  const only = run.rules.length === 1 ? run.rules[0] : undefined
  if (only) return `${subject} ${rulePhrase(only.rule, run.side)}`
  const parts = run.rules.map((r) => `${r.count} ${rulePhrase(r.rule, run.side)}`)
  return `${subject} show special cause: ${parts.join(', ')}`
}
