import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { enginesUnderTest } from '../../../../test/support/engines.ts'
import { openTestServer, type TestServer } from '../../../../test/support/server.ts'
import { CLI_ACTOR } from '../../../app/auth/audit.ts'
import { getProgrammeScope } from '../../../app/catalogue.ts'
import { recordEvent } from '../../../app/insight/record-insight.ts'
import { insertTheme } from '../../../storage/themes.ts'

const BASE = '/organisations/test/programmes/htn/insight'

function post(fields: [string, string][]): RequestInit {
  return { method: 'POST', body: new URLSearchParams(fields), headers: { 'content-type': 'application/x-www-form-urlencoded' } }
}

for (const engine of enginesUnderTest()) {
  describe(`coding excerpts on ${engine.engine}`, () => {
    let server: TestServer
    let access: number
    let evening: number
    let language: number
    let excerpts: { id: number; text: string }[]

    beforeAll(async () => {
      server = await openTestServer(engine, { seed: 'fixture' })
      const scope = await getProgrammeScope(server.deps, 'test', 'htn')
      const notes = ['No evening clinics, I cannot get time off work.', 'Evening clinics would help people who work.', 'Letters only in English.', 'Clinics in the evening please, after work.', 'My mum needs letters in Urdu.'].join('\n\n')
      await recordEvent(server.deps, CLI_ACTOR, scope, { kind: 'event', title: 'Barbershop conversation', runBy: '', place: '', site: 'alpha', date: '2025-05-01', groups: [], notes })
      const theme = (name: string, parentId: number | null, i: number) => insertTheme(server.store.db, scope.organisation.id, scope.programme.id, { parentId, guid: `00000000-0000-4000-8000-00000000000${i}`, name, definition: `About ${name.toLowerCase()}`, examples: [], colour: null, frame: 'inductive', position: i, createdBy: 'test' })
      access = await theme('Access', null, 1)
      evening = await theme('Evening clinics', access, 2)
      language = await theme('Language', null, 3)
      excerpts = await server.store.db.selectFrom('excerpts').select(['id', 'text']).orderBy('id').execute()
    })
    afterAll(() => server.close())

    const codings = () => server.store.db.selectFrom('codings').select(['excerpt_id', 'theme_id', 'coder', 'machine', 'status', 'span_start', 'span_end']).orderBy('id').execute()

    it('shows the first excerpt the coder has not coded, with the codebook, and audits the read', async () => {
      const html = await (await server.requestAs('analyst', `${BASE}/coding`)).text()
      expect(html).toContain(excerpts[0]!.text)
      expect(html).toContain('Evening clinics')
      expect(html).toContain('id="excerpt-text" aria-readonly="true"')
      expect(html).toContain('/assets/lhs-coding.js')
      const read = await server.store.db.selectFrom('audit_log').select(['actor', 'payload']).where('action', '=', 'insight.read').execute()
      expect(read.at(-1)?.actor).toBe('analyst@test.example')
      expect(read.at(-1)?.payload).not.toContain('evening')
    })

    it('saves the themes ticked, with the words selected, then moves on', async () => {
      const first = excerpts[0]!
      const response = await server.requestAs('analyst', `${BASE}/coding`, post([['excerpt', String(first.id)], ['theme', String(evening)], ['span-' + evening, '3-19'], ['theme', String(access)], ['span-' + access, '']]))
      expect(response.status).toBe(303)
      expect(response.headers.get('location')).toBe(`${BASE}/coding?saved=1`)
      expect(await codings()).toEqual([
        { excerpt_id: first.id, theme_id: evening, coder: 'analyst@test.example', machine: false, status: 'applied', span_start: 3, span_end: 19 },
        { excerpt_id: first.id, theme_id: access, coder: 'analyst@test.example', machine: false, status: 'applied', span_start: null, span_end: null },
      ])
      const next = await (await server.requestAs('analyst', `${BASE}/coding?saved=1`)).text()
      expect(next).toContain(excerpts[1]!.text)
    })

    it('replaces a coder’s codes on a second save, and refuses themes or words that are not there', async () => {
      const first = excerpts[0]!
      await server.requestAs('analyst', `${BASE}/coding`, post([['excerpt', String(first.id)], ['theme', String(evening)]]))
      expect((await codings()).map((c) => c.theme_id)).toEqual([evening])
      const badTheme = await server.requestAs('analyst', `${BASE}/coding`, post([['excerpt', String(first.id)], ['theme', '999999']]))
      expect(badTheme.status).toBe(400)
      expect(await badTheme.text()).toContain("is not in this programme")
      const badSpan = await server.requestAs('analyst', `${BASE}/coding`, post([['excerpt', String(first.id)], ['theme', String(evening)], ['span-' + evening, '5-5000']]))
      expect(badSpan.status).toBe(400)
      expect((await codings()).map((c) => c.theme_id)).toEqual([evening])
    })

    it('reports kappa between two people on the excerpts both coded', async () => {
      const code = (user: 'analyst' | 'lead', i: number, themes: number[]) => server.requestAs(user, `${BASE}/coding`, post([['excerpt', String(excerpts[i]!.id)], ...themes.map((t) => ['theme', String(t)] as [string, string])]))
      await code('analyst', 1, [evening])
      await code('analyst', 2, [language])
      await code('lead', 0, [evening])
      await code('lead', 1, [evening])
      await code('lead', 2, [language, access])
      const html = await (await server.requestAs('analyst', `${BASE}/agreement`)).text()
      expect(html).toContain('analyst@test.example and lead@test.example (3 excerpts in common)')
      // Evening clinics: both on 0 and 1, neither on 2: perfect agreement.
      expect(html).toMatch(/Evening clinics<\/td><td[^>]*>2<\/td><td[^>]*>0<\/td><td[^>]*>0<\/td><td[^>]*>1<\/td><td[^>]*>1\.00</)
    })

    it('suggests themes for uncoded excerpts as the machine coder, counted nowhere until a person ticks them', async () => {
      const response = await server.requestAs('analyst', `${BASE}/suggestions`, post([]))
      expect(response.status).toBe(200)
      expect(await response.text()).toMatch(/looked at 2 uncoded excerpts, learning from 3 coded ones/)
      const machine = (await codings()).filter((c) => c.machine)
      expect(machine.length).toBeGreaterThan(0)
      expect(machine.every((c) => c.status === 'suggested' && c.coder === 'machine')).toBe(true)
      // "Clinics in the evening please, after work." reads like the evening-clinic excerpts.
      expect(machine.some((c) => c.excerpt_id === excerpts[3]!.id && c.theme_id === evening)).toBe(true)
      const page = await (await server.requestAs('lead', `${BASE}/coding?excerpt=${excerpts[3]!.id}`)).text()
      expect(page).toContain('Machine suggestion')
      await server.requestAs('lead', `${BASE}/coding`, post([['excerpt', String(excerpts[3]!.id)], ['theme', String(evening)]]))
      const settled = (await codings()).filter((c) => c.machine && c.excerpt_id === excerpts[3]!.id)
      expect(settled.find((c) => c.theme_id === evening)?.status).toBe('applied')
      expect(settled.filter((c) => c.theme_id !== evening).every((c) => c.status === 'rejected')).toBe(true)
    })

    it('counts coded excerpts per theme and site, with sub-themes rolled up, and opens the quotes behind a cell', async () => {
      const matrix = await (await server.requestAs('viewer', `${BASE}/themes?by=site`)).text()
      expect(matrix).toContain('Alpha Practice (5)')
      // Access rolls up Evening clinics: excerpts 0, 1 and 3 (coded by someone) plus excerpt 2 (lead's Access).
      expect(matrix).toMatch(/>Access<\/a><\/th><td[^>]*>4 \(80%\)/)
      expect(matrix).not.toContain('quotes?theme=')
      const withLinks = await (await server.requestAs('analyst', `${BASE}/themes?by=site`)).text()
      expect(withLinks).toContain(`quotes?theme=${language}&amp;by=site&amp;column=alpha`)
      const quotes = await (await server.requestAs('analyst', `${BASE}/quotes?theme=${language}&by=site&column=alpha`)).text()
      expect(quotes).toContain('Letters only in English.')
      expect(quotes).not.toContain('No evening clinics')
      const read = await server.store.db.selectFrom('audit_log').select('target').where('action', '=', 'insight.read').orderBy('seq', 'desc').executeTakeFirstOrThrow()
      expect(read.target).toBe('organisation:test/programme:htn/quotes')
      expect((await server.requestAs('viewer', `${BASE}/quotes?theme=${language}`)).status).toBe(403)
    })

    it('shows a theme month by month, with no chart until there are enough months', async () => {
      const html = await (await server.requestAs('viewer', `${BASE}/themes/${evening}`)).text()
      expect(html).toContain('Theme: Evening clinics')
      expect(html).toContain('A chart needs at least 12 months with coded insight; there is 1 month so far.')
      expect((await server.requestAs('viewer', `${BASE}/themes/99999`)).status).toBe(404)
      expect((await server.requestAs('viewer', `${BASE}/themes/abc`)).status).toBe(404)
    })

    it('is for analysts: a viewer or contributor may not code', async () => {
      expect((await server.requestAs('viewer', `${BASE}/coding`)).status).toBe(403)
      expect((await server.requestAs('contributor', `${BASE}/coding`, post([['excerpt', String(excerpts[0]!.id)]]))).status).toBe(403)
    })
  })
}
