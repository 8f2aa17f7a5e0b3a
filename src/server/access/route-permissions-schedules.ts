/** What scheduled briefings need (merged into ROUTE_PERMISSIONS in route-permissions.ts): seeing schedules and sent files is `view`, changing them is `lead`. */
import type { RouteAccess } from './route-permissions.ts'

const PROGRAMME = '/organisations/:org/programmes/:programme'

export const SCHEDULE_ROUTE_PERMISSIONS: Readonly<Record<string, RouteAccess>> = {
  [`GET ${PROGRAMME}/briefings/schedules`]: 'view',
  [`POST ${PROGRAMME}/briefings/schedules`]: 'lead',
  [`POST ${PROGRAMME}/briefings/schedules/:schedule/send`]: 'lead',
  [`POST ${PROGRAMME}/briefings/schedules/:schedule/remove`]: 'lead',
  [`GET ${PROGRAMME}/briefings/issued/:issue`]: 'view',
}
