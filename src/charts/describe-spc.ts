/** A plain-English reading of an SPC chart that a board member understands without help. */
import type { PeriodUnit } from '../core/model.ts'
import type { ControlChartResult } from '../core/spc/control-chart.ts'
import type { ValueFormat } from './format-value.ts'
import { inferPeriodUnit } from './period-unit.ts'
import { latestSignal, specialCounts } from './spc-facts.ts'
import { countSentence, latestSentence, limitsSentence, runsSentence, signalSentence, targetSentence, trialSentence, type Wording } from './spc-sentences.ts'

export interface DescribeSpcOptions {
  readonly measureName: string
  readonly valueFormat: ValueFormat
  readonly unit?: string
  /** Spacing of the periods; inferred from the dates when absent. */
  readonly period?: PeriodUnit
}

/**
 * A few short sentences about any control chart (XmR, P, P′, U, U′, C, G, T): the latest value,
 * the average and the latest point's limits (saying when they vary with the denominator), any
 * special cause in the latest point, earlier special cause, the runs signal (profile `qic`, G and
 * T charts) and the target. One sentence when there are no points.
 */
export function describeSpc(result: ControlChartResult, options: DescribeSpcOptions): string[] {
  const last = result.points.at(-1)
  if (!last) return [`There is no data for ${options.measureName} yet.`]
  const wording: Wording = { format: options.valueFormat, unit: options.unit, period: options.period ?? inferPeriodUnit(result.points.map((p) => p.period)) }
  const signal = latestSignal(result)
  const earlier = specialCounts(result.points).total > (signal?.count ?? 0)
  const sentences = [
    latestSentence(last, wording, options.measureName),
    limitsSentence(result, wording),
    trialSentence(result, wording),
    signalSentence(result, wording),
    earlier ? `Across the whole chart, ${lowerFirst(countSentence(result.points, false) ?? '')}` : undefined,
    runsSentence(result),
    targetSentence(result, result.target, wording),
  ]
  return sentences.filter((s): s is string => s !== undefined && s !== '')
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1)
}
