/**
 * The shape every control chart result shares (XmR, P, P′, U, U′, C, G, T), so charts, sentences
 * and pages can draw any of them: points carry their own centre and limits (they vary with the
 * denominator on attribute charts), segments their runs analysis. @see docs/methods/
 */
import type { Issue } from '../issues.ts'
import type { Direction } from '../model.ts'
import type { AttributeChartKind } from './attribute-types.ts'
import type { AttributeResult } from './attribute-types.ts'
import type { RareEventResult } from './rare-event-chart.ts'
import type { Assurance, PointType, RunsAnalysis, SpcPoint, SpcResult } from './types.ts'

export type ControlChartKind = 'xmr' | AttributeChartKind | 'g' | 't'

export interface ControlChartSegment {
  readonly from: string
  readonly to: string
  readonly reason: string | null
  readonly centre: number
  readonly baselinePoints: number
  readonly trialLimits: boolean
  readonly runs: RunsAnalysis
}

export interface ControlChartResult {
  readonly chart: ControlChartKind
  readonly direction: Direction
  readonly target: number | null
  readonly segments: readonly ControlChartSegment[]
  readonly points: readonly SpcPoint[]
  readonly variation: PointType | null
  readonly assurance: Assurance | null
  readonly issues: readonly Issue[]
}

/** Compile-time proof that each chart's result is a ControlChartResult. */
type Assert<T extends ControlChartResult> = T
export type ConformingResults = [Assert<SpcResult>, Assert<AttributeResult>, Assert<RareEventResult>]
