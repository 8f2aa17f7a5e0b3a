/** One measure's series for a site and community group, with its SPC analysis. */
import { AppError } from '../../core/errors.ts'
import type { ChartType } from '../../core/model.ts'
import type { Profile, SpcResult } from '../../core/spc/types.ts'
import { xmrChart } from '../../core/spc/index.ts'
import { listPointNotes, type PointNoteRow } from '../../storage/point-notes.ts'
import { listRebases, type RebaseRow } from '../../storage/rebases.ts'
import { readSeries, type SeriesRow } from '../../storage/observations.ts'
import { getMeasure, getProgrammeScope, getSite, type MeasureRow, type ProgrammeScope, type SiteRow } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { analyseAs, chartsFor, type ChartAnalysis } from './analyse-as.ts'

export interface SeriesQuery {
  readonly organisation: string
  readonly programme: string
  readonly measure: string
  /** Site code; the whole organisation when absent. */
  readonly site?: string | undefined
  /** Both absent for all people, or both present (e.g. `imd_quintile` and `1`). */
  readonly dimension?: string | undefined
  readonly group?: string | undefined
  readonly profile?: Profile | undefined
  readonly baseline?: number | undefined
  /** Chart to draw; the measure's default chart when absent. */
  readonly chart?: ChartType | undefined
}

export interface Series {
  /** What was asked for (profile, baseline, chart …). */
  readonly query: SeriesQuery
  readonly scope: ProgrammeScope
  readonly measure: MeasureRow
  readonly site: SiteRow
  readonly dimension: string | null
  readonly group: string | null
  readonly rows: readonly SeriesRow[]
  readonly rebases: readonly RebaseRow[]
  /** Exclusions and annotations of this site's series, and the organisation-wide annotations. */
  readonly notes: readonly PointNoteRow[]
  /** The XmR analysis (the API's `series`), with the exclusions applied. */
  readonly spc: SpcResult
  /** The chart asked for (or the measure's default), with the charts this series can have. */
  readonly chart: ChartAnalysis & { readonly type: ChartType; readonly choices: readonly ChartType[] }
}

export async function getSeries(deps: AppDeps, query: SeriesQuery): Promise<Series> {
  const dimension = query.dimension || null
  const group = query.group || null
  if ((dimension === null) !== (group === null)) {
    throw new AppError('invalid_request', 'Give both dimension and group (for example dimension=imd_quintile and group=1), or neither for all people.')
  }
  const scope = await getProgrammeScope(deps, query.organisation, query.programme)
  const measure = await getMeasure(deps, scope, query.measure)
  const site = await getSite(deps, scope, query.site)
  const db = deps.store.db
  const key = { measureId: measure.id, siteId: site.id, dimension: dimension ?? '', group: group ?? '' }
  const root = await getSite(deps, scope, undefined)
  const siteIds = root.id === site.id ? [site.id] : [site.id, root.id]
  const [rows, rebases, allNotes] = await Promise.all([
    readSeries(db, scope.organisation.id, key),
    listRebases(db, scope.organisation.id, measure.id, site.id),
    listPointNotes(db, scope.organisation.id, measure.id, siteIds),
  ])
  const notes = allNotes.filter((n) => n.siteId === site.id || n.kind === 'annotation')
  const exclusions = exclusionsOf(notes, site.id)
  const spc = analyseSeries(measure, rows, rebases, { ...query, exclusions })
  const choices = chartsFor(measure, rows)
  const type = query.chart ?? (choices.includes(measure.defaultChart) ? measure.defaultChart : 'xmr')
  const analysis = type === 'xmr' ? { kind: 'control' as const, result: spc } : analyseAs(type, measure, rows, rebases, { ...query, exclusions })
  return { query, scope, measure, site, dimension, group, rows, rebases, notes, spc, chart: { ...analysis, type, choices } }
}

/** Period → reason for the exclusions of the series at `siteId`. */
export function exclusionsOf(notes: readonly PointNoteRow[], siteId: number): ReadonlyMap<string, string> {
  return new Map(notes.filter((n) => n.kind === 'exclusion' && n.siteId === siteId).map((n) => [n.period, n.note]))
}

/** The SPC result for stored rows: the measure's direction, target and period, and its rebases. */
export function analyseSeries(
  measure: MeasureRow,
  rows: readonly Pick<SeriesRow, 'period' | 'value'>[],
  rebases: readonly RebaseRow[],
  options: Pick<SeriesQuery, 'profile' | 'baseline'> & { readonly exclusions?: ReadonlyMap<string, string> } = {},
): SpcResult {
  const points = rows.map((r) => {
    const reason = options.exclusions?.get(r.period)
    return reason === undefined ? { period: r.period, value: r.value } : { period: r.period, value: r.value, excluded: reason }
  })
  return xmrChart(points, {
    profile: options.profile ?? 'mdc',
    direction: measure.direction,
    target: measure.target,
    interval: measure.period,
    rebases: rebases.map((r) => ({ date: r.date, reason: r.reason })),
    ...(options.baseline === undefined ? {} : { baseline: options.baseline }),
  })
}
