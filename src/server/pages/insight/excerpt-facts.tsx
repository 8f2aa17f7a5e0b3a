/** What is known about where an excerpt came from, in one line: source, date, site, groups, Friends and Family Test answer. */
import type { ExcerptRow } from '../../../app/insight/coding.ts'
import { FFT_ANSWERS } from '../../../core/insight/model.ts'
import { formatDate, groupLabel } from '../format.ts'

const SOURCE: Readonly<Record<string, string>> = { patient: 'Patient', carer: 'Carer', staff: 'Staff', community: 'Community event', interview: 'Interview' }

export function excerptFacts(excerpt: ExcerptRow, siteNames: ReadonlyMap<number, string>): string {
  const groups = Object.entries(excerpt.groups).map(([dimension, group]) => (dimension === 'imd_quintile' ? `deprivation quintile ${groupLabel(dimension, group)}` : group))
  const fft = FFT_ANSWERS.find((a) => a.code === excerpt.fft)?.label
  return [SOURCE[excerpt.source] ?? excerpt.source, formatDate(excerpt.date), siteNames.get(excerpt.siteId), ...groups, fft ? `answered “${fft}”` : undefined].filter(Boolean).join(' · ')
}
