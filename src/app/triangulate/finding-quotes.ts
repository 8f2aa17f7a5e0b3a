/** A few quotes behind a finding, per source (three each, the most recent), for readers allowed to read text; the read is audited. */
import { listExcerpts, type ExcerptRow } from '../../storage/excerpts.ts'
import type { Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { auditTextRead } from '../insight/read-audit.ts'
import type { FindingView } from './findings.ts'

export async function findingQuotes(deps: AppDeps, actor: Actor, scope: ProgrammeScope, finding: FindingView): Promise<Map<string, ExcerptRow[]>> {
  const chosen = new Map<string, number[]>()
  for (const source of ['staff', 'patients', 'community'] as const) chosen.set(source, [...finding.proposal.excerpts[source].ids].sort((a, b) => b - a).slice(0, 3))
  const ids = [...chosen.values()].flat()
  const rows = ids.length === 0 ? [] : await listExcerpts(deps.store.db, scope.organisation.id, { programmeId: scope.programme.id, ids })
  const byId = new Map(rows.map((r) => [r.id, r]))
  await auditTextRead(deps, actor, scope, `finding:${finding.id}`, rows.map((r) => r.id))
  return new Map([...chosen].map(([source, list]) => [source, list.map((id) => byId.get(id)).filter((r): r is ExcerptRow => r !== undefined)]))
}
