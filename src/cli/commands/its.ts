/** `lhs its FILE --change DATE`: did a change alter the level or trend of a series (interrupted time series)? */
import { readFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import type { ItsCoefficient, ItsResult } from '../../contract/its.ts'
import { interruptedTimeSeries, poissonInterruptedTimeSeries, type CoefficientEstimate, type RateRatioEstimate } from '../../core/impact/index.ts'
import { durbinWatson, lag1Autocorrelation } from '../../core/impact/residual-diagnostics.ts'
import { hasErrors } from '../../core/issues.ts'
import { parseIsoDate } from '../../core/period.ts'
import { parseItsInputCsv, type ItsInput } from '../../ingest/parse-its-input-csv.ts'
import { EXIT_OK, EXIT_USAGE, readFailure, UsageError, type CliIo } from '../io.ts'
import { joinNegativeValues } from '../args.ts'

export const ITS_FAMILIES = ['gaussian', 'poisson'] as const
export type ItsFamily = (typeof ITS_FAMILIES)[number]

const HEADER_OF: Record<ItsFamily, string> = { gaussian: 'period,value', poisson: 'period,count,population' }

export async function itsCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: joinNegativeValues(args, ['--lag']),
    options: {
      json: { type: 'boolean', default: false },
      change: { type: 'string' },
      lag: { type: 'string' },
      family: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  })
  const [file, ...extra] = positionals
  if (file === undefined) throw new UsageError('its: give the CSV file to analyse (header period,value or period,count,population).')
  if (extra.length > 0) throw new UsageError(`its: unexpected argument "${extra[0]}".`)
  if (values.change === undefined) throw new UsageError('its: give --change DATE, the first period after the change (YYYY-MM-DD).')
  const change = values.change.trim()
  if (!parseIsoDate(change)) throw new UsageError(`its: --change "${values.change}" is not a date (expected YYYY-MM-DD, the first period after the change).`)
  const requestedFamily = values.family === undefined ? undefined : family(values.family)
  const lag = values.lag === undefined ? undefined : parseLag(values.lag)
  if (lag !== undefined && requestedFamily === 'poisson') throw new UsageError('its: --lag applies to --family gaussian only (the Poisson model has model-based standard errors).')

  const text = await readFile(resolve(io.cwd, file), 'utf8').catch((error: unknown) => {
    throw new UsageError(`its: cannot read ${file} (${readFailure(error)}).`)
  })
  const parsed = parseItsInputCsv(text, basename(file))
  if (hasErrors(parsed.issues)) {
    for (const issue of parsed.issues) io.stderr(`${issue.message}\n`)
    return EXIT_USAGE
  }
  const input = parsed.value
  const fileFamily: ItsFamily = input.kind === 'count' ? 'poisson' : 'gaussian'
  const chosen = requestedFamily ?? fileFamily
  if (chosen !== fileFamily) {
    throw new UsageError(`its: --family ${chosen} needs a file with header ${HEADER_OF[chosen]}, but ${file} has ${HEADER_OF[fileFamily]}.`)
  }
  if (lag !== undefined && chosen === 'poisson') throw new UsageError('its: --lag applies to --family gaussian only (the Poisson model has model-based standard errors).')
  if (lag !== undefined && lag >= input.points.length) {
    throw new UsageError(`its: --lag ${lag} is too long for ${input.points.length} periods (expected 0 to ${input.points.length - 1}).`)
  }
  const changeIndex = findChange(input, change, file)
  const result = chosen === 'poisson' ? poisson(input, changeIndex) : gaussian(input, changeIndex, lag ?? 1)
  if (values.json) io.stdout(JSON.stringify(result, null, 2) + '\n')
  else io.stdout(formatText(result, chosen, change, chosen === 'gaussian' ? (lag ?? 1) : undefined))
  return EXIT_OK
}

function family(text: string): ItsFamily {
  if ((ITS_FAMILIES as readonly string[]).includes(text)) return text as ItsFamily
  throw new UsageError(`its: --family "${text}" is not known (expected one of ${ITS_FAMILIES.join(', ')}).`)
}

function parseLag(text: string): number {
  const value = Number(text)
  if (text.trim() === '' || !Number.isInteger(value) || value < 0) throw new UsageError(`its: --lag "${text}" is not a whole number of 0 or more (the Newey–West lag; default 1).`)
  return value
}

/** 0-based index of the change period, or a usage error naming the periods nearest to it. */
function findChange(input: ItsInput, change: string, file: string): number {
  const periods = input.points.map((p) => p.period)
  const index = periods.indexOf(change)
  if (index !== -1) return index
  const after = periods.findIndex((p) => p > change)
  const before = after === -1 ? periods.length - 1 : after - 1
  const nearest = [periods[before], after === -1 ? undefined : periods[after]].filter((p) => p !== undefined)
  const where =
    periods.length === 0 ? 'the file has no periods' : before === -1 ? `it is before the first period, ${nearest.join('')}` : after === -1 ? `it is after the last period, ${nearest.join('')}` : `the nearest periods are ${nearest.join(' and ')}`
  throw new UsageError(`its: --change ${change} is not one of the periods in ${file}; ${where} (expected the first period after the change).`)
}

function coefficient(c: CoefficientEstimate): ItsCoefficient {
  return { estimate: c.estimate, se: c.se, lower: c.lower, upper: c.upper, p: c.p }
}

/** On the rate-ratio scale: exp(β) and its interval; the SE stays on the log scale. */
function ratio(c: RateRatioEstimate): ItsCoefficient {
  return { estimate: c.rateRatio, se: c.se, lower: c.rateRatioLower, upper: c.rateRatioUpper, p: c.p }
}

function tooFew(issues: readonly { message: string }[]): never {
  throw new UsageError(`its: ${issues.map((i) => i.message).join(' ')}`)
}

function gaussian(input: ItsInput, changeIndex: number, lag: number): ItsResult {
  const fit = interruptedTimeSeries(
    input.points.map((p) => p.value),
    { changeIndex, lag },
  )
  const r = fit.value ?? tooFew(fit.issues)
  // The core tests the counterfactual for exactly 0; rounding leaves ~1e-14 where it is 0 in exact
  // arithmetic, which would make the relative effect absurd. Treat it as 0 relative to the data's scale.
  const scale = Math.max(...input.points.map((p) => Math.abs(p.value)))
  const counterfactualAtEnd = r.counterfactual[r.n - 1] ?? 0
  const relativeEffectAtEnd = Math.abs(counterfactualAtEnd) <= 1e-10 * scale ? null : (r.relativeEffectAtEnd ?? null)
  return {
    n: r.n,
    nPre: r.nPre,
    nPost: r.nPost,
    coefficients: {
      intercept: coefficient(r.coefficients.intercept),
      preSlope: coefficient(r.coefficients.preSlope),
      levelChange: coefficient(r.coefficients.levelChange),
      slopeChange: coefficient(r.coefficients.slopeChange),
    },
    postSlope: coefficient(r.postSlope),
    durbinWatson: r.durbinWatson,
    autocorrelation: r.autocorrelation,
    effectAtEnd: coefficient(r.effectAtEnd),
    relativeEffectAtEnd,
  }
}

function poisson(input: ItsInput, changeIndex: number): ItsResult {
  const counts = input.points.map((p) => p.value)
  const fit = poissonInterruptedTimeSeries(
    counts,
    input.points.map((p) => p.population ?? 0),
    { changeIndex },
  )
  const r = fit.value ?? tooFew(fit.issues)
  // The core reports no residual diagnostics for the Poisson model: use the Pearson residuals (y − μ)/√μ.
  const pearson = counts.map((y, i) => {
    const mu = r.fitted[i] ?? 0
    return mu > 0 ? (y - mu) / Math.sqrt(mu) : 0
  })
  return {
    n: r.n,
    nPre: r.nPre,
    nPost: r.nPost,
    coefficients: {
      intercept: ratio(r.coefficients.intercept),
      preSlope: ratio(r.coefficients.preSlope),
      levelChange: ratio(r.coefficients.levelChange),
      slopeChange: ratio(r.coefficients.slopeChange),
    },
    postSlope: ratio(r.postSlope),
    durbinWatson: durbinWatson(pearson),
    autocorrelation: lag1Autocorrelation(pearson),
    effectAtEnd: ratio(r.effectAtEnd),
    relativeEffectAtEnd: r.effectAtEnd.rateRatio - 1,
  }
}

/** Four significant figures, without exponent notation for everyday sizes. */
function num(value: number): string {
  // Rounding noise around an exact 0 (such as a slope change of 1e-16) prints as 0.
  if (Math.abs(value) < 1e-12) return '0'
  const abs = Math.abs(value)
  if (abs >= 1e-4 && abs < 1e9) return String(Number(value.toPrecision(4)))
  return value.toPrecision(4)
}

function pValue(p: number): string {
  return p < 0.001 ? '<0.001' : p.toFixed(3)
}

function percent(fraction: number): string {
  const value = Math.abs(fraction * 100)
  return `${value >= 0.1 ? value.toFixed(1) : String(Number(value.toPrecision(2)))}%`
}

function formatText(result: ItsResult, chosen: ItsFamily, change: string, lag: number | undefined): string {
  const poissonModel = chosen === 'poisson'
  const rows: [string, ItsCoefficient][] = [
    [poissonModel ? 'baseline rate (t = 0)' : 'intercept (t = 0)', result.coefficients.intercept],
    ['slope before', result.coefficients.preSlope],
    ['level change', result.coefficients.levelChange],
    ['slope change', result.coefficients.slopeChange],
    ['slope after', result.postSlope],
    ['effect at the end', result.effectAtEnd],
  ]
  const cells = rows.map(([name, c]) => [name, num(c.estimate), `${num(c.lower)} to ${num(c.upper)}`, pValue(c.p)])
  const header = ['', poissonModel ? 'rate ratio' : 'estimate', '95% interval', 'p']
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((row) => (row[i] ?? '').length)))
  const line = (row: readonly string[]): string => row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0))).join('  ').trimEnd()
  const model = poissonModel ? 'Poisson segmented regression (rate ratios, Wald intervals)' : `Linear segmented regression (Newey–West lag ${lag ?? 1}, t with ${result.n - 4} df)`
  const relative = result.relativeEffectAtEnd === null ? 'undefined (counterfactual 0)' : `${result.relativeEffectAtEnd >= 0 ? '+' : '-'}${percent(result.relativeEffectAtEnd)}`
  return [
    `${model}: ${result.n} periods, ${result.nPre} before and ${result.nPost} from the change at ${change}`,
    line(header),
    ...cells.map(line),
    `Durbin–Watson ${num(result.durbinWatson)}, lag-1 autocorrelation ${num(result.autocorrelation)}${poissonModel ? ' (Pearson residuals)' : ''}; relative effect at the end ${relative}`,
    sentence(result, poissonModel),
  ].join('\n') + '\n'
}

/** One plain-English sentence on the level and slope change. */
function sentence(result: ItsResult, poissonModel: boolean): string {
  const { levelChange: level, slopeChange: slope } = result.coefficients
  const interval = (c: ItsCoefficient): string => `95% CI ${num(c.lower)} to ${num(c.upper)}, p ${c.p < 0.001 ? '< 0.001' : `= ${c.p.toFixed(3)}`}`
  if (poissonModel) {
    const levelWords = Math.abs(level.estimate - 1) < 1e-12 ? 'did not change' : `${level.estimate > 1 ? 'rose' : 'fell'} by ${percent(level.estimate - 1)}`
    const slopeWords = Math.abs(slope.estimate - 1) < 1e-12 ? 'did not change' : `${slope.estimate > 1 ? 'rose' : 'fell'} by ${percent(slope.estimate - 1)} per period`
    return `At the change the rate ${levelWords} (rate ratio ${num(level.estimate)}, ${interval(level)}), and its trend ${slopeWords} relative to the trend before (rate ratio ${num(slope.estimate)}, ${interval(slope)}).`
  }
  const levelWords = Math.abs(level.estimate) < 1e-12 ? 'did not change' : `${level.estimate > 0 ? 'rose' : 'fell'} by ${num(Math.abs(level.estimate))}`
  const slopeWords = Math.abs(slope.estimate) < 1e-12 ? 'did not change' : `${slope.estimate > 0 ? 'rose' : 'fell'} by ${num(Math.abs(slope.estimate))} per period`
  return `At the change the level ${levelWords} (${interval(level)}), and the slope ${slopeWords} (${interval(slope)}).`
}
