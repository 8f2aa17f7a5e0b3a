/** One prediction's evidence on an action's page: its verdict and reasons, the chart with the limits of the baseline carried past the change, and the estimates. */
import { raw } from 'hono/html'
import { describeSpc, spcChartSvg } from '../../../charts/index.ts'
import type { CoefficientEstimate } from '../../../core/impact/index.ts'
import type { PredictionReview } from '../../../core/loop/index.ts'
import type { MeasureKind } from '../../../core/model.ts'
import { formatDate, formatValue, valueFormatOf } from '../format.ts'

const TAG = { working: 'green', not_yet_clear: 'grey', not_working: 'orange', harm: 'red', no_harm: 'green' } as const

export function PredictionEvidence({ review, index, kind, unit }: { review: PredictionReview; index: number; kind: MeasureKind; unit: string | null }) {
  const e = review.evidence
  const format = valueFormatOf(kind)
  const value = (v: number | null) => formatValue(v, kind, unit)
  const change = (v: number) => (kind === 'proportion' ? `${(v * 100).toFixed(1)} percentage points` : formatValue(v, kind, unit))
  const title = `${review.subject}: ${review.role === 'primary' ? 'predicted to move' : 'balancing measure'}`
  return (
    <div class="lhs-evidence">
      <h3>
        {review.subject}{' '}
        <strong class={`nhsuk-tag nhsuk-tag--${TAG[review.verdict]}`}>{review.label}</strong>
      </h3>
      <p class="nhsuk-body-s">{review.role === 'primary' ? `Predicted to ${review.direction === 'increase' ? 'rise' : 'fall'}${review.by ? ` by ${formatDate(review.by)}` : ''}.` : `A balancing measure, watched in case it ${review.harmfulDirection === 'increase' ? 'rises' : 'falls'}.`}</p>
      <ul>
        {review.reasons.map((r) => (
          <li>{r}</li>
        ))}
      </ul>
      {e.chart ? (
        <figure class="lhs-chart">
          {raw(spcChartSvg(e.chart, { title, valueFormat: format, ...(unit ? { unit } : {}), id: `evidence-${index}`, annotations: [{ date: e.changeDate, text: `Change made (${formatDate(e.changeDate)})` }] }))}
          <figcaption class="nhsuk-body-s">
            {e.chartChoice.reason} The limits are worked out from the {e.pointsBefore} points before the change
            {e.baselineFrom ? ` (${formatDate(e.baselineFrom)} to ${formatDate(e.baselineTo ?? e.baselineFrom)})` : ''} and carried on after it, so the points after the change are judged against how the measure behaved before.
          </figcaption>
          <details class="nhsuk-details">
            <summary class="nhsuk-details__summary">
              <span class="nhsuk-details__summary-text">Chart in words</span>
            </summary>
            <div class="nhsuk-details__text">
              {describeSpc(e.chart, { measureName: review.subject, valueFormat: format, ...(unit ? { unit } : {}) }).map((s) => (
                <p>{s}</p>
              ))}
            </div>
          </details>
        </figure>
      ) : null}
      <table class="nhsuk-table">
        <caption class="nhsuk-table__caption nhsuk-u-font-size-19">Before and after the change</caption>
        <tbody class="nhsuk-table__body">
          <tr>
            <th scope="row">Points before / after</th>
            <td>
              {e.pointsBefore} / {e.pointsAfter}
            </td>
          </tr>
          <tr>
            <th scope="row">Average before / after</th>
            <td>
              {value(e.averageBefore)} / {value(e.averageAfter)}
              {e.difference === null ? '' : ` (difference ${e.difference >= 0 ? '+' : '−'}${change(Math.abs(e.difference))})`}
            </td>
          </tr>
          <tr>
            <th scope="row">Step at the change (interrupted time series)</th>
            <td>{estimateText(e.impact.levelChange, change, e.impact.reason)}</td>
          </tr>
          <tr>
            <th scope="row">Change in slope per period</th>
            <td>{estimateText(e.impact.slopeChange, change, e.impact.reason)}</td>
          </tr>
        </tbody>
      </table>
    </div>
  )
}

function estimateText(estimate: CoefficientEstimate | null, change: (v: number) => string, reason: string | null): string {
  if (estimate === null) return reason ?? 'No estimate.'
  const signed = (v: number) => `${v >= 0 ? '+' : '−'}${change(Math.abs(v))}`
  const p = estimate.p < 0.001 ? 'p < 0.001' : `p = ${estimate.p.toFixed(3)}`
  return `${signed(estimate.estimate)} (95% interval ${signed(estimate.lower)} to ${signed(estimate.upper)}; ${p})`
}
