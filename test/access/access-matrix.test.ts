/**
 * The access matrix: every route of the app, for every role in organisation `test`, for the
 * administrator of another organisation and for nobody, answers as route-permissions.ts says.
 * A route added without a declared permission fails here (and is refused at run time).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ROLES, can, type Role } from '../../src/core/access.ts'
import { ROUTE_PERMISSIONS, type RouteAccess } from '../../src/server/access/route-permissions.ts'
import { enginesUnderTest } from '../support/engines.ts'
import type { TestUser } from '../support/people.ts'
import { seedInsight } from '../support/insight.ts'
import { addDriver, addPrediction, addScheduleRow, addWebhookRow, seedLoopRecords, type LoopIds } from '../support/loop.ts'
import { getProgrammeScope } from '../../src/app/catalogue.ts'
import { insertTheme } from '../../src/storage/themes.ts'
import { openTestServer, type TestServer } from '../support/server.ts'
import { seedCommunityFixture, type CommunityIds } from '../support/community.ts'

const USERS: readonly TestUser[] = ['anonymous', ...ROLES, 'other_admin']

/** The id of a theme in test's codebook, and themes for the removal route to remove one per request (seeded in beforeAll). */
let themeId = 0
let findingId = 0
const removable: number[] = []
let loop: LoopIds
let community: CommunityIds
/** Fresh records for the routes that remove one (a removal per request). */
const fresh = { driver: [] as number[], prediction: [] as number[], webhook: [] as number[], schedule: [] as number[] }

/** A real URL for a route pattern, in organisation `test` (fixture programme htn, measure bp-control, a theme). */
function urlOf(path: string, method = 'GET'): string {
  const theme = path.endsWith('/:theme/remove') ? (removable.shift() ?? 0) : themeId
  const removes = (param: string) => path.endsWith(`/${param}/remove`) || (method === 'DELETE' && path.endsWith(`/${param}`))
  const pick = (param: ':driver' | ':prediction' | ':webhook' | ':schedule', seeded: number) => String(removes(param) ? (fresh[param.slice(1) as keyof typeof fresh].shift() ?? 0) : seeded)
  return path
    .replace(':driver', pick(':driver', loop.driver))
    .replace(':prediction', pick(':prediction', loop.prediction))
    .replace(':webhook', pick(':webhook', loop.webhook))
    .replace(':schedule', pick(':schedule', loop.schedule))
    .replace(':issue', String(loop.issue))
    .replace(':group', loop.group)
    .replace(':network', community.network)
    .replace(':lesson', String(community.lesson))
    .replace(':meeting', String(loop.meeting))
    .replace(':decision', String(loop.decision))
    .replace(':action', String(loop.action))
    .replace(':cycle', String(loop.cycle))
    .replace(':suggestion', String(loop.suggestion))
    .replace(':theme', String(theme)).replace(':finding', String(findingId)).replace(':org', 'test').replace(':programme', 'htn').replace(':measure', 'bp-control').replace(':date', 'not-a-date').replace('*', 'lhs.css')
}

type Outcome = 'allowed' | 'sign_in' | 'forbidden' | 'not_found'

function expected(access: RouteAccess, user: TestUser): Outcome {
  if (access === 'public') return 'allowed'
  if (user === 'anonymous') return 'sign_in'
  if (access === 'signed_in') return 'allowed'
  if (user === 'other_admin') return 'not_found'
  return can(user as Role, access) ? 'allowed' : 'forbidden'
}

function outcomeOf(path: string, response: Response): Outcome | `unexpected ${number}` {
  if (response.status === 401 || (response.status === 303 && response.headers.get('location')?.startsWith('/sign-in?next='))) return 'sign_in'
  if (response.status === 403) return 'forbidden'
  if (response.status === 404) return 'not_found'
  if (response.status >= 500) return `unexpected ${response.status}`
  return 'allowed'
}

const engine = enginesUnderTest()[0]!

describe('access matrix', () => {
  let server: TestServer
  let routes: { method: string; path: string }[]

  beforeAll(async () => {
    server = await openTestServer(engine, { seed: 'fixture' })
    await seedInsight(server.deps, 'test')
    themeId = (await server.store.db.selectFrom('themes').select('id').executeTakeFirstOrThrow()).id
    findingId = (await server.store.db.selectFrom('findings').select('id').executeTakeFirstOrThrow()).id
    const scope = await getProgrammeScope(server.deps, 'test', 'htn')
    for (let i = 0; i < USERS.length; i++) removable.push(await insertTheme(server.store.db, scope.organisation.id, scope.programme.id, { parentId: null, guid: `00000000-0000-4000-8000-1000000000${String(i).padStart(2, '0')}`, name: `Removable ${i}`, definition: '', examples: [], colour: null, frame: 'inductive', position: 9, createdBy: 'test' }))
    loop = await seedLoopRecords(server.deps, 'test')
    community = await seedCommunityFixture(server.deps, 'test')
    const measure = (await server.store.db.selectFrom('measures').select('id').where('organisation_id', '=', scope.organisation.id).orderBy('id').executeTakeFirstOrThrow()).id
    const group = (await server.store.db.selectFrom('decision_groups').select('id').where('organisation_id', '=', scope.organisation.id).where('code', '=', loop.group).executeTakeFirstOrThrow()).id
    const root = (await server.store.db.selectFrom('sites').select('id').where('organisation_id', '=', scope.organisation.id).where('kind', '=', 'system').executeTakeFirstOrThrow()).id
    for (let i = 0; i < USERS.length * 2; i++) {
      fresh.driver.push(await addDriver(server.deps, scope.organisation.id, scope.programme.id, `Removable driver ${i}`))
      fresh.prediction.push(await addPrediction(server.deps, scope.organisation.id, loop.action, measure, root, 'increase', `removable-${i}`))
      fresh.webhook.push(await addWebhookRow(server.deps, scope.organisation.id))
      fresh.schedule.push(await addScheduleRow(server.deps, scope.organisation.id, scope.programme.id, group))
    }
    const seen = new Set<string>()
    routes = server.rawApp.routes.filter((r) => r.method !== 'ALL' && !seen.has(`${r.method} ${r.path}`) && seen.add(`${r.method} ${r.path}`)).map((r) => ({ method: r.method, path: r.path }))
  })
  afterAll(() => server.close())

  it('every route declares the permission it needs, and every declaration is a route', () => {
    const declared = new Set(Object.keys(ROUTE_PERMISSIONS))
    const registered = new Set(routes.map((r) => `${r.method} ${r.path}`))
    expect([...registered].filter((r) => !declared.has(r)), 'routes without a declared permission').toEqual([])
    // Single sign-on routes exist only when it is configured (not in this test app).
    expect([...declared].filter((d) => !registered.has(d) && !d.includes('/auth/oidc/')), 'declarations without a route').toEqual([])
  })

  it('answers each route, for each kind of user, as the permission table says', { timeout: 300_000 }, async () => {
    const mismatches: string[] = []
    let checked = 0
    for (const route of routes) {
      const access = ROUTE_PERMISSIONS[`${route.method} ${route.path}`]!
      for (const user of USERS) {
        const url = urlOf(route.path, route.method)
        const init: RequestInit = { method: route.method, redirect: 'manual' }
        const response = await server.requestAs(user, url, init)
        await response.arrayBuffer()
        const want = expected(access, user)
        const got = outcomeOf(url, response)
        checked += 1
        if (got !== want) mismatches.push(`${route.method} ${url} as ${user}: expected ${want}, got ${got} (${response.status})`)
      }
    }
    expect(mismatches).toEqual([])
    expect(checked).toBe(routes.length * USERS.length)
    expect(routes.length).toBeGreaterThanOrEqual(25)
  })

  it('refuses a route that has no declared permission (fails closed)', async () => {
    const { createApp } = await import('../../src/server/create-app.tsx')
    const app = createApp(server.deps)
    app.get('/undeclared', (c) => c.text('should never be served'))
    const response = await app.request('/undeclared', { headers: { authorization: `Bearer ${server.tokens.get('admin')}` } })
    expect(response.status).toBe(403)
    expect(await response.text()).toContain('has no declared permission')
  })
})
