/**
 * The loop's marks on a measure's charts: each action that predicts something about the measure (at
 * its change date) and each of its PDSA cycles (on the day it started).
 */
import { listActions, listPredictions } from '../../storage/actions.ts'
import { listCycles } from '../../storage/pdsa-cycles.ts'
import { getMeasure, getSite, type ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'

export interface LoopAnnotation {
  readonly kind: 'action' | 'pdsa_cycle'
  /** ISO date: the action's change date, or the day the cycle started. */
  readonly date: string
  readonly actionId: number
  readonly actionTitle: string
  readonly cycleNumber: number | null
  /** A short note for the chart: "Change: Home monitor loans", "PDSA cycle 2: Home monitor loans". */
  readonly text: string
}

/**
 * The actions with a prediction on `measureCode`, and their cycles, in date order. With a site (other
 * than the whole organisation), only actions that touch it: a prediction at that site, or a change
 * made there or across the whole organisation (an action with no sites).
 */
export async function annotationsForMeasure(deps: AppDeps, scope: ProgrammeScope, measureCode: string, siteCode?: string): Promise<LoopAnnotation[]> {
  const measure = await getMeasure(deps, scope, measureCode)
  const site = siteCode === undefined || siteCode === '' ? undefined : await getSite(deps, scope, siteCode)
  const predictions = await listPredictions(deps.store.db, scope.organisation.id, { measureId: measure.id })
  const actions = (await listActions(deps.store.db, scope.organisation.id, scope.programme.id)).filter((a) => {
    const own = predictions.filter((p) => p.actionId === a.id)
    if (own.length === 0) return false
    if (site === undefined || site.kind === 'system') return true
    return own.some((p) => p.siteId === site.id) || a.siteIds.length === 0 || a.siteIds.includes(site.id)
  })
  const cycles = await listCycles(deps.store.db, scope.organisation.id, actions.map((a) => a.id))
  const notes: LoopAnnotation[] = [
    ...actions.map((a) => ({ kind: 'action' as const, date: a.startDate, actionId: a.id, actionTitle: a.title, cycleNumber: null, text: `Change: ${a.title}` })),
    ...cycles.map((c) => {
      const title = actions.find((a) => a.id === c.actionId)?.title ?? ''
      return { kind: 'pdsa_cycle' as const, date: c.startedOn, actionId: c.actionId, actionTitle: title, cycleNumber: c.number, text: `PDSA cycle ${c.number}: ${title}` }
    }),
  ]
  return notes.sort((a, b) => a.date.localeCompare(b.date) || a.actionId - b.actionId || (a.cycleNumber ?? 0) - (b.cycleNumber ?? 0))
}
