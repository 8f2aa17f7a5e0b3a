/** The organisation's disclosure policy page: see it and (administrators) choose another. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { getOrganisation } from '../../../app/catalogue.ts'
import { getDisclosurePolicy, setDisclosurePolicy } from '../../../app/share/disclosure-setting.ts'
import { DISCLOSURE_POLICIES } from '../../../core/disclosure/index.ts'
import { actorOf, scopedDeps } from '../../access/request-context.ts'
import { formOf } from '../form-body.ts'
import { problemFrom, type FormProblem } from '../form-field.tsx'
import { DisclosurePage } from './disclosure-page.tsx'

const PATH = '/organisations/:org/disclosure'

export function disclosureRoutes(app: OpenAPIHono): void {
  app.get(PATH, async (c) => page(c, 200, { saved: c.req.query('saved') }))

  app.post(PATH, async (c) => {
    const code = c.req.param('org') ?? ''
    const form = await formOf(c)
    const chosen = form.policy ?? ''
    try {
      const { policy } = await setDisclosurePolicy(scopedDeps(c), actorOf(c), code, chosen)
      return c.redirect(`/organisations/${code}/disclosure?saved=${policy.id}`, 303)
    } catch (error) {
      return page(c, 400, { problem: problemFrom(error, 'policy'), chosen })
    }
  })
}

async function page(c: Context, status: 200 | 400, options: { saved?: string | undefined; problem?: FormProblem; chosen?: string }) {
  const deps = scopedDeps(c)
  const organisation = await getOrganisation(deps, c.req.param('org') ?? '')
  const current = await getDisclosurePolicy(deps, organisation.id)
  // The banner only confirms what is actually stored, whatever the address says.
  const saved = options.saved === current.id ? current : undefined
  return c.html(<DisclosurePage organisation={organisation} policies={DISCLOSURE_POLICIES} chosen={options.chosen ?? current.id} saved={saved} problem={options.problem} />, status)
}
