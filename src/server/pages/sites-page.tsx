/** Compare sites: a funnel plot of the sites over a window of periods, with its table and a plain-English reading. */
import { raw } from 'hono/html'
import type { SiteComparison } from '../../app/analyse/compare-sites.ts'
import type { FunnelUnit } from '../../core/compare/index.ts'
import { funnelPlotSvg } from '../../charts/index.ts'
import { formatCount, formatDate, formatValue, valueFormatOf } from './format.ts'
import { Layout } from './layout.tsx'
import { MeasureNav } from './measure-nav.tsx'
import { WindowPicker } from './window-picker.tsx'

const SIGNAL_TEXT = { 'possible excellence': 'Possible excellence', 'possible concern': 'Possible concern', 'higher than expected': 'Higher than expected', 'lower than expected': 'Lower than expected' } as const

export function SitesPage({ comparison }: { comparison: SiteComparison }) {
  const { scope, measure, window, funnel } = comparison
  const base = `/organisations/${scope.organisation.code}/programmes/${scope.programme.code}`
  const href = `${base}/measures/${measure.code}`
  const scale = (v: number) => formatValue(v * comparison.multiplier, measure.kind, measure.unit)
  const name = (code: string) => comparison.sites.get(code)?.site.name ?? code
  const period = `${formatDate(window.from)} to ${formatDate(window.to)}`
  return (
    <Layout title={`${measure.name} – compare sites`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: scope.programme.name, href: base }]}>
      <span class="nhsuk-caption-l">{scope.organisation.name} · all people</span>
      <h1>{measure.name}</h1>
      <MeasureNav href={href} current="sites" />
      <p>
        Each site’s {measure.kind === 'proportion' ? 'proportion' : 'rate'} over {window.periods} {measure.period === 'week' ? 'weeks' : 'periods'} ({period}; numerators and denominators added up), on a funnel plot: the limits are wider
        for smaller sites, because small numbers vary more by chance. A site outside the outer (99.8%) limits is unlikely to differ by chance alone.
      </p>
      <WindowPicker window={window} />
      {funnel === null ? (
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>{comparison.unavailable}</p>
        </div>
      ) : (
        <>
          <h2>What the funnel plot shows</h2>
          <div class="lhs-reading">
            <p>{readingOf(funnel.units, name)}</p>
            <p>{funnel.statement}</p>
            <p class="nhsuk-body-s">
              {funnel.adjusted
                ? `The limits are widened for overdispersion (φ = ${funnel.phi.toFixed(2)}, τ² = ${funnel.tau2.toPrecision(3)}): the sites differ more than chance alone would make them, so only sites beyond that wider spread are flagged.`
                : `No adjustment for overdispersion was needed (φ = ${funnel.phi.toFixed(2)}).`}
            </p>
          </div>
          <figure class="lhs-figure">
            {raw(
              funnelPlotSvg(funnel, {
                title: `${measure.name} by site, ${period}`,
                valueFormat: valueFormatOf(measure.kind),
                ...(measure.unit ? { unit: measure.unit } : {}),
                id: 'funnel',
                labels: Object.fromEntries([...comparison.sites].map(([code, s]) => [code, s.site.name])),
                ...(comparison.multiplier !== 1 ? { multiplier: comparison.multiplier } : {}),
              }),
            )}
            <figcaption class="nhsuk-body-s">
              Funnel plot. Horizontal line: the overall {measure.kind === 'proportion' ? 'proportion' : 'rate'} of all sites together; dashed lines: 95% limits; solid lines: 99.8% limits.
            </figcaption>
          </figure>
          <h2 id="funnel-table">The numbers</h2>
          <div class="lhs-table-scroll" tabindex={0} role="region" aria-labelledby="funnel-table">
            <table class="nhsuk-table">
              <caption class="nhsuk-table__caption">Each site, {period}</caption>
              <thead class="nhsuk-table__head">
                <tr class="nhsuk-table__row">
                  <th scope="col" class="nhsuk-table__header">Site</th>
                  <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Numerator</th>
                  <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Denominator</th>
                  <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Value</th>
                  <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">95% limits</th>
                  <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">99.8% limits</th>
                  <th scope="col" class="nhsuk-table__header">Reading</th>
                  <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Periods with data</th>
                </tr>
              </thead>
              <tbody class="nhsuk-table__body">
                {[...funnel.units]
                  .sort((a, b) => b.value - a.value)
                  .map((u) => (
                    <tr class="nhsuk-table__row">
                      <th scope="row" class="nhsuk-table__header">
                        <a href={`${href}?site=${encodeURIComponent(u.unit)}`}>{name(u.unit)}</a>
                      </th>
                      <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{formatCount(u.numerator)}</td>
                      <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{formatCount(u.denominator)}</td>
                      <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{scale(u.value)}</td>
                      <td class="nhsuk-table__cell nhsuk-table__cell--numeric lhs-nowrap">
                        {scale(u.lower95)} to {scale(u.upper95)}
                      </td>
                      <td class="nhsuk-table__cell nhsuk-table__cell--numeric lhs-nowrap">
                        {scale(u.lower998)} to {scale(u.upper998)}
                      </td>
                      <td class="nhsuk-table__cell">{u.signal ? SIGNAL_TEXT[u.signal] : u.position95 === 'within' ? 'Within the limits' : `Within 99.8%, ${u.position95} the 95% limits`}</td>
                      <td class="nhsuk-table__cell nhsuk-table__cell--numeric">
                        {comparison.sites.get(u.unit)?.periods ?? ''} of {window.periods}
                      </td>
                    </tr>
                  ))}
              </tbody>
            </table>
          </div>
          <p class="nhsuk-body-s">
            Overall {measure.kind === 'proportion' ? 'proportion' : 'rate'}: {scale(funnel.target)}. The method (Spiegelhalter’s funnel plot, with his overdispersion adjustment) is set out in docs/methods/funnel-plots.md in the LHS source.
          </p>
        </>
      )}
    </Layout>
  )
}

function readingOf(units: readonly FunnelUnit[], name: (code: string) => string): string {
  const flagged = units.filter((u) => u.signal !== null)
  if (flagged.length === 0) return `All ${units.length} sites are within the 99.8% limits: none stands out from what chance alone would give.`
  const parts = flagged.map((u) => `${name(u.unit)} (${u.signal})`)
  return `${flagged.length} of ${units.length} sites ${flagged.length === 1 ? 'is' : 'are'} outside the 99.8% limits: ${parts.join(', ')}. The others are within them.`
}
