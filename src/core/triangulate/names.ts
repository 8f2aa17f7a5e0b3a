/** How findings name measures, themes, sites and groups, with fallbacks to codes. */
import type { ThemeNode, TriangulationMeasure } from './types.ts'
import { defaultGroupLabel } from './wording.ts'

export interface Names {
  measure(code: string): TriangulationMeasure | undefined
  measureName(code: string): string
  themeName(id: number): string
  /** "at Eastgate Medical Practice", or "across the organisation" for null. */
  place(site: string | null): string
  groupLabel(dimension: string, group: string): string
}

export interface NamesInput {
  readonly measures: readonly TriangulationMeasure[]
  readonly themes: readonly ThemeNode[]
  readonly siteNames: Readonly<Record<string, string>>
  readonly groupLabel?: ((dimension: string, group: string) => string) | undefined
}

export function createNames(input: NamesInput): Names {
  const measures = new Map(input.measures.map((m) => [m.code, m]))
  const themes = new Map(input.themes.map((t) => [t.id, t.name]))
  return {
    measure: (code) => measures.get(code),
    measureName: (code) => measures.get(code)?.name ?? code,
    themeName: (id) => themes.get(id) ?? `theme ${id}`,
    place: (site) => (site === null ? 'across the organisation' : `at ${input.siteNames[site] ?? site}`),
    groupLabel: input.groupLabel ?? defaultGroupLabel,
  }
}
