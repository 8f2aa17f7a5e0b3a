/** `lhs funnel FILE`: compare units (sites, practices, wards) on a funnel plot of a CSV of unit,numerator,denominator. */
import { readFile } from 'node:fs/promises'
import { basename, resolve } from 'node:path'
import { parseArgs } from 'node:util'
import { funnelPlot, FUNNEL_TYPES, LEVEL_95, LEVEL_998, RATIO_METHODS, type FunnelResult, type FunnelType } from '../../core/compare/index.ts'
import { funnelScale } from '../../core/compare/funnel-limits.ts'
import { funnelPosition } from '../../core/compare/funnel-position.ts'
import { hasErrors } from '../../core/issues.ts'
import { DIRECTIONS } from '../../core/model.ts'
import { parseFunnelInputCsv } from '../../ingest/parse-funnel-input-csv.ts'
import { EXIT_OK, EXIT_USAGE, readFailure, UsageError, type CliIo } from '../io.ts'

const LIMITS = ['95', '99.8'] as const

/** One unit of `lhs funnel --json`. */
export interface FunnelCliUnit {
  readonly unit: string
  readonly numerator: number
  readonly denominator: number
  readonly value: number
  readonly z: number
  readonly lower95: number
  readonly upper95: number
  readonly lower998: number
  readonly upper998: number
  /** Against the limits chosen by --limit. */
  readonly position: 'above' | 'within' | 'below'
}

/** The output of `lhs funnel --json` (src/contract/funnel.ts). */
export interface FunnelCliResult {
  readonly type: FunnelType
  readonly target: number
  readonly phi: number
  readonly tau2: number
  readonly adjusted: boolean
  readonly statement: string
  readonly units: readonly FunnelCliUnit[]
}

const NOT_ADJUSTED = ' Adjustment turned off (--no-overdispersion): the limits shown are the unadjusted ones.'

export async function funnelCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: {
      json: { type: 'boolean', default: false },
      type: { type: 'string' },
      method: { type: 'string', default: 'shmi' },
      limit: { type: 'string', default: '99.8' },
      'no-overdispersion': { type: 'boolean', default: false },
      direction: { type: 'string', default: 'increase' },
    },
    strict: true,
    allowPositionals: true,
  })
  const [file, ...extra] = positionals
  if (file === undefined) throw new UsageError('funnel: give the CSV file to analyse (header unit,numerator,denominator or unit,observed,expected).')
  if (extra.length > 0) throw new UsageError(`funnel: unexpected argument "${extra[0]}".`)
  const type = values.type === undefined ? undefined : oneOf(values.type, FUNNEL_TYPES, '--type')
  const method = oneOf(values.method, RATIO_METHODS, '--method')
  const limit = oneOf(values.limit, LIMITS, '--limit')
  const direction = oneOf(values.direction, DIRECTIONS, '--direction')

  const text = await readFile(resolve(io.cwd, file), 'utf8').catch((error: unknown) => {
    throw new UsageError(`funnel: cannot read ${file} (${readFailure(error)}).`)
  })
  const parsed = parseFunnelInputCsv(text, basename(file), { type, method })
  if (hasErrors(parsed.issues)) {
    for (const issue of parsed.issues) io.stderr(`${issue.message}\n`)
    return EXIT_USAGE
  }
  const core = funnelPlot(parsed.value.units, { type: parsed.value.type, method, direction })
  const result = values['no-overdispersion'] ? unadjusted(core, limit) : adjustedResult(core, limit)
  io.stdout(values.json ? JSON.stringify(result, null, 2) + '\n' : formatText(result, core, limit))
  return EXIT_OK
}

/** The core's result in the CLI shape, each position against the chosen limits. */
function adjustedResult(core: FunnelResult, limit: (typeof LIMITS)[number]): FunnelCliResult {
  return {
    type: core.type,
    target: core.target,
    phi: core.phi,
    tau2: core.tau2,
    adjusted: core.adjusted,
    statement: core.statement,
    units: core.units.map((u) => ({
      unit: u.unit,
      numerator: u.numerator,
      denominator: u.denominator,
      value: u.value,
      z: u.z,
      lower95: u.lower95,
      upper95: u.upper95,
      lower998: u.lower998,
      upper998: u.upper998,
      position: limit === '95' ? u.position95 : u.position,
    })),
  }
}

/** φ as estimated, but limits and z without τ² (the core's unadjusted limits: exact Poisson for ratios and rates). */
function unadjusted(core: FunnelResult, limit: (typeof LIMITS)[number]): FunnelCliResult {
  const scale = funnelScale(core.type, core.method ?? 'shmi', core.target)
  return {
    type: core.type,
    target: core.target,
    phi: core.phi,
    tau2: 0,
    adjusted: false,
    statement: core.statement + NOT_ADJUSTED,
    units: core.units.map((u) => {
      const [lower95, upper95] = scale.limits(u.denominator, LEVEL_95, 0, false)
      const [lower998, upper998] = scale.limits(u.denominator, LEVEL_998, 0, false)
      const position = limit === '95' ? funnelPosition(u.value, lower95, upper95) : funnelPosition(u.value, lower998, upper998)
      const z = scale.z(u.numerator, u.denominator)
      return { unit: u.unit, numerator: u.numerator, denominator: u.denominator, value: u.value, z, lower95, upper95, lower998, upper998, position }
    }),
  }
}

function oneOf<T extends string>(value: string, allowed: readonly T[], flag: string): T {
  if ((allowed as readonly string[]).includes(value)) return value as T
  throw new UsageError(`funnel: ${flag} "${value}" is not known (expected one of ${allowed.join(', ')}).`)
}

function formatText(result: FunnelCliResult, core: FunnelResult, limit: string): string {
  const rows = result.units.map((u) => [
    u.unit,
    String(u.numerator),
    String(u.denominator),
    u.value.toFixed(4),
    u.z.toFixed(2),
    `${u.lower95.toFixed(4)} to ${u.upper95.toFixed(4)}`,
    `${u.lower998.toFixed(4)} to ${u.upper998.toFixed(4)}`,
    u.position,
  ])
  const header = ['unit', 'numerator', 'denominator', 'value', 'z', '95% limits', '99.8% limits', `position (${limit}%)`]
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: readonly string[]): string => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ').trimEnd()
  return [
    `Funnel plot, type ${result.type}${core.method === null ? '' : `, method ${core.method}`}, direction ${core.direction}: target ${result.target.toFixed(4)}, φ ${result.phi.toFixed(4)}, τ² ${result.tau2.toFixed(6)}, ${result.adjusted ? 'adjusted' : 'not adjusted'}`,
    line(header),
    ...rows.map(line),
    result.statement,
  ].join('\n') + '\n'
}
