/**
 * Every GET route of the app, requested with real ids: the records the routes need (insight, the
 * loop, a community network and lesson) are seeded into the fixture's organisation `test`, each
 * `:param` of a route pattern is filled with one of them, and each URL is asked for as the
 * organisation's administrator. For tests that must show every page and API read still answers
 * (on a read replica, for instance).
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { AppDeps } from '../../src/app/deps.ts'
import { seedCommunityFixture, type CommunityIds } from './community.ts'
import { seedInsight } from './insight.ts'
import { seedLoopRecords, type LoopIds } from './loop.ts'

export interface CrawlIds {
  readonly loop: LoopIds
  readonly community: CommunityIds
  readonly theme: number
  readonly finding: number
}

/** Seeds what the GET routes of organisation `test` (programme htn) need and returns their ids. */
export async function seedCrawlRecords(deps: AppDeps): Promise<CrawlIds> {
  await seedInsight(deps, 'test')
  const theme = (await deps.store.db.selectFrom('themes').select('id').orderBy('id').executeTakeFirstOrThrow()).id
  const finding = (await deps.store.db.selectFrom('findings').select('id').orderBy('id').executeTakeFirstOrThrow()).id
  const loop = await seedLoopRecords(deps, 'test')
  const community = await seedCommunityFixture(deps, 'test')
  return { loop, community, theme, finding }
}

/** The distinct GET route patterns of `app`. */
export function getRoutes(app: OpenAPIHono): string[] {
  return [...new Set(app.routes.filter((r) => r.method === 'GET').map((r) => r.path))]
}

/** A real URL for a GET route pattern in organisation `test`. */
export function urlOf(pattern: string, ids: CrawlIds): string {
  const values: Record<string, string> = {
    org: 'test',
    programme: 'htn',
    measure: 'bp-control',
    theme: String(ids.theme),
    finding: String(ids.finding),
    group: ids.loop.group,
    meeting: String(ids.loop.meeting),
    decision: String(ids.loop.decision),
    driver: String(ids.loop.driver),
    action: String(ids.loop.action),
    cycle: String(ids.loop.cycle),
    issue: String(ids.loop.issue),
    prediction: String(ids.loop.prediction),
    webhook: String(ids.loop.webhook),
    schedule: String(ids.loop.schedule),
    suggestion: String(ids.loop.suggestion),
    lesson: String(ids.community.lesson),
    network: ids.community.network,
  }
  const url = pattern.replace(/:([a-z]+)/g, (whole, name: string) => {
    const value = values[name]
    if (value === undefined) throw new Error(`the crawl has no value for ${whole} in ${pattern}: add one to test/support/crawl.ts`)
    return value
  })
  return url.replace('*', 'lhs.css')
}

export interface CrawlAnswer {
  readonly url: string
  readonly status: number
  /** The start of the body of an answer of 500 or more, to say what broke. */
  readonly detail: string
}

/** Asks for every GET route of `app` with `request` (which adds the credentials); every answer's status. */
export async function crawl(app: OpenAPIHono, ids: CrawlIds, request: (url: string) => Promise<Response>): Promise<CrawlAnswer[]> {
  const answers: CrawlAnswer[] = []
  for (const pattern of getRoutes(app)) {
    const url = urlOf(pattern, ids)
    const response = await request(url)
    const body = await response.text()
    answers.push({ url, status: response.status, detail: response.status >= 500 ? body.replace(/\s+/g, ' ').slice(0, 300) : '' })
  }
  return answers
}
