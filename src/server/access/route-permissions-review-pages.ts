/** What the review pages need (merged into ROUTE_PERMISSIONS in route-permissions.ts). */
import type { RouteAccess } from './route-permissions.ts'

const PROGRAMME = '/organisations/:org/programmes/:programme'

export const REVIEW_PAGE_PERMISSIONS: Readonly<Record<string, RouteAccess>> = {
  [`GET ${PROGRAMME}/loop`]: 'view',
  [`POST ${PROGRAMME}/loop/review`]: 'lead',
  [`POST ${PROGRAMME}/actions/:action/review`]: 'lead',
  [`POST ${PROGRAMME}/rebase-suggestions/:suggestion`]: 'lead',
  'GET /inbox': 'signed_in',
  'POST /inbox/read': 'signed_in',
  'GET /organisations/:org/webhooks': 'administer',
  'POST /organisations/:org/webhooks': 'administer',
  'POST /organisations/:org/webhooks/:webhook/remove': 'administer',
}
