/**
 * What the review API routes need (merged into ROUTE_PERMISSIONS in route-permissions.ts): reading
 * takes `view`, running the reviews and deciding rebase suggestions `lead`, webhooks `administer`.
 * Every member reads and marks their own inbox.
 */
import type { RouteAccess } from './route-permissions.ts'

const API = '/api/v1/organisations/:org'
const PROGRAMME = `${API}/programmes/:programme`

export const REVIEW_ROUTE_PERMISSIONS: Readonly<Record<string, RouteAccess>> = {
  [`GET ${PROGRAMME}/review`]: 'view',
  [`POST ${PROGRAMME}/review`]: 'lead',
  [`GET ${PROGRAMME}/actions/:action/review`]: 'view',
  [`GET ${PROGRAMME}/rebase-suggestions`]: 'view',
  [`POST ${PROGRAMME}/rebase-suggestions/:suggestion`]: 'lead',
  [`GET ${API}/inbox`]: 'view',
  [`POST ${API}/inbox/read`]: 'view',
  [`GET ${API}/webhooks`]: 'administer',
  [`POST ${API}/webhooks`]: 'administer',
  [`DELETE ${API}/webhooks/:webhook`]: 'administer',
}
