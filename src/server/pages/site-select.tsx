/** The Site choice of a measure's pages: the whole organisation first, then each site with data. */
import type { SeriesOptions } from '../../app/analyse/series-options.ts'

export function SiteSelect({ sites, selectedId }: { sites: SeriesOptions['sites']; selectedId: number }) {
  return (
    <div class="nhsuk-form-group lhs-inline">
      <label class="nhsuk-label" for="site">
        Site
      </label>
      <select class="nhsuk-select" id="site" name="site">
        {sites.map((s) => (
          <option value={s.kind === 'system' ? '' : s.code} selected={s.id === selectedId}>
            {s.kind === 'system' ? `${s.name} (whole organisation)` : s.name}
          </option>
        ))}
      </select>
    </div>
  )
}
