/**
 * A programme's measures and their values as one FHIR R4 `collection` Bundle: the Organization,
 * a Location per site, a Measure per measure and a summary MeasureReport per measure × site ×
 * period. Entries have no `request`; each fullUrl is a `urn:uuid:` made from the entry's name, so
 * the same data always gives the same file. The disclosure policy it was made under is the
 * Bundle's meta tag.
 */
import type { Measure, ObservationInput, Site } from '../model.ts'
import { DISCLOSURE_TAG_SYSTEM, ORGANISATION_CODE_SYSTEM, SITE_CODE_SYSTEM, measureUrl } from './canonical.ts'
import { measureResource } from './measure.ts'
import { measureReport, type ReportCell } from './measure-report.ts'
import type { Bundle, BundleEntry, Resource } from './types.ts'
import { urnUuid } from './uuid.ts'

/** One observation's key with its numbers as published. */
export interface ExportCell extends Pick<ObservationInput, 'measure' | 'period' | 'site' | 'dimension' | 'group'>, ReportCell {}

export interface ProgrammeBundleInput {
  readonly organisation: { readonly code: string; readonly name: string }
  readonly programme: { readonly code: string; readonly name: string }
  readonly measures: readonly Measure[]
  /** The organisation's sites, its root (kind `system`) included. */
  readonly sites: readonly Site[]
  readonly cells: readonly ExportCell[]
  /** The policy the numbers were published under: `internal` for exact numbers, else the policy's id and statement. */
  readonly policy: { readonly code: string; readonly statement: string }
  /** ISO timestamp the Bundle was made, when the caller wants one recorded. */
  readonly timestamp?: string
}

export function programmeBundle(input: ProgrammeBundleInput): Bundle {
  const org = input.organisation.code
  const entries: BundleEntry[] = []
  const add = (name: string, resource: Resource): string => {
    const fullUrl = urnUuid(`${org}/${name}`)
    entries.push({ fullUrl, resource })
    return fullUrl
  }
  const orgUrl = add('Organization', { resourceType: 'Organization', identifier: [{ system: ORGANISATION_CODE_SYSTEM, value: org }], active: true, name: input.organisation.name })
  const subjects = new Map<string | null, { reference: string; display: string }>([[null, { reference: orgUrl, display: input.organisation.name }]])
  for (const site of input.sites) {
    if (site.kind === 'system') continue
    const location = { resourceType: 'Location', identifier: [{ system: SITE_CODE_SYSTEM, value: site.code }], status: 'active', name: site.name, managingOrganization: { reference: orgUrl } }
    subjects.set(site.code, { reference: add(`Location/${site.code}`, location), display: site.name })
  }
  const owner = { organisation: org, programme: input.programme.code }
  const measures = new Map(input.measures.map((m) => [m.code, m]))
  for (const measure of input.measures) add(`Measure/${owner.programme}/${measure.code}`, measureResource(owner, measure))
  for (const [key, cells] of groupByReport(input.cells)) {
    const first = cells[0]
    const measure = first === undefined ? undefined : measures.get(first.measure)
    const subject = first === undefined ? undefined : subjects.get(first.site)
    if (first === undefined || measure === undefined) throw new Error(`no measure "${first?.measure}" for the values of ${key}`)
    if (subject === undefined) throw new Error(`no site "${first.site}" for the values of ${key}`)
    const strata = new Map<string, { group: string; cell: ReportCell }[]>()
    let total: ReportCell | undefined
    for (const cell of cells) {
      if (cell.dimension === null || cell.group === null) total = cell
      else strata.set(cell.dimension, [...(strata.get(cell.dimension) ?? []), { group: cell.group, cell }])
    }
    const report = measureReport({ measureUrl: measureUrl(org, owner.programme, measure.code), periodUnit: measure.period, period: first.period, subject, total, strata })
    add(`MeasureReport/${owner.programme}/${key}`, report)
  }
  return {
    resourceType: 'Bundle',
    meta: { tag: [{ system: DISCLOSURE_TAG_SYSTEM, code: input.policy.code, display: input.policy.statement }] },
    type: 'collection',
    ...(input.timestamp === undefined ? {} : { timestamp: input.timestamp }),
    entry: entries,
  }
}

/** Cells by measure, site and period, in that order (cells keep their order inside a report). */
function groupByReport(cells: readonly ExportCell[]): [string, ExportCell[]][] {
  const groups = new Map<string, ExportCell[]>()
  for (const cell of cells) {
    const key = `${cell.measure}/${cell.site ?? ''}/${cell.period}`
    const list = groups.get(key)
    if (list === undefined) groups.set(key, [cell])
    else list.push(cell)
  }
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}
