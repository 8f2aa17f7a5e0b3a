/** Which sites and community groups a measure has data for, to offer as choices. */
import { listMeasureSeries } from '../../storage/series-analysis.ts'
import { listSites } from '../../storage/sites.ts'
import type { MeasureRow, ProgrammeScope, SiteRow } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'

export interface SeriesOptions {
  /** Sites with data, the whole organisation first. */
  readonly sites: readonly SiteRow[]
  /** Dimension → groups with data (at any site), in a stable order. */
  readonly groups: ReadonlyMap<string, readonly string[]>
}

export async function getSeriesOptions(deps: AppDeps, scope: ProgrammeScope, measure: MeasureRow): Promise<SeriesOptions> {
  const [series, sites] = await Promise.all([listMeasureSeries(deps.store.db, scope.organisation.id, measure.id), listSites(deps.store.db, scope.organisation.id)])
  const siteIds = new Set(series.map((s) => s.siteId))
  const groups = new Map<string, string[]>()
  for (const s of series) {
    if (s.dimension === '') continue
    const list = groups.get(s.dimension) ?? []
    if (!list.includes(s.group)) list.push(s.group)
    groups.set(s.dimension, list)
  }
  const ordered = sites.filter((s) => siteIds.has(s.id)).sort((a, b) => Number(b.kind === 'system') - Number(a.kind === 'system'))
  return { sites: ordered, groups }
}
