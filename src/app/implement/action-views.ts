/** Actions, predictions and cycles as people and the review engine read them: names and codes, not bare ids. */
import { listDecisionTitles, listOrganisationPeople, type ActionRow, type ActionStatus, type DecisionSummary, type PersonRow, type PredictionRow } from '../../storage/actions.ts'
import { listDrivers, type DriverRow } from '../../storage/drivers.ts'
import type { CycleRow } from '../../storage/pdsa-cycles.ts'
import { listSites as listSiteRows } from '../../storage/sites.ts'
import { listProgrammeMeasures, type MeasureRow, type ProgrammeScope, type SiteRow } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { measureRef, siteRef, type MeasureRef, type SiteRef } from './measure-ref.ts'

export type { ActionStatus, DecisionSummary, PersonRow }

export const ACTION_STATUSES: readonly ActionStatus[] = ['planned', 'in_progress', 'adopted', 'adapted', 'abandoned']

export const STATUS_LABELS: Readonly<Record<ActionStatus, string>> = { planned: 'Planned', in_progress: 'In progress', adopted: 'Adopted', adapted: 'Adapted', abandoned: 'Abandoned' }

export interface ActionView {
  readonly id: number
  readonly title: string
  readonly description: string
  readonly status: ActionStatus
  readonly decision: DecisionSummary | null
  /** The change idea of the driver diagram it tests. */
  readonly changeIdea: { readonly id: number; readonly title: string } | null
  readonly owner: { readonly email: string; readonly name: string } | null
  /** Where the change is made; empty: the whole organisation. */
  readonly sites: readonly SiteRef[]
  /** The change date. */
  readonly startDate: string
  readonly reviewDate: string | null
  readonly version: number
  readonly createdBy: string
  readonly createdAt: string
}

export interface PredictionView {
  readonly id: number
  readonly actionId: number
  /** primary: the measure should move; balancing: watched for harm. */
  readonly role: 'primary' | 'balancing'
  readonly measure: MeasureRef
  readonly site: SiteRef
  /** null for all people. */
  readonly dimension: string | null
  readonly group: string | null
  /** For a primary prediction the expected way; for a balancing one the harmful way. */
  readonly direction: 'increase' | 'decrease'
  /** In the measure's stored units (a proportion as a fraction: 0.05 is 5 percentage points). */
  readonly expectedSize: number | null
  readonly byDate: string | null
}

/** A cycle, known by its number within the action. */
export type CycleView = Omit<CycleRow, 'actionId' | 'id'>

export interface ActionDetail extends ActionView {
  readonly predictions: readonly PredictionView[]
  readonly cycles: readonly CycleView[]
}

/** What the views need to name things: the organisation's sites, people, the programme's measures, drivers and decisions. */
export interface LoopContext {
  readonly sites: readonly SiteRow[]
  readonly measures: readonly MeasureRow[]
  readonly drivers: readonly DriverRow[]
  readonly people: readonly PersonRow[]
  readonly decisions: readonly DecisionSummary[]
}

export async function loadLoopContext(deps: AppDeps, scope: ProgrammeScope): Promise<LoopContext> {
  const org = scope.organisation.id
  const db = deps.store.db
  const [sites, measures, drivers, people, decisions] = await Promise.all([listSiteRows(db, org), listProgrammeMeasures(deps, scope), listDrivers(db, org, scope.programme.id), listOrganisationPeople(db, org), listDecisionTitles(db, org, scope.programme.id)])
  return { sites, measures, drivers, people, decisions }
}

/** A site the reader's access does not include (a membership narrowed to some sites). */
const HIDDEN_SITE: SiteRef = { code: '', name: 'A site outside your access', wholeOrganisation: false }

export function actionView(row: ActionRow, ctx: LoopContext): ActionView {
  const driver = ctx.drivers.find((d) => d.id === row.driverId)
  const person = ctx.people.find((p) => p.id === row.ownerUserId)
  return {
    id: row.id,
    title: row.title,
    description: row.description,
    status: row.status,
    decision: ctx.decisions.find((d) => d.id === row.decisionId) ?? (row.decisionId === null ? null : { id: row.decisionId, title: `Decision ${row.decisionId}` }),
    changeIdea: driver ? { id: driver.id, title: driver.title } : null,
    owner: row.ownerEmail === null ? null : { email: row.ownerEmail, name: person?.displayName ?? '' },
    sites: row.siteIds.map((id) => ctx.sites.find((s) => s.id === id)).filter((s) => s !== undefined).map(siteRef),
    startDate: row.startDate,
    reviewDate: row.reviewDate,
    version: row.version,
    createdBy: row.createdBy,
    createdAt: row.createdAt,
  }
}

export function predictionView(row: PredictionRow, ctx: LoopContext): PredictionView | undefined {
  const measure = ctx.measures.find((m) => m.id === row.measureId)
  if (!measure) return undefined
  const site = ctx.sites.find((s) => s.id === row.siteId)
  return {
    id: row.id,
    actionId: row.actionId,
    role: row.role,
    measure: measureRef(measure),
    site: site ? siteRef(site) : HIDDEN_SITE,
    dimension: row.dimension === '' ? null : row.dimension,
    group: row.group === '' ? null : row.group,
    direction: row.direction,
    expectedSize: row.expectedSize,
    byDate: row.byDate,
  }
}

export function cycleView(row: CycleRow): CycleView {
  const { actionId: _actionId, id: _id, ...rest } = row
  return rest
}
