/** Seed the demo programme (DEMO.md) into the configured database; running it again changes nothing. */
import { generateDemo, type DemoData } from '../../demo/index.ts'
import { listMeasures, upsertMeasures } from '../../storage/measures.ts'
import { upsertObservations } from '../../storage/observations.ts'
import { ensureOrganisation } from '../../storage/organisations.ts'
import { upsertProgramme } from '../../storage/programmes.ts'
import { upsertRebase } from '../../storage/rebases.ts'
import { listSites, upsertSites } from '../../storage/sites.ts'
import type { AppDeps } from '../deps.ts'
import { seedInsight } from './seed-insight.ts'
import { recomputeFindings } from '../triangulate/compute.ts'
import { reviewActions } from '../review/review-actions.ts'
import { raiseReviewDueAlerts } from '../review/review-due.ts'
import { seedLoop } from './seed-loop.ts'
import { seedBriefingSchedule } from './seed-share.ts'
import { seedCommunity } from './seed-community.ts'
import { demoLoop } from '../../demo/index.ts'

export interface SeedReport {
  readonly organisations: number
  readonly observationsInserted: number
  readonly observationsUnchanged: number
}

/** True when the demo organisation already exists (so `serve --demo` can skip the work). */
export async function demoIsSeeded(deps: AppDeps): Promise<boolean> {
  const row = await deps.store.db.selectFrom('organisations').select('id').where('code', '=', 'riverside').executeTakeFirst()
  return row !== undefined
}

export async function seedDemo(deps: AppDeps, data: DemoData = generateDemo()): Promise<SeedReport> {
  let inserted = 0
  let unchanged = 0
  const loop = demoLoop()
  const withLoop: number[] = []
  await deps.store.db.transaction().execute(async (trx) => {
    for (const entry of data.organisations) {
      const organisation = await ensureOrganisation(trx, entry.organisation)
      await upsertSites(trx, organisation.id, entry.sites)
      const sites = await listSites(trx, organisation.id)
      const rootSite = sites.find((s) => s.code === organisation.code)
      if (!rootSite) throw new Error(`organisation ${organisation.code} has no root site`)
      for (const part of entry.programmes) {
        const programme = await upsertProgramme(trx, organisation.id, part.programme)
        await upsertMeasures(trx, organisation.id, programme.id, part.measures)
        const measures = await listMeasures(trx, organisation.id, programme.id)
        const measureIds = new Map(measures.map((m) => [m.code, m.id]))
        const counts = await upsertObservations(
          trx,
          { organisationId: organisation.id, measureIds, siteIds: new Map(sites.map((s) => [s.code, s.id])), rootSiteId: rootSite.id, importId: null, source: 'demo', importedAt: deps.clock() },
          part.observations,
        )
        inserted += counts.inserted
        unchanged += counts.unchanged
        for (const rebase of part.rebases) {
          const measureId = measureIds.get(rebase.measure)
          if (measureId === undefined) throw new Error(`demo rebase for unknown measure ${rebase.measure}`)
          await upsertRebase(trx, organisation.id, { measureId, date: rebase.date, reason: rebase.reason, createdBy: rebase.createdBy })
        }
        const tx = { ...deps, store: { ...deps.store, db: trx } }
        if (part.insight && (await seedInsight(tx, { organisation, programme }, part.insight))) await recomputeFindings(tx, { organisation, programme })
        if (organisation.code === loop.organisation && programme.code === loop.programme && (await seedLoop(tx, organisation.code, { loop })).seeded) {
          withLoop.push(organisation.id)
          await seedBriefingSchedule(tx, { organisation, programme })
        }
      }
    }
  })
  // Each review is its own transaction (as when new data arrive), after the demo has committed.
  for (const organisationId of withLoop) {
    await reviewActions(deps, organisationId)
    await raiseReviewDueAlerts(deps, organisationId)
  }
  // The learning community's lesson carries the reviews' effects, so it comes after them.
  await seedCommunity(deps)
  return { organisations: data.organisations.length, observationsInserted: inserted, observationsUnchanged: unchanged }
}
