/** The codebook pages: view, add a frame or theme, change or remove a theme, REFI-QDA export and import, candidate new themes. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { addFrame, addTheme, editTheme, exportQdc, importQdc, listCodebook, removeTheme } from '../../../app/insight/codebook.ts'
import { proposeNewThemes } from '../../../app/insight/suggestions.ts'
import { themeMatrix } from '../../../app/insight/theme-views.ts'
import { can } from '../../../core/access.ts'
import { AppError } from '../../../core/errors.ts'
import type { Issue } from '../../../core/issues.ts'
import { accessOf, actorOf, scopedDeps } from '../../access/request-context.ts'
import { idFrom, scopeOf } from '../programme-scope.ts'
import { formOf } from '../form-body.ts'
import { problemFrom, type FormProblem } from '../form-field.tsx'
import { CodebookPage } from './codebook-page.tsx'
import { INSIGHT } from './insight-routes.tsx'
import { ProposalsPage } from './proposals-page.tsx'
import { ThemeEditPage } from './theme-edit-page.tsx'

const CODEBOOK = `${INSIGHT}/codebook`

const DONE: Readonly<Record<string, string>> = { theme: 'The theme has been added.', frame: 'The framework has been added to the codebook.', changed: 'The theme has been changed.', removed: 'The theme has been removed.' }

export function codebookPageRoutes(app: OpenAPIHono): void {
  app.get(CODEBOOK, async (c) => renderCodebook(c, { done: DONE[c.req.query('saved') ?? ''] ?? (c.req.query('imported') ? `Imported: ${c.req.query('imported')}.` : undefined) }))

  app.get(`${INSIGHT}/codebook.qdc`, async (c) => {
    const scope = await scopeOf(c)
    const xml = await exportQdc(scopedDeps(c), scope)
    return c.body(xml, 200, { 'Content-Type': 'application/xml; charset=utf-8', 'Content-Disposition': `attachment; filename="${scope.programme.code}-codebook.qdc"` })
  })

  app.post(CODEBOOK, async (c) => {
    const form = await formOf(c)
    const parent = form.parent ? Number(form.parent) : null
    try {
      await addTheme(scopedDeps(c), actorOf(c), await scopeOf(c), parent, fieldsOf(form))
    } catch (error) {
      return renderCodebook(c, { problem: problemOf(error) }, 400)
    }
    return c.redirect(`${c.req.path}?saved=theme`, 303)
  })

  app.post(`${CODEBOOK}/frames`, async (c) => {
    const form = await formOf(c)
    try {
      await addFrame(scopedDeps(c), actorOf(c), await scopeOf(c), form.frame ?? '')
    } catch (error) {
      return renderCodebook(c, { problem: { ...problemOf(error), field: 'frame' } }, 400)
    }
    return c.redirect(`${c.req.path.replace(/\/frames$/, '')}?saved=frame`, 303)
  })

  app.post(`${CODEBOOK}/import`, async (c) => {
    const body = await c.req.parseBody().catch(() => ({}) as Record<string, unknown>)
    const file = body.file
    if (!(file instanceof File) || file.size === 0) return renderCodebook(c, { problem: { field: 'qdc-file', message: 'Choose a .qdc file to import.' } }, 400)
    let result
    try {
      result = await importQdc(scopedDeps(c), actorOf(c), await scopeOf(c), await file.text(), file.name)
    } catch (error) {
      if (error instanceof AppError && error.code === 'invalid_file') return renderCodebook(c, { problem: { field: 'qdc-file', message: error.message } }, 400)
      throw error
    }
    if (result.issues.some((i) => i.severity === 'error')) return renderCodebook(c, { issues: result.issues }, 400)
    return c.redirect(`${c.req.path.replace(/\/import$/, '')}?imported=${encodeURIComponent(`${result.added} themes added, ${result.updated} updated`)}`, 303)
  })

  app.get(`${CODEBOOK}/proposals`, async (c) => {
    const scope = await scopeOf(c)
    return c.html(<ProposalsPage scope={scope} role={accessOf(c).role} proposal={await proposeNewThemes(scopedDeps(c), actorOf(c), scope)} />)
  })

  app.get(`${CODEBOOK}/:theme`, async (c) => renderEdit(c))

  app.post(`${CODEBOOK}/:theme`, async (c) => {
    const form = await formOf(c)
    try {
      await editTheme(scopedDeps(c), actorOf(c), await scopeOf(c), idFrom(c.req.param('theme'), 'theme'), fieldsOf(form))
    } catch (error) {
      return renderEdit(c, problemOf(error), 400)
    }
    return c.redirect(`${c.req.path.replace(/\/[^/]+$/, '')}?saved=changed`, 303)
  })

  app.post(`${CODEBOOK}/:theme/remove`, async (c) => {
    await removeTheme(scopedDeps(c), actorOf(c), await scopeOf(c), idFrom(c.req.param('theme'), 'theme'))
    return c.redirect(`${c.req.path.replace(/\/[^/]+\/remove$/, '')}?saved=removed`, 303)
  })
}

function fieldsOf(form: Record<string, string | undefined>) {
  return { name: form.name ?? '', definition: form.definition ?? '', examples: (form.examples ?? '').split(/\r?\n/) }
}

function problemOf(error: unknown): FormProblem {
  return problemFrom(error, 'name', ['invalid_request', 'conflict'])
}


async function renderCodebook(c: Context, extra: { problem?: FormProblem; issues?: readonly Issue[]; done?: string | undefined }, status: 200 | 400 = 200) {
  const scope = await scopeOf(c)
  const themes = await listCodebook(scopedDeps(c), scope)
  const role = accessOf(c).role
  return c.html(<CodebookPage scope={scope} role={role} themes={themes} canEdit={can(role, 'analyse')} problem={extra.problem} issues={extra.issues ?? []} done={extra.done} />, status)
}

async function renderEdit(c: Context, problem?: FormProblem, status: 200 | 400 = 200) {
  const scope = await scopeOf(c)
  const id = idFrom(c.req.param('theme'), 'theme')
  const deps = scopedDeps(c)
  const theme = (await listCodebook(deps, scope)).find((t) => t.id === id)
  if (!theme) throw new AppError('not_found', `No theme ${id} in this codebook.`)
  const matrix = await themeMatrix(deps, scope, 'source')
  const coded = matrix.rows.find((r) => r.theme.id === id)?.all.excerpts ?? 0
  return c.html(<ThemeEditPage scope={scope} role={accessOf(c).role} theme={theme} coded={coded} problem={problem} />, status)
}
