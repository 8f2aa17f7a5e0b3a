/** How actions and predictions read on the pages: status tags, and each part of a prediction in words. */
import { STATUS_LABELS, type ActionStatus, type PredictionView } from '../../../app/implement/action-views.ts'
import type { MeasureRef, SiteRef } from '../../../app/implement/measure-ref.ts'
import { dimensionLabel, formatDate, groupLabel } from '../format.ts'

const TAG_COLOUR: Readonly<Record<ActionStatus, string>> = { planned: 'grey', in_progress: 'blue', adopted: 'green', adapted: 'yellow', abandoned: 'red' }

export function StatusTag({ status }: { status: ActionStatus }) {
  return <strong class={`nhsuk-tag nhsuk-tag--${TAG_COLOUR[status]}`}>{STATUS_LABELS[status]}</strong>
}

export function siteText(site: SiteRef): string {
  return site.wholeOrganisation ? `${site.name} (whole organisation)` : site.name
}

export function sitesText(sites: readonly SiteRef[]): string {
  return sites.length === 0 ? 'Whole organisation' : sites.map((s) => s.name).join(', ')
}

export function groupText(dimension: string | null, group: string | null): string {
  return dimension === null || group === null ? 'All people' : `${dimensionLabel(dimension)}: ${groupLabel(dimension, group)}`
}

export function directionText(p: Pick<PredictionView, 'role' | 'direction'>): string {
  const way = p.direction === 'increase' ? 'up' : 'down'
  return p.role === 'primary' ? `Should go ${way}` : `Harm if it goes ${way}`
}

/** An expected size in the measure's units: a proportion in percentage points. */
export function sizeText(size: number | null, measure: MeasureRef): string {
  if (size === null) return 'Not given'
  if (measure.kind === 'proportion') return `${+(size * 100).toFixed(2)} percentage point${size === 0.01 ? '' : 's'}`
  const text = +size.toFixed(3)
  return measure.unit ? `${text} ${measure.unit}` : String(text)
}

export function dateText(date: string | null, none = 'Not set'): string {
  return date === null ? none : formatDate(date)
}

/** The hint of an expected-size field for `measure`. */
export function sizeHint(measure: MeasureRef): string {
  if (measure.kind === 'proportion') return 'Optional. In percentage points: type 5 for a rise or fall of 5 percentage points (such as 58% to 63%).'
  if (measure.kind === 'rate') return 'Optional. In the measure’s rate (per the measure’s denominator), as a positive number.'
  return `Optional. In the measure’s units${measure.unit ? ` (${measure.unit})` : ''}, as a positive number.`
}
