/** Themes by community group, site or source: excerpts per theme and column, the sentiment mix, small cells marked; each cell opens its quotes for those allowed to read text. */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import { MATRIX_BY, SMALL_CELL, type MatrixCell, type ThemeMatrix } from '../../../app/insight/theme-views.ts'
import type { Role } from '../../../core/access.ts'
import { groupLabel } from '../format.ts'
import { InsightFrame } from './insight-frame.tsx'

const pct = (share: number) => `${Math.round(share * 100)}%`

export function ThemesPage({ scope, role, matrix, canReadText }: { scope: ProgrammeScope; role: Role; matrix: ThemeMatrix; canReadText: boolean }) {
  const byLabel = MATRIX_BY.find((m) => m.by === matrix.by)?.label ?? matrix.by
  const quotes = (theme: number, column?: string) => `quotes?theme=${theme}${column === undefined ? '' : `&by=${matrix.by}&column=${encodeURIComponent(column)}`}`
  return (
    <InsightFrame scope={scope} role={role} view="themes" title="Themes">
      <p>
        How many excerpts people coded with each theme (or one of its sub-themes), by {byLabel.toLowerCase()}, out of {matrix.total.toLocaleString('en-GB')} excerpts. Each cell shows the count, its
        share of the column's excerpts, and under it how many read as negative · neutral · positive. Cells with fewer than {SMALL_CELL} excerpts are marked{' '}
        <span class="lhs-small-cell">small</span>: read them with care and never quote them outside the organisation. Machine suggestions are not counted.
      </p>
      <form method="get" class="lhs-inline-form">
        <div class="nhsuk-form-group lhs-inline">
          <label class="nhsuk-label" for="by">
            Compare by
          </label>
          <select class="nhsuk-select" id="by" name="by">
            {MATRIX_BY.map((m) => (
              <option value={m.by} selected={m.by === matrix.by}>
                {m.label}
              </option>
            ))}
          </select>
        </div>
        <button class="nhsuk-button nhsuk-button--secondary" type="submit">
          Show
        </button>
      </form>
      {matrix.rows.length === 0 ? (
        <p>
          The codebook is empty. <a href="codebook">Start one from a ready-made framework</a>.
        </p>
      ) : (
        <div class="lhs-scroll" tabindex={0} role="region" aria-label={`Themes by ${byLabel.toLowerCase()}`}>
          <table class="nhsuk-table lhs-theme-matrix">
            <caption class="nhsuk-table__caption">Excerpts per theme by {byLabel.toLowerCase()}</caption>
            <thead class="nhsuk-table__head">
              <tr>
                <th scope="col">Theme</th>
                <th scope="col" class="nhsuk-table__header--numeric">
                  All ({matrix.total})
                </th>
                {matrix.columns.map((c) => (
                  <th scope="col" class="nhsuk-table__header--numeric">
                    {matrix.by === 'imd_quintile' && c.key !== 'Not stated' ? `Quintile ${groupLabel('imd_quintile', c.label)}` : c.label} ({c.total})
                  </th>
                ))}
              </tr>
            </thead>
            <tbody class="nhsuk-table__body">
              {matrix.rows.map((row) => (
                <tr>
                  <th scope="row" style={`padding-left:${row.depth * 1.25}em`}>
                    <a href={`themes/${row.theme.id}`}>{row.theme.name}</a>
                  </th>
                  <Cell cell={row.all} href={canReadText && row.all.excerpts > 0 ? quotes(row.theme.id) : undefined} />
                  {row.cells.map((cell, i) => (
                    <Cell cell={cell} href={canReadText && cell.excerpts > 0 ? quotes(row.theme.id, matrix.columns[i]!.key) : undefined} />
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </InsightFrame>
  )
}

function Cell({ cell, href }: { cell: MatrixCell; href: string | undefined }) {
  if (cell.excerpts === 0) return <td class="nhsuk-table__cell--numeric lhs-muted">0</td>
  const count = `${cell.excerpts} (${pct(cell.share)})`
  return (
    <td class={`nhsuk-table__cell--numeric${cell.small ? ' lhs-small-cell' : ''}`}>
      {href ? <a href={href}>{count}</a> : count}
      {cell.small ? <span class="nhsuk-u-visually-hidden"> small cell</span> : null}
      <span class="lhs-mix nhsuk-body-s">
        <span class="nhsuk-u-visually-hidden">negative </span>
        {cell.negative} · <span class="nhsuk-u-visually-hidden">neutral </span>
        {cell.neutral} · <span class="nhsuk-u-visually-hidden">positive </span>
        {cell.positive}
      </span>
    </td>
  )
}
