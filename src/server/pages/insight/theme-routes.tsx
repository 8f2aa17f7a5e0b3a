/** Seeing themes: the theme matrix, one theme over time, and the quotes behind a cell (text reads, audited). */
import type { OpenAPIHono } from '@hono/zod-openapi'
import { isMatrixBy, MATRIX_BY, themeMatrix, themeQuotes, themeTrend } from '../../../app/insight/theme-views.ts'
import { can } from '../../../core/access.ts'
import { accessOf, actorOf, scopedDeps } from '../../access/request-context.ts'
import { idFrom, scopeOf } from '../programme-scope.ts'
import { INSIGHT } from './insight-routes.tsx'
import { QuotesPage } from './quotes-page.tsx'
import { ThemePage } from './theme-page.tsx'
import { ThemesPage } from './themes-page.tsx'

export function themePageRoutes(app: OpenAPIHono): void {
  app.get(`${INSIGHT}/themes`, async (c) => {
    const by = c.req.query('by')
    const scope = await scopeOf(c)
    const matrix = await themeMatrix(scopedDeps(c), scope, isMatrixBy(by) ? by : 'imd_quintile')
    return c.html(<ThemesPage scope={scope} role={accessOf(c).role} matrix={matrix} canReadText={can(accessOf(c).role, 'read_text')} />)
  })

  app.get(`${INSIGHT}/themes/:theme`, async (c) => {
    const scope = await scopeOf(c)
    const trend = await themeTrend(scopedDeps(c), scope, idFrom(c.req.param('theme'), 'theme'))
    return c.html(<ThemePage scope={scope} role={accessOf(c).role} trend={trend} canReadText={can(accessOf(c).role, 'read_text')} />)
  })

  app.get(`${INSIGHT}/quotes`, async (c) => {
    const scope = await scopeOf(c)
    const by = c.req.query('by')
    const column = c.req.query('column')
    const theme = c.req.query('theme')
    const quotes = await themeQuotes(scopedDeps(c), actorOf(c), scope, { themeId: theme === undefined ? undefined : idFrom(theme, 'theme'), by: isMatrixBy(by) ? by : undefined, column })
    const where = isMatrixBy(by) && column !== undefined ? ` (${MATRIX_BY.find((m) => m.by === by)?.label.toLowerCase()}: ${column})` : ''
    return c.html(<QuotesPage scope={scope} role={accessOf(c).role} quotes={quotes} heading={`${quotes.theme ? `Coded “${quotes.theme.name}”` : 'All excerpts'}${where}`} />)
  })
}

