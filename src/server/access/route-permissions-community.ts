/** What the learning community routes need (merged into ROUTE_PERMISSIONS in route-permissions.ts). */
import type { RouteAccess } from './route-permissions.ts'

export const COMMUNITY_ROUTE_PERMISSIONS: Readonly<Record<string, RouteAccess>> = {}
