/** The board's summary view of a programme: each measure with its latest value, icons and a small chart. */
import { raw } from 'hono/html'
import type { Child } from 'hono/jsx'
import { MATRIX_DIMENSION, MATRIX_GROUPS, type ProgrammeOverview, type SeriesSummary } from '../../app/analyse/programme-overview.ts'
import { assuranceIconSvg, assuranceLabel, variationIconSvg, variationLabel } from '../../charts/index.ts'
import { cachedSpcSparklineSvg } from './chart-cache.ts'
import { formatDate, formatValue, groupLabel, valueFormatOf } from './format.ts'
import { Layout } from './layout.tsx'
import { WarningCallout } from './warning-callout.tsx'

const TYPE_LABEL = { outcome: 'Outcome', process: 'Process', balancing: 'Balancing' } as const

export function ProgrammePage({ overview }: { overview: ProgrammeOverview }) {
  const { organisation, programme } = overview.scope
  const base = `/organisations/${organisation.code}/programmes/${programme.code}`
  return (
    <Layout title={programme.name} breadcrumbs={[{ text: 'Programmes', href: '/' }]}>
      <span class="nhsuk-caption-l">{organisation.name}</span>
      <h1>{programme.name}</h1>
      <div class="nhsuk-inset-text">
        <span class="nhsuk-u-visually-hidden">Information: </span>
        <p>
          <strong>Aim:</strong> {programme.aim} <a href={`${base}/aim`}>The aim and its driver diagram</a>
        </p>
      </div>
      <p>
        <a href={`${base}/insight`}>Insight from people</a>: what staff, patients and communities say, coded into themes.
      </p>
      <p>
        <a href={`${base}/findings`}>Findings</a>: where the numbers and what people say agree, add to each other, disagree or are silent.
      </p>
      <p>
        <a href={`${base}/meetings`}>Meetings</a> and the <a href={`${base}/decisions`}>decision log</a>: what was decided, why, and on which findings.
      </p>
      <p>
        <a href={`${base}/actions`}>Actions</a> and their PDSA cycles, and the <a href={`${base}/loop`}>loop board</a>: is each change working, from the data?
      </p>
      <p>
        <a href={`${base}/briefings`}>Briefings</a>: the board briefing and the community "you said, we did" briefing, as a web page, PDF or Word, to use inside or share outside.
      </p>
      <h2>Measures at a glance</h2>
      {overview.staleSeries > 0 ? <StaleNotice count={overview.staleSeries} /> : null}
      <p>
        Each measure for the whole organisation and all people. The first icon says whether the latest value shows special-cause variation (a real change); the second whether the target
        will be met. Choose a measure for its full chart, the numbers and a plain-English reading.
      </p>
      <table class="nhsuk-table-responsive lhs-summary-table">
        <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Summary of every measure: latest value, target, variation and assurance</caption>
        <thead role="rowgroup" class="nhsuk-table__head">
          <tr role="row" class="nhsuk-table__row">
            <th role="columnheader" scope="col" class="nhsuk-table__header">Measure</th>
            <th role="columnheader" scope="col" class="nhsuk-table__header">Latest</th>
            <th role="columnheader" scope="col" class="nhsuk-table__header">Target</th>
            <th role="columnheader" scope="col" class="nhsuk-table__header">Variation</th>
            <th role="columnheader" scope="col" class="nhsuk-table__header">Assurance</th>
            <th role="columnheader" scope="col" class="nhsuk-table__header">Trend</th>
          </tr>
        </thead>
        <tbody role="rowgroup" class="nhsuk-table__body">
          {overview.measures.map(({ measure, spc, spcKey, latest: last, variation, assurance, stale, computedAt }) => {
            const direction = measure.direction
            const format = valueFormatOf(measure.kind)
            return (
              <tr role="row" class="nhsuk-table__row">
                <Cell heading="Measure">
                  <a href={`${base}/measures/${measure.code}`}>{measure.name}</a>
                  <div class="lhs-tag-row">
                    <strong class="nhsuk-tag nhsuk-tag--grey lhs-tag">{TYPE_LABEL[measure.type]}</strong>
                    {stale ? <OutOfDate computedAt={computedAt} /> : null}
                  </div>
                </Cell>
                <Cell heading="Latest">
                  {last ? formatValue(last.value, measure.kind, measure.unit) : 'No data'}
                  {last ? <span class="nhsuk-body-s lhs-block">{`${measure.period === 'week' ? 'week of' : 'period from'} ${formatDate(last.period)}`}</span> : null}
                </Cell>
                <Cell heading="Target">{measure.target === null ? 'None' : formatValue(measure.target, measure.kind, measure.unit)}</Cell>
                <Cell heading="Variation">
                  {raw(variationIconSvg(variation, direction, { size: 44, id: `v-${measure.code}` }))}
                  <span class="nhsuk-body-s lhs-block">{variationLabel(variation, direction)}</span>
                </Cell>
                <Cell heading="Assurance">
                  {raw(assuranceIconSvg(assurance, { size: 44, id: `a-${measure.code}` }))}
                  <span class="nhsuk-body-s lhs-block">{measure.target === null ? 'No target set' : assuranceLabel(assurance)}</span>
                </Cell>
                <Cell heading="Trend">{spc === null ? 'Not analysed yet' : raw(cachedSpcSparklineSvg(spc, { title: measure.name, valueFormat: format, id: `s-${measure.code}` }, spcKey))}</Cell>
              </tr>
            )
          })}
        </tbody>
      </table>
      {overview.hasMatrix ? <SummaryMatrix overview={overview} base={base} /> : null}
      <p>
        <a href={`${base}/import`}>Import measures or observations</a>
      </p>
    </Layout>
  )
}

/** Measures down the side; all people and each deprivation quintile across; variation and assurance icons in the cells. */
function SummaryMatrix({ overview, base }: { overview: ProgrammeOverview; base: string }) {
  const columns = [{ key: '', label: 'All people' }, ...MATRIX_GROUPS.map((g) => ({ key: g, label: `Quintile ${groupLabel(MATRIX_DIMENSION, g)}` }))]
  return (
    <>
      <h2 id="matrix">Summary matrix: by deprivation</h2>
      <p>
        The same icons for everyone and for each fifth of the population by deprivation (quintile 1 is the most deprived fifth, the Core20 group). Read across a row to see whether a change
        reaches everyone. Each cell links to its chart.
      </p>
      <div class="lhs-table-scroll" tabindex={0} role="region" aria-labelledby="matrix">
        <table class="nhsuk-table lhs-matrix">
          <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Variation and assurance of every measure, for all people and each deprivation quintile</caption>
          <thead class="nhsuk-table__head">
            <tr class="nhsuk-table__row">
              <th scope="col" class="nhsuk-table__header">
                Measure
              </th>
              {columns.map((c) => (
                <th scope="col" class="nhsuk-table__header">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody class="nhsuk-table__body">
            {overview.measures.map((m) => (
              <tr class="nhsuk-table__row">
                <th scope="row" class="nhsuk-table__header lhs-matrix__measure">
                  {m.measure.name}
                </th>
                {columns.map((c) => {
                  const summary = c.key === '' ? m : m.groups.get(c.key)
                  const href = `${base}/measures/${m.measure.code}${c.key === '' ? '' : `?who=${MATRIX_DIMENSION}:${c.key}`}`
                  return <MatrixCell summary={summary} measure={m.measure} href={href} id={`m-${m.measure.code}-${c.key || 'all'}`} column={c.label} />
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  )
}

function MatrixCell({ summary, measure, href, id, column }: { summary: SeriesSummary | undefined; measure: ProgrammeOverview['measures'][number]['measure']; href: string; id: string; column: string }) {
  if (!summary || summary.latest === null) return <td class="nhsuk-table__cell lhs-muted">No data</td>
  const { latest, stale } = summary
  const value = formatValue(latest.value, measure.kind, measure.unit)
  const variation = variationLabel(summary.variation, measure.direction)
  const assurance = measure.target === null ? 'no target set' : assuranceLabel(summary.assurance)
  return (
    <td class="nhsuk-table__cell lhs-matrix__cell">
      <a href={href} class="lhs-matrix__link" aria-label={`${measure.name}, ${column}: ${value}. ${variation}. Assurance: ${assurance}.${stale ? ' Out of date: new data is being analysed.' : ''} Open the chart.`}>
        <span class="lhs-matrix__icons" aria-hidden="true">
          {raw(variationIconSvg(summary.variation, measure.direction, { size: 36, id: `${id}-v` }))}
          {measure.target === null ? null : raw(assuranceIconSvg(summary.assurance, { size: 36, id: `${id}-a` }))}
        </span>
        <span class="lhs-block nhsuk-body-s lhs-matrix__value">{value}</span>
        {stale ? (
          <span class="lhs-block nhsuk-body-s" aria-hidden="true">
            Out of date
          </span>
        ) : null}
      </a>
    </td>
  )
}

/** Shown above the measures when some results predate the latest data. */
function StaleNotice({ count }: { count: number }) {
  return (
    <WarningCallout label="Being updated" heading="h3">
      <p>
        {count === 1 ? '1 result below was' : `${count.toLocaleString('en-GB')} results below were`} worked out before the latest data arrived and {count === 1 ? 'is' : 'are'} marked
        "Out of date". New results are being worked out in the background: refresh this page in a minute.
      </p>
    </WarningCallout>
  )
}

/** A tag on a measure whose result predates the latest data. */
function OutOfDate({ computedAt }: { computedAt: Date | null }) {
  return <strong class="nhsuk-tag nhsuk-tag--orange lhs-tag">{computedAt === null ? 'Not analysed yet' : `Out of date: as of ${formatDate(computedAt.toISOString().slice(0, 10))}`}</strong>
}

/** A table cell with its column name, shown beside the value when the table stacks on a phone. */
function Cell({ heading, children }: { heading: string; children?: Child }) {
  return (
    <td role="cell" class="nhsuk-table__cell">
      <span class="nhsuk-table-responsive__heading" aria-hidden="true">
        {heading}{' '}
      </span>
      <div class="lhs-cell">{children}</div>
    </td>
  )
}
