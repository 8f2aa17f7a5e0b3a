/** A widening or narrowing gap between a community group and its reference group as a signal. @see docs/methods/triangulation.md */
import type { ControlChartResult } from '../spc/control-chart.ts'
import { signalKey } from './signal-key.ts'
import { specialCauseRun } from './special-cause-run.ts'
import type { Leaning, Signal, TriangulationMeasure, TriangulationSite } from './types.ts'
import { defaultGroupLabel, leaningTag } from './wording.ts'

export interface GapSignalInput {
  readonly measure: TriangulationMeasure
  readonly site: TriangulationSite
  readonly dimension: string
  /** The group whose gap to the reference is followed (e.g. the most deprived quintile). */
  readonly group: string
  readonly groupLabel?: string
  readonly reference: string
  readonly referenceLabel?: string
  /** XmR chart of the gap, drawn so that improvement is the gap narrowing (app/analyse compare-groups). */
  readonly chart: ControlChartResult
  readonly recent?: number
}

const CHANGE: Readonly<Record<Leaning, string>> = { improvement: 'narrowing', concern: 'widening', neutral: 'changing' }

/** At most one `gap_change` signal: concern when the gap widens, improvement when it narrows. */
export function signalsFromGap(input: GapSignalInput): Signal[] {
  const { measure, site, dimension, group, reference, chart, recent } = input
  const run = specialCauseRun(chart, recent)
  if (!run) return []
  const label = input.groupLabel ?? defaultGroupLabel(dimension, group)
  const referenceLabel = input.referenceLabel ?? defaultGroupLabel(dimension, reference)
  const parts = { measure: measure.code, theme: null, site: site.code, dimension, group }
  const gap = `The gap in ${measure.name} between ${label} and ${referenceLabel} at ${site.name}`
  return [
    {
      key: signalKey('gap_change', parts),
      kind: 'gap_change',
      leaning: run.leaning,
      side: run.side,
      ...parts,
      from: run.from,
      to: run.to,
      strength: run.strength,
      summary: `${gap} is ${CHANGE[run.leaning]}: ${run.phrase} ${leaningTag(run.leaning)}.`,
    },
  ]
}
