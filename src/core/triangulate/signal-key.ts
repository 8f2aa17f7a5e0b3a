/** The stable key of a signal and of a finding's focus. @see docs/methods/triangulation.md */
import type { SignalKind } from './types.ts'

export interface KeyParts {
  readonly measure: string | null
  readonly theme: number | null
  readonly site: string | null
  readonly dimension: string | null
  readonly group: string | null
}

/** `dimension:group`, or empty for all people. */
export function groupPart(dimension: string | null, group: string | null): string {
  return dimension === null || group === null ? '' : `${dimension}:${group}`
}

/** `kind|measure|theme|site|dimension:group`, null parts empty: the same series always gives the same key. */
export function signalKey(kind: SignalKind, parts: KeyParts): string {
  return [kind, parts.measure ?? '', parts.theme ?? '', parts.site ?? '', groupPart(parts.dimension, parts.group)].join('|')
}

/** `measure|site|dimension:group` for a measure focus, `theme:ID|site|dimension:group` for a theme-only focus. */
export function focusKey(parts: KeyParts): string {
  const head = parts.measure ?? `theme:${parts.theme ?? ''}`
  return [head, parts.site ?? '', groupPart(parts.dimension, parts.group)].join('|')
}
