/** The `<desc>` text alternative of a run chart: what, how many points, the median and the Anhøj rules. */
import type { RunChartResult, RunChartSegment } from '../core/spc/run-chart.ts'
import { formatDay, formatPeriod, toUtcDate } from './format-date.ts'
import { formatValue } from './format-value.ts'
import { longRunPoints } from './run-rows.ts'
import { periodAdjective } from './spc-facts.ts'
import type { Wording } from './spc-sentences.ts'

/**
 * What is plotted, how many points over which dates, the latest value, the latest segment's median,
 * its longest run against the maximum and its crossings against the minimum, whether the Anhøj
 * rules signal, earlier segments that signal, the points drawn as a long run, rebases and excluded points.
 */
export function runAltText(result: RunChartResult, w: Wording, input: { readonly title: string; readonly rebases: readonly { readonly date: string; readonly reason: string }[] }): string {
  const first = result.points[0]
  const last = result.points.at(-1)
  const segment = last && result.segments[last.segment]
  if (!first || !last || !segment) return `Run chart of ${input.title}: no data yet.`
  const adjective = periodAdjective(w.period)
  const n = result.points.length
  const value = (v: number): string => formatValue(v, w.format, { unit: w.unit })
  const excluded = result.points.filter((p) => p.excluded !== null).length
  const long = longRunPoints(result).size
  const since = last.segment > 0 ? `Since the rebase on ${formatDay(toUtcDate(segment.from))}${segment.reason ? ` (${segment.reason})` : ''}, the` : 'The'
  const earlier = result.segments.slice(0, -1).filter((s) => s.runs.signal)
  const sentences = [
    `Run chart of ${input.title}: ${n} ${adjective === '' ? '' : `${adjective} `}value${n === 1 ? '' : 's'} from ${formatPeriod(first.period, w.period)} to ${formatPeriod(last.period, w.period)}, around the median.`,
    `The latest value is ${value(last.value)} (${formatPeriod(last.period, w.period)}).${last.excluded === null ? '' : ` It is left out of the median (${last.excluded}).`}`,
    `${since} median is ${value(segment.centre)}.`,
    runsRulesSentence(segment),
    earlier.length === 0 ? undefined : `Earlier, the runs also signal ${earlier.map((s) => `from ${formatDay(toUtcDate(s.from))} to ${formatDay(toUtcDate(s.to))}`).join(' and ')}.`,
    long === 0 ? undefined : `${long} ${long === 1 ? 'point is' : 'points are'} part of an unusually long run, drawn as larger purple squares.`,
    input.rebases.length === 0 ? undefined : `The median was recalculated (rebased) ${input.rebases.map((r) => `on ${formatDay(toUtcDate(r.date))}${r.reason ? ` (${r.reason})` : ''}`).join(' and ')}.`,
    excluded === 0 ? undefined : `${excluded} ${excluded === 1 ? 'point is' : 'points are'} drawn hollow: left out of the median and the runs analysis.`,
  ]
  return sentences.filter((s) => s !== undefined).join(' ')
}

/** The two Anhøj rules of a segment with their critical values, and whether they signal. */
export function runsRulesSentence({ runs }: RunChartSegment): string {
  const { longestRun, longestRunMax, crossings, crossingsMin, usefulPoints, signal } = runs
  const facts =
    `The longest run is ${longestRun} point${longestRun === 1 ? '' : 's'} on one side of the median (more than ${longestRunMax} would be unusual), ` +
    `and the values cross the median ${crossings} time${crossings === 1 ? '' : 's'} (fewer than ${crossingsMin} would be unusual), among ${usefulPoints} points not on the median.`
  if (!signal) return `${facts} Neither Anhøj rule signals: no sign of a change.`
  const reasons = [longestRun > longestRunMax ? 'an unusually long run' : undefined, crossings < crossingsMin ? 'too few crossings' : undefined].filter((r) => r !== undefined)
  return `${facts} The Anhøj rules signal ${reasons.join(' and ')}: the pattern is not random, something has changed.`
}
