/** Community groups' rates with their intervals: a horizontal dot-and-whisker chart against a reference line. */
import * as Plot from '@observablehq/plot'
import type { GroupDifferences, GroupResult } from '../core/compare/group-differences.ts'
import { drawHeader, layoutHeader, TEXT_SIZE, textWidth, type LegendItem } from './chart-legend.ts'
import { yScale } from './chart-scale.ts'
import { formatValue, type ValueFormat } from './format-value.ts'
import { groupIntervalsAltText, groupLabel, intervalText, levelText, overallValue } from './group-intervals-text.ts'
import { NHS } from './palette.ts'
import { createSvgDocument, idFromTitle, labelSvg, renderPlot, setFont } from './svg-dom.ts'

export interface GroupIntervalsOptions {
  readonly title: string
  readonly valueFormat: ValueFormat
  /** Shown after non-percent values in text, and as the axis label. */
  readonly unit?: string
  /** Unique per page; prefixes the title and desc ids (default from the title). */
  readonly id?: string
  readonly width?: number
  /** Default: enough for every group (30 px a row). */
  readonly height?: number
  /** The vertical line: the reference group's value (default) or the overall value of all groups (Σ numerators ÷ Σ denominators). */
  readonly line?: 'reference' | 'overall'
  /** Values are multiplied by this for display (1,000 for a rate per 1,000). Default 1. */
  readonly multiplier?: number
}

const DEFAULTS = { width: 720, row: 30, marginBottom: 46, frameGap: 34, radius: 5 } as const
const STYLE = { point: NHS.blue, whisker: NHS.darkGrey, line: NHS.text } as const

interface GroupRow {
  readonly label: string
  readonly estimate: number
  readonly lower: number
  readonly upper: number
  readonly fill: string
  readonly symbol: 'circle' | 'square'
  readonly title: string
  readonly text: string
}

/**
 * SVG markup of each group's value (dot) and interval (whisker with caps), one row per group in the
 * core's order ("Not stated" kept as a group), a vertical line at the reference group's value or the
 * overall value; small groups hollow and labelled "(small)", the reference group a square.
 */
export function groupIntervalsSvg(result: GroupDifferences, options: GroupIntervalsOptions): string {
  const { title, valueFormat, unit, width = DEFAULTS.width, id = idFromTitle('groups', title), line = 'reference', multiplier = 1 } = options
  if (!(Number.isFinite(multiplier) && multiplier > 0)) throw new Error(`invalid multiplier: ${multiplier} (expected a finite number above 0)`)
  const wording = { title, format: valueFormat, unit, multiplier, line }
  const rows = result.groups.map((g) => groupRow(g, wording))
  const header = layoutHeader(title, groupLegend(result, line), width)
  const top = header.height + DEFAULTS.frameGap
  const height = options.height ?? top + Math.max(1, rows.length) * DEFAULTS.row + DEFAULTS.marginBottom
  if (!(width >= 300 && height >= 150)) throw new Error(`invalid chart size: ${width}×${height} (expected at least 300×150)`)
  const reference = result.groups.find((g) => g.isReference)
  const lineValue = (line === 'overall' || !reference ? overallValue(result) : reference.value.estimate) * multiplier
  const marginLeft = Math.max(40, ...rows.map((r) => textWidth(r.label))) + 16
  const marginRight = Math.max(40, ...rows.map((r) => textWidth(r.text))) + 20
  // yScale spaces ticks about 45 px apart; horizontal tick labels need about twice that.
  const x = yScale([...rows.flatMap((r) => [r.lower, r.upper]), lineValue], valueFormat, (width - marginLeft - marginRight) / 2)

  const document = createSvgDocument()
  const svg = renderPlot(document, {
    width,
    height,
    marginTop: top,
    marginBottom: DEFAULTS.marginBottom,
    marginLeft,
    marginRight,
    x: { domain: [...x.domain], ticks: [...x.ticks], tickFormat: x.format, grid: true, label: axisLabel(result, valueFormat, unit), labelArrow: 'none', labelAnchor: 'center', labelOffset: 38 },
    y: { type: 'band', domain: rows.map((r) => r.label), padding: 0, label: null, tickSize: 0 },
    color: { type: 'identity' },
    symbol: { type: 'identity' },
    marks: [
      Plot.ruleX([lineValue], { stroke: STYLE.line, strokeWidth: 1.5, className: 'group-line' }),
      Plot.text([lineLabel(result, line, lineValue, valueFormat, unit)], {
        x: () => lineValue,
        frameAnchor: 'top',
        lineAnchor: 'bottom',
        dy: -6,
        textAnchor: anchorFor(lineValue, x.domain),
        fill: STYLE.line,
        fontSize: TEXT_SIZE,
        className: 'group-line-label',
      }),
      Plot.ruleY(rows, { y: 'label', x1: 'lower', x2: 'upper', stroke: STYLE.whisker, strokeWidth: 2, className: 'group-intervals' }),
      Plot.tickX(rows, { y: 'label', x: 'lower', stroke: STYLE.whisker, strokeWidth: 2, insetTop: 9, insetBottom: 9, className: 'group-interval-caps' }),
      Plot.tickX(rows, { y: 'label', x: 'upper', stroke: STYLE.whisker, strokeWidth: 2, insetTop: 9, insetBottom: 9, className: 'group-interval-caps' }),
      Plot.dot(rows, { x: 'estimate', y: 'label', fill: 'fill', stroke: STYLE.point, symbol: 'symbol', r: DEFAULTS.radius, strokeWidth: 2, title: 'title', className: 'group-points' }),
      Plot.text(rows, { x: () => x.domain[1], y: 'label', text: 'text', textAnchor: 'start', dx: 12, fill: NHS.text, fontSize: TEXT_SIZE, className: 'group-value-labels' }),
    ],
  })
  setFont(svg)
  drawHeader(document, svg, header)
  labelSvg(document, svg, { id, title, desc: groupIntervalsAltText(result, wording) })
  return svg.outerHTML
}

function groupRow(g: GroupResult, w: { format: ValueFormat; unit?: string | undefined; multiplier: number }): GroupRow {
  const text = intervalText(g.value, w)
  return {
    label: groupLabel(g),
    estimate: g.value.estimate * w.multiplier,
    lower: g.value.lower * w.multiplier,
    upper: g.value.upper * w.multiplier,
    fill: g.small ? NHS.white : STYLE.point,
    symbol: g.isReference ? 'square' : 'circle',
    title: `${g.group}: ${text}${g.small ? '. Small numbers: interpret with care' : ''}${g.isReference ? '. Reference group' : ''}.`,
    text,
  }
}

function axisLabel(result: GroupDifferences, format: ValueFormat, unit: string | undefined): string {
  if (unit) return `${unit.charAt(0).toUpperCase()}${unit.slice(1)}`
  if (format === 'percent') return 'Percentage'
  return result.measure === 'rate' ? 'Rate' : 'Proportion'
}

function lineLabel(result: GroupDifferences, line: 'reference' | 'overall', value: number, format: ValueFormat, unit: string | undefined): string {
  const text = formatValue(value, format, { unit })
  return line === 'overall' || !result.groups.some((g) => g.isReference) ? `Overall ${text}` : `Reference ${text}`
}

/** Keep the line's label inside the frame: anchored at its start near the left edge, at its end near the right. */
function anchorFor(value: number, [d0, d1]: readonly [number, number]): 'start' | 'middle' | 'end' {
  const at = (value - d0) / (d1 - d0 || 1)
  return at < 0.25 ? 'start' : at > 0.75 ? 'end' : 'middle'
}

function groupLegend(result: GroupDifferences, line: 'reference' | 'overall'): LegendItem[] {
  if (result.groups.length === 0) return []
  const items: LegendItem[] = [{ key: { kind: 'symbol', symbol: 'circle', fill: STYLE.point, stroke: STYLE.point }, label: 'Value' }]
  if (line === 'reference') items.push({ key: { kind: 'symbol', symbol: 'square', fill: STYLE.point, stroke: STYLE.point }, label: 'Reference group' })
  if (result.groups.some((g) => g.small)) items.push({ key: { kind: 'symbol', symbol: 'circle', fill: NHS.white, stroke: STYLE.point }, label: 'Small numbers (hollow)' })
  items.push({ key: { kind: 'line', stroke: STYLE.whisker, strokeWidth: 2 }, label: `${levelText(result.level)} confidence interval` })
  items.push({ key: { kind: 'line', stroke: STYLE.line, strokeWidth: 1.5, vertical: true }, label: line === 'reference' ? 'Reference group value' : 'Overall value' })
  return items
}
