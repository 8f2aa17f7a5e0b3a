/**
 * The demo's insight for one programme: the inductive codebook and CFIR 2.0, the community events
 * and interviews, every record (de-identified on the way in, like any other), the analysts' codings
 * and the machine coder's suggestions for what is left uncoded. Skipped when the programme already
 * has insight, so seeding twice changes nothing.
 */
import { CFIR_2 } from '../../core/codebook/index.ts'
import { DEMO_LINKS, type DemoInsight } from '../../demo/index.ts'
import { upsertCodings } from '../../storage/codings.ts'
import { insertEvent } from '../../storage/insights.ts'
import { insertLink } from '../../storage/links.ts'
import { listMeasures } from '../../storage/measures.ts'
import { listSites } from '../../storage/sites.ts'
import { listThemes } from '../../storage/themes.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { insertSeeds } from '../insight/codebook.ts'
import { storeInsights } from '../insight/store-insights.ts'
import { writeSuggestions } from '../insight/suggestions.ts'

const DEMO = 'demo'

/** Seed `insight` into the programme, in the caller's transaction; false when it already had insight. */
export async function seedInsight(deps: AppDeps, scope: ProgrammeScope, insight: DemoInsight): Promise<boolean> {
  const db = deps.store.db
  const [org, programmeId] = [scope.organisation.id, scope.programme.id]
  const any = await db.selectFrom('insights').select('id').where('organisation_id', '=', org).where('programme_id', '=', programmeId).limit(1).executeTakeFirst()
  if (any) return false

  await insertSeeds(deps, scope, insight.inductiveThemes, null, 'inductive', DEMO)
  await insertSeeds(deps, scope, [{ name: CFIR_2.name, definition: CFIR_2.source, children: CFIR_2.themes }], null, CFIR_2.key, DEMO, insight.inductiveThemes.length)
  const themes = await listThemes(db, org, programmeId)
  const pathOf = new Map<number, string>()
  for (const theme of themes) pathOf.set(theme.id, theme.parentId === null ? theme.name : `${pathOf.get(theme.parentId)}/${theme.name}`)
  const themeByPath = new Map([...pathOf].map(([id, path]) => [path, id]))

  const sites = await listSites(db, org)
  const siteId = (code: string | null) => sites.find((s) => s.code === (code ?? scope.organisation.code))?.id
  const eventIds = new Map<string, number>()
  for (const event of insight.events) {
    const id = siteId(event.site)
    if (id === undefined) throw new Error(`demo event ${event.key} names unknown site ${event.site}`)
    // Groups are written as dimension:group; the event list shows the group.
    const groups = event.groups.map((g) => g.slice(g.indexOf(':') + 1))
    eventIds.set(event.key, await insertEvent(db, org, programmeId, { kind: event.kind, title: event.title, runBy: event.runBy, place: event.place, siteId: id, date: event.date, groups, createdBy: DEMO }))
  }

  const insightIds = new Map<string, number>()
  const byEvent = new Map<string | null, DemoInsight['records']>()
  for (const record of insight.records) byEvent.set(record.event, [...(byEvent.get(record.event) ?? []), record])
  for (const [event, records] of byEvent) {
    const stored = await storeInsights(deps, scope, records, { createdBy: DEMO, eventId: event === null ? null : (eventIds.get(event) ?? null), split: true })
    records.forEach((record, i) => insightIds.set(record.key, stored.ids[i]!))
  }

  const excerpts = await db.selectFrom('excerpts').select(['id', 'insight_id', 'position']).where('organisation_id', '=', org).where('insight_id', 'in', [...insightIds.values()]).execute()
  const excerptId = new Map(excerpts.map((x) => [`${x.insight_id}/${x.position}`, x.id]))
  const codings = insight.codings.map((coding) => {
    const id = excerptId.get(`${insightIds.get(coding.record)}/${coding.excerpt}`)
    const themeId = themeByPath.get(coding.theme.join('/'))
    if (id === undefined || themeId === undefined) throw new Error(`demo coding of ${coding.record}#${coding.excerpt} as ${coding.theme.join(' / ')} has no excerpt or theme`)
    return { excerptId: id, themeId, coder: coding.coder, spanStart: null, spanEnd: null }
  })
  await upsertCodings(db, org, codings)
  await writeSuggestions(deps, scope)
  const measures = await listMeasures(db, org, programmeId)
  for (const link of DEMO_LINKS) {
    const measure = measures.find((m) => m.code === link.measure)
    const themeId = themeByPath.get(link.theme.join('/'))
    if (!measure || themeId === undefined) throw new Error(`demo link ${link.measure} ↔ ${link.theme.join(' / ')} names an unknown measure or theme`)
    await insertLink(db, org, measure.id, themeId, DEMO)
  }
  return true
}
