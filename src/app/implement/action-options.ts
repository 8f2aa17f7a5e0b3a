/** The choices the action and prediction forms offer: people, sites, change ideas, decisions, measures and their community groups. */
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { loadLoopContext, type DecisionSummary, type PersonRow } from './action-views.ts'
import { measureRef, siteRef, type MeasureRef, type SiteRef } from './measure-ref.ts'
import { measureGroups, type GroupOption } from './predictions.ts'

export interface ActionFormOptions {
  readonly people: readonly Omit<PersonRow, 'id'>[]
  /** The organisation's sites, without its root (the whole organisation). */
  readonly sites: readonly SiteRef[]
  readonly changeIdeas: readonly { readonly id: number; readonly title: string }[]
  readonly decisions: readonly DecisionSummary[]
}

export async function actionFormOptions(deps: AppDeps, scope: ProgrammeScope): Promise<ActionFormOptions> {
  const ctx = await loadLoopContext(deps, scope)
  return {
    people: ctx.people.map(({ email, displayName }) => ({ email, displayName })),
    sites: ctx.sites.filter((s) => s.kind !== 'system').map(siteRef),
    changeIdeas: ctx.drivers.filter((d) => d.kind === 'change_idea').map((d) => ({ id: d.id, title: d.title })),
    decisions: ctx.decisions,
  }
}

export interface PredictionFormOptions {
  readonly measures: readonly MeasureRef[]
  /** The whole organisation first, then each site. */
  readonly sites: readonly SiteRef[]
  /** The chosen measure's community groups (empty until a measure is chosen). */
  readonly groups: readonly GroupOption[]
}

export async function predictionFormOptions(deps: AppDeps, scope: ProgrammeScope, measureCode: string | undefined): Promise<PredictionFormOptions> {
  const ctx = await loadLoopContext(deps, scope)
  const measure = ctx.measures.find((m) => m.code === measureCode)
  const sites = [...ctx.sites].sort((a, b) => Number(b.kind === 'system') - Number(a.kind === 'system'))
  return { measures: ctx.measures.map(measureRef), sites: sites.map(siteRef), groups: measure ? await measureGroups(deps, scope, measure) : [] }
}
