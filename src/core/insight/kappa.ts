/**
 * Agreement between two people coding the same excerpts: Cohen's kappa per theme, and pooled over
 * every theme × excerpt decision. Only excerpts both coded count: those on which each of the two
 * applied at least one theme (any theme), since an excerpt one of them never coded says nothing
 * about agreement. For one theme over those n excerpts, with a = both applied it, b = only the
 * first, c = only the second, d = neither:
 *
 *   p_o = (a + d) / n
 *   p_e = ((a + b)(a + c) + (c + d)(b + d)) / n²
 *   κ   = (p_o − p_e) / (1 − p_e)
 *
 * κ is computed from the whole counts, n(a + d) − E over n² − E with E = (a + b)(a + c) + (c + d)(b + d),
 * so it is exact up to one rounding. When p_e = 1 (neither coder ever applied the theme, or both
 * always did) κ is undefined: null with a reason, never NaN. Pure and deterministic.
 * @see docs/methods/kappa.md
 * @see Cohen J. A coefficient of agreement for nominal scales. Educ Psychol Meas 1960;20(1):37–46.
 */

export interface Coding {
  readonly excerptId: number
  readonly themeId: number
  readonly coder: string
}

/** Landis & Koch (1977) bands. */
export type KappaStrength = 'poor' | 'slight' | 'fair' | 'moderate' | 'substantial' | 'almost perfect'

export interface Agreement {
  /** Excerpts both coded. */
  readonly n: number
  /** Both applied the theme. */
  readonly both: number
  /** Only the first coder applied it. */
  readonly firstOnly: number
  /** Only the second coder applied it. */
  readonly secondOnly: number
  /** Neither applied it. */
  readonly neither: number
  /** Observed agreement p_o, 0–1; null when n = 0. */
  readonly observed: number | null
  /** Agreement expected by chance from the marginals, p_e; null when n = 0. */
  readonly expected: number | null
  /** Cohen's kappa; null when undefined (see `reason`). */
  readonly kappa: number | null
  readonly strength: KappaStrength | null
  readonly reason: { readonly code: 'no_shared_excerpts' | 'no_variation'; readonly message: string } | null
}

export interface ThemeAgreement extends Agreement {
  readonly themeId: number
}

export interface KappaResult {
  readonly coders: readonly [string, string]
  /** Ids of the excerpts both coded, ascending. */
  readonly excerptIds: readonly number[]
  /** One row per theme, by theme id. */
  readonly themes: readonly ThemeAgreement[]
  /** The four cells added up over every theme: one kappa for all theme × excerpt decisions. */
  readonly pooled: Agreement
}

export interface KappaOptions {
  /** Only these excerpts count (for example the sample chosen for double coding). */
  readonly excerptIds?: readonly number[]
  /** Report these themes (a theme neither applied gets κ = null); default every theme either applied on a both-coded excerpt. */
  readonly themeIds?: readonly number[]
}

/** Cohen's kappa per theme between `coders[0]` and `coders[1]`, and pooled. Codings of other coders are ignored. */
export function cohensKappa(codings: readonly Coding[], coders: readonly [string, string], options: KappaOptions = {}): KappaResult {
  const [first, second] = coders
  if (first === second) throw new Error(`invalid coders: ${JSON.stringify(coders)} (expected two different coders)`)
  const only = options.excerptIds === undefined ? undefined : new Set(options.excerptIds)
  const applied = (coder: string) => themesByExcerpt(codings.filter((c) => c.coder === coder && (only === undefined || only.has(c.excerptId))))
  const a = applied(first)
  const b = applied(second)
  const excerptIds = [...a.keys()].filter((id) => b.has(id)).sort((x, y) => x - y)
  const themeIds = options.themeIds ?? excerptIds.flatMap((id) => [...(a.get(id) ?? []), ...(b.get(id) ?? [])])
  const themes = [...new Set(themeIds)].sort((x, y) => x - y).map((themeId) => {
    let both = 0, firstOnly = 0, secondOnly = 0
    for (const id of excerptIds) {
      const byFirst = a.get(id)?.has(themeId) === true
      const bySecond = b.get(id)?.has(themeId) === true
      if (byFirst && bySecond) both++
      else if (byFirst) firstOnly++
      else if (bySecond) secondOnly++
    }
    return { themeId, ...agreement(both, firstOnly, secondOnly, excerptIds.length - both - firstOnly - secondOnly) }
  })
  const sum = (key: 'both' | 'firstOnly' | 'secondOnly' | 'neither') => themes.reduce((s, t) => s + t[key], 0)
  return { coders: [first, second], excerptIds, themes, pooled: agreement(sum('both'), sum('firstOnly'), sum('secondOnly'), sum('neither')) }
}

/** κ and its parts from the four cells of a 2 × 2 table. */
export function agreement(both: number, firstOnly: number, secondOnly: number, neither: number): Agreement {
  const n = both + firstOnly + secondOnly + neither
  const cells = { n, both, firstOnly, secondOnly, neither }
  if (n === 0) {
    const message = 'The two coders have no excerpt that both coded.'
    return { ...cells, observed: null, expected: null, kappa: null, strength: null, reason: { code: 'no_shared_excerpts', message } }
  }
  const chance = (both + firstOnly) * (both + secondOnly) + (secondOnly + neither) * (firstOnly + neither)
  const observed = (both + neither) / n
  const expected = chance / (n * n)
  if (chance === n * n) {
    // p_e = 1 only when both coders applied the theme everywhere or nowhere.
    const message = both === n ? 'Both coders applied the theme to every excerpt: kappa is undefined (chance agreement is 1).' : 'Neither coder applied the theme: kappa is undefined (chance agreement is 1).'
    return { ...cells, observed, expected, kappa: null, strength: null, reason: { code: 'no_variation', message } }
  }
  const kappa = (n * (both + neither) - chance) / (n * n - chance)
  return { ...cells, observed, expected, kappa, strength: kappaStrength(kappa), reason: null }
}

/**
 * Landis & Koch's words for a kappa: below 0 poor, to 0.20 slight, 0.21–0.40 fair, 0.41–0.60
 * moderate, 0.61–0.80 substantial, above 0.80 almost perfect (each band includes its upper bound).
 * @see Landis JR, Koch GG. The measurement of observer agreement for categorical data. Biometrics 1977;33(1):159–174.
 */
export function kappaStrength(kappa: number): KappaStrength {
  if (Number.isNaN(kappa)) throw new Error(`invalid kappa: ${kappa} (expected a number)`)
  if (kappa < 0) return 'poor'
  if (kappa <= 0.2) return 'slight'
  if (kappa <= 0.4) return 'fair'
  if (kappa <= 0.6) return 'moderate'
  if (kappa <= 0.8) return 'substantial'
  return 'almost perfect'
}

export interface CoderPair {
  readonly coders: readonly [string, string]
  /** Excerpts on which each of the two applied at least one theme. */
  readonly excerpts: number
}

/** Every pair of coders (names in code-unit order, pairs likewise) with how many excerpts they both coded, 0 included. */
export function coderPairs(codings: readonly Coding[]): CoderPair[] {
  const byCoder = new Map<string, Set<number>>()
  for (const c of codings) {
    const excerpts = byCoder.get(c.coder) ?? new Set<number>()
    excerpts.add(c.excerptId)
    byCoder.set(c.coder, excerpts)
  }
  const names = [...byCoder.keys()].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
  const pairs: CoderPair[] = []
  for (let i = 0; i < names.length; i++) {
    for (let j = i + 1; j < names.length; j++) {
      const a = byCoder.get(names[i] as string) as Set<number>
      const b = byCoder.get(names[j] as string) as Set<number>
      let shared = 0
      for (const id of a) if (b.has(id)) shared++
      pairs.push({ coders: [names[i] as string, names[j] as string], excerpts: shared })
    }
  }
  return pairs
}

function themesByExcerpt(codings: readonly Coding[]): Map<number, Set<number>> {
  const out = new Map<number, Set<number>>()
  for (const c of codings) {
    const themes = out.get(c.excerptId) ?? new Set<number>()
    themes.add(c.themeId)
    out.set(c.excerptId, themes)
  }
  return out
}
