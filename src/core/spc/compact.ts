/**
 * A compact, lossless form of an XmR result for storage (the precomputed analysis of every series):
 * the per-point centre and limits are dropped when they equal their segment's, and the points are
 * stored as parallel arrays. `expandSpc(compactSpc(r))` deep-equals `r`, non-finite numbers included.
 */
import type { Issue } from '../issues.ts'
import type { Direction } from '../model.ts'
import type { Assurance, PointType, Profile, Rule, Segment, SpcPoint, SpcResult } from './types.ts'

export interface CompactSpc {
  readonly version: 1
  readonly profile: Profile
  readonly direction: Direction
  readonly target: number | null
  readonly segments: readonly Segment[]
  readonly variation: PointType | null
  readonly assurance: Assurance | null
  readonly issues: readonly Issue[]
  readonly period: readonly string[]
  readonly value: readonly number[]
  readonly segment: readonly number[]
  /** Index into RULES, or -1 for no rule. */
  readonly rule: readonly number[]
  /** Index into POINT_TYPES. */
  readonly type: readonly number[]
  readonly excluded: readonly (string | null)[]
  /** Present only when some point's centre or limits differ from its segment's. */
  readonly limits?: { readonly centre: readonly number[]; readonly upper: readonly number[]; readonly lower: readonly number[] }
}

const RULES: readonly Rule[] = ['outside_limits', 'trend', 'two_of_three', 'shift']
const POINT_TYPES: readonly PointType[] = ['common_cause', 'improvement', 'concern', 'neutral_high', 'neutral_low']

export function compactSpc(result: SpcResult): CompactSpc {
  const { points, segments } = result
  const ownLimits = points.some((p) => {
    const s = segments[p.segment]
    return s === undefined || !same(p.centre, s.centre) || !same(p.upper, s.upper) || !same(p.lower, s.lower)
  })
  return {
    version: 1,
    profile: result.profile,
    direction: result.direction,
    target: result.target,
    segments,
    variation: result.variation,
    assurance: result.assurance,
    issues: result.issues,
    period: points.map((p) => p.period),
    value: points.map((p) => p.value),
    segment: points.map((p) => p.segment),
    rule: points.map((p) => (p.rule === null ? -1 : RULES.indexOf(p.rule))),
    type: points.map((p) => POINT_TYPES.indexOf(p.type)),
    excluded: points.map((p) => p.excluded),
    ...(ownLimits ? { limits: { centre: points.map((p) => p.centre), upper: points.map((p) => p.upper), lower: points.map((p) => p.lower) } } : {}),
  }
}

export function expandSpc(compact: CompactSpc): SpcResult {
  if (compact.version !== 1) throw new Error(`unknown stored analysis version: ${JSON.stringify(compact.version)} (expected 1)`)
  const points: SpcPoint[] = compact.period.map((period, i) => {
    const segment = compact.segment[i] as number
    const limits = compact.limits
    const s = compact.segments[segment] as Segment
    return {
      period,
      value: compact.value[i] as number,
      segment,
      centre: limits ? (limits.centre[i] as number) : s.centre,
      upper: limits ? (limits.upper[i] as number) : s.upper,
      lower: limits ? (limits.lower[i] as number) : s.lower,
      rule: RULES[compact.rule[i] as number] ?? null,
      type: POINT_TYPES[compact.type[i] as number] as PointType,
      excluded: compact.excluded[i] ?? null,
    }
  })
  return {
    chart: 'xmr',
    profile: compact.profile,
    direction: compact.direction,
    target: compact.target,
    segments: compact.segments,
    points,
    variation: compact.variation,
    assurance: compact.assurance,
    issues: compact.issues,
  }
}

/** JSON text of a compact result; NaN, ±Infinity and −0 survive as {"$n": "NaN"} etc. */
export function compactSpcJson(result: SpcResult): string {
  const compact = compactSpc(result)
  // The replacer costs a call per value; only a result holding a non-finite number or −0 needs it.
  if (allPlain(compact)) return JSON.stringify(compact)
  return JSON.stringify(compact, (_key, value: unknown) => {
    if (typeof value !== 'number') return value
    if (Object.is(value, -0)) return { $n: '-0' }
    return Number.isFinite(value) ? value : { $n: String(value) }
  })
}

/** Reads what `compactSpcJson` wrote (text, or the object a JSON column returns). */
export function parseCompactSpc(stored: string | object): SpcResult {
  const text = typeof stored === 'string' ? stored : JSON.stringify(stored)
  // The reviver costs a call per value; only a result holding a non-finite number needs it.
  const parsed: unknown = text.includes('"$n"') ? JSON.parse(text, (_key, value: unknown) => (isNonFinite(value) ? Number(value.$n) : value)) : JSON.parse(text)
  return expandSpc(parsed as CompactSpc)
}

const plain = (v: number | null) => v === null || (Number.isFinite(v) && !Object.is(v, -0))
const allPlainIn = (values: readonly (number | null)[]) => values.every(plain)

/** True when every number of the result is finite and not −0 (so plain JSON keeps it exactly). */
function allPlain(c: CompactSpc): boolean {
  return (
    plain(c.target) &&
    allPlainIn(c.value) &&
    c.segments.every((s) => allPlainIn([s.centre, s.upper, s.lower, s.upper2sigma, s.lower2sigma, s.baselinePoints, s.runs.usefulPoints, s.runs.longestRun, s.runs.longestRunMax, s.runs.crossings, s.runs.crossingsMin])) &&
    (c.limits === undefined || (allPlainIn(c.limits.centre) && allPlainIn(c.limits.upper) && allPlainIn(c.limits.lower))) &&
    JSON.stringify(c.issues).indexOf('null') === -1
  )
}

function isNonFinite(value: unknown): value is { $n: string } {
  return typeof value === 'object' && value !== null && '$n' in value && Object.keys(value).length === 1
}

function same(a: number, b: number): boolean {
  return Object.is(a, b) || a === b
}
