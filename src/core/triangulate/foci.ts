/**
 * The questions findings answer: one focus per measure, site and group with signals (its signals
 * grouped), one per theme signal, and theme-only foci where many people speak about a linked theme
 * at one site and no signal covers it. @see docs/methods/triangulation.md
 */
import { NOT_STATED } from '../insight/model.ts'
import type { EvidenceIndex } from './evidence-index.ts'
import { focusKey, groupPart } from './signal-key.ts'
import type { ExcerptEvidence, FindingFocus, MeasureThemeLink, Signal } from './types.ts'

export interface Focus {
  readonly key: string
  readonly focus: FindingFocus
  readonly signals: readonly Signal[]
}

/** Theme ids linked to each measure, ascending. */
export function linkedThemes(links: readonly MeasureThemeLink[]): (measure: string) => readonly number[] {
  const byMeasure = new Map<string, Set<number>>()
  for (const link of links) byMeasure.set(link.measure, (byMeasure.get(link.measure) ?? new Set<number>()).add(link.themeId))
  return (measure) => [...(byMeasure.get(measure) ?? [])].sort((a, b) => a - b)
}

const QUESTION: Readonly<Record<Signal['kind'], string>> = { special_cause: '', theme_surge: '', sentiment_shift: '', funnel_outlier: '|level', group_difference: '|level', gap_change: '|gap' }

/** Signals grouped by focus and question (trend, level, gap): measure signals by measure, site and group; theme signals by theme and site. Order of first appearance. */
export function signalFoci(signals: readonly Signal[], themesOf: (measure: string) => readonly number[]): Focus[] {
  const foci = new Map<string, { focus: FindingFocus; signals: Signal[] }>()
  for (const signal of signals) {
    const { measure, theme, site, dimension, group } = signal
    if (measure === null && theme === null) throw new Error(`signal ${signal.key} has neither a measure nor a theme`)
    const focus: FindingFocus = { measure, themes: measure === null ? [theme as number] : themesOf(measure), site, dimension, group }
    // A level (is it lower here than elsewhere, or than another group?), a trend (has it changed?)
    // and a gap over time are different questions about the same series: separate findings.
    const key = focusKey({ measure, theme, site, dimension, group }) + QUESTION[signal.kind]
    const known = foci.get(key)
    if (known) known.signals.push(signal)
    else foci.set(key, { focus, signals: [signal] })
  }
  return [...foci].map(([key, f]) => ({ key, focus: f.focus, signals: f.signals }))
}

/**
 * Theme-only foci: for each linked theme and site with at least `smallCell` recent excerpts, the
 * site (or the one group holding more than half of them, and at least `smallCell`), unless a
 * measure focus's evidence already covers it or a linked ancestor theme has the same focus.
 */
export function qualitativeFoci(index: EvidenceIndex, links: readonly MeasureThemeLink[], measureFoci: readonly Focus[], smallCell: number): Focus[] {
  const covered = coveredByMeasures(index, measureFoci)
  const themes = [...new Set(links.map((l) => l.themeId))].sort((a, b) => a - b)
  const candidates: Focus[] = []
  for (const theme of themes) {
    for (const [site, excerpts] of bySite(index.match({ themes: [theme], site: null, dimension: null, group: null }))) {
      if (excerpts.length < smallCell) continue
      const { dimension, group } = concentratedGroup(excerpts, smallCell)
      const gp = groupPart(dimension, group)
      if ([`${theme}|${site}|${gp}`, `${theme}|${site}|*`, `${theme}|*|${gp}`, `${theme}|*|*`].some((k) => covered.has(k))) continue
      const focus: FindingFocus = { measure: null, themes: [theme], site, dimension, group }
      candidates.push({ key: focusKey({ measure: null, theme, site, dimension, group }), focus, signals: [] })
    }
  }
  const byKey = new Set(candidates.map((c) => c.key))
  const sameFocusOf = (c: Focus, theme: number) => focusKey({ ...c.focus, theme })
  return candidates.filter((c) => !index.ancestors(c.focus.themes[0] as number).some((a) => byKey.has(sameFocusOf(c, a))))
}

/** `theme|site|group` triples (with `*` for any) whose excerpts some measure focus already shows. */
function coveredByMeasures(index: EvidenceIndex, foci: readonly Focus[]): Set<string> {
  const covered = new Set<string>()
  for (const { focus } of foci) {
    if (focus.measure === null) continue
    const gp = groupPart(focus.dimension, focus.group) || '*'
    for (const theme of focus.themes) for (const t of index.covered(theme)) covered.add(`${t}|${focus.site ?? '*'}|${gp}`)
  }
  return covered
}

/** Excerpts by site code (sites in code order); organisation-wide excerpts (site null) make no theme-only focus. */
function bySite(excerpts: readonly ExcerptEvidence[]): [string, ExcerptEvidence[]][] {
  const sites = new Map<string, ExcerptEvidence[]>()
  for (const e of excerpts) {
    if (e.site === null) continue
    const list = sites.get(e.site)
    if (list) list.push(e)
    else sites.set(e.site, [e])
  }
  return [...sites].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
}

/** The group (not "Not stated") holding more than half of the excerpts and at least `smallCell`; the largest, ties by dimension then group. */
function concentratedGroup(excerpts: readonly ExcerptEvidence[], smallCell: number): { dimension: string | null; group: string | null } {
  const counts = new Map<string, { dimension: string; group: string; n: number }>()
  for (const e of excerpts) {
    for (const [dimension, group] of Object.entries(e.groups)) {
      if (group === NOT_STATED) continue
      const key = `${dimension}\u0000${group}`
      const c = counts.get(key) ?? { dimension, group, n: 0 }
      counts.set(key, { ...c, n: c.n + 1 })
    }
  }
  const best = [...counts.values()]
    .filter((c) => c.n >= smallCell && 2 * c.n > excerpts.length)
    .sort((a, b) => b.n - a.n || (a.dimension < b.dimension ? -1 : a.dimension > b.dimension ? 1 : a.group < b.group ? -1 : a.group > b.group ? 1 : 0))[0]
  return best ? { dimension: best.dimension, group: best.group } : { dimension: null, group: null }
}
