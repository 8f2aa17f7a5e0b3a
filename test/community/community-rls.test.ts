/**
 * Row-level security of the community tables through the scoped store (as a request sees it), and
 * search ranking and filters: a member sees the published lessons of its networks and its own
 * drafts; a non-member sees nothing; nobody writes as another organisation.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { searchPublishedLessons, findLesson } from '../../src/storage/lessons.ts'
import { insertMember, upsertNetwork, upsertSharedMeasure } from '../../src/storage/networks.ts'
import { insertComment } from '../../src/storage/lesson-comments.ts'
import { upsertSharedAggregate } from '../../src/storage/shared-aggregates.ts'
import { ensureOrganisation, findOrganisation } from '../../src/storage/organisations.ts'
import type { OrganisationRow } from '../../src/storage/organisations.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { openTestServer, type TestServer } from '../support/server.ts'
import { addLesson, lessonFields } from '../support/community.ts'

describe.each(enginesUnderTest())('community row-level security and search on $engine', (engine) => {
  let server: TestServer
  let test: OrganisationRow
  let other: OrganisationRow
  let third: OrganisationRow
  const ids = { evening: 0, pharmacy: 0, draft: 0, titled: 0, buried: 0, elsewhere: 0 }
  let networkId = 0
  const stores = new Map<number, ReturnType<TestServer['store']['scoped']>>()
  /** The organisation's store as a request gets it (lhs_app, row-level security), one per organisation. */
  const scoped = (organisation: OrganisationRow) => {
    if (!stores.has(organisation.id)) stores.set(organisation.id, server.store.scoped({ organisationId: organisation.id, siteIds: null }))
    return stores.get(organisation.id)!
  }

  beforeAll(async () => {
    server = await openTestServer(engine, { seed: 'fixture' })
    const db = server.store.db
    test = (await findOrganisation(db, 'test'))!
    other = (await findOrganisation(db, 'other'))!
    third = await ensureOrganisation(db, { code: 'third', name: 'Third ICS' })
    const network = await upsertNetwork(db, { code: 'north-net', name: 'North network', description: '' })
    const lonely = await upsertNetwork(db, { code: 'lonely-net', name: 'Lonely network', description: '' })
    networkId = network.id
    const measure = await upsertSharedMeasure(db, network.id, { code: 'bp-control', name: 'BP', kind: 'proportion', direction: 'increase', definition: 'Controlled.' })
    for (const o of [test, other]) await insertMember(db, o.id, network.id, o.name)
    await insertMember(db, third.id, lonely.id, third.name)
    ids.evening = await addLesson(server.deps, test, network, lessonFields({ title: 'Evening clinics for working people', themes: ['Access'], verdict: 'working' }))
    ids.pharmacy = await addLesson(server.deps, other, network, lessonFields({ title: 'Pharmacy checks', setting: 'community pharmacy', themes: ['pharmacy'], verdict: 'not_yet_clear', measureCode: 'bp-recorded' }))
    ids.draft = await addLesson(server.deps, test, network, lessonFields({ title: 'Evening secret draft' }), true)
    ids.titled = await addLesson(server.deps, test, network, lessonFields({ title: 'Blood pressure checks at the food bank' }))
    ids.buried = await addLesson(server.deps, other, network, lessonFields({ title: 'Reminder letters', hindered: 'Some blood pressure readings came back late.' }))
    ids.elsewhere = await addLesson(server.deps, third, lonely, lessonFields({ title: 'Evening clinics in another network' }))
    await insertComment(db, other.id, { lessonOrganisationId: test.id, lessonId: ids.evening, organisationName: other.name, authorName: 'Someone', body: 'Useful.', at: new Date() })
    await upsertSharedAggregate(db, test.id, { networkId: network.id, sharedMeasureId: measure.id, organisationName: test.name, from: '2025-01-06', to: '2025-03-31', numerator: 100, denominator: 200, numeratorText: '100', denominatorText: '200', policy: 'p', publishedAt: new Date(), publishedBy: 'cli' })
  }, 120_000)

  afterAll(async () => {
    await server?.close()
  })

  it('lets a member read published lessons of its networks and its own drafts, and no one else’s drafts', async () => {
    expect((await findLesson(scoped(other), ids.evening))?.title).toBe('Evening clinics for working people')
    expect(await findLesson(scoped(other), ids.draft)).toBeUndefined()
    expect((await findLesson(scoped(test), ids.draft))?.status).toBe('draft')
    expect(await findLesson(scoped(other), ids.elsewhere)).toBeUndefined()
  })

  it('shows a non-member nothing of the network: lessons, comments, aggregates, shared measures', async () => {
    const db = scoped(third)
    expect((await db.selectFrom('lessons').select('id').execute()).map((r) => r.id)).toEqual([ids.elsewhere])
    expect(await db.selectFrom('lesson_comments').select('id').execute()).toEqual([])
    expect(await db.selectFrom('shared_aggregates').select('organisation_id').execute()).toEqual([])
    expect(await db.selectFrom('shared_measures').select('id').execute()).toEqual([])
    expect(await db.selectFrom('network_members').select('organisation_id').execute()).toEqual([{ organisation_id: third.id }])
    // The member sees the aggregate and the comment.
    expect(await scoped(other).selectFrom('shared_aggregates').select('organisation_id').execute()).toEqual([{ organisation_id: test.id }])
    expect((await scoped(test).selectFrom('lesson_comments').select('body').execute()).map((r) => r.body)).toEqual(['Useful.'])
  })

  it('refuses writing as another organisation or onto what it cannot see', async () => {
    const updated = await scoped(other).updateTable('lessons').set({ title: 'Hijacked' }).where('id', '=', ids.evening).executeTakeFirst()
    expect(Number(updated.numUpdatedRows)).toBe(0)
    await expect(insertComment(scoped(third), third.id, { lessonOrganisationId: test.id, lessonId: ids.evening, organisationName: 'Third ICS', authorName: 'X', body: 'Hello', at: new Date() })).rejects.toThrow(/row-level security/)
    await expect(insertComment(scoped(other), test.id, { lessonOrganisationId: test.id, lessonId: ids.evening, organisationName: 'Test', authorName: 'X', body: 'As someone else', at: new Date() })).rejects.toThrow(/row-level security/)
    await expect(scoped(other).insertInto('network_members').values({ organisation_id: third.id, network_id: networkId, organisation_name: 'Third ICS' }).execute()).rejects.toThrow(/row-level security/)
    // Who drafted or published a lesson is not readable through the app role, not even by its author.
    await expect(scoped(test).selectFrom('lessons').select('published_by').execute()).rejects.toThrow(/permission denied/)
    await expect(scoped(other).selectFrom('shared_aggregates').select('published_by').execute()).rejects.toThrow(/permission denied/)
    await expect(scoped(other).selectFrom('actions').select('id').where('organisation_id', '=', test.id).execute()).resolves.toEqual([])
  })

  it('ranks a title match above a match in the body, and leaves drafts and other networks out', async () => {
    const hits = await searchPublishedLessons(scoped(other), { text: 'blood pressure', networkIds: [networkId], limit: 10 })
    // Title (weight A) and measure name (B) > measure name and what got in the way (B, C) > measure name only (B); equal ranks: newest, then lowest number.
    expect(hits.map((h) => h.id)).toEqual([ids.titled, ids.buried, ids.evening, ids.pharmacy])
    expect(hits[0]!.rank).toBeGreaterThan(hits[1]!.rank)
    expect(hits[1]!.rank).toBeGreaterThan(hits[2]!.rank)
    expect(hits[2]!.rank).toBe(hits[3]!.rank)
    const evening = await searchPublishedLessons(scoped(other), { text: 'evening', networkIds: [networkId], limit: 10 })
    expect(evening.map((h) => h.id)).toEqual([ids.evening])
  })

  it('filters by theme (any case), setting, verdict and measure', async () => {
    const search = (filters: object) => searchPublishedLessons(scoped(test), { text: '', networkIds: [networkId], limit: 10, ...filters }).then((hits) => hits.map((h) => h.id).sort())
    expect(await search({ theme: 'access' })).toEqual([ids.evening])
    expect(await search({ setting: 'Community Pharmacy' })).toEqual([ids.pharmacy])
    expect(await search({ verdict: 'not_yet_clear' })).toEqual([ids.pharmacy])
    expect(await search({ measure: 'bp-recorded' })).toEqual([ids.pharmacy])
    expect(await search({})).toEqual([ids.evening, ids.pharmacy, ids.titled, ids.buried].sort())
  })
})
