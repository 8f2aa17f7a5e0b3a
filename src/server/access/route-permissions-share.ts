/**
 * What the sharing routes need (merged into ROUTE_PERMISSIONS in route-permissions.ts): briefings
 * and the infographic, the organisation's disclosure policy, FHIR and REFI-QDA exports and imports.
 * Each capability keeps its own table below.
 */
import type { RouteAccess } from './route-permissions.ts'

/** Briefings: web page, PDF and Word (server/pages/share/briefing-routes.tsx). */
export const BRIEFING_ROUTE_PERMISSIONS: Readonly<Record<string, RouteAccess>> = {
  // Each briefing's page and downloads (?audience=external for the shareable version); quotes need read_text, checked in the handler.
  'GET /organisations/:org/programmes/:programme/briefings': 'view',
  'GET /organisations/:org/programmes/:programme/briefings/board': 'view',
  'GET /organisations/:org/programmes/:programme/briefings/board.pdf': 'view',
  'GET /organisations/:org/programmes/:programme/briefings/board.docx': 'view',
  'GET /organisations/:org/programmes/:programme/briefings/community': 'view',
  'GET /organisations/:org/programmes/:programme/briefings/community.pdf': 'view',
  'GET /organisations/:org/programmes/:programme/briefings/community.docx': 'view',
  'GET /organisations/:org/programmes/:programme/meetings/:meeting/briefing': 'view',
  'GET /organisations/:org/programmes/:programme/meetings/:meeting/briefing.pdf': 'view',
  'GET /organisations/:org/programmes/:programme/meetings/:meeting/briefing.docx': 'view',
  'GET /organisations/:org/programmes/:programme/findings/:finding/briefing': 'view',
  'GET /organisations/:org/programmes/:programme/findings/:finding/briefing.pdf': 'view',
  'GET /organisations/:org/programmes/:programme/findings/:finding/briefing.docx': 'view',
}

/** The infographic, SVG and PNG (server/pages/share/infographic-routes.tsx). */
export const INFOGRAPHIC_ROUTE_PERMISSIONS: Readonly<Record<string, RouteAccess>> = {
  'GET /organisations/:org/programmes/:programme/infographic': 'view',
  'GET /organisations/:org/programmes/:programme/infographic.svg': 'view',
  'GET /organisations/:org/programmes/:programme/infographic.png': 'view',
  'GET /organisations/:org/programmes/:programme/findings/:finding/infographic.svg': 'view',
  'GET /organisations/:org/programmes/:programme/findings/:finding/infographic.png': 'view',
}

/** The organisation's disclosure policy (server/pages/share/disclosure-routes.tsx). */
export const DISCLOSURE_ROUTE_PERMISSIONS: Readonly<Record<string, RouteAccess>> = {
  'GET /organisations/:org/disclosure': 'administer',
  'POST /organisations/:org/disclosure': 'administer',
}

/** FHIR Measure/MeasureReport and REFI-QDA exports and imports (server/api/interop-routes.ts). */
export const INTEROP_ROUTE_PERMISSIONS: Readonly<Record<string, RouteAccess>> = {
  // External (disclosure-controlled) for everyone who sees aggregates; audience=internal is refused in the handler without `analyse`.
  'GET /api/v1/organisations/:org/programmes/:programme/fhir': 'view',
  'POST /api/v1/organisations/:org/programmes/:programme/fhir/imports': 'analyse',
  'GET /api/v1/organisations/:org/programmes/:programme/refi-qda.qdpx': 'read_text',
}
