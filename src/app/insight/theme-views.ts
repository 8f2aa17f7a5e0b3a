/**
 * Seeing themes: a theme × column matrix (community group, site or source type, "Not stated"
 * included, small cells marked) with each cell's sentiment mix; a theme's frequency over time as
 * a P chart (share of the month's excerpts) and a C chart (count), so a surge is a signal like
 * any other; and the quotes behind any cell, a text read that is audited.
 */
import { NOT_STATED } from '../../core/insight/model.ts'
import { addPeriods } from '../../core/period.ts'
import { cChart, pChart, xmrChart, type AttributeResult, type SpcResult } from '../../core/spc/index.ts'
import { AppError } from '../../core/errors.ts'
import { listExcerpts, type ExcerptFilter, type ExcerptRow } from '../../storage/excerpts.ts'
import { countThemeByPeriod, countThemeCells, type CountBy, type PeriodCount } from '../../storage/theme-counts.ts'
import { listSites } from '../../storage/sites.ts'
import { listThemes, type ThemeRow } from '../../storage/themes.ts'
import type { Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { themeDepths } from './codebook.ts'
import { auditTextRead } from './read-audit.ts'

/** Cells with fewer excerpts than this are marked small: read them with care, never quote them outside. */
export const SMALL_CELL = 5

/** What the matrix's columns are. */
export type MatrixBy = 'imd_quintile' | 'ethnicity' | 'age_band' | 'sex' | 'site' | 'source'

export const MATRIX_BY: readonly { readonly by: MatrixBy; readonly label: string }[] = [
  { by: 'imd_quintile', label: 'Deprivation quintile' },
  { by: 'ethnicity', label: 'Ethnic group' },
  { by: 'age_band', label: 'Age band' },
  { by: 'sex', label: 'Sex' },
  { by: 'site', label: 'Site' },
  { by: 'source', label: 'Source' },
]

export interface MatrixCell {
  readonly excerpts: number
  /** Share of the column's excerpts, 0–1. */
  readonly share: number
  readonly negative: number
  readonly neutral: number
  readonly positive: number
  readonly small: boolean
}

export interface MatrixColumn {
  /** The value filtered on (group label, site code or source type). */
  readonly key: string
  readonly label: string
  readonly total: number
}

export interface ThemeMatrix {
  readonly by: MatrixBy
  readonly columns: readonly MatrixColumn[]
  readonly rows: readonly { readonly theme: ThemeRow; readonly depth: number; readonly cells: readonly MatrixCell[]; readonly all: MatrixCell }[]
  readonly total: number
}

export function isMatrixBy(value: string | undefined): value is MatrixBy {
  return MATRIX_BY.some((m) => m.by === value)
}

const EMPTY = { excerpts: 0, negative: 0, neutral: 0, positive: 0 }

export async function themeMatrix(deps: AppDeps, scope: ProgrammeScope, by: MatrixBy, window: { from?: string; to?: string } = {}): Promise<ThemeMatrix> {
  const [org, programmeId] = [scope.organisation.id, scope.programme.id]
  const countBy: CountBy = by === 'site' ? { kind: 'site' } : by === 'source' ? { kind: 'source' } : { kind: 'group', dimension: by }
  const [counts, themes, sites] = await Promise.all([countThemeCells(deps.store.db, org, { programmeId, ...window }, countBy), listThemes(deps.store.db, org, programmeId), listSites(deps.store.db, org)])
  const totals = counts.filter((c) => c.themeId === null)
  const siteById = new Map(sites.map((s) => [String(s.id), s]))
  const columns: MatrixColumn[] = totals
    .map((t) => (by === 'site' ? { key: siteById.get(t.column)?.code ?? t.column, label: siteById.get(t.column)?.name ?? t.column, total: t.excerpts } : { key: t.column, label: t.column, total: t.excerpts }))
    .sort(columnOrder)
  const columnOf = new Map(totals.map((t) => [t.column, by === 'site' ? (siteById.get(t.column)?.code ?? t.column) : t.column] as const))
  const byCell = new Map(counts.filter((c) => c.themeId !== null).map((c) => [`${c.themeId}|${columnOf.get(c.column)}`, c]))
  const columnTotal = new Map(columns.map((c) => [c.key, c.total]))
  const cell = (themeId: number, key: string): MatrixCell => {
    const found = byCell.get(`${themeId}|${key}`) ?? EMPTY
    const total = columnTotal.get(key) ?? 0
    return { ...pick(found), share: total > 0 ? found.excerpts / total : 0, small: found.excerpts > 0 && found.excerpts < SMALL_CELL }
  }
  const total = totals.reduce((sum, t) => sum + t.excerpts, 0)
  const depth = themeDepths(themes)
  const rows = themes.map((theme) => {
    const cells = columns.map((column) => cell(theme.id, column.key))
    const sum = cells.reduce((acc, c) => ({ excerpts: acc.excerpts + c.excerpts, negative: acc.negative + c.negative, neutral: acc.neutral + c.neutral, positive: acc.positive + c.positive }), EMPTY)
    return { theme, depth: depth.get(theme.id) ?? 0, cells, all: { ...sum, share: total > 0 ? sum.excerpts / total : 0, small: sum.excerpts > 0 && sum.excerpts < SMALL_CELL } }
  })
  return { by, columns, rows, total }
}

function pick(c: { excerpts: number; negative: number; neutral: number; positive: number }) {
  return { excerpts: c.excerpts, negative: c.negative, neutral: c.neutral, positive: c.positive }
}

/** Groups in their natural order (quintile 1 first), "Not stated" last. */
function columnOrder(a: MatrixColumn, b: MatrixColumn): number {
  if ((a.key === NOT_STATED) !== (b.key === NOT_STATED)) return a.key === NOT_STATED ? 1 : -1
  return a.label.localeCompare(b.label, 'en-GB', { numeric: true })
}

export interface ThemeTrend {
  readonly theme: ThemeRow
  readonly months: readonly PeriodCount[]
  /** Share of each month's coded excerpts coded with the theme (P chart, a fraction; excerpts nobody has coded yet count in neither); null with too few months. */
  readonly share: AttributeResult | null
  /** Excerpts coded with the theme each month (C chart); null with too few months. */
  readonly count: AttributeResult | null
  /** The mean sentiment of the theme's excerpts each month (XmR, more positive is better); null with too few months that have any. */
  readonly sentiment: SpcResult | null
}

/** Months an attribute chart needs before its limits mean anything. */
export const TREND_MIN_MONTHS = 12

export async function themeTrend(deps: AppDeps, scope: ProgrammeScope, themeId: number): Promise<ThemeTrend> {
  const [org, programmeId] = [scope.organisation.id, scope.programme.id]
  const theme = (await listThemes(deps.store.db, org, programmeId)).find((t) => t.id === themeId)
  if (!theme) throw new AppError('not_found', `No theme ${themeId} in ${scope.programme.name}'s codebook.`)
  const months = fillMonths(await countThemeByPeriod(deps.store.db, org, { programmeId }, themeId, 'month'))
  const withSentiment = months.filter((m) => m.sentiment !== null)
  const sentiment = withSentiment.length >= TREND_MIN_MONTHS ? xmrChart(withSentiment.map((m) => ({ period: m.period, value: m.sentiment as number })), { direction: 'increase', interval: 'month' }) : null
  if (months.filter((m) => m.total > 0).length < TREND_MIN_MONTHS) return { theme, months, share: null, count: null, sentiment }
  const share = pChart(months.filter((m) => m.total > 0).map((m) => ({ period: m.period, numerator: m.excerpts, denominator: m.total })), { direction: 'neutral', interval: 'month' })
  // Months whose excerpts nobody has coded yet would read as zero: they are left out of the count chart too.
  const count = cChart(months.filter((m) => m.total > 0).map((m) => ({ period: m.period, value: m.excerpts })), { direction: 'neutral', interval: 'month' })
  return { theme, months, share, count, sentiment }
}

/** Months with no insight at all are months with zero excerpts of the theme, between the first and the last. */
function fillMonths(rows: readonly PeriodCount[]): PeriodCount[] {
  if (rows.length === 0) return []
  const byMonth = new Map(rows.map((r) => [r.period, r]))
  const out: PeriodCount[] = []
  for (let month = rows[0]!.period; month <= rows.at(-1)!.period; month = addPeriods(month, 'month', 1)) out.push(byMonth.get(month) ?? { period: month, excerpts: 0, total: 0, uncoded: 0, sentiment: null })
  return out
}

export interface QuoteQuery {
  readonly themeId?: number | undefined
  readonly by?: MatrixBy | undefined
  /** The column's key (group label, site code, source type). */
  readonly column?: string | undefined
  readonly limit?: number
  readonly offset?: number
}

export interface Quotes {
  readonly excerpts: readonly ExcerptRow[]
  readonly theme: ThemeRow | undefined
  readonly sites: ReadonlyMap<number, string>
}

/** The excerpts behind a cell of the matrix (a person coded them with the theme), newest first; audited as a text read. */
export async function themeQuotes(deps: AppDeps, actor: Actor, scope: ProgrammeScope, query: QuoteQuery): Promise<Quotes> {
  const [org, programmeId] = [scope.organisation.id, scope.programme.id]
  const [themes, sites] = await Promise.all([listThemes(deps.store.db, org, programmeId), listSites(deps.store.db, org)])
  const theme = query.themeId === undefined ? undefined : themes.find((t) => t.id === query.themeId)
  if (query.themeId !== undefined && !theme) throw new AppError('not_found', `No theme ${query.themeId} in ${scope.programme.name}'s codebook.`)
  const filter: ExcerptFilter = { programmeId, limit: Math.min(query.limit ?? 50, 200), offset: query.offset ?? 0 }
  let scoped: ExcerptFilter = theme ? { ...filter, themeId: theme.id } : filter
  if (query.by && query.column !== undefined) {
    if (query.by === 'site') {
      const site = sites.find((s) => s.code === query.column)
      if (!site) throw new AppError('not_found', `No site with code "${query.column}".`)
      scoped = { ...scoped, siteIds: [site.id] }
    } else if (query.by === 'source') scoped = { ...scoped, source: query.column as ExcerptRow['source'] }
    else scoped = { ...scoped, dimension: query.by, group: query.column }
  }
  const excerpts = await listExcerpts(deps.store.db, org, scoped)
  await auditTextRead(deps, actor, scope, 'quotes', excerpts.map((x) => x.id), { theme: theme?.id ?? null, by: query.by ?? null, column: query.column ?? null })
  return { excerpts, theme, sites: new Map(sites.map((s) => [s.id, s.name])) }
}
