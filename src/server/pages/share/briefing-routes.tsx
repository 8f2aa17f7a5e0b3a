/**
 * Briefings: the page to choose one, each briefing as a print-styled web page, and its PDF and Word
 * downloads (audited as exports). `?audience=external` gives the version that may leave the
 * organisation. Quotes appear only for readers allowed to read what people said (`read_text`).
 */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { listMeetings } from '../../../app/decide/meetings.ts'
import { exportBriefing } from '../../../app/share/briefing-export.ts'
import { generateBriefing, parseAudience, type BriefingReader, type BriefingScope } from '../../../app/share/generate-briefing.ts'
import { getFinding } from '../../../app/triangulate/findings.ts'
import { can } from '../../../core/access.ts'
import { briefingToHtml } from '../../../reports/html.ts'
import type { Audience, BriefingKind } from '../../../reports/model.ts'
import { accessOf, actorOf, scopedDeps } from '../../access/request-context.ts'
import type { FormProblem } from '../form-field.tsx'
import { idFrom, scopeOf } from '../programme-scope.ts'
import { BRIEFING_FORMATS, briefingPath, briefingsPagePath } from './briefing-paths.ts'
import { BriefingsPage, type BriefingChoice } from './briefings-page.tsx'

const PROGRAMME = '/organisations/:org/programmes/:programme'

/** Each briefing's web page path; its downloads add `.pdf` and `.docx`. */
const BRIEFINGS: readonly { readonly kind: BriefingKind; readonly path: string; readonly param?: 'meeting' | 'finding' }[] = [
  { kind: 'board', path: `${PROGRAMME}/briefings/board` },
  { kind: 'community', path: `${PROGRAMME}/briefings/community` },
  { kind: 'meeting', path: `${PROGRAMME}/meetings/:meeting/briefing`, param: 'meeting' },
  { kind: 'finding', path: `${PROGRAMME}/findings/:finding/briefing`, param: 'finding' },
]

export function briefingRoutes(app: OpenAPIHono): void {
  app.get(`${PROGRAMME}/briefings`, async (c) => chooseBriefing(c))

  for (const { kind, path, param } of BRIEFINGS) {
    const scopeFrom = (c: Context): BriefingScope => ({ organisation: c.req.param('org') ?? '', programme: c.req.param('programme') ?? '', id: param ? idFrom(c.req.param(param), param) : undefined })
    app.get(path, async (c) => {
      const briefing = await generateBriefing(scopedDeps(c), readerOf(c), scopeFrom(c), kind, parseAudience(c.req.query('audience')))
      const scope = scopeFrom(c)
      return c.html(briefingToHtml(briefing, { links: [{ href: briefingsPagePath(scope.organisation, scope.programme), text: 'Back to briefings' }, { href: briefingPath(scope.organisation, scope.programme, kind, scope.id, 'pdf', briefing.audience), text: 'Download as PDF' }] }))
    })
    for (const format of ['pdf', 'docx'] as const) {
      app.get(`${path}.${format}`, async (c) => {
        const file = await exportBriefing(scopedDeps(c), readerOf(c), scopeFrom(c), kind, parseAudience(c.req.query('audience')), format)
        return c.body(new Uint8Array(file.content), 200, { 'content-type': file.contentType, 'content-disposition': `attachment; filename="${file.fileName}"` })
      })
    }
  }
}

function readerOf(c: Context): BriefingReader {
  return { actor: actorOf(c), canReadText: can(accessOf(c).role, 'read_text') }
}

/** The choosing page; once a briefing is chosen (`?kind=`), a redirect to it, or the page again with what was wrong. */
async function chooseBriefing(c: Context): Promise<Response> {
  const scope = await scopeOf(c)
  const deps = scopedDeps(c)
  const meetingParam = c.req.query('meeting')
  const findingParam = c.req.query('finding')
  const finding = findingParam === undefined ? undefined : await getFinding(deps, scope, idFrom(findingParam, 'finding'))
  const meetings = await listMeetings(deps, scope)
  const submitted = c.req.query('kind') !== undefined
  const defaultKind = finding ? `finding-${finding.id}` : meetingParam !== undefined ? `meeting-${idFrom(meetingParam, 'meeting')}` : 'board'
  const choice: BriefingChoice = { kind: c.req.query('kind') ?? defaultKind, audience: c.req.query('audience') ?? 'internal', format: c.req.query('format') ?? 'html' }
  const problems: FormProblem[] = []
  const target = parseKind(choice.kind, meetings.map((m) => m.id), finding?.id)
  if (!target) problems.push({ field: 'kind', message: `Choose which briefing to make (got "${choice.kind.slice(0, 40)}").` })
  const audience = (['internal', 'external'] as const).find((a) => a === choice.audience)
  if (!audience) problems.push({ field: 'audience', message: `Choose who the briefing is for: people in the organisation or outside it (got "${choice.audience.slice(0, 40)}").` })
  const format = BRIEFING_FORMATS.find((f) => f === choice.format)
  if (!format) problems.push({ field: 'format', message: `Choose a web page, PDF or Word (got "${choice.format.slice(0, 40)}").` })
  if (submitted && target && audience && format) return c.redirect(briefingPath(scope.organisation.code, scope.programme.code, target.kind, target.id, format, audience as Audience), 303)
  const page = <BriefingsPage scope={scope} meetings={meetings} finding={finding} choice={choice} problems={submitted ? problems : []} />
  return c.html(page, submitted ? 400 : 200)
}

function parseKind(value: string, meetings: readonly number[], finding: number | undefined): { kind: BriefingKind; id?: number } | undefined {
  if (value === 'board' || value === 'community') return { kind: value }
  const match = /^(meeting|finding)-(\d{1,10})$/.exec(value)
  if (!match) return undefined
  const id = Number(match[2])
  if (match[1] === 'meeting') return meetings.includes(id) ? { kind: 'meeting', id } : undefined
  return id === finding ? { kind: 'finding', id } : undefined
}

