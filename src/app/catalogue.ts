/** Reading the organisation's catalogue: organisations, sites, programmes, measures. */
import { AppError, notFound } from '../core/errors.ts'
import { listMeasures, findMeasure, type MeasureRow } from '../storage/measures.ts'
import { findOrganisation, listOrganisations as listOrganisationRows, type OrganisationRow } from '../storage/organisations.ts'
import { findProgramme, listProgrammes as listProgrammeRows, type ProgrammeRow } from '../storage/programmes.ts'
import { listSites as listSiteRows, type SiteRow } from '../storage/sites.ts'
import type { AppDeps } from './deps.ts'

export type { MeasureRow, OrganisationRow, ProgrammeRow, SiteRow }

export interface ProgrammeScope {
  readonly organisation: OrganisationRow
  readonly programme: ProgrammeRow
}

export function listOrganisations(deps: AppDeps): Promise<OrganisationRow[]> {
  return listOrganisationRows(deps.store.db)
}

export async function getOrganisation(deps: AppDeps, code: string): Promise<OrganisationRow> {
  const organisation = await findOrganisation(deps.store.db, code)
  if (!organisation) throw notFound('organisation', code)
  return organisation
}

export async function listSites(deps: AppDeps, organisationCode: string): Promise<SiteRow[]> {
  const organisation = await getOrganisation(deps, organisationCode)
  return listSiteRows(deps.store.db, organisation.id)
}

export async function listProgrammes(deps: AppDeps, organisationCode: string): Promise<ProgrammeRow[]> {
  const organisation = await getOrganisation(deps, organisationCode)
  return listProgrammeRows(deps.store.db, organisation.id)
}

export async function getProgrammeScope(deps: AppDeps, organisationCode: string, programmeCode: string): Promise<ProgrammeScope> {
  const organisation = await getOrganisation(deps, organisationCode)
  const programme = await findProgramme(deps.store.db, organisation.id, programmeCode)
  if (!programme) throw notFound('programme', programmeCode)
  return { organisation, programme }
}

export async function listProgrammeMeasures(deps: AppDeps, scope: ProgrammeScope): Promise<MeasureRow[]> {
  return listMeasures(deps.store.db, scope.organisation.id, scope.programme.id)
}

export async function getMeasure(deps: AppDeps, scope: ProgrammeScope, code: string): Promise<MeasureRow> {
  const measure = await findMeasure(deps.store.db, scope.organisation.id, scope.programme.id, code)
  if (!measure) throw notFound('measure', code)
  return measure
}

/**
 * The site with `code`, or by default the organisation's root site — or, for a membership narrowed
 * to some sites (row-level security hides the rest), the first site it may see.
 */
export async function getSite(deps: AppDeps, scope: ProgrammeScope, code: string | undefined): Promise<SiteRow> {
  const sites = await listSiteRows(deps.store.db, scope.organisation.id)
  const byDefault = code === undefined || code === ''
  const wanted = byDefault ? scope.organisation.code : code
  const site = sites.find((s) => s.code === wanted) ?? (byDefault ? sites[0] : undefined)
  if (!site) throw new AppError('not_found', `No site with code "${wanted}" in ${scope.organisation.name}.`)
  return site
}
