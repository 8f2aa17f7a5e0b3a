import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../test/support/engines.ts'
import { withToken } from '../../test/support/people.ts'
import { jsonOf, openTestServer, problemOf, serverDeps, type TestServer } from '../../test/support/server.ts'
import { createApp } from './create-app.tsx'

const API = '/api/v1/organisations'
const SERIES_PATH = `${API}/{org}/programmes/{programme}/measures/{measure}/series`

/** Every `$ref` in the document, e.g. `#/components/schemas/Measure`. */
function refs(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(refs)
  if (typeof value !== 'object' || value === null) return []
  return Object.entries(value).flatMap(([key, child]) => (key === '$ref' && typeof child === 'string' ? [child] : refs(child)))
}

function resolve(document: unknown, ref: string): unknown {
  return ref
    .replace(/^#\//, '')
    .split('/')
    .reduce<unknown>((node, part) => (typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined), document)
}

interface Operation {
  readonly parameters?: { name: string; in: string; required?: boolean; schema?: { enum?: string[] } }[]
  readonly requestBody?: { content: Record<string, unknown> }
  readonly responses: Record<string, { content?: Record<string, unknown> }>
}

interface OpenApiDocument {
  readonly openapi: string
  readonly info: { title: string; version: string }
  readonly paths: Record<string, Record<string, Operation>>
  readonly components: { schemas: Record<string, unknown> }
}

for (const engine of enginesUnderTest()) {
  describe(`the app on ${engine.engine}: health, OpenAPI, unknown routes, assets`, () => {
    let server: TestServer
    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
    })
    afterAll(async () => {
      await server.close()
    })

    it('GET /health answers 200 {"status":"ok"} when the database answers', async () => {
      expect(await jsonOf(await server.app.request('/health'))).toEqual({ status: 'ok' })
    })

    it('GET /health answers 503 when the store cannot be reached', async () => {
      const app = createApp({ ...serverDeps(server.store), store: { ...server.store, ping: async () => false } })
      expect(await jsonOf(await app.request('/health'), 503)).toEqual({ status: 'unavailable' })
    })

    it('serves a valid OpenAPI 3.1 document listing every route, with resolvable $refs', async () => {
      const document = (await jsonOf(await server.app.request('/api/openapi.json'))) as OpenApiDocument
      expect(document.openapi).toBe('3.1.0')
      expect(document.info).toMatchObject({ title: expect.any(String), version: '1' })
      expect(Object.keys(document.paths).sort()).toEqual(
        [
          '/api/v1/me',
          API,
          `${API}/{org}`,
          `${API}/{org}/audit`,
          `${API}/{org}/sites`,
          `${API}/{org}/programmes`,
          `${API}/{org}/programmes/{programme}`,
          `${API}/{org}/programmes/{programme}/measures`,
          `${API}/{org}/programmes/{programme}/measures/{measure}`,
          `${API}/{org}/programmes/{programme}/measures/{measure}/observations`,
          SERIES_PATH,
          `${API}/{org}/programmes/{programme}/measures/{measure}/chart`,
          `${API}/{org}/programmes/{programme}/measures/{measure}/funnel`,
          `${API}/{org}/programmes/{programme}/measures/{measure}/groups`,
          `${API}/{org}/programmes/{programme}/measures/{measure}/notes`,
          `${API}/{org}/programmes/{programme}/measures/{measure}/rebases`,
          `${API}/{org}/programmes/{programme}/measures/{measure}/rebases/{date}`,
          `${API}/{org}/programmes/{programme}/summary`,
          `${API}/{org}/programmes/{programme}/imports`,
          `${API}/{org}/programmes/{programme}/insights`,
          `${API}/{org}/programmes/{programme}/insights/imports`,
          `${API}/{org}/programmes/{programme}/themes`,
          `${API}/{org}/programmes/{programme}/themes/matrix`,
          `${API}/{org}/programmes/{programme}/excerpts`,
          `${API}/{org}/programmes/{programme}/excerpts/{excerpt}/codings`,
          `${API}/{org}/programmes/{programme}/agreement`,
          `${API}/{org}/programmes/{programme}/suggestions`,
          `${API}/{org}/programmes/{programme}/findings`,
          `${API}/{org}/programmes/{programme}/findings/recompute`,
          `${API}/{org}/programmes/{programme}/findings/{finding}`,
          `${API}/{org}/programmes/{programme}/findings/{finding}/decision`,
          `${API}/{org}/groups`,
          `${API}/{org}/groups/{group}`,
          `${API}/{org}/groups/{group}/members`,
          `${API}/{org}/inbox`,
          `${API}/{org}/inbox/read`,
          `${API}/{org}/webhooks`,
          `${API}/{org}/webhooks/{webhook}`,
          `${API}/{org}/programmes/{programme}/aim`,
          `${API}/{org}/programmes/{programme}/drivers`,
          `${API}/{org}/programmes/{programme}/drivers/{driver}`,
          `${API}/{org}/programmes/{programme}/meetings`,
          `${API}/{org}/programmes/{programme}/meetings/{meeting}`,
          `${API}/{org}/programmes/{programme}/meetings/{meeting}/agenda`,
          `${API}/{org}/programmes/{programme}/decisions`,
          `${API}/{org}/programmes/{programme}/decisions/{decision}`,
          `${API}/{org}/programmes/{programme}/decisions/{decision}/versions`,
          `${API}/{org}/programmes/{programme}/lessons`,
          `${API}/{org}/programmes/{programme}/actions`,
          `${API}/{org}/programmes/{programme}/actions/{action}`,
          `${API}/{org}/programmes/{programme}/actions/{action}/predictions`,
          `${API}/{org}/programmes/{programme}/actions/{action}/predictions/{prediction}`,
          `${API}/{org}/programmes/{programme}/actions/{action}/cycles`,
          `${API}/{org}/programmes/{programme}/actions/{action}/cycles/{cycle}`,
          `${API}/{org}/programmes/{programme}/actions/{action}/review`,
          `${API}/{org}/programmes/{programme}/review`,
          `${API}/{org}/programmes/{programme}/rebase-suggestions`,
          `${API}/{org}/programmes/{programme}/rebase-suggestions/{suggestion}`,
          `${API}/{org}/programmes/{programme}/fhir`,
          `${API}/{org}/programmes/{programme}/fhir/imports`,
          `${API}/{org}/programmes/{programme}/refi-qda.qdpx`,
          `${API}/{org}/community/networks`,
          `${API}/{org}/community/networks/{network}/membership`,
          `${API}/{org}/community/networks/{network}/measures/{measure}/aggregates`,
          `${API}/{org}/community/networks/{network}/measures/{measure}/funnel`,
          `${API}/{org}/community/lessons`,
          `${API}/{org}/community/lessons/mine`,
          `${API}/{org}/community/lessons/{lesson}`,
          `${API}/{org}/community/lessons/{lesson}/comments`,
          `${API}/{org}/community/lessons/{lesson}/preview`,
          `${API}/{org}/community/lessons/{lesson}/publish`,
          `${API}/{org}/community/lessons/{lesson}/withdraw`,
        ].sort(),
      )
      for (const [path, item] of Object.entries(document.paths)) {
        const templated = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1])
        for (const [method, operation] of Object.entries(item)) {
          const where = `${method.toUpperCase()} ${path}`
          expect(Object.keys(operation.responses).some((status) => /^2\d\d$/.test(status)), `${where} has a success response`).toBe(true)
          const inPath = (operation.parameters ?? []).filter((p) => p.in === 'path')
          expect(inPath.map((p) => [p.name, p.required]), `${where} declares its path parameters`).toEqual(templated.map((name) => [name, true]))
          if (templated.length > 0) expect(Object.keys(operation.responses[404]?.content ?? {}), `${where} documents its 404`).toEqual(['application/problem+json'])
        }
      }
      for (const ref of refs(document)) expect(resolve(document, ref), `${ref} resolves`).toBeDefined()
      expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['Measure', 'Site', 'Series', 'SpcResult', 'Problem', 'ImportReport', 'Issue', 'MeasureChart', 'SiteComparison', 'GroupComparison', 'SummaryMatrix']))
    })

    it('documents the series query (site, dimension, group, profile) and the multipart import body', async () => {
      const document = (await jsonOf(await server.app.request('/api/openapi.json'))) as OpenApiDocument
      const series = document.paths[SERIES_PATH]?.get
      const query = (series?.parameters ?? []).filter((p) => p.in === 'query')
      expect(query.map((p) => p.name).sort()).toEqual(['dimension', 'group', 'profile', 'site'])
      expect(query.find((p) => p.name === 'profile')?.schema?.enum).toEqual(['mdc', 'mdc_excel', 'mdc2023', 'qic'])
      const upload = document.paths[`${API}/{org}/programmes/{programme}/imports`]?.post
      expect(Object.keys(upload?.requestBody?.content ?? {})).toEqual(['multipart/form-data'])
      expect(Object.keys(upload?.responses ?? {})).toEqual(expect.arrayContaining(['200', '400', '404', '413', '422']))
    })

    /**
     * GET paths in the OpenAPI document: 22 up to findings, then the loop's 17 (groups, meetings, decisions,
     * lessons, aim, drivers, actions, cycles, reviews, inbox, webhooks), the 2 exports (FHIR, REFI-QDA) and the
     * learning community's 7 (networks, funnel, lessons, mine, a lesson, its comments, its preview).
     */
    const GET_PATHS = 48

    it('answers every GET path of the document (so the document does not list routes that do not exist)', async () => {
      const document = (await jsonOf(await server.app.request('/api/openapi.json'))) as OpenApiDocument
      const paths = Object.entries(document.paths).filter(([, item]) => item.get !== undefined)
      expect(paths).toHaveLength(GET_PATHS)
      const records = /\{(finding|group|meeting|decision|action|network|lesson)\}/
      for (const [path] of paths) {
        const url = path.replace('{org}', 'test').replace('{programme}', 'htn').replace('{measure}', 'bp-control').replace(records, (_, name: string) => (name === 'group' ? 'board' : '1'))
        // The fixture has no findings, groups, meetings, decisions or actions: those routes answer, with "no finding 1" and the like.
        expect((await server.app.request(url)).status, url).toBe(records.test(path) ? 404 : 200)
      }
    })

    it('answers an unknown /api path, or a known path with a wrong method, with a not_found problem', async () => {
      const unknown = await problemOf(await server.app.request('/api/v2/organisations'), 404, 'not_found')
      expect(unknown.detail).toBe('No API route for GET /api/v2/organisations.')
      const wrongMethod = await problemOf(await server.app.request(API, { method: 'DELETE' }), 404, 'not_found')
      expect(wrongMethod.detail).toBe(`No API route for DELETE ${API}.`)
    })

    it('answers an unknown page with an HTML 404 page that links home', async () => {
      const response = await server.app.request('/no-such-page')
      expect(response.status).toBe(404)
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      const html = await response.text()
      expect(html).toContain('<html lang="en-GB">')
      expect(html).toContain('<h1>Page not found</h1>')
      expect(html).toContain('<a href="/">Go to the list of programmes</a>')
    })

    it('serves the stylesheets, script and favicon the layout links to, and nothing outside the asset folders', async () => {
      const expected: [string, RegExp][] = [
        ['/assets/nhsuk-frontend.min.css', /^text\/css/],
        ['/assets/lhs.css', /^text\/css/],
        ['/assets/nhsuk-frontend.min.js', /^text\/javascript/],
        ['/assets/images/favicon.svg', /^image\/svg\+xml$/],
      ]
      for (const [path, type] of expected) {
        const response = await server.app.request(path)
        expect(response.status, path).toBe(200)
        expect(response.headers.get('content-type'), path).toMatch(type)
        expect((await response.arrayBuffer()).byteLength, path).toBeGreaterThan(100)
      }
      for (const path of ['/assets/images/../../../../package.json', '/assets/images/%2e%2e/%2e%2e/%2e%2e/%2e%2e/package.json', '/assets/create-app.tsx', '/assets/nope.css']) {
        expect((await server.app.request(path)).status, path).toBe(404)
      }
    })

    it('answers an unexpected failure with an internal problem that names no internals, and logs it', async () => {
      const broken = createApp({ ...serverDeps(server.store, server.logs), store: { ...server.store, db: undefined as never } })
      const before = server.logs.length
      const body = await problemOf(await broken.request(API, withToken(undefined, server.tokens.get('admin'))), 500, 'internal')
      expect(body.detail).toBe('Something went wrong on the server. The error has been logged.')
      expect(JSON.stringify(body)).not.toMatch(/TypeError|undefined|at /)
      expect(server.logs.slice(before)).toEqual([expect.stringMatching(/^unexpected error on GET \/api\/v1\/organisations: TypeError/)])
    })
  })
}
