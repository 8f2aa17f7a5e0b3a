/** From stored actions to the verdict engine's input: each prediction's series, rebases and exclusions. */
import type { ActionReviewInput, PredictionInput } from '../../core/loop/index.ts'
import type { Database } from '../../storage/schema.ts'
import type { Kysely } from 'kysely'
import type { MeasureRow } from '../../storage/measures.ts'
import { readSeries } from '../../storage/observations.ts'
import { listPointNotes } from '../../storage/point-notes.ts'
import { listRebases } from '../../storage/rebases.ts'
import type { ActionToReview, PredictionToReview } from '../../storage/review-inputs.ts'
import { groupLabel } from '../triangulate/group-label.ts'

export async function reviewInput(db: Kysely<Database>, organisationId: number, action: ActionToReview, measures: ReadonlyMap<number, MeasureRow>, asOf: string): Promise<ActionReviewInput> {
  const predictions = await Promise.all(action.predictions.map((p) => predictionInput(db, organisationId, p, measures)))
  return { title: action.title, changeDate: action.startDate, asOf, predictions }
}

async function predictionInput(db: Kysely<Database>, organisationId: number, p: PredictionToReview, measures: ReadonlyMap<number, MeasureRow>): Promise<PredictionInput> {
  const measure = measures.get(p.measureId)
  if (measure === undefined) throw new Error(`prediction ${p.id} names measure ${p.measureId}, which is not in the action's programme`)
  const [rows, rebases, notes] = await Promise.all([
    readSeries(db, organisationId, { measureId: p.measureId, siteId: p.siteId, dimension: p.dimension, group: p.group }),
    listRebases(db, organisationId, p.measureId, p.siteId),
    listPointNotes(db, organisationId, p.measureId, [p.siteId]),
  ])
  const series = {
    id: String(p.id),
    measure: { code: measure.code, name: measure.name, kind: measure.kind, direction: measure.direction, period: measure.period, rateMultiplier: measure.rateMultiplier, unit: measure.unit, target: measure.target },
    site: p.wholeOrganisation ? null : p.siteName,
    group: p.dimension === '' ? null : groupLabel(p.dimension, p.group),
    points: rows,
    rebases: rebases.map((r) => ({ date: r.date, reason: r.reason })),
    exclusions: notes.filter((n) => n.kind === 'exclusion' && n.siteId === p.siteId).map((n) => ({ period: n.period, reason: n.note })),
  }
  return p.role === 'primary'
    ? { ...series, role: 'primary', direction: p.direction, ...(p.expectedSize === null ? {} : { expectedSize: p.expectedSize }), ...(p.byDate === null ? {} : { by: p.byDate }) }
    : { ...series, role: 'balancing', harmfulDirection: p.direction }
}
