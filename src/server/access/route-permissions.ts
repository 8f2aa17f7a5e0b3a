/**
 * What every route needs: `public`, `signed_in`, or a permission within the organisation named in
 * the path (core/access.ts). The access middleware refuses a route missing from this table, and the
 * access-matrix test (test/access/access-matrix.test.ts) checks every route against it for every role.
 */
import type { Permission } from '../../core/access.ts'

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
  [`GET ${PROGRAMME}`]: 'view',
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
}

export function routeAccess(method: string, path: string): RouteAccess | undefined {
  return ROUTE_PERMISSIONS[`${method === 'HEAD' ? 'GET' : method} ${path}`]
}
