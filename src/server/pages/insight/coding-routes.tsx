/** The coding page, agreement between coders and the machine coder's runs. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { listSites } from '../../../app/catalogue.ts'
import { agreementReport } from '../../../app/insight/agreement.ts'
import { codingView, saveCodes, type CodeChoice } from '../../../app/insight/coding.ts'
import { runSuggestions } from '../../../app/insight/suggestions.ts'
import { AppError } from '../../../core/errors.ts'
import { accessOf, actorOf, scopedDeps } from '../../access/request-context.ts'
import { idFrom, scopeOf } from '../programme-scope.ts'
import { AgreementPage } from './agreement-page.tsx'
import { CodingPage } from './coding-page.tsx'
import { INSIGHT } from './insight-routes.tsx'

export function codingPageRoutes(app: OpenAPIHono): void {
  app.get(`${INSIGHT}/coding`, async (c) => renderCoding(c, { excerpt: c.req.query('excerpt'), skip: c.req.query('skip'), done: c.req.query('saved') === '1' ? 'Saved.' : undefined }))

  app.post(`${INSIGHT}/coding`, async (c) => {
    const body = await c.req.parseBody({ all: true }).catch(() => {
      throw new AppError('invalid_request', 'The form could not be read. Go back and send it again.')
    })
    const excerptId = Number(body.excerpt)
    const skip = Math.max(0, Math.min(100_000, Number(body.skip) || 0))
    if (!Number.isInteger(excerptId) || excerptId <= 0) throw new AppError('invalid_request', 'The form names no excerpt. Go back and send it again.')
    const themes = [body.theme ?? []].flat().filter((v): v is string => typeof v === 'string')
    try {
      const choices: CodeChoice[] = themes.map((value) => {
        const themeId = Number(value)
        const span = typeof body[`span-${value}`] === 'string' ? /^(\d+)-(\d+)$/.exec(body[`span-${value}`] as string) : null
        return { themeId: Number.isInteger(themeId) ? themeId : -1, span: span ? { start: Number(span[1]), end: Number(span[2]) } : null }
      })
      await saveCodes(scopedDeps(c), actorOf(c), await scopeOf(c), excerptId, choices)
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_request') return renderCoding(c, { excerpt: String(excerptId), skip: String(skip), error: error.message }, 400)
      throw error
    }
    return c.redirect(`${c.req.path}?saved=1${skip > 0 ? `&skip=${skip}` : ''}`, 303)
  })

  app.get(`${INSIGHT}/agreement`, async (c) => {
    const pair = c.req.query('pair')?.split('|')
    const coders = pair?.length === 2 ? ([pair[0]!, pair[1]!] as const) : undefined
    const scope = await scopeOf(c)
    return c.html(<AgreementPage scope={scope} role={accessOf(c).role} report={await agreementReport(scopedDeps(c), scope, coders)} />)
  })

  app.post(`${INSIGHT}/suggestions`, async (c) => {
    const scope = await scopeOf(c)
    const run = await runSuggestions(scopedDeps(c), actorOf(c), scope)
    return c.html(<AgreementPage scope={scope} role={accessOf(c).role} report={await agreementReport(scopedDeps(c), scope)} run={run} />)
  })
}


async function renderCoding(c: Context, query: { excerpt?: string | undefined; skip?: string | undefined; done?: string | undefined; error?: string | undefined }, status: 200 | 400 = 200) {
  const deps = scopedDeps(c)
  const scope = await scopeOf(c)
  const excerptId = query.excerpt ? idFrom(query.excerpt, 'excerpt') : undefined
  const skip = Math.max(0, Math.min(100_000, Number(query.skip) || 0))
  const [view, sites] = await Promise.all([codingView(deps, actorOf(c), scope, excerptId, skip), listSites(deps, scope.organisation.code)])
  return c.html(<CodingPage scope={scope} role={accessOf(c).role} view={view} siteNames={new Map(sites.map((s) => [s.id, s.name]))} skip={skip} done={query.done} error={query.error} />, status)
}
