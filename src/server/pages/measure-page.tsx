/** A measure's chart for one site and community group (any chart type), its plain-English reading, its notes and its data. */
import { raw } from 'hono/html'
import type { Series } from '../../app/analyse/get-series.ts'
import type { SeriesOptions } from '../../app/analyse/series-options.ts'
import { CHART_NAMES } from '../../app/analyse/analyse-as.ts'
import type { ChartType } from '../../core/model.ts'
import { PROFILES, type Profile } from '../../core/spc/index.ts'
import { assuranceLabel, describeSpc, runChartSvg, variationLabel } from '../../charts/index.ts'
import { ChartNotes, type FormProblem } from './chart-notes.tsx'
import { DataTable } from './data-table.tsx'
import { dimensionLabel, formatValue, groupLabel, valueFormatOf } from './format.ts'
import { Layout } from './layout.tsx'
import { WarningCallout } from './warning-callout.tsx'
import { cachedSpcChartSvg } from './chart-cache.ts'
import { SiteSelect } from './site-select.tsx'
import { MeasureNav } from './measure-nav.tsx'
import { ErrorSummary } from './error-summary.tsx'

const DIRECTION_TEXT = { increase: 'Higher is better', decrease: 'Lower is better', neutral: 'Neither higher nor lower is better (watched for stability)' } as const
const KIND_TEXT = { proportion: 'Proportion (shown as a percentage)', rate: 'Rate', count: 'Count', mean: 'Average' } as const

const CAPTIONS: Readonly<Record<ChartType, string>> = {
  xmr: 'XmR chart (individual values and their moving ranges). Solid line: average; dashed lines: process limits, where values are expected to fall if nothing changes.',
  p: 'P chart: each period’s proportion with limits from its own denominator, so the limits are wider for smaller periods. Solid line: overall proportion; dashed lines: limits.',
  pp: 'P′ chart (Laney): a P chart whose limits also allow for the period-to-period variation seen in the data, used when denominators are so large that P chart limits flag nearly every point.',
  u: 'U chart: each period’s rate with limits from its own exposure. Solid line: overall rate; dashed lines: limits.',
  up: 'U′ chart (Laney): a U chart whose limits also allow for the period-to-period variation seen in the data.',
  c: 'C chart: counts of events in equal periods, with Poisson limits. Solid line: average count; dashed lines: limits.',
  run: 'Run chart: values around their median (solid line). A signal is an unusually long run on one side of the median or too few crossings of it (Anhøj rules).',
}

export interface MeasurePageProps {
  readonly series: Series
  readonly options: SeriesOptions
  readonly csvHref: string
  /** May change rebases, exclusions and annotations. */
  readonly canAnalyse: boolean
  /** This page's query string, so forms can come back to the same view. */
  readonly query: string
  readonly recommendation?: { readonly chart: ChartType; readonly reason: string } | undefined
  readonly problem?: FormProblem | undefined
  readonly saved?: string | undefined
  /** Actions and PDSA cycles touching this measure, drawn as numbered notes beside the point notes. */
  readonly loopNotes?: readonly { readonly date: string; readonly text: string }[]
}

export function MeasurePage({ series, options, csvHref, canAnalyse, query, recommendation, problem, saved, loopNotes = [] }: MeasurePageProps) {
  const { measure, site, scope, chart } = series
  const base = `/organisations/${scope.organisation.code}/programmes/${scope.programme.code}`
  const href = `${base}/measures/${measure.code}`
  const where = site.kind === 'system' ? scope.organisation.name : site.name
  const who = series.dimension ? `${dimensionLabel(series.dimension)}: ${groupLabel(series.dimension, series.group ?? '')}` : 'All people'
  const format = valueFormatOf(measure.kind)
  const rebases = series.rebases.map((r) => ({ date: r.date, reason: r.reason }))
  const unit = measure.unit ?? undefined
  const title = `${measure.name} – ${where}, ${who.toLowerCase()}`
  const annotations = [...series.notes.filter((n) => n.kind === 'annotation').map((n) => ({ date: n.period, text: n.note })), ...loopNotes]
  const chartOptions = { title, valueFormat: format, ...(unit ? { unit } : {}), rebases, annotations, id: 'main-chart', period: measure.period }
  const issues = chart.result.issues
  return (
    <Layout
      title={`${measure.name} – ${where}`}
      breadcrumbs={[
        { text: 'Programmes', href: '/' },
        { text: scope.programme.name, href: base },
      ]}
    >
      {problem ? <ErrorSummary items={[{ href: `#${problem.field}`, text: problem.message }]} /> : null}
      {saved ? (
        <div class="nhsuk-inset-text" role="status">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>{saved}</p>
        </div>
      ) : null}
      <span class="nhsuk-caption-l">
        {where} · {who}
      </span>
      <h1>{measure.name}</h1>
      <MeasureNav href={href} current="chart" />
      <SeriesPicker series={series} options={options} />
      {recommendation && recommendation.chart !== chart.type ? (
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>
            Suggested chart for this measure: <strong>{CHART_NAMES[recommendation.chart]}</strong>. {recommendation.reason}{' '}
            <a href={`${href}?${withParam(query, 'chart', recommendation.chart)}`}>Show the {CHART_NAMES[recommendation.chart]}</a>
          </p>
        </div>
      ) : null}
      <h2>What the chart shows</h2>
      <div class="lhs-reading">
        {chart.kind === 'control' ? (
          <>
            {describeSpc(chart.result, { measureName: measure.name, valueFormat: format, ...(unit ? { unit } : {}) }).map((sentence) => (
              <p>{sentence}</p>
            ))}
            <p class="nhsuk-body-s">
              Variation: {variationLabel(chart.result.variation, chart.result.direction)}. Assurance: {measure.target === null ? 'no target set' : assuranceLabel(chart.result.assurance)}.
            </p>
          </>
        ) : (
          <RunReading series={series} />
        )}
      </div>
      {issues.length > 0 ? (
        <WarningCallout label="Data quality" heading="h3">
          <ul>
            {issues.map((issue) => (
              <li>{issue.message}</li>
            ))}
          </ul>
        </WarningCallout>
      ) : null}
      <figure class="lhs-figure">
        {raw(chart.kind === 'control' ? cachedSpcChartSvg(chart.result, { ...chartOptions, target: measure.target }) : runChartSvg(chart.result, chartOptions))}
        <figcaption class="nhsuk-body-s">
          {CAPTIONS[chart.type]}
          {chart.kind === 'control' && 'profile' in chart.result ? ` Rules: Making Data Count (profile ${String(chart.result.profile)}).` : ''}
        </figcaption>
      </figure>
      <ChartNotes series={series} href={href} query={query} canAnalyse={canAnalyse} problem={problem} />
      <h2>About this measure</h2>
      <dl class="nhsuk-summary-list">
        <Row term="Definition" value={measure.description || 'Not given'} />
        <Row term="Numerator" value={measure.numeratorDefinition ?? 'Not applicable'} />
        <Row term="Denominator" value={measure.denominatorDefinition ?? 'Not applicable'} />
        <Row term="Kind" value={KIND_TEXT[measure.kind]} />
        <Row term="Type" value={measure.type[0]?.toUpperCase() + measure.type.slice(1)} />
        <Row term="Better is" value={DIRECTION_TEXT[measure.direction]} />
        <Row term="Target" value={measure.target === null ? 'None' : formatValue(measure.target, measure.kind, measure.unit)} />
        <Row term="Period" value={`Every ${measure.period}`} />
        <Row term="Default chart" value={CHART_NAMES[measure.defaultChart]} />
      </dl>
      <h2 id="data">The numbers</h2>
      <p>
        <a href={csvHref} download>
          Download these numbers (CSV)
        </a>
      </p>
      <DataTable series={series} />
    </Layout>
  )
}

function RunReading({ series }: { series: Series }) {
  if (series.chart.kind !== 'run') return null
  const segment = series.chart.result.segments.at(-1)
  if (!segment) return <p>There are no values to chart yet.</p>
  const { runs } = segment
  const median = formatValue(segment.centre, series.measure.kind, series.measure.unit)
  const signal = runs.signal
    ? `There is a signal of non-random variation: ${runs.longestRun > runs.longestRunMax ? `the longest run on one side of the median is ${runs.longestRun} points (more than ${runs.longestRunMax} is unusual)` : `the line crosses the median only ${runs.crossings} times (fewer than ${runs.crossingsMin} is unusual)`}.`
    : `There is no sign of non-random variation: the longest run is ${runs.longestRun} points (up to ${runs.longestRunMax} is expected) and the line crosses the median ${runs.crossings} times (at least ${runs.crossingsMin} expected).`
  return (
    <>
      <p>
        The median is {median} over {runs.usefulPoints} values not on the median{series.chart.result.segments.length > 1 ? ' since the latest rebase' : ''}.
      </p>
      <p>{signal}</p>
    </>
  )
}

function Row({ term, value }: { term: string; value: string }) {
  return (
    <div class="nhsuk-summary-list__row">
      <dt class="nhsuk-summary-list__key">{term}</dt>
      <dd class="nhsuk-summary-list__value">{value}</dd>
    </div>
  )
}

/** `query` with `name` set to `value`. */
export function withParam(query: string, name: string, value: string): string {
  const params = new URLSearchParams(query)
  params.set(name, value)
  return params.toString()
}

function SeriesPicker({ series, options }: { series: Series; options: SeriesOptions }) {
  const selectedGroup = series.dimension ? `${series.dimension}:${series.group}` : ''
  return (
    <form method="get" class="lhs-picker" aria-label="Choose site, community group and chart">
      <SiteSelect sites={options.sites} selectedId={series.site.id} />
      <div class="nhsuk-form-group lhs-inline">
        <label class="nhsuk-label" for="who">
          Community group
        </label>
        <select class="nhsuk-select" id="who" name="who">
          <option value="" selected={selectedGroup === ''}>
            All people
          </option>
          {[...options.groups].map(([dimension, groups]) => (
            <optgroup label={dimensionLabel(dimension)}>
              {groups.map((g) => (
                <option value={`${dimension}:${g}`} selected={selectedGroup === `${dimension}:${g}`}>
                  {groupLabel(dimension, g)}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <div class="nhsuk-form-group lhs-inline">
        <label class="nhsuk-label" for="chart">
          Chart
        </label>
        <select class="nhsuk-select" id="chart" name="chart">
          {series.chart.choices.map((c) => (
            <option value={c} selected={c === series.chart.type}>
              {CHART_NAMES[c]}
            </option>
          ))}
        </select>
      </div>
      {series.chart.type === 'run' ? null : (
        <div class="nhsuk-form-group lhs-inline">
          <label class="nhsuk-label" for="profile">
            Rules
          </label>
          <select class="nhsuk-select" id="profile" name="profile">
            {PROFILES.map((p) => (
              <option value={p} selected={p === (series.query.profile ?? 'mdc')}>
                {PROFILE_NAMES[p]}
              </option>
            ))}
          </select>
        </div>
      )}
      <div class="nhsuk-form-group lhs-inline">
        <label class="nhsuk-label" for="baseline">
          Fix the limits on the first
        </label>
        <div class="nhsuk-hint" id="baseline-hint">
          Number of points (12 or more); empty for all
        </div>
        <input class="nhsuk-input nhsuk-input--width-4" type="number" id="baseline" name="baseline" min={12} step={1} inputmode="numeric" value={series.query.baseline === undefined ? '' : String(series.query.baseline)} aria-describedby="baseline-hint" />
      </div>
      <button class="nhsuk-button nhsuk-button--secondary lhs-inline-button" type="submit">
        Show
      </button>
    </form>
  )
}

const PROFILE_NAMES: Readonly<Record<Profile, string>> = {
  mdc: 'Making Data Count',
  mdc_excel: 'Making Data Count Excel tool (no screening)',
  mdc2023: 'Making Data Count 2023 (two of three)',
  qic: 'qicharts2 (Anhøj runs)',
}
