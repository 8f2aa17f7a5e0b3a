/** Every observation of a programme, with codes instead of ids, for exports (FHIR) and round-trip checks. */
import type { Kysely } from 'kysely'
import type { ObservationInput } from '../core/model.ts'
import type { Database } from './schema.ts'

/**
 * The programme's observations ordered by measure, site, period, dimension and group. The root
 * site (kind `system`) reads as site null and "all people" as dimension and group null, as in
 * `ObservationInput`.
 */
export async function listProgrammeObservations(db: Kysely<Database>, organisationId: number, programmeId: number): Promise<ObservationInput[]> {
  const rows = await db
    .selectFrom('observations as o')
    .innerJoin('measures as m', (join) => join.onRef('m.organisation_id', '=', 'o.organisation_id').onRef('m.id', '=', 'o.measure_id'))
    .innerJoin('sites as s', (join) => join.onRef('s.organisation_id', '=', 'o.organisation_id').onRef('s.id', '=', 'o.site_id'))
    .select(['m.code as measure', 's.code as site', 's.kind as siteKind', 'o.period_start as period', 'o.dimension', 'o.group_name as group', 'o.numerator', 'o.denominator', 'o.value'])
    .where('o.organisation_id', '=', organisationId)
    .where('m.programme_id', '=', programmeId)
    .orderBy('m.code')
    .orderBy('s.code')
    .orderBy('o.period_start')
    .orderBy('o.dimension')
    .orderBy('o.group_name')
    .execute()
  return rows.map((r) => ({
    measure: r.measure,
    period: r.period,
    site: r.siteKind === 'system' ? null : r.site,
    dimension: r.dimension === '' ? null : r.dimension,
    group: r.dimension === '' ? null : r.group,
    numerator: r.numerator,
    denominator: r.denominator,
    value: r.value,
  }))
}
