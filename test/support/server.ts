/**
 * The HTTP app on a real, migrated store, for route, page and browser tests: the fixture programme
 * (test/support/fixture.ts) plus a few imported observations, or the full demo (~63k rows).
 * Fixed clock, a log that collects messages, and a small upload limit.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import { parseHTML } from 'linkedom'
import { expect } from 'vitest'
import { importFile } from '../../src/app/gather/import-file.ts'
import { seedDemo } from '../../src/app/seed/seed-demo.ts'
import { ProblemSchema, type Problem } from '../../src/contract/problem.ts'
import { CLI_ACTOR } from '../../src/app/auth/audit.ts'
import { addMember } from '../../src/app/auth/people.ts'
import { DEFAULT_AUTH_SETTINGS } from '../../src/app/auth/settings.ts'
import { createToken } from '../../src/app/auth/tokens.ts'
import { createApp, type ServerDeps } from '../../src/server/create-app.tsx'
import type { Store } from '../../src/storage/database.ts'
import { upsertMeasures } from '../../src/storage/measures.ts'
import { findOrganisation } from '../../src/storage/organisations.ts'
import { findProgramme } from '../../src/storage/programmes.ts'
import { upsertSites } from '../../src/storage/sites.ts'
import type { EngineUnderTest } from './engines.ts'
import { seedTestPeople, withToken, type TestUser } from './people.ts'
import { csv, fixedClock, measureFixture, monday, seedFixture } from './fixture.ts'

/** The password of admin@riverside.example in the demo test server (browser tests sign in with it). */
export const DEMO_TEST_PASSWORD = 'demo password for tests only'

/** Small enough that a test can exceed it with a few kilobytes. */
export const TEST_UPLOAD_LIMIT_BYTES = 64 * 1024

/** Weeks of data in the fixture series. */
export const FIXTURE_WEEKS = 20

export interface TestServer {
  /** The app; its `request` signs in as the `test` organisation's administrator unless the request carries credentials. */
  readonly app: OpenAPIHono
  /** The app with no default credentials. */
  readonly rawApp: OpenAPIHono
  /** A request as one of the test people (support/people.ts). */
  requestAs(user: TestUser, path: string, init?: RequestInit): Promise<Response>
  readonly tokens: ReadonlyMap<Exclude<TestUser, 'anonymous'>, string>
  readonly deps: ServerDeps
  readonly store: Store
  /** Every message the app logged, oldest first. */
  readonly logs: string[]
  /** Closes the store and drops the engine's throwaway databases. */
  close(): Promise<void>
}

export interface TestServerOptions {
  readonly seed: 'fixture' | 'demo'
  readonly uploadLimitBytes?: number
}

/** Server deps around `store`: fixed clock, collecting log, small upload limit. */
export function serverDeps(store: Store, logs: string[] = [], uploadLimitBytes = TEST_UPLOAD_LIMIT_BYTES): ServerDeps {
  return { store, clock: fixedClock(), uploadLimitBytes, log: (message) => logs.push(message), auth: DEFAULT_AUTH_SETTINGS, trustProxy: false }
}

/** A migrated store on `engine`, seeded as asked, and the app over it. */
export async function openTestServer(engine: EngineUnderTest, options: TestServerOptions): Promise<TestServer> {
  const store = await engine.open()
  const logs: string[] = []
  const deps = serverDeps(store, logs, options.uploadLimitBytes)
  if (options.seed === 'demo') await seedDemo(deps)
  else await seedServerFixture(deps)
  if (options.seed === 'demo') {
    await addMember(deps, CLI_ACTOR, { email: 'admin@riverside.example', organisation: 'riverside', role: 'admin', password: DEMO_TEST_PASSWORD })
    await addMember(deps, CLI_ACTOR, { email: 'admin@riverside.example', organisation: 'northshore', role: 'admin' })
  }
  const tokens = options.seed === 'demo' ? new Map([['admin' as const, (await createToken(deps, CLI_ACTOR, 'admin@riverside.example', 'test')).token]]) : await seedTestPeople(deps)
  const rawApp = createApp(deps)
  const requestAs = async (user: TestUser, path: string, init?: RequestInit) => rawApp.request(path, user === 'anonymous' ? init : withToken(init, tokens.get(user)))
  const app = Object.create(rawApp, {
    request: { value: (input: string | Request, init?: RequestInit, env?: unknown) => rawApp.request(input instanceof Request ? authorised(input, tokens.get('admin')) : input, input instanceof Request ? init : withToken(init, tokens.get('admin')), env as never) },
  }) as OpenAPIHono
  return {
    app,
    rawApp,
    requestAs,
    tokens,
    deps,
    store,
    logs,
    async close() {
      await store.close()
      await engine.cleanUp()
    },
  }
}

/** bp-control at alpha, beta and the whole organisation, deprivation quintile 1 at alpha, and one week each of falls and monitors-lent. */
export const FIXTURE_OBSERVATIONS: Uint8Array = csv(
  ...weekly('bp-control', 'alpha', (i) => `${50 + (i % 4)},100,`),
  ...weekly('bp-control', 'beta', (i) => `${60 + (i % 3)},100,`),
  ...weekly('bp-control', '', (i) => `${110 + (i % 5)},200,`),
  ...weekly('bp-control', 'alpha', (i) => `${20 + (i % 2)},40,`, 'imd_quintile,1'),
  'falls,2025-01-06,,,,3,1500,',
  'monitors-lent,2025-01-06,beta,,,,,4',
)

/**
 * Organisation `other` gets data of its own that must never show under `test`: a site `gamma`, a
 * measure `bp-control` named "Other ICS blood pressure" and a measure `other-only`, 10 weeks of values.
 */
export const OTHER_OBSERVATIONS: Uint8Array = csv(...Array.from({ length: 10 }, (_, i) => `bp-control,${monday(i)},gamma,,,${90 + i},100,`), 'other-only,2025-01-06,,,,,,7')

function weekly(measure: string, site: string, counts: (i: number) => string, who = ','): string[] {
  return Array.from({ length: FIXTURE_WEEKS }, (_, i) => `${measure},${monday(i)},${site},${who},${counts(i)}`)
}

async function seedServerFixture(deps: ServerDeps): Promise<void> {
  const { store } = deps
  await seedFixture(store)
  const other = await findOrganisation(store.db, 'other')
  const otherProgramme = other && (await findProgramme(store.db, other.id, 'htn'))
  if (!other || !otherProgramme) throw new Error('seedFixture did not create organisation other with programme htn')
  await upsertSites(store.db, other.id, [{ code: 'gamma', name: 'Gamma Practice', kind: 'practice', parent: 'other' }])
  await upsertMeasures(store.db, other.id, otherProgramme.id, [
    measureFixture({ code: 'bp-control', name: 'Other ICS blood pressure' }),
    measureFixture({ code: 'other-only', name: 'Only in Other ICS', kind: 'count' }),
  ])
  await importOrThrow(deps, 'test', 'fixture.csv', FIXTURE_OBSERVATIONS)
  await importOrThrow(deps, 'other', 'other.csv', OTHER_OBSERVATIONS)
}

async function importOrThrow(deps: ServerDeps, organisation: string, fileName: string, content: Uint8Array): Promise<void> {
  const report = await importFile(deps, { organisation, programme: 'htn', kind: 'observations', fileName, content, createdBy: 'fixture' })
  const errors = report.issues.filter((i) => i.severity === 'error')
  if (errors.length > 0) throw new Error(`fixture import into ${organisation} failed: ${errors.map((e) => e.message).join('; ')}`)
}

/** A multipart body with `kind` and `file`, as a browser form or API client sends it. */
export function uploadForm(kind: 'observations' | 'measures', fileName: string, content: Uint8Array | string, type = 'text/csv'): FormData {
  const form = new FormData()
  form.set('kind', kind)
  form.set('file', new File([content], fileName, { type }))
  return form
}

/** The JSON body of a response, after checking its status and content type (the body is quoted on a wrong status). */
export async function jsonOf(response: Response, status = 200): Promise<unknown> {
  const text = await response.text()
  expect(response.status, `status of a response with body ${text.slice(0, 500)}`).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^application\/json\b/)
  return JSON.parse(text) as unknown
}

/** The problem+json body of an error response, after checking its status, content type and stable code. */
export async function problemOf(response: Response, status: number, code: string): Promise<Problem> {
  const text = await response.text()
  expect(response.status, `status of a response with body ${text.slice(0, 500)}`).toBe(status)
  expect(response.headers.get('content-type')).toBe('application/problem+json')
  const body = ProblemSchema.parse(JSON.parse(text))
  expect(body).toMatchObject({ status, code })
  return body
}

/** Every property name in a JSON value, at any depth (to show that no database id leaks out). */
export function keysDeep(value: unknown): Set<string> {
  const keys = new Set<string>()
  const visit = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(visit)
    else if (typeof v === 'object' && v !== null) {
      for (const [key, child] of Object.entries(v)) {
        keys.add(key)
        visit(child)
      }
    }
  }
  visit(value)
  return keys
}

/** How many observation rows the store holds, across every organisation. */
export async function countObservations(store: Store): Promise<number> {
  const row = await store.db.selectFrom('observations').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return Number(row.n)
}

/** The few DOM operations page tests need (linkedom's nodes have them; the project has no DOM lib). */
export interface HtmlNode {
  getAttribute(name: string): string | null
  hasAttribute(name: string): boolean
  readonly textContent: string | null
  readonly tagName: string
  readonly id: string
  querySelector(selector: string): HtmlNode | null
  querySelectorAll(selector: string): Iterable<HtmlNode> & { readonly length: number }
}

/** The parsed document of an HTML response, after checking its status and content type. */
export async function htmlOf(response: Response, status = 200): Promise<HtmlNode> {
  const text = await response.text()
  expect(response.status, `status of a response with body ${text.slice(0, 300)}`).toBe(status)
  expect(response.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8$/i)
  return parseHTML(text).document as unknown as HtmlNode
}

/** Every node matching `selector` under `node`. */
export function all(node: HtmlNode, selector: string): HtmlNode[] {
  return [...node.querySelectorAll(selector)]
}

/** The one node matching `selector`; fails the test (naming the selector) when there is none. */
export function one(node: HtmlNode, selector: string): HtmlNode {
  const found = node.querySelector(selector)
  expect(found, `an element matching ${selector}`).not.toBeNull()
  return found!
}

/** Text content with runs of white space collapsed and trimmed. */
export function textOf(node: HtmlNode | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim()
}

function authorised(request: Request, token: string | undefined): Request {
  if (token === undefined || request.headers.has('authorization') || request.headers.has('cookie')) return request
  const headers = new Headers(request.headers)
  headers.set('authorization', `Bearer ${token}`)
  return new Request(request, { headers })
}
