/**
 * A codebook for exchange with other qualitative-analysis tools: themes with a stable GUID, a
 * definition, examples and a colour, nested through `children`. Ready-made frames become codebooks
 * with `frameToCodebook`; GUIDs are made by the caller, since the core has no randomness.
 * @see docs/methods/codebooks.md
 */
import type { CodebookFrame, ThemeSeed } from '../insight/model.ts'

/** One theme of a codebook. */
export interface CodebookTheme {
  /** A UUID (8-4-4-4-12 hexadecimal digits, either case, no braces) that stays with the theme across tools. */
  readonly guid: string
  readonly name: string
  readonly definition: string
  readonly examples: readonly string[]
  /** `#RRGGBB`, or null for none. */
  readonly colour: string | null
  readonly children: readonly CodebookTheme[]
}

/** A named set of themes. */
export interface Codebook {
  readonly name?: string
  readonly themes: readonly CodebookTheme[]
}

/** A UUID as REFI-QDA writes GUIDs: 8-4-4-4-12 hexadecimal digits, either case, no braces. */
export const UUID_PATTERN = /^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$/

/** A colour as `#RRGGBB` (hexadecimal, either case). */
export const COLOUR_PATTERN = /^#[0-9A-Fa-f]{6}$/

export function isUuid(text: string): boolean {
  return UUID_PATTERN.test(text)
}

export function isColour(text: string): boolean {
  return COLOUR_PATTERN.test(text)
}

/**
 * A frame as a codebook named after it: every theme with a new GUID from `makeGuid` (called once per
 * theme, depth first), no colour, and its examples (none when the frame gives none). Throws when
 * `makeGuid` returns something that is not a UUID.
 */
export function frameToCodebook(frame: CodebookFrame, makeGuid: () => string): Codebook {
  const toTheme = (seed: ThemeSeed): CodebookTheme => {
    const guid = makeGuid()
    if (!isUuid(guid)) throw new Error(`invalid guid from makeGuid: ${JSON.stringify(guid)} (expected a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e)`)
    return {
      guid,
      name: seed.name,
      definition: seed.definition,
      examples: [...(seed.examples ?? [])],
      colour: null,
      children: (seed.children ?? []).map(toTheme),
    }
  }
  return { name: frame.name, themes: frame.themes.map(toTheme) }
}

/** Anything with a name and optional children of its own kind: a `CodebookTheme` or a `ThemeSeed`. */
export interface ThemeTree<T> {
  readonly name: string
  readonly children?: readonly T[] | undefined
}

/** A theme with where it sits: the names from the top down to it, and its depth (0 at the top). */
export interface FlatTheme<T> {
  readonly theme: T
  /** Names from the top-level theme down to this one, this one's last. */
  readonly path: readonly string[]
  readonly depth: number
}

/** Every theme, depth first, each parent before its children, in the order given. */
export function flattenThemes<T extends ThemeTree<T>>(themes: readonly T[]): FlatTheme<T>[] {
  const flat: FlatTheme<T>[] = []
  const visit = (theme: T, parentPath: readonly string[]): void => {
    const path = [...parentPath, theme.name]
    flat.push({ theme, path, depth: parentPath.length })
    for (const child of theme.children ?? []) visit(child, path)
  }
  for (const theme of themes) visit(theme, [])
  return flat
}

/** How many themes there are at every depth together. */
export function countThemes<T extends ThemeTree<T>>(themes: readonly T[]): number {
  return themes.reduce((sum, theme) => sum + 1 + countThemes(theme.children ?? []), 0)
}
