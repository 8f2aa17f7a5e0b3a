/**
 * What every route needs: `public`, `signed_in`, or a permission within the organisation named in
 * the path (core/access.ts). The access middleware refuses a route missing from this table, and the
 * access-matrix test (test/access/access-matrix.test.ts) checks every route against it for every role.
 */
import type { Permission } from '../../core/access.ts'
import { DECIDE_ROUTE_PERMISSIONS } from './route-permissions-decide.ts'
import { IMPLEMENT_ROUTE_PERMISSIONS } from './route-permissions-implement.ts'
import { REVIEW_ROUTE_PERMISSIONS } from './route-permissions-review.ts'
import { REVIEW_PAGE_PERMISSIONS } from './route-permissions-review-pages.ts'
import { BRIEFING_ROUTE_PERMISSIONS, DISCLOSURE_ROUTE_PERMISSIONS, INFOGRAPHIC_ROUTE_PERMISSIONS, INTEROP_ROUTE_PERMISSIONS } from './route-permissions-share.ts'
import { COMMUNITY_ROUTE_PERMISSIONS } from './route-permissions-community.ts'
import { SCHEDULE_ROUTE_PERMISSIONS } from './route-permissions-schedules.ts'

export type RouteAccess = Permission | 'public' | 'signed_in'

const API = '/api/v1/organisations/:org'
const PROGRAMME = '/organisations/:org/programmes/:programme'

export const ROUTE_PERMISSIONS: Readonly<Record<string, RouteAccess>> = {
  'GET /health': 'public',
  'GET /api/openapi.json': 'public',
  'GET /assets/*': 'public',
  'GET /sign-in': 'public',
  'POST /sign-in': 'public',
  'GET /auth/oidc/start': 'public',
  'GET /auth/oidc/callback': 'public',
  'GET /feedback/:org/:programme': 'public',
  'POST /feedback/:org/:programme': 'public',
  'GET /feedback/:org/:programme/qr.svg': 'public',
  'POST /sign-out': 'signed_in',
  'GET /': 'signed_in',
  'GET /account': 'signed_in',
  'GET /api/v1/me': 'signed_in',
  'GET /api/v1/organisations': 'signed_in',
  [`GET ${API}`]: 'view',
  [`GET ${API}/sites`]: 'view',
  [`GET ${API}/programmes`]: 'view',
  [`GET ${API}/programmes/:programme`]: 'view',
  [`GET ${API}/programmes/:programme/measures`]: 'view',
  [`GET ${API}/programmes/:programme/measures/:measure`]: 'view',
  [`PATCH ${API}/programmes/:programme/measures/:measure`]: 'analyse',
  [`GET ${API}/programmes/:programme/measures/:measure/observations`]: 'view',
  [`GET ${API}/programmes/:programme/measures/:measure/series`]: 'view',
  [`GET ${API}/programmes/:programme/measures/:measure/chart`]: 'view',
  [`GET ${API}/programmes/:programme/measures/:measure/funnel`]: 'view',
  [`GET ${API}/programmes/:programme/measures/:measure/groups`]: 'view',
  [`POST ${API}/programmes/:programme/measures/:measure/rebases`]: 'analyse',
  [`DELETE ${API}/programmes/:programme/measures/:measure/rebases/:date`]: 'analyse',
  [`PUT ${API}/programmes/:programme/measures/:measure/notes`]: 'analyse',
  [`DELETE ${API}/programmes/:programme/measures/:measure/notes`]: 'analyse',
  [`GET ${API}/programmes/:programme/summary`]: 'view',
  [`POST ${API}/programmes/:programme/imports`]: 'analyse',
  [`GET ${API}/programmes/:programme/imports`]: 'analyse',
  [`GET ${API}/audit`]: 'administer',
  [`POST ${API}/programmes/:programme/insights`]: 'contribute',
  [`POST ${API}/programmes/:programme/insights/imports`]: 'analyse',
  [`GET ${API}/programmes/:programme/themes`]: 'view',
  [`GET ${API}/programmes/:programme/themes/matrix`]: 'view',
  [`GET ${API}/programmes/:programme/excerpts`]: 'read_text',
  [`PUT ${API}/programmes/:programme/excerpts/:excerpt/codings`]: 'analyse',
  [`GET ${API}/programmes/:programme/agreement`]: 'analyse',
  [`POST ${API}/programmes/:programme/suggestions`]: 'analyse',
  [`GET ${API}/programmes/:programme/findings`]: 'view',
  [`POST ${API}/programmes/:programme/findings/recompute`]: 'analyse',
  [`GET ${API}/programmes/:programme/findings/:finding`]: 'view',
  [`POST ${API}/programmes/:programme/findings/:finding/decision`]: 'lead',
  [`GET ${PROGRAMME}`]: 'view',
  [`GET ${PROGRAMME}/findings`]: 'view',
  [`POST ${PROGRAMME}/findings/recompute`]: 'analyse',
  [`GET ${PROGRAMME}/findings/:finding`]: 'view',
  [`POST ${PROGRAMME}/findings/:finding/decision`]: 'lead',
  [`GET ${PROGRAMME}/links`]: 'view',
  [`POST ${PROGRAMME}/links`]: 'analyse',
  [`POST ${PROGRAMME}/links/remove`]: 'analyse',
  [`GET ${PROGRAMME}/insight`]: 'view',
  [`GET ${PROGRAMME}/insight/staff`]: 'contribute',
  [`POST ${PROGRAMME}/insight/staff`]: 'contribute',
  [`GET ${PROGRAMME}/insight/events`]: 'contribute',
  [`POST ${PROGRAMME}/insight/events`]: 'contribute',
  [`GET ${PROGRAMME}/insight/coding`]: 'analyse',
  [`POST ${PROGRAMME}/insight/coding`]: 'analyse',
  [`GET ${PROGRAMME}/insight/agreement`]: 'analyse',
  [`POST ${PROGRAMME}/insight/suggestions`]: 'analyse',
  [`GET ${PROGRAMME}/insight/themes`]: 'view',
  [`GET ${PROGRAMME}/insight/themes/:theme`]: 'view',
  [`GET ${PROGRAMME}/insight/quotes`]: 'read_text',
  [`GET ${PROGRAMME}/insight/codebook`]: 'view',
  [`GET ${PROGRAMME}/insight/import`]: 'analyse',
  [`POST ${PROGRAMME}/insight/import`]: 'analyse',
  [`GET ${PROGRAMME}/insight/questionnaire.json`]: 'view',
  [`POST ${PROGRAMME}/insight/codebook`]: 'analyse',
  [`GET ${PROGRAMME}/insight/codebook.qdc`]: 'view',
  [`POST ${PROGRAMME}/insight/codebook/frames`]: 'analyse',
  [`POST ${PROGRAMME}/insight/codebook/import`]: 'analyse',
  [`GET ${PROGRAMME}/insight/codebook/proposals`]: 'analyse',
  [`GET ${PROGRAMME}/insight/codebook/:theme`]: 'analyse',
  [`POST ${PROGRAMME}/insight/codebook/:theme`]: 'analyse',
  [`POST ${PROGRAMME}/insight/codebook/:theme/remove`]: 'analyse',
  [`GET ${PROGRAMME}/measures/:measure`]: 'view',
  [`GET ${PROGRAMME}/measures/:measure/data.csv`]: 'view',
  [`GET ${PROGRAMME}/measures/:measure/sites`]: 'view',
  [`GET ${PROGRAMME}/measures/:measure/groups`]: 'view',
  [`POST ${PROGRAMME}/measures/:measure/rebases`]: 'analyse',
  [`POST ${PROGRAMME}/measures/:measure/rebases/remove`]: 'analyse',
  [`POST ${PROGRAMME}/measures/:measure/notes`]: 'analyse',
  [`POST ${PROGRAMME}/measures/:measure/notes/remove`]: 'analyse',
  [`GET ${PROGRAMME}/import`]: 'analyse',
  [`POST ${PROGRAMME}/import`]: 'analyse',
  'GET /organisations/:org/people': 'administer',
  'POST /organisations/:org/people': 'administer',
  'GET /organisations/:org/audit': 'administer',
  'GET /organisations/:org/audit.csv': 'administer',
  ...DECIDE_ROUTE_PERMISSIONS,
  ...IMPLEMENT_ROUTE_PERMISSIONS,
  ...REVIEW_ROUTE_PERMISSIONS,
  ...REVIEW_PAGE_PERMISSIONS,
  ...BRIEFING_ROUTE_PERMISSIONS,
  ...INFOGRAPHIC_ROUTE_PERMISSIONS,
  ...DISCLOSURE_ROUTE_PERMISSIONS,
  ...INTEROP_ROUTE_PERMISSIONS,
  ...COMMUNITY_ROUTE_PERMISSIONS,
  ...SCHEDULE_ROUTE_PERMISSIONS,
}

export function routeAccess(method: string, path: string): RouteAccess | undefined {
  return ROUTE_PERMISSIONS[`${method === 'HEAD' ? 'GET' : method} ${path}`]
}
