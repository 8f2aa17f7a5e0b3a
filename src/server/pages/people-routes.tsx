/** `GET` and `POST /organisations/:org/people`: an organisation's people, and adding someone or changing a role (permission `administer`). */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { listPeople, setMember } from '../../app/admin/members.ts'
import { getOrganisation, listSites } from '../../app/catalogue.ts'
import { isRole, ROLES } from '../../core/access.ts'
import { AppError } from '../../core/errors.ts'
import { accessOf, actorOf, scopedDeps } from '../access/request-context.ts'
import type { ServerDeps } from '../create-app.tsx'
import { PeoplePage, type FieldError, type PeoplePageProps, type PersonForm } from './people-page.tsx'

const PEOPLE = '/organisations/:org/people'
const MAX_NAME_LENGTH = 200

/**
 * Lists and forms read through the request's row-level-security scope; saving goes through the
 * owner connection in `deps` (accounts live outside any organisation), for the organisation the
 * access middleware checked the administrator belongs to.
 */
export function peopleRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  app.get(PEOPLE, async (c) => {
    const view = await loadView(c)
    const saved = view.members.find((m) => m.email === c.req.query('saved'))
    const email = c.req.query('email')?.slice(0, 320)
    const member = view.members.find((m) => m.email === email)
    const form: PersonForm | undefined = member
      ? { email: member.email, displayName: member.displayName, role: member.role, sites: member.siteCodes ?? [] }
      : email === undefined
        ? undefined
        : { email, displayName: '', role: '', sites: [] }
    return c.html(<PeoplePage {...view} form={form} saved={saved} />)
  })

  app.post(PEOPLE, async (c) => {
    const code = organisationOf(c)
    const body = await c.req.parseBody({ all: true }).catch(() => {
      throw new AppError('invalid_request', 'The form could not be read. Go back to the people page and send it again.')
    })
    const form = personForm(body)
    const view = await loadView(c)
    const problems = formProblems(form, view)
    if (problems.length > 0) return c.html(<PeoplePage {...view} form={form} errors={problems} />, 400)
    try {
      const name = form.displayName.trim()
      await setMember(deps, actorOf(c), { email: form.email, organisation: code, role: form.role, sites: form.sites, ...(name === '' ? {} : { displayName: name }) })
    } catch (error) {
      if (error instanceof AppError && (error.code === 'invalid_request' || error.code === 'conflict')) {
        const field = error.code === 'conflict' ? 'role' : 'email'
        return c.html(<PeoplePage {...view} form={form} errors={[{ field, message: error.message }]} />, error.code === 'conflict' ? 409 : 400)
      }
      throw error
    }
    return c.redirect(`/organisations/${encodeURIComponent(code)}/people?saved=${encodeURIComponent(form.email.trim().toLowerCase())}`, 303)
  })
}

/** The organisation in the path, which the access middleware has checked the administrator belongs to. */
function organisationOf(c: Context): string {
  const { organisationCode } = accessOf(c)
  if (organisationCode !== c.req.param('org')) throw new Error(`the access middleware checked organisation "${organisationCode}" but the path names "${c.req.param('org')}"`)
  return organisationCode
}

type View = Pick<PeoplePageProps, 'organisation' | 'members' | 'sites'>

async function loadView(c: Context): Promise<View> {
  const code = organisationOf(c)
  const scoped = scopedDeps(c)
  const [organisation, members, sites] = await Promise.all([getOrganisation(scoped, code), listPeople(scoped, accessOf(c).organisationId), listSites(scoped, code)])
  return { organisation: { code: organisation.code, name: organisation.name }, members, sites: sites.filter((s) => s.kind !== 'system') }
}

function text(value: unknown, limit: number): string {
  const first = Array.isArray(value) ? value[0] : value
  return typeof first === 'string' ? first.slice(0, limit) : ''
}

function personForm(body: Record<string, unknown>): PersonForm {
  const sites = ([] as unknown[]).concat(body.sites ?? []).filter((s): s is string => typeof s === 'string' && s !== '')
  return { email: text(body.email, 320), displayName: text(body.displayName, MAX_NAME_LENGTH + 1), role: text(body.role, 50), sites: [...new Set(sites.map((s) => s.slice(0, 100)))] }
}

/** What is wrong with the form before anything is saved; addMember checks the email address itself. */
function formProblems(form: PersonForm, view: View): FieldError[] {
  const problems: FieldError[] = []
  if (form.email.trim() === '') problems.push({ field: 'email', message: 'Enter their email address.' })
  if (form.displayName.trim().length > MAX_NAME_LENGTH) problems.push({ field: 'displayName', message: `A name must be at most ${MAX_NAME_LENGTH} characters.` })
  if (form.role === '') problems.push({ field: 'role', message: 'Choose a role.' })
  else if (!isRole(form.role)) problems.push({ field: 'role', message: `"${form.role}" is not a role (expected one of: ${ROLES.join(', ')}).` })
  const known = new Set(view.sites.map((s) => s.code))
  const unknown = form.sites.filter((code) => !known.has(code))
  if (unknown.length > 0) problems.push({ field: 'sites', message: `${view.organisation.name} has no site with code ${unknown.map((code) => `"${code}"`).join(', ')}.` })
  return problems
}
