/** A programme's insight at a glance: how much there is from whom, how much is coded, the Friends and Family Test, events and interviews. */
import { summariseFft, type FftSummary } from '../../core/insight/fft.ts'
import { countExcerpts } from '../../storage/excerpts.ts'
import { listEvents, tallyBySource, tallyFft, type EventRow, type InsightTally } from '../../storage/insights.ts'
import { listSites } from '../../storage/sites.ts'
import { getProgrammeScope, type ProgrammeScope, type SiteRow } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'

export type { EventRow }

/** The programme's events and interviews, newest first. */
export function listProgrammeEvents(deps: AppDeps, scope: ProgrammeScope): Promise<EventRow[]> {
  return listEvents(deps.store.db, scope.organisation.id, scope.programme.id)
}

export interface InsightOverview {
  readonly scope: ProgrammeScope
  readonly totals: { readonly records: number; readonly excerpts: number; readonly coded: number }
  readonly bySource: readonly InsightTally[]
  readonly fft: FftSummary
  readonly events: readonly EventRow[]
  readonly sites: readonly SiteRow[]
}

export async function insightOverview(deps: AppDeps, organisation: string, programme: string): Promise<InsightOverview> {
  const scope = await getProgrammeScope(deps, organisation, programme)
  const [org, prog] = [scope.organisation.id, scope.programme.id]
  const db = deps.store.db
  const [totals, bySource, fft, events, sites] = await Promise.all([countExcerpts(db, org, prog), tallyBySource(db, org, prog), tallyFft(db, org, prog), listEvents(db, org, prog), listSites(db, org)])
  return { scope, totals, bySource, fft: summariseFft(fft), events, sites }
}
