/**
 * The board's summary view: every measure of a programme for the whole organisation with its icons,
 * and the summary matrix: the same for each deprivation quintile, each cell linking to its chart.
 */
import type { SpcResult } from '../../core/spc/types.ts'
import { listPointNotes } from '../../storage/point-notes.ts'
import { listRebases } from '../../storage/rebases.ts'
import { listSeries, readSeries, type SeriesRow } from '../../storage/observations.ts'
import { getProgrammeScope, getSite, listProgrammeMeasures, type MeasureRow, type ProgrammeScope, type SiteRow } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { analyseSeries, exclusionsOf } from './get-series.ts'

/** The community-group breakdown shown across the summary matrix. */
export const MATRIX_DIMENSION = 'imd_quintile'
export const MATRIX_GROUPS: readonly string[] = ['1', '2', '3', '4', '5']

export interface SeriesSummary {
  readonly rows: readonly SeriesRow[]
  readonly spc: SpcResult
}

export interface MeasureSummary extends SeriesSummary {
  readonly measure: MeasureRow
  /** Group → its series, for the groups of MATRIX_DIMENSION the measure has (absent groups are missing). */
  readonly groups: ReadonlyMap<string, SeriesSummary>
}

export interface ProgrammeOverview {
  readonly scope: ProgrammeScope
  readonly site: SiteRow
  readonly measures: readonly MeasureSummary[]
  /** True when at least one measure has the quintile breakdown (the matrix is shown). */
  readonly hasMatrix: boolean
}

export async function getProgrammeOverview(deps: AppDeps, organisationCode: string, programmeCode: string): Promise<ProgrammeOverview> {
  const scope = await getProgrammeScope(deps, organisationCode, programmeCode)
  const root = await getSite(deps, scope, undefined)
  const measures = await listProgrammeMeasures(deps, scope)
  const db = deps.store.db
  const org = scope.organisation.id
  const summaries = await Promise.all(
    measures.map(async (measure) => {
      const [rebases, notes, series] = await Promise.all([listRebases(db, org, measure.id, root.id), listPointNotes(db, org, measure.id, [root.id]), listSeries(db, org, measure.id)])
      const exclusions = exclusionsOf(notes, root.id)
      const summarise = async (dimension: string, group: string): Promise<SeriesSummary> => {
        const rows = await readSeries(db, org, { measureId: measure.id, siteId: root.id, dimension, group })
        return { rows, spc: analyseSeries(measure, rows, rebases, { exclusions }) }
      }
      const present = MATRIX_GROUPS.filter((g) => series.some((s) => s.siteId === root.id && s.dimension === MATRIX_DIMENSION && s.group === g))
      const [overall, ...byGroup] = await Promise.all([summarise('', ''), ...present.map((g) => summarise(MATRIX_DIMENSION, g))])
      const groups = new Map(present.map((g, i) => [g, byGroup[i] as SeriesSummary]))
      return { measure, ...(overall as SeriesSummary), groups }
    }),
  )
  return { scope, site: root, measures: summaries, hasMatrix: summaries.some((s) => s.groups.size > 0) }
}
