/**
 * Refresh the precomputed analysis of an organisation: recompute exactly the series whose inputs
 * changed since their result was stored (the database marks them, migration 0010), in batches, each
 * batch one transaction holding its series locked, with the same arithmetic a measure page uses
 * (`analyseSeries`). Runs in the background job `refresh-analysis` after every import, and inline
 * where there is no job queue (the CLI, tests).
 */
import { compactSpcJson } from '../../core/spc/compact.ts'
import type { SpcResult } from '../../core/spc/types.ts'
import { toMeasure, type MeasureRow } from '../../storage/measures.ts'
import type { SeriesKey } from '../../storage/observations.ts'
import { deleteAnalyses, lockStaleSeries, readExclusions, readRebases, readSeriesInputs, writeAnalyses, type AnalysisWrite } from '../../storage/series-analysis.ts'
import type { AppDeps } from '../deps.ts'
import { analyseSeries } from './get-series.ts'

export const REFRESH_ANALYSIS_JOB = 'refresh-analysis'

export interface RefreshOptions {
  /** Series per transaction (default 1,000). */
  readonly batchSize?: number
  /** Batches worked on at once (default 2: one analysed while the other is read or written). */
  readonly concurrency?: number
  /** Called after each batch with the series done so far. */
  readonly onProgress?: (done: number) => void
  /** Collect the keys recomputed (for tests and the bench's checks). */
  readonly collectKeys?: boolean
}

export interface RefreshReport {
  /** Series whose result was recomputed and stored. */
  readonly recomputed: number
  /** Series that had lost all their observations, whose stored result was removed. */
  readonly removed: number
  readonly keys?: readonly SeriesKey[]
}

export async function refreshAnalysis(deps: AppDeps, organisationId: number, options: RefreshOptions = {}): Promise<RefreshReport> {
  const batchSize = options.batchSize ?? 1_000
  let recomputed = 0
  let removed = 0
  const keys: SeriesKey[] = []
  const worker = async () => {
    for (;;) {
      const done = await deps.store.db.transaction().execute(async (trx) => {
        const stale = await lockStaleSeries(trx, organisationId, batchSize)
        if (stale.length === 0) return undefined
        const measureIds = [...new Set(stale.map((s) => s.measureId))]
        const [inputs, measures, rebases, exclusions] = await Promise.all([
          readSeriesInputs(trx, organisationId, stale),
          trx.selectFrom('measures').selectAll().where('organisation_id', '=', organisationId).where('id', 'in', measureIds).execute(),
          readRebases(trx, organisationId, measureIds),
          readExclusions(trx, organisationId, measureIds),
        ])
        const measureById = new Map(measures.map((m) => [m.id, toMeasure(m)]))
        const writes: AnalysisWrite[] = []
        for (const input of inputs) {
          const measure = measureById.get(input.measureId) as MeasureRow
          const siteRebases = rebases.filter((r) => r.measureId === input.measureId && (r.siteId === null || r.siteId === input.siteId))
          const siteExclusions = new Map(exclusions.filter((e) => e.measureId === input.measureId && e.siteId === input.siteId).map((e) => [e.period, e.note]))
          const spc = analyseSeries(measure, input.rows, siteRebases.map((r) => ({ ...r, createdBy: '' })), { exclusions: siteExclusions })
          writes.push(summarise(input, spc, input.rows.map((r) => r.value)))
        }
        const computed = new Set(inputs.map(keyText))
        const empty = stale.filter((s) => !computed.has(keyText(s)))
        await writeAnalyses(trx, organisationId, writes, deps.clock())
        await deleteAnalyses(trx, organisationId, empty)
        return { writes, empty }
      })
      if (done === undefined) break
      recomputed += done.writes.length
      removed += done.empty.length
      if (options.collectKeys) keys.push(...done.writes.map(({ measureId, siteId, dimension, group }) => ({ measureId, siteId, dimension, group })))
      options.onProgress?.(recomputed + removed)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, options.concurrency ?? 2) }, worker))
  return { recomputed, removed, ...(options.collectKeys ? { keys } : {}) }
}

/** After new data: refresh in the background when there is a queue, otherwise now. */
export async function refreshAnalysisAfterChange(deps: AppDeps, organisationId: number): Promise<void> {
  if (deps.jobs) await deps.jobs.send(REFRESH_ANALYSIS_JOB, { organisationId })
  else await refreshAnalysis(deps, organisationId)
}

function summarise(key: SeriesKey, spc: SpcResult, values: readonly number[]): AnalysisWrite {
  const last = spc.points.at(-1)
  const finite = values.filter((v) => Number.isFinite(v))
  const n = finite.length
  const mean = n === 0 ? null : finite.reduce((a, b) => a + b, 0) / n
  const sd = mean === null || n < 2 ? null : Math.sqrt(finite.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1))
  const lastSegment = last?.segment
  return {
    measureId: key.measureId,
    siteId: key.siteId,
    dimension: key.dimension,
    group: key.group,
    points: spc.points.length,
    latestPeriod: last?.period ?? null,
    latestValue: last?.value ?? null,
    variation: spc.variation,
    assurance: spc.assurance,
    signals: spc.points.filter((p) => p.segment === lastSegment && p.rule !== null).length,
    valueN: n,
    valueMean: mean !== null && Number.isFinite(mean) ? mean : null,
    valueSd: sd !== null && Number.isFinite(sd) ? sd : null,
    spc: compactSpcJson(spc),
  }
}

function keyText(k: SeriesKey): string {
  return `${k.measureId}\u0000${k.siteId}\u0000${k.dimension}\u0000${k.group}`
}
