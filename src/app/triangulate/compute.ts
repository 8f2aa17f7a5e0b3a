/**
 * Recompute a programme's signals and proposed findings from what is stored, and save the
 * proposals: a lead's decisions (confirmed, edited, rejected) are kept, since findings are keyed by
 * their focus. Runs after imports, when the demo is seeded, from the findings page and the CLI.
 */
import { proposeFindings, qualitativeSourceOf, type ExcerptEvidence, type ProposedFinding, type Signal } from '../../core/triangulate/index.ts'
import { listCodings } from '../../storage/codings.ts'
import { listExcerpts } from '../../storage/excerpts.ts'
import { saveProposals } from '../../storage/findings.ts'
import { listLinks } from '../../storage/links.ts'
import { listSites } from '../../storage/sites.ts'
import { listThemes } from '../../storage/themes.ts'
import { listProgrammeMeasures, type ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { groupLabel } from './group-label.ts'
import { gatherSignals } from './gather-signals.ts'

export interface Computation {
  readonly signals: readonly Signal[]
  readonly findings: readonly ProposedFinding[]
  /** Milliseconds spent reading and computing, and saving. */
  readonly millis: { readonly compute: number; readonly save: number }
}

/** Compute without saving (for the CLI's --dry-run and the bench). */
export async function computeFindings(deps: AppDeps, scope: ProgrammeScope): Promise<Omit<Computation, 'millis'>> {
  const org = scope.organisation.id
  const programmeId = scope.programme.id
  const db = deps.store.db
  const [measures, sites, themes, links, excerpts, codings] = await Promise.all([
    listProgrammeMeasures(deps, scope),
    listSites(db, org),
    listThemes(db, org, programmeId),
    listLinks(db, org, programmeId),
    listExcerpts(db, org, { programmeId, limit: 1_000_000 }),
    listCodings(db, org, programmeId),
  ])
  const linkedIds = new Set(links.map((l) => l.themeId))
  const signals = await gatherSignals(deps, scope, measures, sites, themes.filter((t) => linkedIds.has(t.id)))
  const siteCode = new Map(sites.map((s) => [s.id, s.kind === 'system' ? null : s.code]))
  const byId = new Map(excerpts.map((x) => [x.id, x]))
  const evidence: ExcerptEvidence[] = []
  for (const coding of codings) {
    if (coding.machine) continue
    const excerpt = byId.get(coding.excerptId)
    if (!excerpt) continue
    evidence.push({ excerptId: excerpt.id, themeId: coding.themeId, source: qualitativeSourceOf(excerpt.source), site: siteCode.get(excerpt.siteId) ?? null, groups: excerpt.groups, date: excerpt.date, sentiment: excerpt.sentiment })
  }
  const findings = proposeFindings({
    signals,
    excerpts: dedupe(evidence),
    links: links.map((l) => ({ measure: l.measure, themeId: l.themeId })),
    themes: themes.map((t) => ({ id: t.id, name: t.name, parentId: t.parentId })),
    measures: measures.map((m) => ({ code: m.code, name: m.name, direction: m.direction })),
    siteNames: Object.fromEntries(sites.filter((s) => s.kind !== 'system').map((s) => [s.code, s.name])),
    groupLabel,
    today: latestData(signals, excerpts, deps.clock()),
    windowMonths: EVIDENCE_WINDOW_MONTHS,
  })
  return { signals, findings }
}

/** Insight counts for a finding when given in the 18 months up to the latest data (a programme's data can lag the calendar). */
export const EVIDENCE_WINDOW_MONTHS = 18

/** The latest period with a signal or the latest insight, whichever is later; today when there is neither. */
function latestData(signals: readonly Signal[], excerpts: readonly { readonly date: string }[], now: Date): string {
  const today = now.toISOString().slice(0, 10)
  const latest = [...signals.map((s) => s.to), ...excerpts.map((x) => x.date)].reduce((max, d) => (d > max ? d : max), '')
  return latest === '' || latest > today ? today : latest
}

/** Several coders coding one excerpt with one theme is one piece of evidence. */
function dedupe(evidence: readonly ExcerptEvidence[]): ExcerptEvidence[] {
  const seen = new Set<string>()
  return evidence.filter((e) => {
    const key = `${e.excerptId}|${e.themeId}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}

/** Compute and save, in the caller's transaction or on its own. */
export async function recomputeFindings(deps: AppDeps, scope: ProgrammeScope): Promise<Computation> {
  const started = performance.now()
  const { signals, findings } = await computeFindings(deps, scope)
  const computed = performance.now()
  await saveProposals(deps.store.db, scope.organisation.id, scope.programme.id, findings.map((f) => ({ key: f.key, proposal: f, score: f.score })), deps.clock())
  return { signals, findings, millis: { compute: computed - started, save: performance.now() - computed } }
}
