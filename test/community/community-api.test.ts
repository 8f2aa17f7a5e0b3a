/**
 * Done when: a lesson published by riverside is found by northshore's search, and nothing beyond
 * what the preview showed is visible to northshore, through the API with each organisation's own
 * members. Also: a stale preview is refused, drafts stay private, a non-member sees nothing, and
 * the network funnel is built from the shared aggregates only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI_ACTOR } from '../../src/app/auth/audit.ts'
import { setDisclosurePolicy } from '../../src/app/share/disclosure-setting.ts'
import { disclosurePolicy } from '../../src/core/disclosure/index.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { openTestServer, type TestServer } from '../support/server.ts'
import { bearer, memberWithToken, seedDemoCommunity } from '../support/community.ts'

const RIVERSIDE = '/api/v1/organisations/riverside/community'
const NORTHSHORE = '/api/v1/organisations/northshore/community'

describe.each(enginesUnderTest())('learning community over the API on $engine', (engine) => {
  let server: TestServer
  let riverside: string
  let northshore: string
  let outsider: string
  let lessonId: number

  const get = async (token: string, path: string) => {
    const response = await server.rawApp.request(path, bearer(token))
    return { status: response.status, body: (await response.json()) as Record<string, unknown> }
  }
  const send = async (token: string, method: string, path: string, body: unknown) => {
    const response = await server.rawApp.request(path, bearer(token, { method, body: JSON.stringify(body) }))
    return { status: response.status, body: response.status === 204 ? {} : ((await response.json()) as Record<string, unknown>) }
  }

  beforeAll(async () => {
    server = await openTestServer(engine, { seed: 'demo' })
    lessonId = (await seedDemoCommunity(server.deps)).lessonId
    riverside = await memberWithToken(server.deps, 'lead@riverside.example', 'riverside', 'lead')
    northshore = await memberWithToken(server.deps, 'lead@northshore.example', 'northshore', 'lead')
    outsider = await memberWithToken(server.deps, 'admin@southport.example', 'southport', 'admin')
  }, 240_000)

  afterAll(async () => {
    await server?.close()
  })

  it('northshore finds riverside’s published lesson and reads exactly its preview, nothing else', async () => {
    const preview = await get(riverside, `${RIVERSIDE}/lessons/${lessonId}/preview`)
    expect(preview.status).toBe(200)
    const shown = preview.body.lesson as Record<string, unknown>
    expect(shown.organisation).toBe('Riverside Integrated Care System')

    const search = await get(northshore, `${NORTHSHORE}/lessons?q=${encodeURIComponent('monitor loans')}`)
    expect(search.status).toBe(200)
    const hits = search.body.hits as { id: number; lesson: unknown }[]
    expect(hits.map((h) => h.id)).toContain(lessonId)
    expect(hits.find((h) => h.id === lessonId)?.lesson).toEqual(shown)

    const read = await get(northshore, `${NORTHSHORE}/lessons/${lessonId}`)
    expect(read.status).toBe(200)
    expect(Object.keys(read.body).sort()).toEqual(['id', 'lesson', 'publishedAt'])
    expect(read.body.lesson).toEqual(shown)
    expect(Object.keys(read.body.lesson as object)).toEqual(Object.keys(shown))
  })

  it('shows other members suppressed aggregates only, with the policy, and no people but the contact', async () => {
    const read = await get(northshore, `${NORTHSHORE}/lessons/${lessonId}`)
    const lesson = read.body.lesson as { effect: { rows: { before: { numerator: string } }[]; policy: string }; contact: { email: string } }
    expect(lesson.effect.policy).toMatch(/Counts of 1 to 7 are shown as \*/)
    // NHS Digital convention: every shown count is a multiple of 5 (or '*').
    for (const row of lesson.effect.rows) expect(row.before.numerator).toMatch(/^(\*|[\d,]*[05])$/)
    const text = JSON.stringify(read.body)
    expect(lesson.contact.email).toBe('htn-programme@riverside.example')
    for (const person of ['Kit Cuff', 'Dana Diastole', 'admin@riverside.example', '"cli"', 'publishedBy', 'createdBy', '"actionId"', '"organisationId"']) expect(text).not.toContain(person)
  })

  it('refuses to publish from a stale preview, and keeps drafts to their organisation', async () => {
    const actions = await server.deps.store.db.selectFrom('actions').select(['id', 'title']).where('title', '=', 'Home monitor loans and reminders at Westbrook').execute()
    const draft = await send(riverside, 'POST', `${RIVERSIDE}/lessons`, { network: 'htn-network', programme: 'htn', action: actions[0]!.id })
    expect(draft.status).toBe(201)
    const id = draft.body.id as number
    const stale = draft.body.hash as string
    expect((await get(northshore, `${NORTHSHORE}/lessons/${id}`)).status).toBe(404)
    const edited = await send(riverside, 'PUT', `${RIVERSIDE}/lessons/${id}`, { version: draft.body.version, title: 'Monitor loans at a small practice' })
    expect(edited.status).toBe(200)
    expect(edited.body.hash).not.toBe(stale)
    const refused = await send(riverside, 'POST', `${RIVERSIDE}/lessons/${id}/publish`, { hash: stale })
    expect(refused.status).toBe(409)
    expect((await get(northshore, `${NORTHSHORE}/lessons?q=small`)).body.hits).toEqual([])
    const published = await send(riverside, 'POST', `${RIVERSIDE}/lessons/${id}/publish`, { hash: edited.body.hash })
    expect(published.status).toBe(200)
    const found = (await get(northshore, `${NORTHSHORE}/lessons?q=small`)).body.hits as { id: number }[]
    expect(found.map((h) => h.id)).toEqual([id])
    expect((await send(riverside, 'POST', `${RIVERSIDE}/lessons/${id}/withdraw`, { confirm: true })).status).toBe(204)
    expect((await get(northshore, `${NORTHSHORE}/lessons/${id}`)).status).toBe(404)
  })

  it('suppresses a new draft’s effect with the organisation’s chosen policy', async () => {
    await setDisclosurePolicy(server.deps, CLI_ACTOR, 'riverside', 'gpps')
    const actions = await server.deps.store.db.selectFrom('actions').select('id').where('title', '=', 'Home monitor loans and reminders at Southmead').execute()
    const draft = await send(riverside, 'POST', `${RIVERSIDE}/lessons`, { network: 'htn-network', programme: 'htn', action: actions[0]!.id })
    expect(draft.status).toBe(201)
    const effect = (draft.body.lesson as { effect: { policy: string } }).effect
    expect(effect.policy).toBe(disclosurePolicy('gpps').statement)
    await setDisclosurePolicy(server.deps, CLI_ACTOR, 'riverside', 'nhs-digital')
  })

  it('shows a non-member organisation nothing', async () => {
    const search = await get(outsider, '/api/v1/organisations/southport/community/lessons?q=monitor')
    expect(search.status).toBe(200)
    expect(search.body.hits).toEqual([])
    expect((await get(outsider, `/api/v1/organisations/southport/community/lessons/${lessonId}`)).status).toBe(404)
    expect((await get(outsider, `/api/v1/organisations/southport/community/lessons/${lessonId}/comments`)).status).toBe(404)
    expect((await get(outsider, '/api/v1/organisations/southport/community/networks/htn-network/measures/bp-control/funnel')).status).toBe(404)
    // Northshore's member cannot act as riverside.
    expect((await get(northshore, `${RIVERSIDE}/lessons/${lessonId}/preview`)).status).toBe(404)
  })

  it('threads comments from both organisations under the lesson', async () => {
    const posted = await send(northshore, 'POST', `${NORTHSHORE}/lessons/${lessonId}/comments`, { body: 'Did the large cuffs help?' })
    expect(posted.status).toBe(201)
    const thread = await get(riverside, `${RIVERSIDE}/lessons/${lessonId}/comments`)
    expect(thread.body.comments).toEqual([expect.objectContaining({ organisationName: 'Northshore ICS', body: 'Did the large cuffs help?' })])
  })

  it('compares the shared measure on a funnel built from the shared aggregates', async () => {
    const funnel = await get(northshore, `${NORTHSHORE}/networks/htn-network/measures/bp-control/funnel`)
    expect(funnel.status).toBe(200)
    const aggregates = funnel.body.aggregates as { organisationName: string; numerator: number; denominator: number }[]
    expect(aggregates.map((a) => a.organisationName)).toEqual(['Northshore ICS', 'Riverside Integrated Care System'])
    const units = (funnel.body.funnel as { units: { unit: string; numerator: number; denominator: number }[] }).units
    for (const a of aggregates) expect(units.find((u) => u.unit === a.organisationName)).toMatchObject({ numerator: a.numerator, denominator: a.denominator })
    for (const a of aggregates) expect(a.denominator % 5).toBe(0)
  })
})
