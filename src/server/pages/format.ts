/** How values, dates and group names are shown on pages. */
import type { MeasureKind } from '../../core/model.ts'

export type ValueFormat = 'percent' | 'number' | 'decimal1'

export function valueFormatOf(kind: MeasureKind): ValueFormat {
  if (kind === 'proportion') return 'percent'
  if (kind === 'count') return 'number'
  return 'decimal1'
}

export function formatValue(value: number | null | undefined, kind: MeasureKind, unit?: string | null): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–'
  const format = valueFormatOf(kind)
  if (format === 'percent') return `${(value * 100).toFixed(1)}%`
  const text = format === 'number' ? Math.round(value).toLocaleString('en-GB') : value.toFixed(1)
  return unit ? `${text} ${unit}` : text
}

export function formatCount(value: number | null): string {
  return value === null ? '' : value.toLocaleString('en-GB')
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** "3 Mar 2025" from an ISO date. */
export function formatDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number)
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`
}

const DIMENSIONS: Record<string, string> = {
  imd_quintile: 'Deprivation quintile',
  ethnicity: 'Ethnic group',
  sex: 'Sex',
  age_band: 'Age band',
}

export function dimensionLabel(dimension: string): string {
  return DIMENSIONS[dimension] ?? dimension
}

export function groupLabel(dimension: string, group: string): string {
  if (dimension === 'imd_quintile') return group === '1' ? '1 (most deprived)' : group === '5' ? '5 (least deprived)' : group
  return group
}
