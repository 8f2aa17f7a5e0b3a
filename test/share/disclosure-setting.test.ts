/**
 * The organisation's disclosure policy: stored with a default and a database check, read by every
 * output, changed by administrators in one audited transaction, and the page that does it (radio
 * buttons with each policy's statement, success banner, error summary, administrators only). On
 * every engine.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CLI_ACTOR } from '../../src/app/auth/audit.ts'
import { getOrganisation } from '../../src/app/catalogue.ts'
import { getDisclosurePolicy, setDisclosurePolicy } from '../../src/app/share/disclosure-setting.ts'
import { DISCLOSURE_POLICIES } from '../../src/core/disclosure/index.ts'
import { AppError } from '../../src/core/errors.ts'
import { findDisclosurePolicyId, updateDisclosurePolicy } from '../../src/storage/organisations.ts'
import { enginesUnderTest } from '../support/engines.ts'
import { emailOf } from '../support/people.ts'
import { all, htmlOf, one, openTestServer, textOf, type TestServer } from '../support/server.ts'
import { signIn } from '../support/session.ts'

const PAGE = '/organisations/test/disclosure'

describe.each(enginesUnderTest())('disclosure policy setting on $engine', (engine) => {
  let server: TestServer
  let test: number
  let other: number

  beforeAll(async () => {
    server = await openTestServer(engine, { seed: 'fixture' })
    test = (await getOrganisation(server.deps, 'test')).id
    other = (await getOrganisation(server.deps, 'other')).id
  })
  afterAll(async () => server?.close())

  const audits = async () => {
    const rows = await server.store.db.selectFrom('audit_log').select(['organisation_id', 'action', 'target', 'payload']).where('action', '=', 'organisation.disclosure_policy').orderBy('seq').execute()
    return rows.map(({ payload, ...row }) => {
      const { before, after } = JSON.parse(payload) as { before: unknown; after: unknown }
      return { ...row, before, after }
    })
  }

  it('stores nhs-digital by default and refuses an unknown id in the database itself', async () => {
    expect(await findDisclosurePolicyId(server.store.db, test)).toBe('nhs-digital')
    expect(await findDisclosurePolicyId(server.store.db, 999_999)).toBeUndefined()
    expect(await updateDisclosurePolicy(server.store.db, 999_999, 'fft')).toBeUndefined()
    await expect(server.store.db.updateTable('organisations').set({ disclosure_policy: 'lenient' }).where('id', '=', test).execute()).rejects.toThrow(/disclosure_policy/)
    expect((await getDisclosurePolicy(server.deps, test)).id).toBe('nhs-digital')
  })

  it('changes the policy of one organisation only, audited with before and after, and audits nothing when unchanged', async () => {
    const result = await setDisclosurePolicy(server.deps, CLI_ACTOR, 'test', 'gpps')
    expect(result).toEqual({ policy: DISCLOSURE_POLICIES.find((p) => p.id === 'gpps'), changed: true })
    expect((await getDisclosurePolicy(server.deps, test)).id).toBe('gpps')
    expect((await getDisclosurePolicy(server.deps, other)).id).toBe('nhs-digital')
    expect(await audits()).toEqual([{ organisation_id: test, action: 'organisation.disclosure_policy', target: 'organisation:test', before: { policy: 'nhs-digital' }, after: { policy: 'gpps' } }])
    expect((await setDisclosurePolicy(server.deps, CLI_ACTOR, 'test', 'gpps')).changed).toBe(false)
    expect(await audits()).toHaveLength(1)
  })

  it('refuses an unknown policy on the policy field, and an unknown organisation', async () => {
    const error = await setDisclosurePolicy(server.deps, CLI_ACTOR, 'test', 'lenient').catch((e: unknown) => e)
    expect(error).toBeInstanceOf(AppError)
    expect((error as AppError).code).toBe('invalid_request')
    expect((error as AppError).message).toBe('Choose a disclosure policy: "lenient" is not one (expected one of "nhs-digital", "fft", "gpps", "research").')
    expect((error as AppError).issues[0]).toMatchObject({ column: 'policy', value: 'lenient' })
    await expect(setDisclosurePolicy(server.deps, CLI_ACTOR, 'nowhere', 'fft')).rejects.toMatchObject({ code: 'not_found' })
    await expect(getDisclosurePolicy(server.deps, 999_999)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('shows the four policies with their statements, the current one checked', async () => {
    await setDisclosurePolicy(server.deps, CLI_ACTOR, 'test', 'nhs-digital')
    const page = await htmlOf(await server.requestAs('admin', PAGE))
    const radios = all(page, 'input[type="radio"][name="policy"]')
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['nhs-digital', 'fft', 'gpps', 'research'])
    expect(radios.filter((r) => r.hasAttribute('checked')).map((r) => r.getAttribute('value'))).toEqual(['nhs-digital'])
    for (const policy of DISCLOSURE_POLICIES) {
      expect(textOf(one(page, `label[for="policy-${policy.id}"]`))).toBe(policy.name)
      expect(textOf(one(page, `#policy-${policy.id}-hint`))).toContain(policy.statement)
      expect(one(page, `#policy-${policy.id}`).getAttribute('aria-describedby')).toBe(`policy-${policy.id}-hint`)
    }
    expect(page.querySelector('.nhsuk-error-summary')).toBeNull()
    expect(page.querySelector('[role="status"]')).toBeNull()
  })

  it('saves a choice from a signed-in browser (with the CSRF token) and says so', async () => {
    const session = await signIn(server, emailOf('admin'))
    const saved = await session.post(PAGE, { policy: 'fft' })
    expect(saved.status).toBe(303)
    expect(saved.headers.get('location')).toBe(`${PAGE}?saved=fft`)
    const page = await htmlOf(await session.get(`${PAGE}?saved=fft`))
    expect(textOf(one(page, '[role="status"]'))).toContain('NHS England Friends and Family Test')
    expect(all(page, 'input[name="policy"][checked]').map((r) => r.getAttribute('value'))).toEqual(['fft'])
    expect((await getDisclosurePolicy(server.deps, test)).id).toBe('fft')
    expect((await htmlOf(await session.get(`${PAGE}?saved=research`))).querySelector('[role="status"]')).toBeNull()
    expect((await session.post(PAGE, { policy: 'research' }, false)).status).toBe(403)
    expect((await getDisclosurePolicy(server.deps, test)).id).toBe('fft')
  })

  it('answers a bad value with an error summary and leaves the policy as it was', async () => {
    const response = await server.requestAs('admin', PAGE, { method: 'POST', body: new URLSearchParams({ policy: 'lenient' }) })
    const page = await htmlOf(response, 400)
    expect(textOf(one(page, '.nhsuk-error-summary'))).toContain('"lenient" is not one')
    expect(one(page, '.nhsuk-error-summary a').getAttribute('href')).toBe('#policy-nhs-digital')
    expect(textOf(one(page, '#policy-error'))).toContain('"lenient" is not one')
    expect(all(page, 'input[name="policy"][checked]')).toHaveLength(0)
    const missing = await htmlOf(await server.requestAs('admin', PAGE, { method: 'POST', body: new URLSearchParams({}) }), 400)
    expect(textOf(one(missing, '#policy-error'))).toContain('Choose a disclosure policy')
    expect((await getDisclosurePolicy(server.deps, test)).id).toBe('fft')
  })

  it('is for administrators of the organisation only', async () => {
    for (const role of ['viewer', 'analyst', 'lead', 'decision_maker'] as const) {
      expect((await server.requestAs(role, PAGE)).status, role).toBe(403)
      expect((await server.requestAs(role, PAGE, { method: 'POST', body: new URLSearchParams({ policy: 'research' }) })).status, role).toBe(403)
    }
    expect((await server.requestAs('other_admin', PAGE)).status).toBe(404)
    expect((await server.requestAs('other_admin', PAGE, { method: 'POST', body: new URLSearchParams({ policy: 'research' }) })).status).toBe(404)
    const anonymous = await server.requestAs('anonymous', PAGE)
    expect(anonymous.status === 401 || anonymous.headers.get('location')?.startsWith('/sign-in?next=')).toBe(true)
    expect((await getDisclosurePolicy(server.deps, test)).id).toBe('fft')
  })
})
