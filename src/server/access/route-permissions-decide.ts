/**
 * What the decide routes need (merged into ROUTE_PERMISSIONS in route-permissions.ts).
 *
 * Reading groups, meetings, packs, the decision log and lessons needs `view`. Managing groups and
 * planning meetings and their agenda needs `lead`. Recording a meeting (minutes, attendance,
 * guests, status) needs `decide`, so decision makers can keep their own minutes; recording and
 * changing decisions needs `decide`. A lead without `decide` plans meetings but does not decide.
 */
import type { RouteAccess } from './route-permissions.ts'

const API = '/api/v1/organisations/:org'
const ORG = '/organisations/:org'
const PROGRAMME = '/organisations/:org/programmes/:programme'

export const DECIDE_ROUTE_PERMISSIONS: Readonly<Record<string, RouteAccess>> = {
  [`GET ${ORG}/groups`]: 'view',
  [`POST ${ORG}/groups`]: 'lead',
  [`GET ${ORG}/groups/:group`]: 'view',
  [`POST ${ORG}/groups/:group/members`]: 'lead',
  [`POST ${ORG}/groups/:group/members/remove`]: 'lead',
  [`GET ${PROGRAMME}/meetings`]: 'view',
  [`POST ${PROGRAMME}/meetings`]: 'lead',
  [`GET ${PROGRAMME}/meetings/:meeting`]: 'view',
  [`POST ${PROGRAMME}/meetings/:meeting/agenda`]: 'lead',
  [`POST ${PROGRAMME}/meetings/:meeting/record`]: 'decide',
  [`GET ${PROGRAMME}/meetings/:meeting/pack`]: 'view',
  [`GET ${PROGRAMME}/decisions`]: 'view',
  [`POST ${PROGRAMME}/decisions`]: 'decide',
  [`GET ${PROGRAMME}/decisions/new`]: 'decide',
  [`GET ${PROGRAMME}/decisions/:decision`]: 'view',
  [`GET ${PROGRAMME}/decisions/:decision/change`]: 'decide',
  [`POST ${PROGRAMME}/decisions/:decision/versions`]: 'decide',
  [`GET ${API}/groups`]: 'view',
  [`POST ${API}/groups`]: 'lead',
  [`GET ${API}/groups/:group`]: 'view',
  [`PUT ${API}/groups/:group/members`]: 'lead',
  [`GET ${API}/programmes/:programme/meetings`]: 'view',
  [`POST ${API}/programmes/:programme/meetings`]: 'lead',
  [`GET ${API}/programmes/:programme/meetings/:meeting`]: 'view',
  [`PATCH ${API}/programmes/:programme/meetings/:meeting`]: 'decide',
  [`PUT ${API}/programmes/:programme/meetings/:meeting/agenda`]: 'lead',
  [`GET ${API}/programmes/:programme/decisions`]: 'view',
  [`POST ${API}/programmes/:programme/decisions`]: 'decide',
  [`GET ${API}/programmes/:programme/decisions/:decision`]: 'view',
  [`POST ${API}/programmes/:programme/decisions/:decision/versions`]: 'decide',
  [`GET ${API}/programmes/:programme/lessons`]: 'view',
}
