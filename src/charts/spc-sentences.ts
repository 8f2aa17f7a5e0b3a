/** Plain-English sentences about an SPC result, shared by describeSpc and the charts' text alternatives. */
import type { PeriodUnit } from '../core/model.ts'
import type { ControlChartResult } from '../core/spc/control-chart.ts'
import type { SpcPoint } from '../core/spc/types.ts'
import { centreName } from './chart-label.ts'
import { countPeriods, formatDay, formatPeriod, toUtcDate } from './format-date.ts'
import { formatValue, type ValueFormat } from './format-value.ts'
import { displayLimits, latestSignal, limitsVary, runsAreChartSignal, specialCounts, type SpecialKind } from './spc-facts.ts'

/** How values and periods are written. */
export interface Wording {
  readonly format: ValueFormat
  readonly unit?: string | undefined
  readonly period: PeriodUnit | undefined
}

const TRIAL_MINIMUM = 13

const MEANING: Readonly<Record<SpecialKind, string>> = {
  improvement: 'signals an improvement',
  concern: 'signals a concern',
  neutral: 'signals a change (this measure has no better direction)',
}

function value(v: number, w: Wording): string {
  return formatValue(v, w.format, { unit: w.unit })
}

export function latestSentence(point: SpcPoint, w: Wording, measureName = ''): string {
  const subject = measureName === '' ? 'The latest value' : `The latest value for ${measureName}`
  const excluded = point.excluded === null ? '' : ` It is left out of the limits (${point.excluded}).`
  return `${subject} is ${value(point.value, w)} (${formatPeriod(point.period, w.period)}).${excluded}`
}

/**
 * The latest segment's centre and the latest point's limits; where the limits vary with the
 * denominator (P and U charts), it says so and that the limits quoted are the latest period's.
 */
export function limitsSentence(result: ControlChartResult, w: Wording): string | undefined {
  const last = result.points.at(-1)
  const segment = last && result.segments[last.segment]
  if (!last || !segment) return undefined
  const { lower, upper } = displayLimits(last, w.format)
  const since = last.segment > 0 ? `Since the rebase on ${formatDay(toUtcDate(segment.from))}${segment.reason ? ` (${segment.reason})` : ''}, the` : 'The'
  const range = `${formatValue(lower, w.format)} and ${value(upper, w)}`
  const centre = `${since} ${centreName(result.chart)} is ${value(last.centre, w)}`
  if (!limitsVary(result)) return `${centre} and values are expected to fall between ${range} if nothing changes.`
  return `${centre} and values for the latest period are expected to fall between ${range} if nothing changes (the limits vary with the size of each period's denominator).`
}

/** Said when the latest segment has trial limits (fewer than 13 points). */
export function trialSentence(result: ControlChartResult, w: Wording): string | undefined {
  const last = result.points.at(-1)
  if (!last || !result.segments[last.segment]?.trialLimits) return undefined
  const n = result.points.filter((p) => p.segment === last.segment).length
  return `These limits are provisional: they rest on only ${countPeriods(n, w.period)}, and at least ${TRIAL_MINIMUM} are needed for firm limits.`
}

/** What the latest point says: a special-cause signal, or common cause. */
export function signalSentence(result: ControlChartResult, w: Wording): string | undefined {
  const last = result.points.at(-1)
  if (!last) return undefined
  const signal = latestSignal(result)
  if (!signal) return 'The latest value is within the expected range: common cause variation, with no sign of a change.'
  const meaning = MEANING[signal.kind]
  const side = signal.high ? 'above' : 'below'
  const limit = `${last.value > last.centre ? 'upper' : 'lower'} limit`
  const also = signal.alsoOutside ? ` The latest value is also ${last.value > last.centre ? 'above' : 'below'} the ${limit}.` : ''
  const subject = signal.count === 1 ? 'The latest value is' : `The last ${countPeriods(signal.count, w.period)} are`
  const trendSubject = signal.count === 1 ? 'The latest value has been' : `The last ${countPeriods(signal.count, w.period)} have each been`
  switch (signal.rule) {
    case 'outside_limits':
      return `The latest value is ${side} the ${limit}: special cause variation that ${meaning}.`
    case 'shift':
      return `${subject} ${side} the ${centreName(result.chart)}: a shift that ${meaning}.${also}`
    case 'trend':
      return `${trendSubject} ${signal.high ? 'higher' : 'lower'} than the one before: a trend that ${meaning}.${also}`
    case 'two_of_three':
      return `Two of the last three values are close to the ${limit}: an early warning that ${meaning}.`
  }
}

/** How many points show special cause, by kind; undefined when none and `always` is false. */
export function countSentence(points: readonly SpcPoint[], always: boolean): string | undefined {
  const counts = specialCounts(points)
  if (counts.total === 0) return always ? 'No point shows special cause variation.' : undefined
  const kinds = (['improvement', 'concern', 'neutral'] as const)
    .filter((kind) => counts[kind] > 0)
    .map((kind) => `${counts[kind]} ${kind === 'neutral' ? 'neutral (no better direction)' : kind}`)
  const verb = counts.total === 1 ? 'shows' : 'show'
  return `${counts.total} of ${points.length} points ${verb} special cause variation: ${kinds.join(', ')}.`
}

/** The Anhøj runs signal of the latest segment (the chart-level signal of the `qic` profile and of G and T charts). */
export function runsSentence(result: ControlChartResult): string | undefined {
  const segment = result.segments.at(-1)
  if (!runsAreChartSignal(result) || !segment?.runs.signal) return undefined
  const { longestRun, longestRunMax, crossings, crossingsMin } = segment.runs
  const centre = centreName(result.chart)
  const reasons: string[] = []
  if (longestRun > longestRunMax) reasons.push(`a run of ${longestRun} points on one side of the ${centre} (more than ${longestRunMax} is unlikely by chance)`)
  if (crossings < crossingsMin) reasons.push(`the values cross the ${centre} only ${crossings} times (fewer than ${crossingsMin} is unlikely by chance)`)
  const why = reasons.length > 0 ? `: ${reasons.join(', and ')}` : ''
  return `The pattern of runs is not random${why}. Something has changed.`
}

export function targetSentence(result: ControlChartResult, target: number | null, w: Wording): string | undefined {
  const last = result.points.at(-1)
  if (target === null) return undefined
  const text = `The target of ${formatValue(target, w.format, { unit: w.unit, trim: true })}`
  if (!last || result.direction === 'neutral') return `${text} is shown on the chart.`
  const { lower, upper } = displayLimits(last, w.format)
  const latest = limitsVary(result) ? "latest period's " : ''
  const place = target > upper ? `above the ${latest}upper limit` : target < lower ? `below the ${latest}lower limit` : `between the ${latest}limits`
  const met = target > upper ? result.direction === 'decrease' : target < lower ? result.direction === 'increase' : undefined
  if (met === undefined) return `${text} is ${place}: it will be met in some periods and missed in others unless the process changes.`
  return met
    ? `${text} is ${place}: if nothing changes, it will be met consistently.`
    : `${text} is ${place}: it will not be met consistently without further change.`
}

export function rebaseSentence(rebases: readonly { readonly date: string; readonly reason: string | null }[]): string | undefined {
  if (rebases.length === 0) return undefined
  const items = rebases.map((r) => `on ${formatDay(toUtcDate(r.date))}${r.reason ? ` (${r.reason})` : ''}`)
  return `The limits were recalculated (rebased) ${items.join(' and ')}.`
}
