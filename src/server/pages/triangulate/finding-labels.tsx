/** How convergence labels, classes and evidence links read on the findings pages. */
import { CLASSIFICATIONS, CONVERGENCE_LABELS } from '../../../app/triangulate/findings.ts'
import type { Classification, Convergence, Signal } from '../../../core/triangulate/index.ts'

export const SOURCES = [
  { source: 'numbers', label: 'Numbers' },
  { source: 'staff', label: 'Staff' },
  { source: 'patients', label: 'Patients and carers' },
  { source: 'community', label: 'Community' },
  { source: 'peers', label: 'Lessons from peers' },
] as const

const TAG: Readonly<Record<Convergence, string>> = { agreement: 'nhsuk-tag--green', partial_agreement: 'nhsuk-tag--aqua-green', dissonance: 'nhsuk-tag--red', silence: 'nhsuk-tag--grey' }

export function ConvergenceTag({ value }: { value: Convergence | null }) {
  if (value === null) return <span class="lhs-muted">–</span>
  return <strong class={`nhsuk-tag ${TAG[value]}`}>{CONVERGENCE_LABELS[value]}</strong>
}

export function classificationLabel(value: Classification): string {
  return CLASSIFICATIONS.find((c) => c.value === value)?.label ?? value
}

/** Where a signal's chart is. */
export function signalHref(base: string, signal: Signal): string {
  if (signal.theme !== null) return `${base}/insight/themes/${signal.theme}`
  const measure = `${base}/measures/${encodeURIComponent(signal.measure ?? '')}`
  if (signal.kind === 'funnel_outlier') return `${measure}/sites`
  if (signal.kind === 'gap_change') return `${measure}/groups`
  const params = new URLSearchParams()
  if (signal.site) params.set('site', signal.site)
  if (signal.dimension && signal.group) params.set('who', `${signal.dimension}:${signal.group}`)
  const query = params.toString()
  return query === '' ? measure : `${measure}?${query}`
}
