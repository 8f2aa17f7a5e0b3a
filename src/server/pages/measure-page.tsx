/** A measure's full SPC chart for one site and community group, its plain-English reading and its data. */
import { raw } from 'hono/html'
import type { Series } from '../../app/analyse/get-series.ts'
import type { SeriesOptions } from '../../app/analyse/series-options.ts'
import { assuranceLabel, describeSpc, spcChartSvg, variationLabel } from '../../charts/index.ts'
import { DataTable } from './data-table.tsx'
import { dimensionLabel, formatDate, formatValue, groupLabel, valueFormatOf } from './format.ts'
import { Layout } from './layout.tsx'

const DIRECTION_TEXT = { increase: 'Higher is better', decrease: 'Lower is better', neutral: 'Neither higher nor lower is better (watched for stability)' } as const
const KIND_TEXT = { proportion: 'Proportion (shown as a percentage)', rate: 'Rate', count: 'Count', mean: 'Average' } as const

export interface MeasurePageProps {
  readonly series: Series
  readonly options: SeriesOptions
  readonly csvHref: string
}

export function MeasurePage({ series, options, csvHref }: MeasurePageProps) {
  const { measure, site, spc, scope } = series
  const base = `/organisations/${scope.organisation.code}/programmes/${scope.programme.code}`
  const where = site.kind === 'system' ? scope.organisation.name : site.name
  const who = series.dimension ? `${dimensionLabel(series.dimension)}: ${groupLabel(series.dimension, series.group ?? '')}` : 'All people'
  const format = valueFormatOf(measure.kind)
  const rebases = series.rebases.map((r) => ({ date: r.date, reason: r.reason }))
  const unit = measure.unit ?? undefined
  const reading = describeSpc(spc, { measureName: measure.name, valueFormat: format, ...(unit ? { unit } : {}) })
  return (
    <Layout
      title={`${measure.name} – ${where}`}
      breadcrumbs={[
        { text: 'Programmes', href: '/' },
        { text: scope.programme.name, href: base },
      ]}
    >
      <span class="nhsuk-caption-l">
        {where} · {who}
      </span>
      <h1>{measure.name}</h1>
      <SeriesPicker series={series} options={options} />
      <h2>What the chart shows</h2>
      <div class="lhs-reading">
        {reading.map((sentence) => (
          <p>{sentence}</p>
        ))}
        <p class="nhsuk-body-s">
          Variation: {variationLabel(spc.variation, spc.direction)}. Assurance: {measure.target === null ? 'no target set' : assuranceLabel(spc.assurance)}.
        </p>
      </div>
      {spc.issues.length > 0 ? (
        <div class="nhsuk-warning-callout">
          <h3 class="nhsuk-warning-callout__label">
            <span role="text">
              <span class="nhsuk-u-visually-hidden">Important: </span>Data quality
            </span>
          </h3>
          <ul>
            {spc.issues.map((issue) => (
              <li>{issue.message}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <figure class="lhs-figure">
        {raw(spcChartSvg(spc, { title: `${measure.name} – ${where}, ${who.toLowerCase()}`, valueFormat: format, ...(unit ? { unit } : {}), rebases, target: measure.target, id: 'main-chart' }))}
        <figcaption class="nhsuk-body-s">
          XmR chart, Making Data Count rules (profile {spc.profile}). Solid line: average; dashed lines: process limits, where values are expected to fall if nothing changes.
        </figcaption>
      </figure>
      {series.rebases.length > 0 ? (
        <>
          <h2>Limits recalculated</h2>
          <ul>
            {series.rebases.map((r) => (
              <li>
                {formatDate(r.date)}: {r.reason}
              </li>
            ))}
          </ul>
        </>
      ) : null}
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

function Row({ term, value }: { term: string; value: string }) {
  return (
    <div class="nhsuk-summary-list__row">
      <dt class="nhsuk-summary-list__key">{term}</dt>
      <dd class="nhsuk-summary-list__value">{value}</dd>
    </div>
  )
}

function SeriesPicker({ series, options }: { series: Series; options: SeriesOptions }) {
  const selectedGroup = series.dimension ? `${series.dimension}:${series.group}` : ''
  return (
    <form method="get" class="lhs-picker" aria-label="Choose site and community group">
      <div class="nhsuk-form-group lhs-inline">
        <label class="nhsuk-label" for="site">
          Site
        </label>
        <select class="nhsuk-select" id="site" name="site">
          {options.sites.map((s) => (
            <option value={s.kind === 'system' ? '' : s.code} selected={s.id === series.site.id}>
              {s.kind === 'system' ? `${s.name} (whole organisation)` : s.name}
            </option>
          ))}
        </select>
      </div>
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
      <button class="nhsuk-button nhsuk-button--secondary lhs-inline-button" type="submit">
        Show
      </button>
    </form>
  )
}
