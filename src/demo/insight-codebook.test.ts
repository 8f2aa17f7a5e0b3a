import { describe, expect, it } from 'vitest'
import { CFIR_2 } from '../core/codebook/cfir.ts'
import type { ThemeSeed } from '../core/insight/model.ts'
import { C, CFIR_PATHS, CFIR_ROOT, CONFUSABLE, INDUCTIVE_THEMES, T } from './insight-codebook.ts'

const CFIR_DOMAINS = ['Innovation', 'Outer Setting', 'Inner Setting', 'Individuals', 'Implementation Process']

/** The theme at `names` below `themes`, or undefined. */
function resolve(themes: readonly ThemeSeed[], names: readonly string[]): ThemeSeed | undefined {
  const [name, ...rest] = names
  const found = themes.find((t) => t.name === name)
  return found === undefined || rest.length === 0 ? found : resolve(found.children ?? [], rest)
}

function everyTheme(themes: readonly ThemeSeed[]): ThemeSeed[] {
  return themes.flatMap((t) => [t, ...everyTheme(t.children ?? [])])
}

describe('the inductive codebook', () => {
  it('defines every theme, with examples, and no two siblings share a name (in any case)', () => {
    for (const theme of everyTheme(INDUCTIVE_THEMES)) {
      expect(theme.definition.length, theme.name).toBeGreaterThan(20)
      expect(theme.examples?.length ?? 0, theme.name).toBeGreaterThan(0)
    }
    for (const siblings of [INDUCTIVE_THEMES, ...everyTheme(INDUCTIVE_THEMES).map((t) => t.children ?? [])]) {
      const names = siblings.map((t) => t.name.toLowerCase())
      expect(new Set(names).size).toBe(names.length)
    }
  })

  it('holds every path the content tables use', () => {
    for (const path of Object.values(T)) expect(resolve(INDUCTIVE_THEMES, path), path.join(' / ')).toBeDefined()
  })

  it('has the themes DEMO.md names', () => {
    for (const path of [T.work, T.times, T.travel, T.letters, T.pharmacy, T.advice, T.loans, T.rooms]) expect(resolve(INDUCTIVE_THEMES, path)).toBeDefined()
  })

  it('only confuses themes that exist, and never leads into language from another theme', () => {
    const cfir = new Set(CFIR_PATHS.map((p) => p.join('/')))
    for (const pair of CONFUSABLE) {
      for (const path of pair) {
        if (path[0] === CFIR_ROOT) expect(cfir.has(path.join('/')), path.join(' / ')).toBe(true)
        else expect(resolve(INDUCTIVE_THEMES, path), path.join(' / ')).toBeDefined()
      }
      const language = pair.filter((p) => p[0] === 'Language and information').length
      expect(language === 0 || language === 2, pair.map((p) => p.join(' / ')).join(' ↔ ')).toBe(true)
      expect(pair[0][0] === CFIR_ROOT, 'pairs stay within one codebook').toBe(pair[1][0] === CFIR_ROOT)
    }
  })
})

describe('the CFIR 2.0 paths', () => {
  it('start at the root and a CFIR 2.0 domain', () => {
    for (const path of CFIR_PATHS) {
      expect(path[0]).toBe(CFIR_ROOT)
      expect(CFIR_DOMAINS, path.join(' / ')).toContain(path[1])
      expect(path.length, path.join(' / ')).toBeGreaterThanOrEqual(3)
    }
    expect(new Set(Object.values(C).map((p) => p[1]))).toEqual(new Set(CFIR_DOMAINS))
  })

  it('resolve in the CFIR 2.0 frame (core/codebook), name for name, below the frame\'s own name', () => {
    expect(CFIR_ROOT).toBe(CFIR_2.name)
    const missing = CFIR_PATHS.filter((path) => resolve(CFIR_2.themes, path.slice(1)) === undefined).map((p) => p.join(' / '))
    expect(missing).toEqual([])
  })
})
