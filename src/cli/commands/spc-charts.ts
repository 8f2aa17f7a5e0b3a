/** `lhs spc --chart …`: reading the input each chart needs, running the chart and shaping its output. */
import type { Parsed } from '../../core/issues.ts'
import type { Direction } from '../../core/model.ts'
import { cChart, gChart, pChart, pPrimeChart, runChart, tChart, uChart, uPrimeChart, xmrChart } from '../../core/spc/index.ts'
import type { AttributeInputPoint, SpcInputPoint } from '../../core/spc/index.ts'
import type { Profile, RebaseInput } from '../../core/spc/types.ts'
import type { SpcChart, SpcChartResult } from '../../contract/spc-charts.ts'
import { attributeOutput, ordered, rareEventOutput, runOutput, xmrOutput } from '../../contract/spc-chart-output.ts'
import { parseCountInputCsv } from '../../ingest/index.ts'
import { UsageError } from '../io.ts'

export { SPC_CHARTS, type SpcChart } from '../../contract/spc-charts.ts'

/** Charts read from `period,numerator,denominator`; xmr takes either shape; the rest `period,value`. */
const COUNT_CHARTS: readonly SpcChart[] = ['p', 'u', 'pp', 'up']
const VALUE_HEADER = 'period,value'
const COUNT_HEADER = 'period,numerator,denominator'

export interface ChartOptions {
  readonly profile: Profile
  readonly direction: Direction
  readonly target: number | null
  readonly baseline?: number
  readonly rebases: readonly RebaseInput[]
  /** Period → reason the point is left out of the centre line and limits. */
  readonly excludes: ReadonlyMap<string, string>
  /** Undefined when `--multiply` was not given. */
  readonly multiply?: number
}

export function needsCounts(chart: SpcChart): boolean {
  return COUNT_CHARTS.includes(chart)
}

/** Throw a usage error when the header is the other known shape than the one `chart` reads (xmr reads both). */
export function checkShape(chart: SpcChart, text: string, file: string): void {
  if (chart === 'xmr') return
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((line) => line.trim() !== '') ?? ''
  const header = firstLine.split(',').map((name) => name.trim()).join(',')
  const expected = needsCounts(chart) ? COUNT_HEADER : VALUE_HEADER
  const other = needsCounts(chart) ? VALUE_HEADER : COUNT_HEADER
  if (header === other) throw new UsageError(`spc: --chart ${chart} needs the header ${expected} (${file} has ${header}).`)
}

/** `--exclude DATE[:REASON]` → [date, reason]; a missing reason reads "no reason given". */
export function parseExclude(text: string, isDate: (date: string) => boolean): [string, string] {
  const [date = '', ...rest] = text.split(':')
  if (!isDate(date)) throw new UsageError(`spc: --exclude "${text}" does not start with a date (expected YYYY-MM-DD or YYYY-MM-DD:reason).`)
  const reason = rest.join(':').trim()
  return [date, reason === '' ? 'no reason given' : reason]
}

/** Mark the excluded periods; a date that matches no period is a usage error. */
function markExcluded<T extends { readonly period: string }>(points: readonly T[], excludes: ReadonlyMap<string, string>, file: string): (T & { excluded?: string })[] {
  const periods = new Set(points.map((point) => point.period))
  for (const date of excludes.keys()) {
    if (!periods.has(date)) throw new UsageError(`spc: --exclude ${date} matches no period of ${file} (expected the first day of a period in the file).`)
  }
  return points.map((point) => {
    const reason = excludes.get(point.period)
    return reason === undefined ? point : { ...point, excluded: reason }
  })
}

/** Run `chart` on `values` (period,value or ratio input) with the options; output in the contract shape. */
export function valueChart(chart: SpcChart, input: readonly SpcInputPoint[], options: ChartOptions, file: string): SpcChartResult {
  const { profile, direction, target, rebases, multiply } = options
  const base = { rebases, ...(options.baseline === undefined ? {} : { baseline: options.baseline }) }
  if ((chart === 'g' || chart === 't') && multiply !== undefined) {
    throw new UsageError(`spc: --multiply does not apply to --chart ${chart} (its limits depend on the scale of the values; expected no --multiply).`)
  }
  const scaled = multiply === undefined || chart === 'c' ? input : input.map((point) => (point.value === null ? point : { ...point, value: point.value * multiply }))
  const points = markExcluded(scaled, options.excludes, file)
  if (chart === 'xmr') return ordered(xmrOutput(xmrChart(points, { profile, direction, target, ...base }), multiply))
  if (chart === 'run') return ordered(runOutput(runChart(points, base), multiply ?? 1))
  if (chart === 'g' || chart === 't') return ordered(rareEventOutput((chart === 'g' ? gChart : tChart)(points, { direction, target, ...base })))
  if (chart === 'c') return ordered(attributeOutput('c', cChart(points, { profile, direction, target, multiplier: multiply ?? 1, ...base })))
  throw new Error(`chart ${chart} does not read period,value`)
}

/** Run a P, U, P′ or U′ chart on numerators and denominators. */
export function countChart(chart: SpcChart, input: readonly AttributeInputPoint[], options: ChartOptions, file: string): SpcChartResult {
  const { profile, direction, target, rebases, multiply } = options
  const chartOptions = { profile, direction, target, rebases, multiplier: multiply ?? 1, ...(options.baseline === undefined ? {} : { baseline: options.baseline }) }
  const points = markExcluded(input, options.excludes, file)
  const run = { p: pChart, u: uChart, pp: pPrimeChart, up: uPrimeChart }[chart as 'p' | 'u' | 'pp' | 'up']
  return ordered(attributeOutput(chart, run(points, chartOptions)))
}

/** Read `period,numerator,denominator` keeping the counts (a proportion chart also checks numerator ≤ denominator). */
export function parseCountCsv(text: string, file: string, chart: SpcChart): Parsed<AttributeInputPoint[]> {
  return parseCountInputCsv(text, file, chart === 'p' || chart === 'pp')
}

const NAMES: Record<SpcChart, string> = { run: 'Run chart', xmr: 'XmR chart', p: 'P chart', u: 'U chart', c: 'C chart', pp: "P' chart", up: "U' chart", g: 'G chart', t: 'T chart' }

/** A short table: period, value, centre, lower, upper, signal; then the runs and the icons. */
export function formatChartText(result: SpcChartResult): string {
  const number = (value: number | null): string => (value === null ? '-' : value.toFixed(4))
  const title = `${NAMES[result.chart]}${result.profile === null ? '' : `, profile ${result.profile}`}${result.direction === null ? '' : `, direction ${result.direction}`}` +
    `${result.multiplier !== undefined && result.multiplier !== 1 ? `, multiplied by ${result.multiplier}` : ''}`
  const segments = result.segments.map((s, i) => {
    const r = s.runs
    return `Segment ${i + 1}: ${s.from} to ${s.to}${s.reason ? ` (${s.reason})` : ''}: centre ${s.centre.toFixed(4)}${s.trialLimits ? ' (trial limits: fewer than 13 points)' : ''}; ` +
      `longest run ${r.longestRun} (max ${r.longestRunMax}), crossings ${r.crossings} (min ${r.crossingsMin})${r.signal ? ': runs signal' : ''}`
  })
  const rows = [['period', 'value', 'centre', 'lower', 'upper', 'signal'], ...result.points.map((p) => [
    p.period, number(p.value), number(p.centre), number(p.lower), number(p.upper),
    [p.rule, p.type === 'common_cause' ? null : p.type, p.excluded === null ? null : `excluded: ${p.excluded}`].filter((x) => x !== null).join(' '),
  ])]
  const widths = rows[0]!.map((_, c) => Math.max(...rows.map((row) => row[c]!.length)))
  const table = rows.map((row) => `  ${row.map((cell, c) => cell.padEnd(widths[c]!)).join('  ')}`.trimEnd())
  const icons = result.chart === 'run' ? [] : [`Variation: ${result.variation ?? 'none'}; assurance: ${result.assurance ?? 'none (no target)'}`]
  return [title, ...segments, ...table, ...icons].join('\n') + '\n'
}
