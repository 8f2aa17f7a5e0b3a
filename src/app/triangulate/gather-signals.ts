/**
 * The quantitative signals of a programme, from everything already stored: each measure's series
 * for the whole organisation and each site, for all people and each deprivation quintile (XmR
 * charts with the measure's direction, target and rebases, as the measure pages draw them by
 * default), its sites on a funnel plot over the latest 13 periods, the gap between the most and
 * least deprived fifths, and each linked theme's monthly count and mean sentiment.
 */
import { AppError } from '../../core/errors.ts'
import { xmrChart } from '../../core/spc/index.ts'
import { signalsFromChart, signalsFromFunnel, signalsFromGap, signalsFromGroupDifferences, signalsFromSentimentTrend, signalsFromThemeTrend, type Signal } from '../../core/triangulate/index.ts'
import { groupDifferences } from '../../core/compare/index.ts'
import { readMeasureSeries, type MeasureSeriesRow } from '../../storage/observations.ts'
import { listRebases } from '../../storage/rebases.ts'
import type { SiteRow } from '../../storage/sites.ts'
import type { ThemeRow } from '../../storage/themes.ts'
import { compareGroups } from '../analyse/compare-groups.ts'
import { compareSites } from '../analyse/compare-sites.ts'
import type { MeasureRow, ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { themeTrend } from '../insight/theme-views.ts'
import { groupLabel } from './group-label.ts'

/** The community-group dimension signals are looked for in (beside all people). */
export const SIGNAL_DIMENSION = 'imd_quintile'

/** Dimensions whose groups are compared with their reference over the latest 13 periods (deprivation also at each practice). */
export const DIFFERENCE_DIMENSIONS = ['imd_quintile', 'ethnicity'] as const

function notFoundAsNull(error: unknown): null {
  if (error instanceof AppError && error.code === 'not_found') return null
  throw error
}

export async function gatherSignals(deps: AppDeps, scope: ProgrammeScope, measures: readonly MeasureRow[], sites: readonly SiteRow[], linkedThemes: readonly ThemeRow[]): Promise<Signal[]> {
  const org = scope.organisation.id
  const siteById = new Map(sites.map((s) => [s.id, s]))
  const signals: Signal[] = []
  for (const measure of measures) {
    const [rows, rebases] = await Promise.all([readMeasureSeries(deps.store.db, org, measure.id, ['', ...DIFFERENCE_DIMENSIONS]), listRebases(deps.store.db, org, measure.id)])
    if (rows.length === 0) continue
    const series = new Map<string, typeof rows>()
    for (const row of rows) {
      const key = `${row.siteId}|${row.dimension}|${row.group}`
      const list = series.get(key)
      if (list) list.push(row)
      else series.set(key, [row])
    }
    for (const [key, points] of series) {
      const [siteId, dimension, group] = key.split('|') as [string, string, string]
      const site = siteById.get(Number(siteId))
      if (!site || site.kind === 'network' || (dimension !== '' && dimension !== SIGNAL_DIMENSION)) continue
      const chart = xmrChart(
        points.map((p) => ({ period: p.period, value: p.value })),
        { direction: measure.direction, target: measure.target, rebases: rebases.map((r) => ({ date: r.date, reason: r.reason })), interval: measure.period },
      )
      const found = signalsFromChart({
          measure: { code: measure.code, name: measure.name, direction: measure.direction },
          site: { code: site.kind === 'system' ? null : site.code, name: site.name },
          dimension: dimension === '' ? null : dimension,
          group: dimension === '' ? null : group,
          ...(dimension === '' ? {} : { groupLabel: groupLabel(dimension, group) }),
          chart,
        })
      // A site's community-group series is noisy: only its concerns are signals (who is served worse there).
      signals.push(...(site.kind !== 'system' && dimension !== '' ? found.filter((f) => f.leaning === 'concern') : found))
    }
    const query = { organisation: scope.organisation.code, programme: scope.programme.code, measure: measure.code }
    const funnel = await compareSites(deps, query).catch(notFoundAsNull)
    const measureRef = { code: measure.code, name: measure.name, direction: measure.direction }
    if (funnel?.funnel) signals.push(...signalsFromFunnel({ measure: measureRef, units: funnel.funnel.units, siteNames: Object.fromEntries([...funnel.sites].map(([code, s]) => [code, s.site.name])), from: funnel.window.from, to: funnel.window.to }))
    if (measure.kind === 'proportion' || measure.kind === 'rate') signals.push(...groupDifferenceSignals(measure, rows, siteById, scope))
    const groups = await compareGroups(deps, { ...query, dimension: SIGNAL_DIMENSION }).catch(notFoundAsNull)
    if (groups?.gap && groups.differences) {
      signals.push(
        ...signalsFromGap({
          measure: measureRef,
          site: { code: null, name: scope.organisation.name },
          dimension: SIGNAL_DIMENSION,
          group: groups.gap.comparison,
          reference: groups.differences.reference,
          chart: groups.gap.spc,
        }),
      )
    }
  }
  for (const theme of linkedThemes) {
    const trend = await themeTrend(deps, scope, theme.id)
    if (trend.count) signals.push(...signalsFromThemeTrend({ theme: { id: theme.id, name: theme.name }, chart: trend.count }))
    if (trend.sentiment) signals.push(...signalsFromSentimentTrend({ theme: { id: theme.id, name: theme.name }, chart: trend.sentiment }))
  }
  return signals
}

/**
 * Community groups compared with their reference over the measure's latest 13 periods, from the
 * rows already read (numerators and denominators added up), as the groups page does: for the
 * whole organisation by each of DIFFERENCE_DIMENSIONS, and at each practice by deprivation, where
 * only concerns are kept.
 */
function groupDifferenceSignals(measure: MeasureRow, rows: readonly MeasureSeriesRow[], siteById: ReadonlyMap<number, SiteRow>, scope: ProgrammeScope): Signal[] {
  const periods = [...new Set(rows.map((r) => r.period))].sort()
  const window = periods.slice(-13)
  if (window.length === 0) return []
  const [from, to] = [window[0]!, window.at(-1)!]
  const totals = new Map<string, Map<string, { numerator: number; denominator: number }>>()
  for (const r of rows) {
    if (r.dimension === '' || r.period < from || r.numerator === null || r.denominator === null || r.denominator <= 0) continue
    const site = siteById.get(r.siteId)
    if (!site || (site.kind !== 'system' && (site.kind !== 'practice' || r.dimension !== SIGNAL_DIMENSION))) continue
    const key = `${r.siteId}|${r.dimension}`
    const groups = totals.get(key) ?? new Map<string, { numerator: number; denominator: number }>()
    const sum = groups.get(r.group) ?? { numerator: 0, denominator: 0 }
    groups.set(r.group, { numerator: sum.numerator + r.numerator, denominator: sum.denominator + r.denominator })
    totals.set(key, groups)
  }
  const signals: Signal[] = []
  const measureRef = { code: measure.code, name: measure.name, direction: measure.direction }
  for (const [key, groups] of totals) {
    const [siteId, dimension] = key.split('|') as [string, string]
    const site = siteById.get(Number(siteId))!
    // Deprivation quintile 5 (least deprived) is the reference, else the largest group: as on the groups page.
    const ordered = [...groups].map(([group, c]) => ({ group, ...c })).sort((a, b) => (dimension === SIGNAL_DIMENSION ? b.group.localeCompare(a.group) : b.denominator - a.denominator || a.group.localeCompare(b.group)))
    if (ordered.length < 2) continue
    const differences = groupDifferences(ordered, { measure: measure.kind === 'rate' ? 'rate' : 'proportion' })
    const found = signalsFromGroupDifferences({ measure: measureRef, site: { code: site.kind === 'system' ? null : site.code, name: site.kind === 'system' ? scope.organisation.name : site.name }, dimension, differences, from, to, groupLabel, scale: measure.kind === 'proportion' ? 100 : 1 })
    signals.push(...(site.kind === 'system' ? found : found.filter((f) => f.leaning === 'concern')))
  }
  return signals
}
