/** A measure's pages: its chart (with rebases, exclusions and notes), its sites on a funnel plot, its community groups. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { recommendFor } from '../../app/analyse/analyse-as.ts'
import { addRebase, removePointNote, removeRebase, setPointNote, type PointNoteInput } from '../../app/analyse/chart-notes.ts'
import { compareGroups } from '../../app/analyse/compare-groups.ts'
import { compareSites } from '../../app/analyse/compare-sites.ts'
import { getSeries, type SeriesQuery } from '../../app/analyse/get-series.ts'
import { getSeriesOptions } from '../../app/analyse/series-options.ts'
import { annotationsForMeasure } from '../../app/implement/annotations.ts'
import { can } from '../../core/access.ts'
import { AppError } from '../../core/errors.ts'
import { CHART_TYPES, type ChartType } from '../../core/model.ts'
import { MIN_BASELINE, PROFILES, type Profile } from '../../core/spc/index.ts'
import { accessOf, actorOf, scopedDeps } from '../access/request-context.ts'
import { scopeOf } from './programme-scope.ts'
import type { FormProblem } from './chart-notes.tsx'
import { formOf } from './form-body.ts'
import { GroupsPage } from './groups-page.tsx'
import { MeasurePage } from './measure-page.tsx'
import { SitesPage } from './sites-page.tsx'

const MEASURE = '/organisations/:org/programmes/:programme/measures/:measure'

/** Fields whose problems the forms can point at, by the use case's words. */
const FIELDS = { rebaseDate: 'rebase-date', rebaseReason: 'rebase-reason' } as const

export function analysisPageRoutes(app: OpenAPIHono): void {
  app.get(MEASURE, async (c) => renderMeasure(c, new URL(c.req.url).search.slice(1)))

  app.post(`${MEASURE}/rebases`, async (c) => {
    const form = await formOf(c)
    const scope = await scopeOf(c)
    try {
      await addRebase(scopedDeps(c), actorOf(c), scope, c.req.param('measure') ?? '', form.date ?? '', form.reason ?? '')
    } catch (error) {
      return problemOr(error, c, form.return, { field: (form.date ?? '') === '' || !/^\d{4}-\d{2}-\d{2}$/.test(form.date ?? '') ? FIELDS.rebaseDate : FIELDS.rebaseReason })
    }
    return back(c, form.return, 'rebase')
  })

  app.post(`${MEASURE}/rebases/remove`, async (c) => {
    const form = await formOf(c)
    await removeRebase(scopedDeps(c), actorOf(c), await scopeOf(c), c.req.param('measure') ?? '', form.date ?? '')
    return back(c, form.return, 'rebase-removed')
  })

  app.post(`${MEASURE}/notes`, async (c) => {
    const form = await formOf(c)
    const input = noteInput(c, form)
    try {
      await setPointNote(scopedDeps(c), actorOf(c), await scopeOf(c), input, form.note ?? '')
    } catch (error) {
      return problemOr(error, c, form.return, { field: `${input.kind}-note` })
    }
    return back(c, form.return, input.kind)
  })

  app.post(`${MEASURE}/notes/remove`, async (c) => {
    const form = await formOf(c)
    const input = noteInput(c, form)
    await removePointNote(scopedDeps(c), actorOf(c), await scopeOf(c), input)
    return back(c, form.return, `${input.kind}-removed`)
  })

  app.get(`${MEASURE}/sites`, async (c) => {
    const comparison = await compareSites(scopedDeps(c), { ...measureParams(c), from: c.req.query('from'), to: c.req.query('to') })
    return c.html(<SitesPage comparison={comparison} />)
  })

  app.get(`${MEASURE}/groups`, async (c) => {
    const deps = scopedDeps(c)
    const comparison = await compareGroups(deps, {
      ...measureParams(c),
      site: c.req.query('site'),
      dimension: c.req.query('dimension'),
      reference: c.req.query('reference'),
      comparison: c.req.query('comparison'),
      from: c.req.query('from'),
      to: c.req.query('to'),
    })
    const options = await getSeriesOptions(deps, comparison.scope, comparison.measure)
    return c.html(<GroupsPage comparison={comparison} options={options} />)
  })
}

const SAVED: Readonly<Record<string, string>> = {
  rebase: 'The limits are now recalculated from the date you gave, with your reason shown on the chart.',
  'rebase-removed': 'The rebase was removed: the limits run on across that date again.',
  exclusion: 'The point is now left out of the average and limits. It is still drawn, hollow, and tested against them.',
  'exclusion-removed': 'The point counts towards the average and limits again.',
  annotation: 'The note was added to the chart.',
  'annotation-removed': 'The note was removed.',
}

async function renderMeasure(c: Context, query: string, problem?: FormProblem, status: 200 | 400 = 200) {
  const params = new URLSearchParams(query)
  const seriesQuery = seriesQueryOf(c, params)
  const deps = scopedDeps(c)
  const series = await getSeries(deps, seriesQuery)
  const options = await getSeriesOptions(deps, series.scope, series.measure)
  params.delete('saved')
  for (const [name, value] of [...params]) if (value === '') params.delete(name)
  const clean = params.toString()
  const csvHref = `${measurePath(c)}/data.csv${clean ? `?${clean}` : ''}`
  const recommendation = recommendFor(series.measure, series.rows)
  // The loop on the chart: each action that predicts this measure here, and each of its PDSA cycles, as a numbered note.
  const loop = await annotationsForMeasure(deps, series.scope, series.measure.code, series.site.kind === 'system' ? undefined : series.site.code)
  const savedKey = new URLSearchParams(query).get('saved') ?? ''
  return c.html(
    <MeasurePage
      series={series}
      options={options}
      csvHref={csvHref}
      canAnalyse={can(accessOf(c).role, 'analyse')}
      query={clean}
      recommendation={recommendation}
      problem={problem}
      saved={SAVED[savedKey]}
      loopNotes={loop.map((a) => ({ date: a.date, text: a.text }))}
    />,
    status,
  )
}

/** Site from `site`, community group from `who=dimension:group` (or `dimension` and `group`), chart from `chart`. */
export function seriesQueryOf(c: Context, params: URLSearchParams): SeriesQuery {
  const who = params.get('who') ?? ''
  const split = who.indexOf(':')
  if (who !== '' && split <= 0) throw new AppError('invalid_request', `Community group "${who}" should be written dimension:group, for example imd_quintile:1.`)
  const chart = params.get('chart') || undefined
  if (chart !== undefined && !(CHART_TYPES as readonly string[]).includes(chart)) throw new AppError('invalid_request', `"${chart}" is not a chart type (expected one of ${CHART_TYPES.join(', ')}).`)
  const profile = params.get('profile') || undefined
  if (profile !== undefined && !(PROFILES as readonly string[]).includes(profile)) throw new AppError('invalid_request', `"${profile}" is not a rule profile (expected one of ${PROFILES.join(', ')}).`)
  const baselineText = params.get('baseline') || undefined
  const baseline = baselineText === undefined ? undefined : Number(baselineText)
  if (baseline !== undefined && !(Number.isInteger(baseline) && baseline >= MIN_BASELINE && baseline <= 10_000)) {
    throw new AppError('invalid_request', `"${baselineText}" is not a baseline (expected a whole number of points from ${MIN_BASELINE}, or nothing to use every point).`)
  }
  return {
    profile: profile as Profile | undefined,
    baseline,
    ...measureParams(c),
    site: params.get('site') ?? undefined,
    dimension: split > 0 ? who.slice(0, split) : (params.get('dimension') ?? undefined),
    group: split > 0 ? who.slice(split + 1) : (params.get('group') ?? undefined),
    chart: chart as ChartType | undefined,
  }
}

/** The measure page's path, from itself or from one of its form actions. */
function measurePath(c: Context): string {
  return c.req.path.replace(/\/(rebases|notes)(\/remove)?$/, '')
}

function measureParams(c: Context) {
  return { organisation: c.req.param('org') ?? '', programme: c.req.param('programme') ?? '', measure: c.req.param('measure') ?? '' }
}

function noteInput(c: Context, form: Record<string, string | undefined>): PointNoteInput {
  const kind = form.kind
  if (kind !== 'exclusion' && kind !== 'annotation') throw new AppError('invalid_request', `"${kind ?? ''}" is not a kind of note (expected exclusion or annotation).`)
  return { measure: c.req.param('measure') ?? '', site: form.site ?? '', period: form.period ?? '', kind }
}

/** The measure page again, with the query it was posted from (only its own parameters), and what was saved. */
function back(c: Context, returnQuery: string | undefined, saved: string) {
  const params = safeQuery(returnQuery)
  params.set('saved', saved)
  const path = measurePath(c)
  return c.redirect(`${path}?${params.toString()}`, 303)
}

/** A form's problem shown on the measure page (400), or any other error thrown on. */
function problemOr(error: unknown, c: Context, returnQuery: string | undefined, where: { field: string }) {
  if (error instanceof AppError && error.code === 'invalid_request') return renderMeasure(c, safeQuery(returnQuery).toString(), { field: where.field, message: error.message }, 400)
  throw error
}

/** Only the measure page's own parameters survive a round trip through a form. */
function safeQuery(text: string | undefined): URLSearchParams {
  const parsed = new URLSearchParams(text ?? '')
  const kept = new URLSearchParams()
  for (const name of ['site', 'who', 'dimension', 'group', 'chart', 'profile', 'baseline']) {
    const value = parsed.get(name)
    if (value) kept.set(name, value)
  }
  return kept
}
