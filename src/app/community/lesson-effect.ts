/**
 * A lesson's effect by community group, from the action's stored review: the primary prediction's
 * measure at its site, summed before the change (the review's baseline) and after it (the change
 * date to the last period the review saw), for everyone and each group of the prediction's
 * dimension (deprivation quintile when it names none), through the organisation's policy.
 */
import { publishEffect, type PublishedEffect } from '../../core/community/index.ts'
import type { ActionReview, PredictionEvidence } from '../../core/loop/index.ts'
import { sumWindow, type WindowTotals } from '../../storage/observations.ts'
import { listSites } from '../../storage/sites.ts'
import type { PredictionView } from '../implement/action-views.ts'
import { getMeasure, type ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { groupLabel } from '../triangulate/group-label.ts'
import { communityPolicy } from './community-policy.ts'

/** The published effect, or null when the review has no before-and-after window for a proportion or rate. */
export async function lessonEffect(deps: AppDeps, scope: ProgrammeScope, prediction: PredictionView, review: ActionReview | undefined): Promise<PublishedEffect | null> {
  const evidence = review?.predictions.find((p) => p.id === String(prediction.id))?.evidence
  const windows = evidence && windowsOf(evidence)
  if (!windows) return null
  const measure = await getMeasure(deps, scope, prediction.measure.code)
  if (measure.kind !== 'proportion' && measure.kind !== 'rate') return null
  const org = scope.organisation.id
  const site = (await listSites(deps.store.db, org)).find((s) => s.code === prediction.site.code)
  if (!site) return null
  const dimension = prediction.dimension ?? 'imd_quintile'
  const sum = (w: { from: string; to: string }, dim: string) => sumWindow(deps.store.db, org, measure.id, { ...w, dimension: dim, siteId: site.id })
  const [allBefore, allAfter, groupsBefore, groupsAfter] = await Promise.all([sum(windows.before, ''), sum(windows.after, ''), sum(windows.before, dimension), sum(windows.after, dimension)])
  const counts = (rows: readonly WindowTotals[], group: string) => {
    const row = rows.find((r) => r.group === group)
    return { numerator: row?.numerator ?? 0, denominator: row?.denominator ?? 0 }
  }
  const groups = [...new Set([...groupsBefore, ...groupsAfter].map((r) => r.group))].sort()
  return publishEffect(await communityPolicy(deps, org), {
    measure: { code: measure.code, name: measure.name },
    where: prediction.site.wholeOrganisation ? `${scope.organisation.name} (whole organisation)` : site.name,
    before: windows.before,
    after: windows.after,
    total: { before: counts(allBefore, ''), after: counts(allAfter, '') },
    dimension,
    groups: groups.map((group) => ({ group, label: capitalise(groupLabel(dimension, group)), before: counts(groupsBefore, group), after: counts(groupsAfter, group) })),
  })
}

function windowsOf(e: PredictionEvidence): { before: { from: string; to: string }; after: { from: string; to: string } } | null {
  if (e.baselineFrom === null || e.baselineTo === null || e.lastPeriod === null || e.lastPeriod < e.changeDate) return null
  return { before: { from: e.baselineFrom, to: e.baselineTo }, after: { from: e.changeDate, to: e.lastPeriod } }
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)
