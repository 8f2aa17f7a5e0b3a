/** Legend entries of an SPC chart: only the kinds of point and line that are drawn. */
import type { SpcResult } from '../core/spc/types.ts'
import type { LegendItem } from './chart-legend.ts'
import { LINES, NHS, VARIATION_STYLES, variationKind, type LineStyle, type VariationKind } from './palette.ts'

function line(style: LineStyle, label: string, vertical = false): LegendItem {
  const key = { kind: 'line', stroke: style.stroke, strokeWidth: style.strokeWidth, vertical } as const
  return { key: style.dash === undefined ? key : { ...key, dash: style.dash }, label }
}

export function spcLegend(result: SpcResult, target: number | null, rebased: boolean): LegendItem[] {
  if (result.points.length === 0) return []
  const kinds = new Set(result.points.map((p) => variationKind(p.type)))
  const order: VariationKind[] = ['common_cause', 'improvement', 'concern', 'neutral']
  const items: LegendItem[] = order
    .filter((kind) => kinds.has(kind))
    .map((kind) => {
      const style = VARIATION_STYLES[kind]
      return { key: { kind: 'symbol', symbol: style.symbol, fill: style.fill, stroke: kind === 'common_cause' ? NHS.white : style.outline }, label: style.legend }
    })
  if (result.points.some((p) => p.excluded !== null)) {
    items.push({ key: { kind: 'symbol', symbol: 'circle', fill: NHS.white, stroke: NHS.midGrey }, label: 'Excluded from limits' })
  }
  items.push(line(LINES.centre, 'Average'))
  if (result.segments.some((s) => !s.trialLimits)) items.push(line(LINES.limits, 'Process limits'))
  if (result.segments.some((s) => s.trialLimits)) items.push(line(LINES.trialLimits, 'Trial limits (under 13 points)'))
  if (target !== null) items.push(line(LINES.target, 'Target'))
  if (rebased) items.push(line(LINES.rebase, 'Rebase', true))
  return items
}
