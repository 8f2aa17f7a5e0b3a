/** One theme over time: its share of each month's excerpts (P chart) and its count (C chart), with readings and the numbers. */
import { raw } from 'hono/html'
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import { TREND_MIN_MONTHS, type ThemeTrend } from '../../../app/insight/theme-views.ts'
import { describeSpc, spcChartSvg } from '../../../charts/index.ts'
import type { Role } from '../../../core/access.ts'
import { formatDate } from '../format.ts'
import { InsightFrame } from './insight-frame.tsx'

export function ThemePage({ scope, role, trend, canReadText }: { scope: ProgrammeScope; role: Role; trend: ThemeTrend; canReadText: boolean }) {
  const { theme } = trend
  const name = `“${theme.name}”`
  const coded = trend.months.filter((m) => m.total > 0).length
  return (
    <InsightFrame scope={scope} role={role} view="themes" title={`Theme: ${theme.name}`}>
      {theme.definition ? <p>{theme.definition}</p> : null}
      {canReadText ? (
        <p>
          <a href={`../quotes?theme=${theme.id}`}>Read the excerpts coded with this theme</a>
        </p>
      ) : null}
      {trend.share && trend.count ? (
        <>
          <h2>Share of each month's coded excerpts</h2>
          {describeSpc(trend.share, { measureName: `Excerpts about ${name}`, valueFormat: 'percent', period: 'month' }).map((s) => (
            <p>{s}</p>
          ))}
          <figure class="lhs-figure">{raw(spcChartSvg(trend.share, { title: `Share of excerpts coded ${name} each month (P chart)`, valueFormat: 'percent', period: 'month', target: null, id: 'theme-share' }))}</figure>
          <h2>Excerpts each month</h2>
          {describeSpc(trend.count, { measureName: `Excerpts about ${name}`, valueFormat: 'number', period: 'month' }).map((s) => (
            <p>{s}</p>
          ))}
          <figure class="lhs-figure">{raw(spcChartSvg(trend.count, { title: `Excerpts coded ${name} each month (C chart)`, valueFormat: 'number', period: 'month', target: null, id: 'theme-count' }))}</figure>
        </>
      ) : (
        <p>
          A chart needs at least {TREND_MIN_MONTHS} months with coded insight; there {coded === 1 ? 'is 1 month' : `are ${coded} months`} so far. The numbers are below.
        </p>
      )}
      {trend.sentiment ? (
        <>
          <h2>How these comments read, month by month</h2>
          <p>
            The average sentiment score of the month's excerpts coded with this theme (above 0 reads positive, below 0 negative; how it is scored: src/core/text/README.md). A run of
            months above or below the average is a shift in how people speak about it, not a verdict on anyone.
          </p>
          {describeSpc(trend.sentiment, { measureName: `Sentiment of comments about ${name}`, valueFormat: 'decimal1', period: 'month' }).map((s) => (
            <p>{s}</p>
          ))}
          <figure class="lhs-figure">{raw(spcChartSvg(trend.sentiment, { title: `Mean sentiment of excerpts coded ${name} each month (XmR chart)`, valueFormat: 'decimal1', period: 'month', target: null, id: 'theme-sentiment' }))}</figure>
        </>
      ) : null}
      <p class="nhsuk-body-s">Excerpts nobody has coded yet count in neither chart: a month whose excerpts are all waiting to be coded is left out rather than read as zero.</p>
      <table class="nhsuk-table">
        <caption class="nhsuk-table__caption">Excerpts coded with this theme, by month</caption>
        <thead class="nhsuk-table__head">
          <tr>
            <th scope="col">Month</th>
            <th scope="col" class="nhsuk-table__header--numeric">With this theme</th>
            <th scope="col" class="nhsuk-table__header--numeric">Coded excerpts</th>
            <th scope="col" class="nhsuk-table__header--numeric">Share</th>
            <th scope="col" class="nhsuk-table__header--numeric">Not coded yet</th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          {trend.months.map((m) => (
            <tr>
              <td>{formatDate(m.period)}</td>
              <td class="nhsuk-table__cell--numeric">{m.excerpts}</td>
              <td class="nhsuk-table__cell--numeric">{m.total}</td>
              <td class="nhsuk-table__cell--numeric">{m.total > 0 ? `${Math.round((100 * m.excerpts) / m.total)}%` : '–'}</td>
              <td class="nhsuk-table__cell--numeric">{m.uncoded}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </InsightFrame>
  )
}
