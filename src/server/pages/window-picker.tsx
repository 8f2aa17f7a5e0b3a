/** Choose the window of periods a comparison sums over (from, to), keeping the page's other choices. */
import type { PeriodWindow } from '../../app/analyse/compare-sites.ts'
import { formatDate } from './format.ts'

export function WindowPicker({ window, hidden = {} }: { window: PeriodWindow; hidden?: Readonly<Record<string, string>> }) {
  return (
    <form method="get" class="lhs-picker" aria-label="Choose the periods to compare">
      {Object.entries(hidden).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <div class="nhsuk-form-group lhs-inline">
        <label class="nhsuk-label" for="from">
          From
        </label>
        <div class="nhsuk-hint" id="from-hint">
          Data from {formatDate(window.first)}
        </div>
        <input class="nhsuk-input nhsuk-input--width-10" type="date" id="from" name="from" value={window.from} min={window.first} max={window.last} aria-describedby="from-hint" />
      </div>
      <div class="nhsuk-form-group lhs-inline">
        <label class="nhsuk-label" for="to">
          To
        </label>
        <div class="nhsuk-hint" id="to-hint">
          Data to {formatDate(window.last)}
        </div>
        <input class="nhsuk-input nhsuk-input--width-10" type="date" id="to" name="to" value={window.to} min={window.first} max={window.last} aria-describedby="to-hint" />
      </div>
      <button class="nhsuk-button nhsuk-button--secondary lhs-inline-button" type="submit">
        Show
      </button>
    </form>
  )
}
