/** The `<desc>` text alternatives of the SPC chart and sparkline. */
import type { ControlChartResult } from '../core/spc/control-chart.ts'
import { chartLabel } from './chart-label.ts'
import { formatPeriod } from './format-date.ts'
import { latestSignal } from './spc-facts.ts'
import { periodAdjective } from './spc-facts.ts'
import { countSentence, latestSentence, limitsSentence, rebaseSentence, runsSentence, signalSentence, targetSentence, trialSentence, type Wording } from './spc-sentences.ts'

export interface AltTextInput {
  readonly what: string
  readonly title: string
  readonly target: number | null
  readonly rebases: readonly { readonly date: string; readonly reason: string | null }[]
}

/**
 * What is plotted (and which chart, unless XmR), how many points over which dates, the latest
 * value, the latest segment's centre and the latest point's limits, the count of special-cause
 * points by kind, the signal, target and rebases.
 */
export function spcAltText(result: ControlChartResult, w: Wording, input: AltTextInput): string {
  const first = result.points[0]
  const last = result.points.at(-1)
  // XmR is the default chart, not named, so its text stays as it was before the other charts came.
  const kind = result.chart === 'xmr' ? '' : `, a ${chartLabel(result.chart)}`
  if (!first || !last) return `${input.what} of ${input.title}${kind}: no data yet.`
  const adjective = periodAdjective(w.period)
  const n = result.points.length
  const excluded = result.points.filter((p) => p.excluded !== null).length
  const sentences = [
    `${input.what} of ${input.title}${kind}: ${n} ${adjective === '' ? '' : `${adjective} `}value${n === 1 ? '' : 's'} from ${formatPeriod(first.period, w.period)} to ${formatPeriod(last.period, w.period)}.`,
    latestSentence(last, w),
    limitsSentence(result, w),
    trialSentence(result, w),
    countSentence(result.points, true),
    latestSignal(result) ? signalSentence(result, w) : undefined,
    runsSentence(result),
    targetSentence(result, input.target, w),
    rebaseSentence(input.rebases),
    excluded > 0 ? `${excluded} ${excluded === 1 ? 'point is' : 'points are'} drawn hollow: left out of the limits.` : undefined,
  ]
  return sentences.filter((s) => s !== undefined).join(' ')
}
