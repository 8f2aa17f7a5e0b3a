/**
 * The board's summary view: every measure of a programme for the whole organisation with its icons,
 * and the summary matrix: the same for each deprivation quintile, each cell linking to its chart.
 *
 * It reads the precomputed analysis (refresh-analysis.ts), never analysing a whole programme on
 * request. A series whose stored result predates new data is either worked out now, when only a
 * few are (up to LIVE_LIMIT, so small programmes always show the latest), or shown from its stored
 * result marked stale, while the refresh job (queued here) catches up.
 */
import type { Assurance, PointType, SpcResult } from '../../core/spc/types.ts'
import { compactSpcJson, parseCompactSpc } from '../../core/spc/compact.ts'
import { listPointNotes } from '../../storage/point-notes.ts'
import { listRebases } from '../../storage/rebases.ts'
import { readSeries } from '../../storage/observations.ts'
import { readStoredAnalyses, type StoredAnalysis } from '../../storage/series-analysis.ts'
import { getProgrammeScope, getSite, listProgrammeMeasures, type MeasureRow, type ProgrammeScope, type SiteRow } from '../catalogue.ts'
import type { AppDeps, JobSender } from '../deps.ts'
import { analyseSeries, exclusionsOf } from './get-series.ts'
import { REFRESH_ANALYSIS_JOB } from './refresh-analysis.ts'

/** The community-group breakdown shown across the summary matrix. */
export const MATRIX_DIMENSION = 'imd_quintile'
export const MATRIX_GROUPS: readonly string[] = ['1', '2', '3', '4', '5']

/** Stale series worked out on request at most; more are shown marked stale until the job catches up. */
export const LIVE_LIMIT = 48

/** What a matrix cell shows of a series. */
export interface SeriesSummary {
  readonly latest: { readonly period: string; readonly value: number } | null
  readonly variation: PointType | null
  readonly assurance: Assurance | null
  /** True when new data arrived after this result was computed: shown marked, never as fresh. */
  readonly stale: boolean
  /** When the result shown was computed (now, for a series worked out on request). */
  readonly computedAt: Date | null
}

export interface MeasureSummary extends SeriesSummary {
  readonly measure: MeasureRow
  /** The all-people series' XmR result (the trend line); null when it has never been computed. */
  readonly spc: SpcResult | null
  /** Text that identifies `spc` exactly (its stored JSON), so its drawing can be remembered by content. */
  readonly spcKey: string | null
  /** Group → its series, for the groups of MATRIX_DIMENSION the measure has (absent groups are missing). */
  readonly groups: ReadonlyMap<string, SeriesSummary>
}

export interface ProgrammeOverview {
  readonly scope: ProgrammeScope
  readonly site: SiteRow
  readonly measures: readonly MeasureSummary[]
  /** True when at least one measure has the quintile breakdown (the matrix is shown). */
  readonly hasMatrix: boolean
  /** Series shown from a stored result that new data has overtaken (0 when everything is current). */
  readonly staleSeries: number
}

export async function getProgrammeOverview(deps: AppDeps, organisationCode: string, programmeCode: string, options: { readonly liveLimit?: number } = {}): Promise<ProgrammeOverview> {
  const scope = await getProgrammeScope(deps, organisationCode, programmeCode)
  const [root, measures] = await Promise.all([getSite(deps, scope, undefined), listProgrammeMeasures(deps, scope)])
  const org = scope.organisation.id
  const stored = await readStoredAnalyses(deps.store.db, org, measures.map((m) => m.id), root.id, MATRIX_DIMENSION)
  const stale = stored.filter((s) => s.stale)
  const live = stale.length <= (options.liveLimit ?? LIVE_LIMIT) ? await analyseNow(deps, org, root.id, measures, stale) : new Map<string, SpcResult>()
  if (stale.length > 0 && deps.jobs) await queueRefresh(deps.jobs, org, deps.clock())
  const now = deps.clock()
  const shown = (s: StoredAnalysis): { spc: SpcResult | null; spcKey: string | null; summary: SeriesSummary } => {
    const fresh = live.get(keyOf(s.measureId, s.dimension, s.group))
    if (fresh) return { spc: fresh, spcKey: compactSpcJson(fresh), summary: { ...summaryOf(fresh), stale: false, computedAt: now } }
    const spc = s.spc === null ? null : parseCompactSpc(s.spc)
    const latest = s.latestPeriod === null || s.latestValue === null ? null : { period: s.latestPeriod, value: s.latestValue }
    return { spc, spcKey: s.spc, summary: { latest, variation: s.variation as PointType | null, assurance: s.assurance as Assurance | null, stale: s.stale, computedAt: s.computedAt } }
  }
  const summaries = measures.map((measure): MeasureSummary => {
    const mine = stored.filter((s) => s.measureId === measure.id)
    const overall = mine.find((s) => s.dimension === '' && s.group === '')
    const groups = new Map(
      MATRIX_GROUPS.flatMap((g) => {
        const s = mine.find((x) => x.dimension === MATRIX_DIMENSION && x.group === g)
        return s ? [[g, shown(s).summary] as const] : []
      }),
    )
    if (!overall) return { measure, spc: null, spcKey: null, latest: null, variation: null, assurance: null, stale: false, computedAt: null, groups }
    const { spc, spcKey, summary } = shown(overall)
    return { measure, spc, spcKey, ...summary, groups }
  })
  const staleSeries = summaries.reduce((n, m) => n + (m.stale ? 1 : 0) + [...m.groups.values()].filter((g) => g.stale).length, 0)
  return { scope, site: root, measures: summaries, hasMatrix: summaries.some((s) => s.groups.size > 0), staleSeries }
}

/** When each job sender last queued a refresh for each organisation (ms), so busy pages queue one, not one a request. */
const lastQueued = new WeakMap<JobSender, Map<number, number>>()
const REQUEUE_MS = 10_000

async function queueRefresh(jobs: JobSender, organisationId: number, now: Date): Promise<void> {
  const sent = lastQueued.get(jobs) ?? new Map<number, number>()
  lastQueued.set(jobs, sent)
  const last = sent.get(organisationId)
  if (last !== undefined && Math.abs(now.getTime() - last) < REQUEUE_MS) return
  sent.set(organisationId, now.getTime())
  await jobs.send(REFRESH_ANALYSIS_JOB, { organisationId })
}

/** Latest point, variation and assurance of an XmR result. */
export function summaryOf(spc: SpcResult): Pick<SeriesSummary, 'latest' | 'variation' | 'assurance'> {
  const last = spc.points.at(-1)
  return { latest: last ? { period: last.period, value: last.value } : null, variation: spc.variation, assurance: spc.assurance }
}

/** The few stale series of a page, analysed from their current data exactly as the refresh job would. */
async function analyseNow(deps: AppDeps, org: number, siteId: number, measures: readonly MeasureRow[], stale: readonly StoredAnalysis[]): Promise<Map<string, SpcResult>> {
  const db = deps.store.db
  const results = new Map<string, SpcResult>()
  const byMeasure = new Map(measures.map((m) => [m.id, m]))
  await Promise.all(
    [...new Set(stale.map((s) => s.measureId))].map(async (measureId) => {
      const measure = byMeasure.get(measureId) as MeasureRow
      const [rebases, notes] = await Promise.all([listRebases(db, org, measureId, siteId), listPointNotes(db, org, measureId, [siteId])])
      const exclusions = exclusionsOf(notes, siteId)
      for (const s of stale.filter((x) => x.measureId === measureId)) {
        const rows = await readSeries(db, org, { measureId, siteId, dimension: s.dimension, group: s.group })
        if (rows.length > 0) results.set(keyOf(measureId, s.dimension, s.group), analyseSeries(measure, rows, rebases, { exclusions }))
      }
    }),
  )
  return results
}

function keyOf(measureId: number, dimension: string, group: string): string {
  return `${measureId}\u0000${dimension}\u0000${group}`
}
