/** `lhs gap FILE --reference GROUP`: community-group rates with intervals, and their difference and ratio to a reference group, period by period. */
import { readFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import {
  gapSeries,
  groupDifferences,
  groupValue,
  type GapPoint,
  type GroupMeasure,
  type GroupPeriodCounts,
  type Interval,
} from '../../core/compare/index.ts'
import { hasErrors, issueLocation, type Issue } from '../../core/issues.ts'
import { parseGapInputCsv } from '../../ingest/parse-gap-input-csv.ts'
import { EXIT_OK, EXIT_USAGE, readFailure, UsageError, type CliIo } from '../io.ts'

const MEASURES: readonly GroupMeasure[] = ['proportion', 'rate']
const LEVEL = 0.95
const NOT_STATED = 'not stated'

/** One group in one period (src/contract/gap.ts). */
export interface GapRow {
  readonly period: string
  readonly group: string
  readonly numerator: number
  readonly denominator: number
  readonly value: Interval
  readonly isReference: boolean
  readonly small: boolean
  readonly notStated: boolean
  readonly difference: Interval | null
  readonly ratio: Interval | null
}

/** The output of `lhs gap --json` (src/contract/gap.ts). */
export interface GapResult {
  readonly measure: GroupMeasure
  readonly reference: string
  readonly level: number
  readonly groups: readonly string[]
  readonly rows: readonly GapRow[]
  readonly gaps: readonly { readonly group: string; readonly points: readonly GapPoint[] }[]
  readonly issues: readonly Issue[]
}

export async function gapCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      reference: { type: 'string' },
      measure: { type: 'string', default: 'proportion' },
    },
    strict: true,
    allowPositionals: true,
  })
  const [file, ...extra] = positionals
  if (file === undefined) throw new UsageError('gap: give the CSV file to analyse (header period,group,numerator,denominator).')
  if (extra.length > 0) throw new UsageError(`gap: unexpected argument "${extra[0]}".`)
  if (values.reference === undefined || values.reference.trim() === '') throw new UsageError('gap: give the reference group with --reference GROUP.')
  const reference = values.reference.trim()
  const measure = MEASURES.find((m) => m === values.measure)
  if (measure === undefined) throw new UsageError(`gap: --measure "${values.measure}" is not known (expected one of ${MEASURES.join(', ')}).`)

  const text = await readFile(resolve(io.cwd, file), 'utf8').catch((error: unknown) => {
    throw new UsageError(`gap: cannot read ${file} (${readFailure(error)}).`)
  })
  const parsed = parseGapInputCsv(text, basename(file), { measure })
  if (hasErrors(parsed.issues)) {
    for (const issue of parsed.issues) io.stderr(`${issue.message}\n`)
    return EXIT_USAGE
  }
  const { rows, groups } = parsed.value
  if (!groups.includes(reference)) {
    throw new UsageError(`gap: --reference "${reference}" is not a group of ${file} (expected one of ${groups.map((g) => JSON.stringify(g)).join(', ')}).`)
  }
  const result = analyse(rows, groups, reference, measure)
  if (values.json) io.stdout(JSON.stringify(result, null, 2) + '\n')
  else {
    io.stdout(formatText(result))
    for (const issue of result.issues) io.stderr(`${issue.severity}: ${issueLocation(issue)}${issue.message}\n`)
  }
  return EXIT_OK
}

function analyse(rows: readonly GroupPeriodCounts[], groups: readonly string[], reference: string, measure: GroupMeasure): GapResult {
  const order = new Map(groups.map((g, i) => [g, i]))
  const periods = [...new Set(rows.map((r) => r.period))].sort()
  const issues: Issue[] = []
  const out: GapRow[] = []
  const withoutReference = new Set<string>()
  for (const period of periods) {
    const inPeriod = rows.filter((r) => r.period === period).sort((a, b) => (order.get(a.group) ?? 0) - (order.get(b.group) ?? 0))
    if (!inPeriod.some((r) => r.group === reference)) {
      withoutReference.add(period)
      issues.push({ severity: 'warning', code: 'missing_reference', message: `No counts for the reference group "${reference}" in ${period}: no difference or ratio for that period.`, value: period })
      for (const r of inPeriod) out.push(row(period, r, measure, reference))
      continue
    }
    const compared = groupDifferences(inPeriod, { measure, reference, level: LEVEL })
    for (const g of compared.groups) {
      out.push({
        period,
        group: g.group,
        numerator: g.numerator,
        denominator: g.denominator,
        value: g.value,
        isReference: g.isReference,
        small: g.small,
        notStated: g.notStated,
        difference: g.difference ?? null,
        ratio: g.ratio ?? null,
      })
    }
  }
  const gaps = groups
    .filter((g) => g !== reference)
    .map((group) => {
      const series = gapSeries(rows.filter((r) => r.group === group || r.group === reference), { measure, reference, comparison: group, level: LEVEL })
      for (const issue of series.issues) {
        // A period without the reference is already reported once (missing_reference); so is a repeated message.
        if (issue.value !== undefined && withoutReference.has(issue.value)) continue
        if (!issues.some((i) => i.message === issue.message)) issues.push(issue)
      }
      return { group, points: series.points }
    })
  return { measure, reference, level: LEVEL, groups, rows: out, gaps, issues }
}

/** A group in a period without the reference: its own value only. */
function row(period: string, r: GroupPeriodCounts, measure: GroupMeasure, reference: string): GapRow {
  return {
    period,
    group: r.group,
    numerator: r.numerator,
    denominator: r.denominator,
    value: groupValue(r, measure, LEVEL),
    isReference: r.group === reference,
    small: r.numerator < 5 || r.denominator < 5,
    notStated: r.group.trim().toLowerCase() === NOT_STATED,
    difference: null,
    ratio: null,
  }
}

const interval = (i: Interval | null): string => (i === null ? '-' : `${i.estimate.toFixed(4)} (${i.lower.toFixed(4)} to ${i.upper.toFixed(4)})`)

function formatText(result: GapResult): string {
  const header = ['period', 'group', 'numerator', 'denominator', `${result.measure} (95% CI)`, 'difference (95% CI)', 'ratio (95% CI)']
  const rows = result.rows.map((r) => [
    r.period,
    `${r.group}${r.isReference ? ' (reference)' : ''}${r.small ? ' (small)' : ''}`,
    String(r.numerator),
    String(r.denominator),
    interval(r.value),
    interval(r.difference),
    interval(r.ratio),
  ])
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  return [`Group ${result.measure}s against reference "${result.reference}", 95% intervals`, line(header), ...rows.map(line)].join('\n') + '\n'
}
