/** What the implement routes need (merged into ROUTE_PERMISSIONS in route-permissions.ts): reading takes `view`, every change `lead`. */
import type { RouteAccess } from './route-permissions.ts'

const API = '/api/v1/organisations/:org/programmes/:programme'
const PROGRAMME = '/organisations/:org/programmes/:programme'

export const IMPLEMENT_ROUTE_PERMISSIONS: Readonly<Record<string, RouteAccess>> = {
  [`GET ${API}/aim`]: 'view',
  [`PUT ${API}/aim`]: 'lead',
  [`GET ${API}/drivers`]: 'view',
  [`POST ${API}/drivers`]: 'lead',
  [`PATCH ${API}/drivers/:driver`]: 'lead',
  [`DELETE ${API}/drivers/:driver`]: 'lead',
  [`GET ${API}/actions`]: 'view',
  [`POST ${API}/actions`]: 'lead',
  [`GET ${API}/actions/:action`]: 'view',
  [`PATCH ${API}/actions/:action`]: 'lead',
  [`POST ${API}/actions/:action/predictions`]: 'lead',
  [`DELETE ${API}/actions/:action/predictions/:prediction`]: 'lead',
  [`GET ${API}/actions/:action/cycles`]: 'view',
  [`POST ${API}/actions/:action/cycles`]: 'lead',
  [`PATCH ${API}/actions/:action/cycles/:cycle`]: 'lead',
  [`GET ${PROGRAMME}/aim`]: 'view',
  [`GET ${PROGRAMME}/aim/edit`]: 'lead',
  [`POST ${PROGRAMME}/aim`]: 'lead',
  [`POST ${PROGRAMME}/drivers`]: 'lead',
  [`GET ${PROGRAMME}/drivers/:driver`]: 'lead',
  [`POST ${PROGRAMME}/drivers/:driver`]: 'lead',
  [`POST ${PROGRAMME}/drivers/:driver/move`]: 'lead',
  [`GET ${PROGRAMME}/drivers/:driver/remove`]: 'lead',
  [`POST ${PROGRAMME}/drivers/:driver/remove`]: 'lead',
  [`POST ${PROGRAMME}/drivers/:driver/measures`]: 'lead',
  [`POST ${PROGRAMME}/drivers/:driver/measures/remove`]: 'lead',
  [`GET ${PROGRAMME}/actions`]: 'view',
  // Registered after …/actions/:action, so the access check takes this route's permission for /actions/new.
  [`GET ${PROGRAMME}/actions/new`]: 'lead',
  [`POST ${PROGRAMME}/actions`]: 'lead',
  [`GET ${PROGRAMME}/actions/:action`]: 'view',
  [`GET ${PROGRAMME}/actions/:action/edit`]: 'lead',
  [`POST ${PROGRAMME}/actions/:action/edit`]: 'lead',
  [`GET ${PROGRAMME}/actions/:action/predictions/new`]: 'lead',
  [`POST ${PROGRAMME}/actions/:action/predictions`]: 'lead',
  [`POST ${PROGRAMME}/actions/:action/predictions/:prediction/remove`]: 'lead',
  [`POST ${PROGRAMME}/actions/:action/cycles`]: 'lead',
  [`GET ${PROGRAMME}/actions/:action/cycles/:cycle`]: 'view',
  [`POST ${PROGRAMME}/actions/:action/cycles/:cycle`]: 'lead',
}
