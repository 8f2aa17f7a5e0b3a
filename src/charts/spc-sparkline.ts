/** A small SPC chart for a summary grid: line, special-cause points, latest segment's centre and limits. */
import * as Plot from '@observablehq/plot'
import type { PeriodUnit } from '../core/model.ts'
import type { ControlChartResult } from '../core/spc/control-chart.ts'
import { yScale } from './chart-scale.ts'
import type { ValueFormat } from './format-value.ts'
import { NHS } from './palette.ts'
import { inferPeriodUnit } from './period-unit.ts'
import { spcAltText } from './spc-alt-text.ts'
import { displayLimits, limitsVary } from './spc-facts.ts'
import { pointMark, segmentMarks, valueLineMark } from './spc-marks.ts'
import { limitRows, pointRows, typicalStepMs } from './spc-rows.ts'
import type { Wording } from './spc-sentences.ts'
import { createSvgDocument, idFromTitle, labelSvg, renderPlot, setFont } from './svg-dom.ts'

export interface SpcSparklineOptions {
  readonly title: string
  readonly valueFormat: ValueFormat
  readonly unit?: string
  readonly width?: number
  readonly height?: number
  /** Unique per page (default from the title). */
  readonly id?: string
  readonly period?: PeriodUnit
}

const DEFAULTS = { width: 240, height: 80, margin: 6 } as const
const RADIUS = { common: 3, special: 3.5 } as const

/** SVG markup of a sparkline of any control chart: no axes; the latest point and special-cause points are dotted. */
export function spcSparklineSvg(result: ControlChartResult, options: SpcSparklineOptions): string {
  const { title, valueFormat, unit, width = DEFAULTS.width, height = DEFAULTS.height, id = idFromTitle('sparkline', title) } = options
  if (!(width >= 40 && height >= 20)) throw new Error(`invalid sparkline size: ${width}×${height} (expected at least 40×20)`)
  const wording: Wording = { format: valueFormat, unit, period: options.period ?? inferPeriodUnit(result.points.map((p) => p.period)) }
  const last = result.points.at(-1)
  const segment = last?.segment ?? 0
  const latest = result.points.filter((p) => p.segment === segment)
  const limits = latest.flatMap((p) => [p.centre, ...Object.values(displayLimits(p, valueFormat))])
  const y = yScale([...result.points.map((p) => p.value), ...limits], valueFormat, height)
  const rows = pointRows(result, wording, RADIUS)
  const lastTime = last ? Date.parse(`${last.period}T00:00:00Z`) : Number.NaN
  const dotted = rows.filter((r) => r.special || r.x.getTime() === lastTime)

  const document = createSvgDocument()
  const svg = renderPlot(document, {
    width,
    height,
    margin: DEFAULTS.margin,
    x: { type: 'utc', axis: null },
    y: { domain: [...y.domain], axis: null },
    color: { type: 'identity' },
    symbol: { type: 'identity' },
    r: { type: 'identity' },
    marks:
      last === undefined
        ? [Plot.text(['No data yet'], { frameAnchor: 'middle', fill: NHS.secondaryText })]
        : [
            ...segmentMarks(limitRows(result, wording, typicalStepMs(result.points)), segment, result.segments[segment]?.trialLimits ?? false, limitsVary(result, segment)),
            valueLineMark(rows),
            pointMark(dotted),
          ],
  })
  setFont(svg)
  labelSvg(document, svg, { id, title, desc: spcAltText(result, wording, { what: 'Sparkline', title, target: null, rebases: [] }) })
  return svg.outerHTML
}
