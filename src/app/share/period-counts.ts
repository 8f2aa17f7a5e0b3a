/**
 * The counts of a measure's periods as they go through disclosure control, and each period's value
 * worked out again from what was published: shared by the briefing charts and the infographic, so
 * that a value never gives away a count that was hidden.
 */
import type { TableCell } from '../../core/disclosure/index.ts'
import type { SeriesRow } from '../../storage/observations.ts'
import type { MeasureRow } from '../catalogue.ts'

/**
 * The cells to publish for `rows`: each period's numerator (`n|period`) and denominator
 * (`d|period`), and a count's own value (`v|period`) when it has no numerator. With
 * `numerators` false the numerators are left out (a mean's numerator is a sum, not a count of people).
 */
export function periodCountCells(measure: MeasureRow, rows: readonly SeriesRow[], numerators = true): TableCell[] {
  const cells: TableCell[] = []
  for (const r of rows) {
    if (r.numerator !== null && numerators) cells.push({ id: `n|${r.period}`, value: r.numerator })
    if (r.denominator !== null) cells.push({ id: `d|${r.period}`, value: r.denominator })
    if (measure.kind === 'count' && r.numerator === null) cells.push({ id: `v|${r.period}`, value: r.value })
  }
  return cells
}

/**
 * A period's value from its published cells: a count is its published count (null when hidden); a
 * proportion or rate is `rate` of its published numerator and denominator (0–1, null when either is
 * hidden), times the rate multiplier; any other value (no published counts) is kept as it is.
 */
export function valueFromPublished<Cell extends { readonly value: number | null }>(measure: MeasureRow, row: SeriesRow, published: ReadonlyMap<string, Cell>, rate: (numerator: Cell, denominator: Cell) => number | null): number | null {
  const n = published.get(`n|${row.period}`)
  const d = published.get(`d|${row.period}`)
  if (measure.kind === 'count') return (published.get(`v|${row.period}`) ?? n)?.value ?? null
  if (!n || !d) return row.value
  const value = rate(n, d)
  return value === null ? null : value * (measure.kind === 'rate' ? (measure.rateMultiplier ?? 1) : 1)
}
