/** Legend entries of an SPC chart: which chart it is (unless XmR), and only the kinds of point and line that are drawn. */
import type { ControlChartResult } from '../core/spc/control-chart.ts'
import { centreName, chartLabel } from './chart-label.ts'
import type { LegendItem } from './chart-legend.ts'
import { LINES, NHS, VARIATION_STYLES, variationKind, type LineStyle, type VariationKind } from './palette.ts'
import { limitsVary } from './spc-facts.ts'

function line(style: LineStyle, label: string, vertical = false): LegendItem {
  const key = { kind: 'line', stroke: style.stroke, strokeWidth: style.strokeWidth, vertical } as const
  return { key: style.dash === undefined ? key : { ...key, dash: style.dash }, label }
}

export function spcLegend(result: ControlChartResult, target: number | null, rebased: boolean): LegendItem[] {
  if (result.points.length === 0) return []
  const kinds = new Set(result.points.map((p) => variationKind(p.type)))
  const order: VariationKind[] = ['common_cause', 'improvement', 'concern', 'neutral']
  // XmR is the default and is not named, so its legend stays as it was.
  const items: LegendItem[] = result.chart === 'xmr' ? [] : [{ key: { kind: 'text' }, label: chartLabel(result.chart) }]
  const points: LegendItem[] = order
    .filter((kind) => kinds.has(kind))
    .map((kind) => {
      const style = VARIATION_STYLES[kind]
      return { key: { kind: 'symbol', symbol: style.symbol, fill: style.fill, stroke: kind === 'common_cause' ? NHS.white : style.outline }, label: style.legend }
    })
  items.push(...points)
  if (result.points.some((p) => p.excluded !== null)) {
    items.push({ key: { kind: 'symbol', symbol: 'circle', fill: NHS.white, stroke: NHS.midGrey }, label: 'Excluded from limits' })
  }
  items.push(line(LINES.centre, centreName(result.chart) === 'median' ? 'Median' : 'Average'))
  const varying = result.segments.some((_, i) => limitsVary(result, i))
  if (result.segments.some((s) => !s.trialLimits)) items.push(line(LINES.limits, varying ? 'Process limits (vary with the denominator)' : 'Process limits'))
  if (result.segments.some((s) => s.trialLimits)) items.push(line(LINES.trialLimits, 'Trial limits (under 13 points)'))
  if (target !== null) items.push(line(LINES.target, 'Target'))
  if (rebased) items.push(line(LINES.rebase, 'Rebase', true))
  return items
}
