/** `lhs spc FILE`: analyse a CSV of period,value (or period,numerator,denominator) with an SPC chart (`--chart`, XmR by default). */
import { readFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { hasErrors, issueLocation } from '../../core/issues.ts'
import { DIRECTIONS } from '../../core/model.ts'
import { parseIsoDate } from '../../core/period.ts'
import { PROFILES, type RebaseInput } from '../../core/spc/types.ts'
import type { SpcChartResult } from '../../contract/spc-charts.ts'
import { parseSpcInputCsv } from '../../ingest/index.ts'
import { EXIT_OK, EXIT_USAGE, readFailure, UsageError, type CliIo } from '../io.ts'
import { checkShape, countChart, formatChartText, needsCounts, parseCountCsv, parseExclude, SPC_CHARTS, valueChart } from './spc-charts.ts'
import { joinNegativeValues } from '../args.ts'

export async function spcCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args: joinNegativeValues(args, ['--target']),
    options: {
      json: { type: 'boolean', default: false },
      chart: { type: 'string', default: 'xmr' },
      profile: { type: 'string', default: 'mdc' },
      direction: { type: 'string', default: 'increase' },
      target: { type: 'string' },
      baseline: { type: 'string' },
      rebase: { type: 'string', multiple: true, default: [] },
      exclude: { type: 'string', multiple: true, default: [] },
      multiply: { type: 'string' },
    },
    strict: true,
    allowPositionals: true,
  })
  const [file, ...extra] = positionals
  if (file === undefined) throw new UsageError('spc: give the CSV file to analyse (header period,value or period,numerator,denominator).')
  if (extra.length > 0) throw new UsageError(`spc: unexpected argument "${extra[0]}".`)
  const chart = oneOf(values.chart, SPC_CHARTS, '--chart')
  const profile = oneOf(values.profile, PROFILES, '--profile')
  const direction = oneOf(values.direction, DIRECTIONS, '--direction')
  const target = values.target === undefined ? null : number(values.target, '--target')
  const baseline = values.baseline === undefined ? undefined : wholeNumber(values.baseline, '--baseline')
  if (baseline !== undefined && baseline < 12) throw new UsageError(`spc: --baseline ${baseline} is too short (expected at least 12 points).`)
  const rebases = values.rebase.map(parseRebase)
  const excludes = new Map(values.exclude.map((text) => parseExclude(text, (date) => parseIsoDate(date) !== undefined)))
  const multiply = values.multiply === undefined ? undefined : number(values.multiply, '--multiply')
  if (multiply !== undefined && !(multiply > 0)) throw new UsageError(`spc: --multiply "${values.multiply}" is not above 0 (expected a factor such as 100 for per cent).`)

  const text = await readFile(resolve(io.cwd, file), 'utf8').catch((error: unknown) => {
    throw new UsageError(`spc: cannot read ${file} (${readFailure(error)}).`)
  })
  checkShape(chart, text, file)
  const options = { profile, direction, target, rebases, excludes, ...(baseline === undefined ? {} : { baseline }), ...(multiply === undefined ? {} : { multiply }) }
  const parsed = needsCounts(chart) ? parseCountCsv(text, basename(file), chart) : parseSpcInputCsv(text, basename(file))
  if (hasErrors(parsed.issues)) {
    for (const issue of parsed.issues) io.stderr(`${issue.message}\n`)
    return EXIT_USAGE
  }
  const result = 'points' in parsed.value ? valueChart(chart, parsed.value.points, options, file) : countChart(chart, parsed.value, options, file)
  const issues = [...parsed.issues, ...result.issues]
  if (values.json) io.stdout(JSON.stringify({ ...result, issues }, null, 2) + '\n')
  else io.stdout(chart === 'xmr' ? formatText(result) : formatChartText(result))
  for (const issue of issues) if (!values.json) io.stderr(`${issue.severity}: ${issue.file === undefined ? issueLocation(issue) : ''}${issue.message}\n`)
  return hasErrors(issues) ? EXIT_USAGE : EXIT_OK
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`spc: ${flag} "${value}" is not known (expected one of ${allowed.join(', ')}).`)
}

function number(text: string, flag: string): number {
  const value = Number(text)
  if (text.trim() === '' || !Number.isFinite(value)) throw new UsageError(`spc: ${flag} "${text}" is not a number.`)
  return value
}

function wholeNumber(text: string, flag: string): number {
  const value = number(text, flag)
  if (!Number.isInteger(value)) throw new UsageError(`spc: ${flag} "${text}" is not a whole number.`)
  return value
}

function parseRebase(text: string): RebaseInput {
  const [date = '', ...rest] = text.split(':')
  if (!parseIsoDate(date)) throw new UsageError(`spc: --rebase "${text}" does not start with a date (expected YYYY-MM-DD or YYYY-MM-DD:reason).`)
  const reason = rest.join(':').trim()
  return { date, reason: reason === '' ? null : reason }
}

function formatText(result: SpcChartResult): string {
  const fixed = (value: number | null): string => (value === null ? '-' : value.toFixed(4))
  const lines = result.segments.map(
    (s, i) =>
      `Segment ${i + 1}: ${s.from} to ${s.to}${s.reason ? ` (${s.reason})` : ''}: centre ${s.centre.toFixed(4)}, limits ${fixed(s.lower)} to ${fixed(s.upper)}` +
      `${s.trialLimits ? ' (trial limits: fewer than 13 points)' : ''}`,
  )
  const flagged = result.points.filter((p) => p.rule !== null).map((p) => `  ${p.period}  ${p.value}  ${p.rule}  ${p.type}`)
  return [
    `XmR chart, profile ${result.profile}, direction ${result.direction}`,
    ...lines,
    flagged.length > 0 ? `Special-cause points (${flagged.length}):` : 'No special-cause points.',
    ...flagged,
    `Variation: ${result.variation ?? 'none'}; assurance: ${result.assurance ?? 'none (no target)'}`,
  ].join('\n') + '\n'
}
