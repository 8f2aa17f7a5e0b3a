/**
 * What the sharing routes need (merged into ROUTE_PERMISSIONS in route-permissions.ts): briefings
 * and the infographic, the organisation's disclosure policy, FHIR and REFI-QDA exports and imports.
 * Each capability keeps its own table below.
 */
import type { RouteAccess } from './route-permissions.ts'

/** Briefings: web page, PDF and Word (server/pages/share/briefing-routes.tsx). */
export const BRIEFING_ROUTE_PERMISSIONS: Readonly<Record<string, RouteAccess>> = {}

/** The infographic, SVG and PNG (server/pages/share/infographic-routes.tsx). */
export const INFOGRAPHIC_ROUTE_PERMISSIONS: Readonly<Record<string, RouteAccess>> = {}

/** The organisation's disclosure policy (server/pages/share/disclosure-routes.tsx). */
export const DISCLOSURE_ROUTE_PERMISSIONS: Readonly<Record<string, RouteAccess>> = {}

/** FHIR Measure/MeasureReport and REFI-QDA exports and imports (server/api/interop-routes.ts). */
export const INTEROP_ROUTE_PERMISSIONS: Readonly<Record<string, RouteAccess>> = {}
