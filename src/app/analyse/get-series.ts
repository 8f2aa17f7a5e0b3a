/** One measure's series for a site and community group, with its SPC analysis. */
import { AppError } from '../../core/errors.ts'
import type { Profile, SpcResult } from '../../core/spc/types.ts'
import { xmrChart } from '../../core/spc/index.ts'
import { listRebases, type RebaseRow } from '../../storage/rebases.ts'
import { readSeries, type SeriesRow } from '../../storage/observations.ts'
import { getMeasure, getProgrammeScope, getSite, type MeasureRow, type ProgrammeScope, type SiteRow } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'

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
}

export interface Series {
  readonly scope: ProgrammeScope
  readonly measure: MeasureRow
  readonly site: SiteRow
  readonly dimension: string | null
  readonly group: string | null
  readonly rows: readonly SeriesRow[]
  readonly rebases: readonly RebaseRow[]
  readonly spc: SpcResult
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
  const [rows, rebases] = await Promise.all([readSeries(db, scope.organisation.id, key), listRebases(db, scope.organisation.id, measure.id)])
  const spc = analyseSeries(measure, rows, rebases, query)
  return { scope, measure, site, dimension, group, rows, rebases, spc }
}

/** The SPC result for stored rows: the measure's direction, target and period, and its rebases. */
export function analyseSeries(measure: MeasureRow, rows: readonly SeriesRow[], rebases: readonly RebaseRow[], options: Pick<SeriesQuery, 'profile' | 'baseline'> = {}): SpcResult {
  const points = rows.map((r) => ({ period: r.period, value: r.value }))
  return xmrChart(points, {
    profile: options.profile ?? 'mdc',
    direction: measure.direction,
    target: measure.target,
    interval: measure.period,
    rebases: rebases.map((r) => ({ date: r.date, reason: r.reason })),
    ...(options.baseline === undefined ? {} : { baseline: options.baseline }),
  })
}
