/** A funnel plot comparing units (sites, practices, wards): value against denominator, with 95% and 99.8% limits. */
import * as Plot from '@observablehq/plot'
import type { FunnelResult, FunnelType } from '../core/compare/funnel-types.ts'
import { drawHeader, layoutHeader, TEXT_SIZE, type LegendItem } from './chart-legend.ts'
import { fromPixel, spreadLabels, toPixel, yScale, type YScale } from './chart-scale.ts'
import { funnelAltText } from './funnel-alt-text.ts'
import { funnelCurves, funnelLimitsAt, type FunnelLine } from './funnel-curves.ts'
import { FUNNEL_LEGEND, funnelRows, signalKind, type FunnelRow } from './funnel-points.ts'
import { formatTick, formatValue, niceTicks, type ValueFormat } from './format-value.ts'
import { FUNNEL_LINES_STYLE, NHS, VARIATION_STYLES, type LineStyle, type VariationKind } from './palette.ts'
import { placeLabels } from './place-labels.ts'
import { axisLabelMark, endLabelMark, endLabelWidth, type EndLabel } from './spc-marks.ts'
import { createSvgDocument, idFromTitle, labelSvg, renderPlot, setFont } from './svg-dom.ts'

export interface FunnelPlotOptions {
  readonly title: string
  readonly valueFormat: ValueFormat
  /** Shown after non-percent values in text, and as the y-axis label. */
  readonly unit?: string
  /** Unique per page; prefixes the title and desc ids (default from the title). */
  readonly id?: string
  readonly width?: number
  readonly height?: number
  /** The code of a unit to emphasise (a ring around its point, its label in bold, a sentence in the text). */
  readonly highlight?: string
  /** Unit code → display name (the code is shown when absent). */
  readonly labels?: Readonly<Record<string, string>>
  /** The x axis label; default by funnel type ("Denominator", "Expected count", "Exposure"). */
  readonly denominatorLabel?: string
  /** Values, limits and the target are multiplied by this for display (1,000 for a rate per 1,000). Default 1. */
  readonly multiplier?: number
}

const DEFAULTS = { width: 720, height: 480, marginBottom: 46, frameGap: 30, highlightRadius: 11 } as const
const X_LABELS: Readonly<Record<FunnelType, string>> = { proportion: 'Denominator', ratio: 'Expected count', rate: 'Exposure' }
const LINE_LABELS: Readonly<Record<FunnelLine, string>> = { upper998: '99.8%', upper95: '95%', lower95: '95%', lower998: '99.8%' }

interface FunnelLayout {
  readonly top: number
  readonly bottom: number
  readonly marginLeft: number
  readonly marginRight: number
  readonly x: { readonly domain: readonly [number, number]; readonly ticks: readonly number[]; readonly step: number }
  readonly y: YScale
  readonly labels: readonly EndLabel[]
}

/**
 * SVG markup of a funnel plot: each unit a point (colour, shape and size from its signal) labelled
 * with its name where there is room, the overall value, the 95% (dashed) and 99.8% (thick solid)
 * limit curves computed by the core's limit function, a legend and a text alternative.
 */
export function funnelPlotSvg(result: FunnelResult, options: FunnelPlotOptions): string {
  const { title, valueFormat, unit, width = DEFAULTS.width, height = DEFAULTS.height, id = idFromTitle('funnel', title), multiplier = 1, highlight, labels } = options
  if (!(width >= 300 && height >= 200)) throw new Error(`invalid chart size: ${width}×${height} (expected at least 300×200)`)
  if (!(Number.isFinite(multiplier) && multiplier > 0)) throw new Error(`invalid multiplier: ${multiplier} (expected a finite number above 0)`)
  if (highlight !== undefined && !result.units.some((u) => u.unit === highlight)) {
    throw new Error(`invalid highlight: ${JSON.stringify(highlight)} (expected one of ${result.units.map((u) => JSON.stringify(u.unit)).join(', ')})`)
  }
  const denominatorLabel = options.denominatorLabel ?? X_LABELS[result.type]
  const rows = funnelRows(result, { format: valueFormat, unit, multiplier, labels, highlight })
  const header = layoutHeader(title, funnelLegend(result, rows), width)
  const layout = layoutFunnel(result, { format: valueFormat, multiplier, width, height, top: header.height + DEFAULTS.frameGap })

  const document = createSvgDocument()
  const svg = renderPlot(document, {
    width,
    height,
    marginTop: layout.top,
    marginBottom: DEFAULTS.marginBottom,
    marginLeft: layout.marginLeft,
    marginRight: layout.marginRight,
    x: { domain: [...layout.x.domain], ticks: [...layout.x.ticks], tickFormat: (v: number) => formatTick(v, 'number', layout.x.step), label: denominatorLabel, labelArrow: 'none', labelAnchor: 'center', labelOffset: 38 },
    y: { domain: [...layout.y.domain], ticks: [...layout.y.ticks], tickFormat: layout.y.format, grid: true, label: null, tickSize: 0 },
    color: { type: 'identity' },
    symbol: { type: 'identity' },
    r: { type: 'identity' },
    marks: funnelMarks(result, rows, { layout, multiplier, width, yLabel: yAxisLabel(result.type, valueFormat, unit) }),
  })
  setFont(svg)
  drawHeader(document, svg, header)
  labelSvg(document, svg, { id, title, desc: funnelAltText(result, { title, format: valueFormat, unit, multiplier, denominatorLabel, labels, highlight }) })
  return svg.outerHTML
}

/** Scales decided before Plot runs: x from 0 to a nice maximum; y covering the units, the target and the limits at the smallest unit. */
function layoutFunnel(result: FunnelResult, size: { format: ValueFormat; multiplier: number; width: number; height: number; top: number }): FunnelLayout {
  const { top, multiplier } = size
  const bottom = size.height - DEFAULTS.marginBottom
  const denominators = result.units.map((u) => u.denominator)
  const mouth = funnelLimitsAt(result, Math.min(...denominators))
  const values = [...result.units.map((u) => u.value), result.target, mouth.lower998, mouth.upper998].map((v) => v * multiplier)
  const y = yScale(values, size.format, bottom - top)
  const marginLeft = Math.max(...y.ticks.map((t) => y.format(t).length)) * TEXT_SIZE * 0.6 + 18
  const provisional = size.width - marginLeft - 90
  const { ticks, step, domain } = niceTicks(0, Math.max(...denominators) * 1.04, Math.max(2, Math.round(provisional / 90)))
  const end = funnelLimitsAt(result, domain[1])
  const wanted: EndLabel[] = [
    ...(['upper998', 'upper95', 'lower95', 'lower998'] as const).map((line) => ({ y: end[line] * multiplier, text: LINE_LABELS[line], colour: NHS.secondaryText })),
    { y: result.target * multiplier, text: result.type === 'ratio' ? 'Expected 1' : `Overall ${formatValue(result.target * multiplier, size.format)}`, colour: NHS.text },
  ].filter((l) => l.y >= y.domain[0] && l.y <= y.domain[1])
  const spread = spreadLabels(wanted.map((l) => toPixel(y, l.y, top, bottom)), TEXT_SIZE + 3, top, bottom)
  const placed = wanted.map((l, i) => ({ ...l, y: fromPixel(y, spread[i] ?? 0, top, bottom) }))
  return { top, bottom, marginLeft, marginRight: Math.max(24, endLabelWidth(placed)), x: { domain, ticks, step }, y, labels: placed }
}

interface MarkInputs {
  readonly layout: FunnelLayout
  readonly multiplier: number
  readonly width: number
  readonly yLabel: string
}

/** Layers bottom to top: target, 95% and 99.8% curves, highlight ring, points, point labels, line labels. */
function funnelMarks(result: FunnelResult, rows: readonly FunnelRow[], { layout, multiplier, width, yLabel }: MarkInputs): Plot.Markish[] {
  const [x0, x1] = layout.x.domain
  const curves = funnelCurves(result, { from: x1 / 2000, to: x1, multiplier, domain: layout.y.domain })
  const curve = (style: LineStyle, lines: readonly FunnelLine[], className: string): Plot.Markish =>
    Plot.line(
      curves.filter((c) => lines.includes(c.line)),
      { x: 'x', y: 'y', z: 'line', stroke: style.stroke, strokeWidth: style.strokeWidth, ...(style.dash === undefined ? {} : { strokeDasharray: style.dash }), className },
    )
  const highlighted = rows.filter((r) => r.highlighted)
  return [
    Plot.ruleY([result.target * multiplier], { x1: x0, x2: x1, stroke: FUNNEL_LINES_STYLE.centre.stroke, strokeWidth: FUNNEL_LINES_STYLE.centre.strokeWidth, className: 'funnel-target' }),
    curve(FUNNEL_LINES_STYLE.limits95, ['upper95', 'lower95'], 'funnel-limits-95'),
    curve(FUNNEL_LINES_STYLE.limits998, ['upper998', 'lower998'], 'funnel-limits-998'),
    Plot.dot(highlighted, { x: 'x', y: 'y', r: DEFAULTS.highlightRadius, fill: 'none', stroke: NHS.text, strokeWidth: 2, className: 'funnel-highlight' }),
    Plot.dot(rows, { x: 'x', y: 'y', fill: 'fill', stroke: 'stroke', symbol: 'symbol', r: 'r', strokeWidth: 1.5, title: 'title', className: 'funnel-points' }),
    ...pointLabelMarks(rows, layout, width),
    endLabelMark(x1, layout.labels, 'funnel-line-labels', 6),
    axisLabelMark(yLabel, layout.marginLeft),
  ]
}

/** Unit names beside their points, most important first (highlighted, outside the limits, largest), where they fit. */
function pointLabelMarks(rows: readonly FunnelRow[], layout: FunnelLayout, width: number): Plot.Markish[] {
  const [x0, x1] = layout.x.domain
  const innerWidth = width - layout.marginLeft - layout.marginRight
  const px = (x: number): number => layout.marginLeft + ((x - x0) / (x1 - x0 || 1)) * innerWidth
  const importance = (r: FunnelRow): number => (r.highlighted ? 0 : r.stroke === NHS.white ? 2 : 1)
  const ordered = [...rows].sort((a, b) => importance(a) - importance(b) || b.x - a.x)
  const requests = ordered.map((r) => ({ text: r.name, px: px(r.x), py: toPixel(layout.y, r.y, layout.top, layout.bottom), r: r.highlighted ? DEFAULTS.highlightRadius : r.r }))
  const frame = { left: layout.marginLeft, right: width - layout.marginRight, top: layout.top, bottom: layout.bottom }
  const toX = (pixel: number): number => x0 + ((pixel - layout.marginLeft) / innerWidth) * (x1 - x0)
  const toY = (pixel: number): number => fromPixel(layout.y, pixel, layout.top, layout.bottom)
  const found = placeLabels(requests, frame)
  const placed = found.map((p) => ({ x: toX(p.x), y: toY(p.y), text: p.text, anchor: p.anchor, bold: ordered[p.index]?.highlighted ?? false }))
  const leaders = found.flatMap((p) => (p.leader ? [{ x1: toX(p.leader.x1), y1: toY(p.leader.y1), x2: toX(p.leader.x2), y2: toY(p.leader.y2) }] : []))
  const groups = (['start', 'middle', 'end'] as const).flatMap((anchor) => [false, true].map((bold) => ({ anchor, bold })))
  const texts = groups
    .map((g) => placed.filter((p) => p.anchor === g.anchor && p.bold === g.bold))
    .filter((data) => data.length > 0)
    .map((data) => {
      const { anchor, bold } = data[0] as (typeof placed)[number]
      return Plot.text(data, { x: 'x', y: 'y', text: 'text', textAnchor: anchor, fill: NHS.text, fontSize: TEXT_SIZE, fontWeight: bold ? 700 : 400, stroke: NHS.white, strokeWidth: 3, paintOrder: 'stroke', className: 'funnel-labels' })
    })
  return leaders.length === 0 ? texts : [Plot.link(leaders, { x1: 'x1', y1: 'y1', x2: 'x2', y2: 'y2', stroke: NHS.secondaryText, strokeWidth: 1, className: 'funnel-label-leaders' }), ...texts]
}

function yAxisLabel(type: FunnelType, format: ValueFormat, unit: string | undefined): string {
  if (unit) return `${unit.charAt(0).toUpperCase()}${unit.slice(1)}`
  if (type === 'ratio') return 'Ratio (observed ÷ expected)'
  return format === 'percent' ? 'Percentage' : 'Value'
}

/** Only what is drawn: the kinds of point, the highlighted unit, the lines, and whether the limits are widened. */
function funnelLegend(result: FunnelResult, rows: readonly FunnelRow[]): LegendItem[] {
  const kinds = new Set(result.units.map((u) => signalKind(u.signal)))
  const order: VariationKind[] = ['improvement', 'concern', 'neutral', 'common_cause']
  const items: LegendItem[] = order
    .filter((kind) => kinds.has(kind))
    .map((kind) => {
      const style = VARIATION_STYLES[kind]
      return { key: { kind: 'symbol', symbol: style.symbol, fill: style.fill, stroke: kind === 'common_cause' ? NHS.white : style.outline }, label: FUNNEL_LEGEND[kind] }
    })
  const highlighted = rows.find((r) => r.highlighted)
  if (highlighted) items.push({ key: { kind: 'symbol', symbol: 'ring', fill: 'none', stroke: NHS.text }, label: `Highlighted: ${highlighted.name}` })
  const line = (style: LineStyle, label: string): LegendItem => ({ key: { kind: 'line', stroke: style.stroke, strokeWidth: style.strokeWidth, ...(style.dash === undefined ? {} : { dash: style.dash }) }, label })
  items.push(line(FUNNEL_LINES_STYLE.centre, result.type === 'ratio' ? 'Expected (ratio 1)' : 'Overall value'))
  items.push(line(FUNNEL_LINES_STYLE.limits95, '95% limits'))
  items.push(line(FUNNEL_LINES_STYLE.limits998, '99.8% limits'))
  if (result.adjusted) items.push({ key: { kind: 'text', weight: 'normal' }, label: '(limits widened for overdispersion)' })
  return items
}
