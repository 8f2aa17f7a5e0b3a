/** The numbers behind a chart, as an accessible table (newest first). */
import type { Series } from '../../app/analyse/get-series.ts'
import { formatCount, formatDate, formatValue } from './format.ts'

const RULE_TEXT = { outside_limits: 'Outside the limits', trend: 'Trend', two_of_three: 'Two of three near a limit', shift: 'Shift' } as const
const TYPE_TEXT = { common_cause: '', improvement: 'improvement', concern: 'concern', neutral_high: 'higher', neutral_low: 'lower' } as const

export function DataTable({ series }: { series: Series }) {
  const { measure, spc } = series
  const byPeriod = new Map(series.rows.map((r) => [r.period, r]))
  const points = [...spc.points].reverse()
  const hasCounts = measure.kind === 'proportion' || measure.kind === 'rate'
  const show = (v: number) => formatValue(v, measure.kind, measure.unit)
  return (
    <div class="lhs-table-scroll" tabindex={0} role="region" aria-labelledby="data">
      <table class="nhsuk-table">
        <caption class="nhsuk-table__caption">
          {measure.name}: {points.length} periods, newest first
        </caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th scope="col" class="nhsuk-table__header">{measure.period === 'week' ? 'Week' : 'Period'} starting</th>
            {hasCounts ? <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Numerator</th> : null}
            {hasCounts ? <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Denominator</th> : null}
            <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Value</th>
            <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Average</th>
            <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Lower limit</th>
            <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Upper limit</th>
            <th scope="col" class="nhsuk-table__header">Signal</th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          {points.map((p) => {
            const row = byPeriod.get(p.period)
            return (
              <tr class="nhsuk-table__row">
                <td class="nhsuk-table__cell">{formatDate(p.period)}</td>
                {hasCounts ? <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{formatCount(row?.numerator ?? null)}</td> : null}
                {hasCounts ? <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{formatCount(row?.denominator ?? null)}</td> : null}
                <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{show(p.value)}</td>
                <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{show(p.centre)}</td>
                <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{show(p.lower)}</td>
                <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{show(p.upper)}</td>
                <td class="nhsuk-table__cell">{p.rule ? `${RULE_TEXT[p.rule]} (${TYPE_TEXT[p.type]})` : ''}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
