/**
 * Suggested measure ↔ theme links from co-occurrence: a theme is suggested for a measure when
 * excerpts coded with it come from the same sites and community groups where the measure shows a
 * signal, in the last 12 months, in at least two such places, and the pair is not linked yet. A
 * suggestion is only that: a person adds the link.
 */
import type { Signal } from '../../core/triangulate/index.ts'
import { addPeriods } from '../../core/period.ts'
import type { ExcerptRow } from '../../storage/excerpts.ts'

export interface LinkSuggestion {
  readonly measure: string
  readonly themeId: number
  /** Places (site and group) where both the measure's signal and the theme's excerpts are. */
  readonly places: number
  readonly excerpts: number
}

export function suggestLinks(signals: readonly Signal[], excerpts: readonly (Pick<ExcerptRow, 'id' | 'date' | 'groups'> & { site: string | null; themeIds: readonly number[] })[], linked: ReadonlySet<string>, today: string): LinkSuggestion[] {
  const since = addPeriods(today.slice(0, 8) + '01', 'month', -12)
  const placesByMeasure = new Map<string, Set<string>>()
  for (const s of signals) {
    if (s.measure === null || s.leaning === 'neutral') continue
    const places = placesByMeasure.get(s.measure) ?? new Set<string>()
    places.add(`${s.site ?? ''}|${s.dimension ?? ''}|${s.group ?? ''}`)
    placesByMeasure.set(s.measure, places)
  }
  const counts = new Map<string, { places: Set<string>; excerpts: Set<number> }>()
  for (const x of excerpts) {
    if (x.date < since) continue
    for (const [measure, places] of placesByMeasure) {
      for (const place of places) {
        const [site, dimension, group] = place.split('|') as [string, string, string]
        if (site !== '' && site !== (x.site ?? '')) continue
        if (dimension !== '' && x.groups[dimension] !== group) continue
        for (const themeId of x.themeIds) {
          if (linked.has(`${measure}|${themeId}`)) continue
          const key = `${measure}|${themeId}`
          const entry = counts.get(key) ?? { places: new Set(), excerpts: new Set() }
          entry.places.add(place)
          entry.excerpts.add(x.id)
          counts.set(key, entry)
        }
      }
    }
  }
  return [...counts]
    .filter(([, c]) => c.places.size >= 2)
    .map(([key, c]) => {
      const [measure, themeId] = key.split('|') as [string, string]
      return { measure, themeId: Number(themeId), places: c.places.size, excerpts: c.excerpts.size }
    })
    .sort((a, b) => b.places - a.places || b.excerpts - a.excerpts || a.measure.localeCompare(b.measure) || a.themeId - b.themeId)
    .slice(0, 10)
}
