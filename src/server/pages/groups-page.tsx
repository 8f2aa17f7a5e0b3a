/** Compare community groups at a site: rates with intervals, differences and ratios to a reference group, and the gap over time on its own SPC chart. */
import { raw } from 'hono/html'
import type { GroupComparison } from '../../app/analyse/compare-groups.ts'
import type { SeriesOptions } from '../../app/analyse/series-options.ts'
import type { Interval } from '../../core/compare/index.ts'
import { describeSpc, groupIntervalsSvg, spcChartSvg } from '../../charts/index.ts'
import { dimensionLabel, formatCount, formatDate, formatValue, groupLabel, valueFormatOf } from './format.ts'
import { Layout } from './layout.tsx'
import { SiteSelect } from './site-select.tsx'
import { MeasureNav } from './measure-nav.tsx'
import { WindowPicker } from './window-picker.tsx'

export function GroupsPage({ comparison, options }: { comparison: GroupComparison; options: SeriesOptions }) {
  const { scope, measure, site, window, differences, gap, dimension } = comparison
  const base = `/organisations/${scope.organisation.code}/programmes/${scope.programme.code}`
  const href = `${base}/measures/${measure.code}`
  const where = site.kind === 'system' ? scope.organisation.name : site.name
  const show = (v: number) => formatValue(v * comparison.multiplier, measure.kind, measure.unit)
  const label = (g: string) => (dimension ? groupLabel(dimension, g) : g)
  const period = `${formatDate(window.from)} to ${formatDate(window.to)}`
  const gapUnit = measure.kind === 'proportion' ? 'percentage points' : (measure.unit ?? 'per unit')
  const siteCode = site.kind === 'system' ? '' : site.code
  return (
    <Layout title={`${measure.name} – compare community groups`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: scope.programme.name, href: base }]}>
      <span class="nhsuk-caption-l">{where}</span>
      <h1>{measure.name}</h1>
      <MeasureNav href={href} current="groups" />
      <form method="get" class="lhs-picker" aria-label="Choose site and breakdown">
        <SiteSelect sites={options.sites} selectedId={site.id} />
        <div class="nhsuk-form-group lhs-inline">
          <label class="nhsuk-label" for="dimension">
            Breakdown
          </label>
          <select class="nhsuk-select" id="dimension" name="dimension">
            {comparison.dimensions.map((d) => (
              <option value={d} selected={d === dimension}>
                {dimensionLabel(d)}
              </option>
            ))}
          </select>
        </div>
        <input type="hidden" name="from" value={window.from} />
        <input type="hidden" name="to" value={window.to} />
        <button class="nhsuk-button nhsuk-button--secondary lhs-inline-button" type="submit">
          Show
        </button>
      </form>
      <WindowPicker window={window} hidden={{ site: siteCode, ...(dimension ? { dimension } : {}) }} />
      {differences === null ? (
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>{comparison.unavailable}</p>
        </div>
      ) : (
        <>
          <h2>Each group, {period}</h2>
          <p>
            Each group’s {measure.kind === 'proportion' ? 'proportion' : 'rate'} with its 95% confidence interval ({measure.kind === 'proportion' ? 'Wilson' : 'exact Poisson'}), compared with{' '}
            {label(differences.reference)} (the reference group). Groups with fewer than {differences.smallCount} people or events are kept and marked small: read them with care, and
            they are hidden in anything shared outside the organisation. “Not stated” is kept as a group of its own.
          </p>
          <figure class="lhs-figure">
            {raw(
              groupIntervalsSvg(
                { ...differences, reference: label(differences.reference), groups: differences.groups.map((g) => ({ ...g, group: label(g.group) })) },
                { title: `${measure.name} by ${dimensionLabel(dimension ?? '').toLowerCase()}, ${where}, ${period}`, valueFormat: valueFormatOf(measure.kind), id: 'groups', ...(comparison.multiplier !== 1 ? { multiplier: comparison.multiplier } : {}) },
              ),
            )}
            <figcaption class="nhsuk-body-s">Dots: each group’s value; lines: 95% confidence intervals; vertical line: the reference group.</figcaption>
          </figure>
          <div class="lhs-table-scroll" tabindex={0} role="region" aria-labelledby="groups-table">
            <table class="nhsuk-table">
              <caption class="nhsuk-table__caption" id="groups-table">
                {dimensionLabel(dimension ?? '')} at {where}, {period}
              </caption>
              <thead class="nhsuk-table__head">
                <tr class="nhsuk-table__row">
                  <th scope="col" class="nhsuk-table__header">Group</th>
                  <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Numerator</th>
                  <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Denominator</th>
                  <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Value (95% CI)</th>
                  <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Difference from {label(differences.reference)}</th>
                  <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Ratio to {label(differences.reference)}</th>
                  <th scope="col" class="nhsuk-table__header">Note</th>
                </tr>
              </thead>
              <tbody class="nhsuk-table__body">
                {differences.groups.map((g) => (
                  <tr class="nhsuk-table__row">
                    <th scope="row" class="nhsuk-table__header">
                      {label(g.group)}
                    </th>
                    <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{formatCount(g.numerator)}</td>
                    <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{formatCount(g.denominator)}</td>
                    <td class="nhsuk-table__cell nhsuk-table__cell--numeric lhs-nowrap">{withInterval(g.value, show)}</td>
                    <td class="nhsuk-table__cell nhsuk-table__cell--numeric lhs-nowrap">{g.difference ? withInterval(g.difference, (v) => difference(v, measure.kind, comparison.multiplier, measure.unit)) : '–'}</td>
                    <td class="nhsuk-table__cell nhsuk-table__cell--numeric lhs-nowrap">{g.ratio ? withInterval(g.ratio, (v) => v.toFixed(2)) : '–'}</td>
                    <td class="nhsuk-table__cell">{[g.isReference ? 'Reference' : '', g.small ? 'Small numbers' : '', g.notStated ? 'Not stated' : ''].filter(Boolean).join('; ')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {gap ? (
            <>
              <h2>
                Is the gap between {label(gap.comparison)} and {label(differences.reference)} narrowing?
              </h2>
              <div class="lhs-reading">
                {describeSpc(gap.spc, { measureName: `the gap (${label(gap.comparison)} minus ${label(differences.reference)})`, valueFormat: 'decimal1', unit: gapUnit }).map((sentence) => (
                  <p>{sentence}</p>
                ))}
              </div>
              <figure class="lhs-figure">
                {raw(spcChartSvg(gap.spc, { title: `Gap: ${label(gap.comparison)} minus ${label(differences.reference)}, ${measure.name}, ${where}`, valueFormat: 'decimal1', unit: gapUnit, id: 'gap-chart', period: measure.period }))}
                <figcaption class="nhsuk-body-s">
                  XmR chart of the gap each {measure.period} ({label(gap.comparison)} minus {label(differences.reference)}, in {gapUnit}). A gap moving towards zero counts as improvement. Limits are
                  worked out over the whole series.
                </figcaption>
              </figure>
            </>
          ) : null}
        </>
      )}
    </Layout>
  )
}

function withInterval(interval: Interval, show: (v: number) => string): string {
  return `${show(interval.estimate)} (${show(interval.lower)} to ${show(interval.upper)})`
}

function difference(value: number, kind: GroupComparison['measure']['kind'], multiplier: number, unit: string | null): string {
  if (kind === 'proportion') return `${value >= 0 ? '+' : '−'}${Math.abs(value * 100).toFixed(1)} pts`
  return `${value >= 0 ? '+' : '−'}${formatValue(Math.abs(value * multiplier), kind, unit)}`
}
