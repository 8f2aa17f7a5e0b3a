/**
 * What the learning community routes need (merged into ROUTE_PERMISSIONS in route-permissions.ts).
 * Reading lessons, threads and the network funnel takes `view`; drafting, publishing, withdrawing
 * and sharing aggregates `lead` (they decide what leaves the organisation); commenting
 * `contribute` (adding to a discussion, like adding insight; viewers only read); joining or
 * leaving a network `administer`.
 */
import type { RouteAccess } from './route-permissions.ts'

const API = '/api/v1/organisations/:org/community'
const PAGES = '/organisations/:org/community'

export const COMMUNITY_ROUTE_PERMISSIONS: Readonly<Record<string, RouteAccess>> = {
  [`GET ${API}/networks`]: 'view',
  [`POST ${API}/networks/:network/membership`]: 'administer',
  [`POST ${API}/networks/:network/measures/:measure/aggregates`]: 'lead',
  [`GET ${API}/networks/:network/measures/:measure/funnel`]: 'view',
  [`GET ${API}/lessons`]: 'view',
  [`GET ${API}/lessons/mine`]: 'view',
  [`POST ${API}/lessons`]: 'lead',
  [`GET ${API}/lessons/:lesson`]: 'view',
  [`PUT ${API}/lessons/:lesson`]: 'lead',
  [`GET ${API}/lessons/:lesson/comments`]: 'view',
  [`POST ${API}/lessons/:lesson/comments`]: 'contribute',
  [`GET ${API}/lessons/:lesson/preview`]: 'lead',
  [`POST ${API}/lessons/:lesson/publish`]: 'lead',
  [`POST ${API}/lessons/:lesson/withdraw`]: 'lead',
  [`GET ${PAGES}`]: 'view',
  [`POST ${PAGES}/lessons`]: 'lead',
  [`GET ${PAGES}/lessons/:lesson`]: 'view',
  [`POST ${PAGES}/lessons/:lesson/comments`]: 'contribute',
  [`GET ${PAGES}/lessons/:lesson/edit`]: 'lead',
  [`POST ${PAGES}/lessons/:lesson/edit`]: 'lead',
  [`GET ${PAGES}/lessons/:lesson/preview`]: 'lead',
  [`POST ${PAGES}/lessons/:lesson/publish`]: 'lead',
  [`POST ${PAGES}/lessons/:lesson/withdraw`]: 'lead',
  [`GET ${PAGES}/networks/:network`]: 'view',
  [`POST ${PAGES}/networks/:network/membership`]: 'administer',
  [`POST ${PAGES}/networks/:network/measures/:measure/aggregates`]: 'lead',
}
