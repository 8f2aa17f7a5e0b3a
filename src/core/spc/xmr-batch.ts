/**
 * Batch XmR: the `mdc` analysis of `xmrChart` for many complete series of equal length at once.
 * @see docs/methods/xmr.md, docs/performance.md
 *
 * The path for precomputing a whole system (every measure at every site) when every series is
 * complete and regular: one segment per series, every point in the baseline, no rebases, no
 * exclusions, no missing values, no baseline length, no spacing checks and no runs analysis. The
 * values of series i are `values[i·length … (i+1)·length)` in time order. For each series it gives
 * exactly what `xmrChart(points, { profile: 'mdc', direction, target, ruleLength })` gives: centre,
 * screened average moving range, limits, the four rules with their precedence, the point types,
 * the variation icon and the assurance icon; the same arithmetic in the same order, so the same
 * numbers to the last bit. Anything irregular (missing values, rebases, exclusions, a baseline, other
 * profiles, issues to report) goes through `xmrChart`.
 *
 * Results go into caller-supplied typed arrays as small codes (`BATCH_RULES`, `BATCH_POINT_TYPES`,
 * `BATCH_ASSURANCES` decode them); scratch buffers are allocated once per call and reused for
 * every series, so nothing is allocated per series.
 */
import type { Direction } from '../model.ts'
import { profileSettings, SCREENING_FACTOR } from './profile-settings.ts'
import { pointType } from './point-type.ts'
import type { Assurance, PointType, Rule } from './types.ts'

/** Rule codes of `XmrBatchOutput.rules`: the index into this list. */
export const BATCH_RULES: readonly (Rule | null)[] = [null, 'outside_limits', 'trend', 'two_of_three', 'shift']
/** Point type codes of `XmrBatchOutput.types` and `.variation`: the index into this list. */
export const BATCH_POINT_TYPES: readonly PointType[] = ['common_cause', 'improvement', 'concern', 'neutral_high', 'neutral_low']
/** Assurance codes of `XmrBatchOutput.assurance` (0: no icon, as null in `xmrChart`). */
export const BATCH_ASSURANCES: readonly (Assurance | null)[] = [null, 'pass', 'fail', 'hit_or_miss']
/** Direction codes of `XmrBatchOptions.directions`. */
export const BATCH_DIRECTIONS: readonly Direction[] = ['increase', 'decrease', 'neutral']

const MDC = profileSettings('mdc')
const LIMIT_FACTOR = MDC.limitFactor
const NEAR_FACTOR = MDC.nearFactor

// What the rules found at a point, as bits of one byte (decoded once per point by two tables). The
// rule pass sets them by shifting 0/1 comparisons into place: `<< 1` trend up, `<< 2` trend down,
// `<< 3` two of three, `<< 4` shift, `<< 5` high.
const OUTSIDE = 1
const TREND_UP = 2
const TREND_DOWN = 4
const TREND = TREND_UP | TREND_DOWN
const TWO_OF_THREE = 8
const SHIFT = 16
/** Set when the value lies above the centre line. */
const HIGH = 32
const FLAG_VALUES = 64

/** Rule code of each combination of flags: the first rule that marks the point. */
const RULE_OF_FLAGS = Uint8Array.from({ length: FLAG_VALUES }, (_, flags) => {
  if (flags & OUTSIDE) return 1
  if (flags & TREND) return 2
  if (flags & TWO_OF_THREE) return 3
  return flags & SHIFT ? 4 : 0
})

/** Point type code of each combination of flags, for each direction code (64 entries each). */
const TYPE_OF_FLAGS = Uint8Array.from({ length: BATCH_DIRECTIONS.length * FLAG_VALUES }, (_, at) => {
  const flags = at % FLAG_VALUES
  const rule = BATCH_RULES[RULE_OF_FLAGS[flags] as number] as Rule | null
  const high = rule === 'trend' ? (flags & TREND_UP) !== 0 : (flags & HIGH) !== 0
  return BATCH_POINT_TYPES.indexOf(pointType(rule, high, BATCH_DIRECTIONS[Math.floor(at / FLAG_VALUES)] as Direction))
})

const INCREASE = BATCH_DIRECTIONS.indexOf('increase')
const NEUTRAL = BATCH_DIRECTIONS.indexOf('neutral')
const PASS = BATCH_ASSURANCES.indexOf('pass')
const FAIL = BATCH_ASSURANCES.indexOf('fail')
const HIT_OR_MISS = BATCH_ASSURANCES.indexOf('hit_or_miss')

export interface XmrBatchOptions {
  /** Improvement direction of every series (default `increase`); not with `directions`. */
  readonly direction?: Direction
  /** Direction of each series as a code (index into `BATCH_DIRECTIONS`); not with `direction`. */
  readonly directions?: Uint8Array
  /** Target of every series (default none); not with `targets`. */
  readonly target?: number | null
  /** Target of each series, NaN for none; not with `target`. */
  readonly targets?: Float64Array
  /** Length of the trend and shift runs (default 7, at least 2). */
  readonly ruleLength?: number
}

/** Where `xmrBatch` writes: per series (centre … assurance) and per point (rules, types). */
export interface XmrBatchOutput {
  readonly centre: Float64Array
  readonly upper: Float64Array
  readonly lower: Float64Array
  /** Screened average moving range (0 for a series of one value). */
  readonly averageMovingRange: Float64Array
  /** Per point: the first rule that marks it, as a code (index into `BATCH_RULES`). */
  readonly rules: Uint8Array
  /** Per point: its type, as a code (index into `BATCH_POINT_TYPES`). */
  readonly types: Uint8Array
  /** Per series: the type of its last point (the variation icon). */
  readonly variation: Uint8Array
  /** Per series: the assurance icon as a code (index into `BATCH_ASSURANCES`). */
  readonly assurance: Uint8Array
}

/** Output buffers for `seriesCount` series of `length` points (allocate once, reuse for every batch). */
export function createXmrBatchOutput(seriesCount: number, length: number): XmrBatchOutput {
  if (!(Number.isInteger(seriesCount) && seriesCount >= 0)) throw new Error(`invalid seriesCount: ${seriesCount} (expected a whole number ≥ 0)`)
  if (!(Number.isInteger(length) && length >= 1)) throw new Error(`invalid length: ${length} (expected a whole number ≥ 1)`)
  return {
    centre: new Float64Array(seriesCount),
    upper: new Float64Array(seriesCount),
    lower: new Float64Array(seriesCount),
    averageMovingRange: new Float64Array(seriesCount),
    rules: new Uint8Array(seriesCount * length),
    types: new Uint8Array(seriesCount * length),
    variation: new Uint8Array(seriesCount),
    assurance: new Uint8Array(seriesCount),
  }
}

/** Reusable per-series working space (one of each per call). */
interface Scratch {
  readonly ranges: Float64Array
  readonly flags: Uint8Array
}

/**
 * Analyse every series of `length` points in `values` (series-major) with the `mdc` profile into
 * `output`; returns the number of series. Throws on impossible arguments, including a value that is
 * not a finite number (naming its series: chart that one with `xmrChart`).
 */
export function xmrBatch(values: Float64Array, length: number, output: XmrBatchOutput, options: XmrBatchOptions = {}): number {
  const count = checkBatch(values, length, output, options)
  const ruleLength = options.ruleLength ?? 7
  const directionCode = BATCH_DIRECTIONS.indexOf(options.direction ?? 'increase')
  const target = options.target ?? Number.NaN
  const directions = options.directions
  const targets = options.targets
  const scratch: Scratch = { ranges: new Float64Array(length), flags: new Uint8Array(length) }
  for (let s = 0; s < count; s++) {
    const direction = directions === undefined ? directionCode : (directions[s] as number)
    const seriesTarget = targets === undefined ? target : (targets[s] as number)
    analyseSeries(values, s, length, ruleLength, direction, seriesTarget, output, scratch)
  }
  return count
}

/**
 * One series: limits in two passes (sums, then screening), the four rules in one forward pass that
 * sets flags (a run that reaches `ruleLength` marks its earlier points then), and a last pass that
 * turns flags into rule and type codes through the tables. Comparisons become 0 or 1 with `Number`
 * so the rule pass has almost no branches to mispredict.
 */
function analyseSeries(
  values: Float64Array,
  s: number,
  n: number,
  ruleLength: number,
  direction: number,
  target: number,
  output: XmrBatchOutput,
  scratch: Scratch,
): void {
  const base = s * n
  const { ranges, flags } = scratch

  // Centre: the mean, summed in order from 0 as `mean` does (value / n when the sum overflows).
  let sum = 0
  let rangeSum = 0
  let previous = values[base] as number
  sum += previous
  for (let i = 1; i < n; i++) {
    const value = values[base + i] as number
    sum += value
    const range = Math.abs(value - previous)
    ranges[i - 1] = range
    rangeSum += range
    previous = value
  }
  let centre = sum / n
  if (!Number.isFinite(sum)) {
    centre = 0
    for (let i = 0; i < n; i++) centre += (values[base + i] as number) / n
    if (!Number.isFinite(centre)) throw new Error(`invalid values: series ${s} holds a value that is not a finite number (expected complete series; chart it with xmrChart)`)
  }

  // Average moving range, screened once: ranges at or above 3.267·AMR dropped (`averageMovingRange`).
  const rangeCount = n - 1
  let amr = 0
  if (rangeCount > 0) {
    amr = rangeSum / rangeCount
    if (!Number.isFinite(rangeSum)) {
      amr = 0
      for (let i = 0; i < rangeCount; i++) amr += (ranges[i] as number) / rangeCount
    }
    const cut = SCREENING_FACTOR * amr
    let keptSum = 0
    let kept = 0
    for (let i = 0; i < rangeCount; i++) {
      const range = ranges[i] as number
      if (range < cut) {
        keptSum += range
        kept++
      }
    }
    if (kept > 0) {
      amr = keptSum / kept
      if (!Number.isFinite(keptSum)) {
        amr = 0
        for (let i = 0; i < rangeCount; i++) {
          const range = ranges[i] as number
          if (range < cut) amr += range / kept
        }
      }
    }
  }
  const width = LIMIT_FACTOR * amr
  const nearWidth = NEAR_FACTOR * amr
  const upper = centre + width
  const lower = centre - width
  const upper2sigma = centre + nearWidth
  const lower2sigma = centre - nearWidth

  // The rules, forward. Shift: a run of one side (a point on the centre line breaks it) of
  // ruleLength or more. Trend: a run of equal steps (each point strictly above, or each below, the
  // one before) spanning ruleLength points or more; a point ending one trend and starting the
  // opposite one keeps the earlier direction. Two of three: a window of three points strictly on one
  // side with two or more of them in that side's near band (beyond 2σ, up to the limit).
  const trendSteps = ruleLength - 1 // a trend of ruleLength points has ruleLength − 1 steps
  let previousValue = values[base] as number
  let previousStep = 2 // no step before the first point
  let stepRun = 0
  let previousSide = 2
  let sideRun = 0
  let bands = 0 // near-band flags of the two points before: bit 0 the last one, bit 1 the one before
  for (let i = 0; i < n; i++) {
    const value = values[base + i] as number
    const above = Number(value > centre)
    const below = Number(value < centre)
    const side = above - below
    const inBand = (Number(value > upper2sigma) & Number(value <= upper)) | (Number(value < lower2sigma) & Number(value >= lower))
    let mark = Number(value > upper) | Number(value < lower) | (above << 5)

    sideRun = sideRun * Number(side === previousSide) + 1
    const onSide = above | below
    const shift = onSide & Number(sideRun >= ruleLength)
    mark |= shift << 4
    if (sideRun === ruleLength && shift === 1) {
      for (let j = i - ruleLength + 1; j < i; j++) flags[j] = (flags[j] as number) | SHIFT
    }

    const up = Number(value > previousValue)
    const down = Number(value < previousValue)
    const step = up - down
    stepRun = stepRun * Number(step === previousStep) + 1
    const trend = Number(stepRun >= trendSteps) * ((up << 1) | (down << 2))
    mark |= trend
    if (stepRun === trendSteps && trend !== 0) {
      const first = i - stepRun
      if (((flags[first] as number) & TREND) === 0) flags[first] = (flags[first] as number) | trend
      for (let j = first + 1; j < i; j++) flags[j] = (flags[j] as number) | trend
    }

    // the window of the last three points lies on one side when the side's run has 3 points or more
    if ((onSide & Number(sideRun >= 3) & Number(inBand + (bands & 1) + (bands >> 1) >= 2)) === 1) {
      flags[i - 2] = (flags[i - 2] as number) | ((bands >> 1) << 3)
      flags[i - 1] = (flags[i - 1] as number) | ((bands & 1) << 3)
      mark |= inBand << 3
    }

    flags[i] = mark
    previousValue = value
    previousStep = step
    previousSide = side
    bands = ((bands << 1) | inBand) & 3
  }

  const { rules, types } = output
  const typeOffset = direction * FLAG_VALUES
  let type = 0
  for (let i = 0; i < n; i++) {
    const mark = flags[i] as number
    type = TYPE_OF_FLAGS[typeOffset + mark] as number
    rules[base + i] = RULE_OF_FLAGS[mark] as number
    types[base + i] = type
  }

  output.centre[s] = centre
  output.upper[s] = upper
  output.lower[s] = lower
  output.averageMovingRange[s] = amr
  output.variation[s] = type
  output.assurance[s] = assurance(target, direction, upper, lower)
}

/** The assurance code, as `assuranceIcon` decides it (NaN target: none). */
function assurance(target: number, direction: number, upper: number, lower: number): number {
  if (Number.isNaN(target) || direction === NEUTRAL) return 0
  if (target > upper) return direction === INCREASE ? FAIL : PASS
  if (target < lower) return direction === INCREASE ? PASS : FAIL
  return HIT_OR_MISS
}

/** Throw on impossible arguments; the number of series. */
function checkBatch(values: Float64Array, length: number, output: XmrBatchOutput, options: XmrBatchOptions): number {
  if (!(Number.isInteger(length) && length >= 1)) throw new Error(`invalid length: ${length} (expected a whole number ≥ 1)`)
  if (values.length % length !== 0) throw new Error(`invalid values: ${values.length} values (expected a multiple of the length ${length})`)
  const count = values.length / length
  const { direction, directions, target, targets, ruleLength } = options
  if (ruleLength !== undefined && !(Number.isInteger(ruleLength) && ruleLength >= 2)) {
    throw new Error(`invalid ruleLength: ${ruleLength} (expected a whole number of at least 2)`)
  }
  if (direction !== undefined && directions !== undefined) throw new Error('invalid options: both direction and directions (expected one)')
  if (direction !== undefined && !BATCH_DIRECTIONS.includes(direction)) {
    throw new Error(`invalid direction: ${JSON.stringify(direction)} (expected one of ${BATCH_DIRECTIONS.join(', ')})`)
  }
  if (directions !== undefined) {
    if (directions.length < count) throw new Error(`invalid directions: ${directions.length} codes (expected one per series, ${count})`)
    for (let s = 0; s < count; s++) {
      if ((directions[s] as number) > NEUTRAL) throw new Error(`invalid directions: code ${directions[s]} for series ${s} (expected 0, 1 or 2)`)
    }
  }
  if (target !== undefined && targets !== undefined) throw new Error('invalid options: both target and targets (expected one)')
  if (target !== undefined && target !== null && !Number.isFinite(target)) throw new Error(`invalid target: ${target} (expected a finite number or null)`)
  if (targets !== undefined && targets.length < count) throw new Error(`invalid targets: ${targets.length} targets (expected one per series, ${count})`)
  const perSeries = [output.centre, output.upper, output.lower, output.averageMovingRange, output.variation, output.assurance]
  if (perSeries.some((array) => array.length < count)) throw new Error(`invalid output: buffers for fewer than ${count} series (see createXmrBatchOutput)`)
  if (output.rules.length < values.length || output.types.length < values.length) {
    throw new Error(`invalid output: buffers for fewer than ${values.length} points (see createXmrBatchOutput)`)
  }
  return count
}
