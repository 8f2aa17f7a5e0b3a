/**
 * A programme's measures and values as a FHIR R4 collection Bundle (docs/methods/fhir.md).
 * `internal`: exact numbers, for systems inside the organisation. `external`: the organisation's
 * disclosure policy applied (suppressed numbers `masked`, rates from published counts) and named
 * in the Bundle's meta tag. Each export is written to the audit trail.
 */
import { programmeBundle, type Bundle, type ExportCell } from '../../core/fhir/index.ts'
import type { ObservationInput } from '../../core/model.ts'
import { listSites } from '../../storage/sites.ts'
import { listProgrammeObservations } from '../../storage/programme-observations.ts'
import { audit, type Actor } from '../auth/audit.ts'
import { getProgrammeScope, listProgrammeMeasures } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { getDisclosurePolicy } from './disclosure-setting.ts'
import { discloseCells } from './fhir-disclosure.ts'

export type FhirAudience = 'internal' | 'external'

export const FHIR_AUDIENCES: readonly FhirAudience[] = ['internal', 'external']

/** The tag an internal export carries instead of a disclosure policy. */
export const INTERNAL_POLICY = { code: 'internal', statement: 'Exact numbers for use inside the organisation: not for publication (no disclosure control applied).' } as const

export interface FhirExportRequest {
  readonly organisation: string
  readonly programme: string
  readonly audience: FhirAudience
}

export interface FhirExport {
  readonly bundle: Bundle
  /** Reports written and numbers masked, for the audit trail and the CLI's message. */
  readonly reports: number
  readonly masked: number
  readonly policy: { readonly code: string; readonly statement: string }
}

export async function exportProgrammeFhir(deps: AppDeps, actor: Actor, request: FhirExportRequest): Promise<FhirExport> {
  const scope = await getProgrammeScope(deps, request.organisation, request.programme)
  const db = deps.store.db
  const [measures, sites, rows] = await Promise.all([
    listProgrammeMeasures(deps, scope),
    listSites(db, scope.organisation.id),
    listProgrammeObservations(db, scope.organisation.id, scope.programme.id),
  ])
  rows.sort(compareRows)
  let cells: ExportCell[]
  let policy: { code: string; statement: string }
  if (request.audience === 'external') {
    const chosen = await getDisclosurePolicy(deps, scope.organisation.id)
    cells = discloseCells(chosen, new Map(measures.map((m) => [m.code, m])), rows)
    policy = { code: chosen.id, statement: chosen.statement }
  } else {
    cells = rows.map((row) => ({ ...row }))
    policy = { ...INTERNAL_POLICY }
  }
  const bundle = programmeBundle({
    organisation: { code: scope.organisation.code, name: scope.organisation.name },
    programme: { code: scope.programme.code, name: scope.programme.name },
    measures,
    sites,
    cells,
    policy,
  })
  const reports = bundle.entry.filter((e) => e.resource.resourceType === 'MeasureReport').length
  const masked = cells.reduce((n, c) => n + [c.numerator, c.denominator, c.value].filter((v) => v === 'masked').length, 0)
  await audit(deps, actor, {
    organisationId: scope.organisation.id,
    action: 'export.fhir',
    target: `organisation:${scope.organisation.code}/programme:${scope.programme.code}`,
    after: { audience: request.audience, policy: policy.code, measures: measures.length, reports, observations: rows.length, masked },
  })
  return { bundle, reports, masked, policy }
}

/** A fixed order that does not depend on the database's collation. */
function compareRows(a: ObservationInput, b: ObservationInput): number {
  const keys = (r: ObservationInput) => [r.measure, r.site ?? '', r.period, r.dimension ?? '', r.group ?? '']
  const ka = keys(a)
  const kb = keys(b)
  for (let i = 0; i < ka.length; i++) {
    const x = ka[i] ?? ''
    const y = kb[i] ?? ''
    if (x !== y) return x < y ? -1 : 1
  }
  return 0
}
