/** The parts every briefing shares: its title line, the data it runs to, and the disclosure statement. */
import type { Briefing, BriefingKind, BriefingSection } from '../../reports/model.ts'
import { listPeriods } from '../../storage/observations.ts'
import { listProgrammeMeasures } from '../catalogue.ts'
import type { BriefingContext } from './briefing-context.ts'
import { dateText } from './briefing-format.ts'

/** The latest period with data in any of the programme's measures; undefined with no data. */
export async function dataThrough(ctx: BriefingContext): Promise<string | undefined> {
  const measures = await listProgrammeMeasures(ctx.deps, ctx.scope)
  const latest = await Promise.all(measures.map(async (m) => (await listPeriods(ctx.deps.store.db, ctx.scope.organisation.id, m.id)).at(-1)))
  return latest.filter((p): p is string => p !== undefined).sort().at(-1)
}

export async function briefingDocument(ctx: BriefingContext, kind: BriefingKind, title: string, sections: readonly BriefingSection[], plainLanguage = false): Promise<Briefing> {
  const through = await dataThrough(ctx)
  const audience = ctx.publisher.audience === 'external' ? 'shareable version' : 'internal version'
  return {
    kind,
    title,
    subtitle: `${ctx.scope.organisation.name} · ${through ? `data to the period beginning ${dateText(through)}` : 'no data yet'} · ${audience}`,
    generatedOn: ctx.today,
    audience: ctx.publisher.audience,
    disclosureStatement: ctx.publisher.statement,
    plainLanguage,
    sections,
  }
}
