/** The board's summary view: every measure of a programme for the whole organisation, with its icons. */
import type { SpcResult } from '../../core/spc/types.ts'
import { listRebases } from '../../storage/rebases.ts'
import { readSeries, type SeriesRow } from '../../storage/observations.ts'
import { getProgrammeScope, getSite, listProgrammeMeasures, type MeasureRow, type ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { analyseSeries } from './get-series.ts'

export interface MeasureSummary {
  readonly measure: MeasureRow
  readonly rows: readonly SeriesRow[]
  readonly spc: SpcResult
}

export interface ProgrammeOverview {
  readonly scope: ProgrammeScope
  readonly measures: readonly MeasureSummary[]
}

export async function getProgrammeOverview(deps: AppDeps, organisationCode: string, programmeCode: string): Promise<ProgrammeOverview> {
  const scope = await getProgrammeScope(deps, organisationCode, programmeCode)
  const root = await getSite(deps, scope, undefined)
  const measures = await listProgrammeMeasures(deps, scope)
  const db = deps.store.db
  const summaries = await Promise.all(
    measures.map(async (measure) => {
      const key = { measureId: measure.id, siteId: root.id, dimension: '', group: '' }
      const [rows, rebases] = await Promise.all([readSeries(db, scope.organisation.id, key), listRebases(db, scope.organisation.id, measure.id)])
      return { measure, rows, spc: analyseSeries(measure, rows, rebases) }
    }),
  )
  return { scope, measures: summaries }
}
