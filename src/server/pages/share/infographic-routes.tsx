/**
 * The infographic of a programme (a page, SVG and PNG) and of a finding (SVG and PNG). The
 * downloads leave the organisation, so each is audited as an export.
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { audit } from '../../../app/auth/audit.ts'
import { findingInfographic, programmeInfographic, type InfographicReader } from '../../../app/share/infographic.ts'
import type { InfographicInput } from '../../../charts/infographic-text.ts'
import { infographicSvg } from '../../../charts/infographic.ts'
import { can } from '../../../core/access.ts'
import { svgToPng } from '../../../reports/svg-to-png.ts'
import { accessOf, actorOf, scopedDeps } from '../../access/request-context.ts'
import { idFrom, scopeOf } from '../programme-scope.ts'
import { InfographicPage } from './infographic-page.tsx'

const PROGRAMME = '/organisations/:org/programmes/:programme'

/** Width of the downloaded PNG in pixels (1920 × 1080, full HD, for slides and screens). */
export const INFOGRAPHIC_PNG_WIDTH = 1920

type Format = 'svg' | 'png'

export function infographicRoutes(app: OpenAPIHono): void {
  app.get(`${PROGRAMME}/infographic`, async (c) => {
    const scope = await scopeOf(c)
    const reader = readerOf(c)
    const input = await programmeInfographic(scopedDeps(c), reader, scope.organisation.code, scope.programme.code)
    return c.html(<InfographicPage scope={scope} input={input} quoteHidden={!reader.canReadText} />)
  })

  for (const format of ['svg', 'png'] as const) {
    app.get(`${PROGRAMME}/infographic.${format}`, async (c) => {
      const input = await programmeInfographic(scopedDeps(c), readerOf(c), c.req.param('org'), c.req.param('programme'))
      return download(c, input, format, `${c.req.param('programme')}-infographic`)
    })

    app.get(`${PROGRAMME}/findings/:finding/infographic.${format}`, async (c) => {
      const finding = idFrom(c.req.param('finding'), 'finding')
      const input = await findingInfographic(scopedDeps(c), readerOf(c), c.req.param('org'), c.req.param('programme'), finding)
      return download(c, input, format, `${c.req.param('programme')}-finding-${finding}-infographic`)
    })
  }
}

function readerOf(c: Context): InfographicReader {
  return { actor: actorOf(c), canReadText: can(accessOf(c).role, 'read_text') }
}

async function download(c: Context, input: InfographicInput, format: Format, name: string): Promise<Response> {
  const svg = infographicSvg(input)
  const body = format === 'svg' ? svg : svgToPng(svg, INFOGRAPHIC_PNG_WIDTH)
  await audit(scopedDeps(c), actorOf(c), { organisationId: accessOf(c).organisationId, action: `export.infographic_${format}`, target: c.req.path, after: { bytes: body.length, quote: input.quote !== null } })
  const type = format === 'svg' ? 'image/svg+xml; charset=utf-8' : 'image/png'
  const file = name.replace(/[^a-z0-9-]+/gi, '_')
  return c.body(format === 'svg' ? body.toString() : new Uint8Array(body as Buffer), 200, { 'content-type': type, 'content-disposition': `attachment; filename="${file}.${format}"` })
}
