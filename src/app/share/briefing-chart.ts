/**
 * A measure's series as a briefing chart: the control chart from `charts/`, its description in words
 * and the numbers behind every point. Outside the organisation the counts of each period are
 * published first (suppressed periods become gaps) and the chart's limits are worked out on what is
 * published, so the chart, the words and the table cannot disagree.
 */
import { describeSpc, spcChartSvg } from '../../charts/index.ts'
import type { SpcResult } from '../../core/spc/types.ts'
import type { BriefingChart } from '../../reports/model.ts'
import type { RebaseRow } from '../../storage/rebases.ts'
import type { SeriesRow } from '../../storage/observations.ts'
import type { MeasureRow } from '../catalogue.ts'
import { analyseSeries } from '../analyse/get-series.ts'
import type { Publisher } from './briefing-context.ts'
import { dateText, measureValueText, valueFormatOf } from './briefing-format.ts'
import { periodCountCells, valueFromPublished } from './period-counts.ts'

export interface ChartSeries {
  readonly measure: MeasureRow
  readonly rows: readonly SeriesRow[]
  readonly rebases: readonly RebaseRow[]
  readonly exclusions: ReadonlyMap<string, string>
}

/** A row as it may be printed: counts as text, the value null when suppressed. */
export interface PublishedRow {
  readonly period: string
  readonly numerator: string
  readonly denominator: string
  readonly value: number | null
}

/** Chart size in the briefing (CSS pixels): fits an A4 page's text width. */
export const CHART_SIZE = { width: 680, height: 360 } as const

/** Publish every period's counts; the value is recomputed from the published counts (a mean has none and is kept). */
export function publishRows(measure: MeasureRow, rows: readonly SeriesRow[], publisher: Publisher): PublishedRow[] {
  // A mean's numerator is a sum (of days, say), not a count of people: only its denominator is published, and the mean with it.
  const mean = measure.kind === 'mean'
  const published = publisher.counts(periodCountCells(measure, rows, !mean))
  return rows.map((r) => {
    const n = published.get(`n|${r.period}`)
    const d = published.get(`d|${r.period}`)
    // A mean has no published numerator, so it keeps its value unless its denominator was hidden.
    const value = mean && d !== undefined && d.value === null ? null : valueFromPublished(measure, r, published, (nc, dc) => publisher.rate(nc.value, dc.value))
    return { period: r.period, numerator: mean ? (publisher.audience === 'internal' && r.numerator !== null ? r.numerator.toLocaleString('en-GB') : '') : (n?.text ?? ''), denominator: d?.text ?? '', value }
  })
}

/** The SPC result on what may be printed: suppressed periods left out. */
export function publishedSpc(series: ChartSeries, published: readonly PublishedRow[]): SpcResult {
  const kept = published.flatMap((p) => (p.value === null ? [] : [{ period: p.period, numerator: null, denominator: null, value: p.value }]))
  return analyseSeries(series.measure, kept, series.rebases, { exclusions: series.exclusions })
}

/** The chart block for one series, titled `title`, its SVG ids prefixed by `id`. */
export function chartBlock(series: ChartSeries, publisher: Publisher, title: string, id: string): BriefingChart {
  const { measure } = series
  const published = publishRows(measure, series.rows, publisher)
  const spc = publishedSpc(series, published)
  const valueFormat = valueFormatOf(measure.kind)
  const unit = measure.unit ?? undefined
  // Suppressed periods are gaps in the line, not joined across: a reader sees something is missing.
  const gaps = published.flatMap((p) => (p.value === null ? [p.period] : []))
  const svg = spcChartSvg(spc, { title, valueFormat, ...(unit ? { unit } : {}), id, period: measure.period, target: measure.target, width: CHART_SIZE.width, height: CHART_SIZE.height, gaps })
  const hidden = gaps.length
  const words = describeSpc(spc, { measureName: measure.name, valueFormat, ...(unit ? { unit } : {}), period: measure.period })
  if (hidden > 0) words.push(`${hidden} ${hidden === 1 ? 'period is' : 'periods are'} not shown because the numbers were too small to publish; the limits use only the published periods.`)
  const hasCounts = series.rows.some((r) => r.numerator !== null || r.denominator !== null)
  const columns = hasCounts ? [periodHeading(measure), numeratorHeading(measure), 'Denominator', 'Value'] : [periodHeading(measure), 'Value']
  const rows = published.map((p) => {
    const value = measureValueText(p.value, measure.kind, measure.unit)
    return hasCounts ? [dateText(p.period), p.numerator || '–', p.denominator || '–', value] : [dateText(p.period), value]
  })
  return {
    kind: 'chart',
    title,
    svg,
    width: CHART_SIZE.width,
    height: CHART_SIZE.height,
    description: words.join(' '),
    table: { caption: `The numbers behind the chart: ${title}`, columns, rows, numeric: columns.map((_, i) => i > 0) },
  }
}

function periodHeading(measure: MeasureRow): string {
  return measure.period === 'week' ? 'Week beginning' : measure.period === 'month' ? 'Month beginning' : 'Period beginning'
}

function numeratorHeading(measure: MeasureRow): string {
  return measure.kind === 'count' ? 'Count' : 'Numerator'
}
