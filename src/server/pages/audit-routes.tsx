/** The audit trail page and its CSV download (administrators; route-permissions.ts). */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { auditFilterProblems, exportAuditCsv, searchAuditTrail, type AuditFilters } from '../../app/auth/audit-trail.ts'
import { getOrganisation } from '../../app/catalogue.ts'
import { AppError } from '../../core/errors.ts'
import { accessOf, actorOf, scopedDeps } from '../access/request-context.ts'
import { AuditPage, type AuditSearch } from './audit-page.tsx'

const PAGE_SIZE = 100

export function auditPageRoutes(app: OpenAPIHono): void {
  app.get('/organisations/:org/audit', async (c) => {
    const deps = scopedDeps(c)
    const organisation = await getOrganisation(deps, accessOf(c).organisationCode)
    const search = searchOf(c)
    const before = beforeOf(c)
    const problems = auditFilterProblems(filtersOf(search))
    const page = { organisation: { code: organisation.code, name: organisation.name }, search, problems, before }
    if (problems.length > 0) return c.html(<AuditPage {...page} />, 400)
    const results = await searchAuditTrail(deps, organisation.id, filtersOf(search), { before, limit: PAGE_SIZE })
    return c.html(<AuditPage {...page} results={results} />)
  })

  app.get('/organisations/:org/audit.csv', async (c) => {
    const { organisationId, organisationCode } = accessOf(c)
    const { csv } = await exportAuditCsv(scopedDeps(c), actorOf(c), organisationId, filtersOf(searchOf(c)), `organisation:${organisationCode}/audit`)
    const name = `audit-${organisationCode.replace(/[^a-z0-9-]+/gi, '_')}.csv`
    return c.body(csv, 200, { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}"` })
  })
}

function searchOf(c: Context): AuditSearch {
  const text = (name: string) => c.req.query(name) ?? ''
  return { person: text('person'), action: text('action'), from: text('from'), to: text('to') }
}

function filtersOf(search: AuditSearch): AuditFilters {
  return { actor: search.person, action: search.action, from: search.from, to: search.to }
}

/** `?before=` from an "Older entries" link: a whole number above 0, or absent. */
function beforeOf(c: Context): number | undefined {
  const text = c.req.query('before')
  if (text === undefined || text === '') return undefined
  if (!/^[1-9]\d{0,15}$/.test(text)) throw new AppError('invalid_request', `"${text.slice(0, 40)}" is not an entry number (expected a whole number above 0, as in the "Older entries" link).`)
  return Number(text)
}
