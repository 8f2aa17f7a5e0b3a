/** One row of an NHS.UK summary list: a term and its value. */
export function SummaryRow({ term, children }: { term: string; children: unknown }) {
  return (
    <div class="nhsuk-summary-list__row">
      <dt class="nhsuk-summary-list__key">{term}</dt>
      <dd class="nhsuk-summary-list__value">{children as never}</dd>
    </div>
  )
}
