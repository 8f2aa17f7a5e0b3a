/** The numbers behind a chart, as an accessible table (newest first). */
import type { Series } from '../../app/analyse/get-series.ts'
import { formatCount, formatDate, formatValue } from './format.ts'

const RULE_TEXT = { outside_limits: 'Outside the limits', trend: 'Trend', two_of_three: 'Two of three near a limit', shift: 'Shift' } as const
const TYPE_TEXT = { common_cause: '', improvement: 'improvement', concern: 'concern', neutral_high: 'higher', neutral_low: 'lower' } as const

interface TablePoint {
  readonly period: string
  readonly value: number
  readonly centre: number
  readonly lower: number | null
  readonly upper: number | null
  readonly rule: keyof typeof RULE_TEXT | null
  readonly type: keyof typeof TYPE_TEXT
  readonly excluded: string | null
}

export function DataTable({ series }: { series: Series }) {
  const { measure, chart } = series
  const byPeriod = new Map(series.rows.map((r) => [r.period, r]))
  const points: readonly TablePoint[] = [...(chart.kind === 'control' ? chart.result.points : chart.result.points.map((p) => ({ ...p, lower: null, upper: null, rule: null, type: 'common_cause' as const })))].reverse()
  const limits = chart.kind === 'control'
  const hasCounts = measure.kind === 'proportion' || measure.kind === 'rate'
  const show = (v: number | null) => formatValue(v, measure.kind, measure.unit)
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
            <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">{limits ? 'Average' : 'Median'}</th>
            {limits ? <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Lower limit</th> : null}
            {limits ? <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Upper limit</th> : null}
            {limits ? <th scope="col" class="nhsuk-table__header">Signal</th> : null}
            <th scope="col" class="nhsuk-table__header">Left out of the limits</th>
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
                {limits ? <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{show(p.lower)}</td> : null}
                {limits ? <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{show(p.upper)}</td> : null}
                {limits ? <td class="nhsuk-table__cell">{p.rule ? `${RULE_TEXT[p.rule]} (${TYPE_TEXT[p.type]})` : ''}</td> : null}
                <td class="nhsuk-table__cell">{p.excluded ?? ''}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
