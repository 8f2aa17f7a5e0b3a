/**
 * Candidate new themes from uncoded excerpts: spherical k-means on their TF-IDF vectors
 * (`spherical-k-means.ts`), k chosen as the one with the best mean silhouette for k from `kMin` to
 * `kMax` (default 2–8), capped at n / 5 so clusters average at least five excerpts (ties go to the
 * smaller k). Each cluster of at least `minClusterSize` (3) excerpts is described by its key terms
 * (the 5 highest mean TF-IDF weights in it) and three representative quotes (the excerpts most
 * similar to its centroid, each text once). A proposal for a person to name, merge or discard, never a theme by itself.
 * Excerpts with no content words (stop words or placeholders only) are left out. Deterministic.
 * @see docs/methods/theme-suggestions.md
 */
import { meanSilhouette, sphericalKMeans, dotDense, type KMeansResult } from './spherical-k-means.ts'
import type { Excerpt } from './suggest.ts'
import { fitTfidf, type SparseVector, type TfidfOptions } from './tfidf.ts'

export interface ClusterOptions extends TfidfOptions {
  /** Smallest k tried (default 2). */
  readonly kMin?: number
  /** Largest k tried (default 8), and never more than n / 5. */
  readonly kMax?: number
  /** Smaller clusters are not proposed (default 3). */
  readonly minClusterSize?: number
  /** Key terms per cluster (default 5). */
  readonly keyTerms?: number
  /** Representative quotes per cluster (default 3). */
  readonly quotes?: number
  /** Seed of the k-means++ starts (default 1). */
  readonly seed?: number
  /** k-means++ starts per k, the most cohesive kept (default 5). */
  readonly restarts?: number
}

export interface KeyTerm {
  /** A word as tokenised (plurals folded: "queue" for "queues"). */
  readonly term: string
  /** Its mean TF-IDF weight over the cluster's excerpts. */
  readonly weight: number
}

export interface Quote {
  readonly id: number
  readonly text: string
  /** Cosine similarity to the cluster's centroid. */
  readonly similarity: number
}

export interface CandidateTheme {
  readonly size: number
  /** Ascending. */
  readonly excerptIds: readonly number[]
  readonly keyTerms: readonly KeyTerm[]
  readonly quotes: readonly Quote[]
}

export interface ThemeProposal {
  /** The k chosen; null when too few excerpts (fewer than 5 × kMin with content words) or too few distinct ones. */
  readonly k: number | null
  /** Mean silhouette at that k, −1 … 1. */
  readonly silhouette: number | null
  /** Every k tried with its mean silhouette. */
  readonly tried: readonly { readonly k: number; readonly silhouette: number }[]
  /** Largest first (ties: smallest first excerpt id). */
  readonly themes: readonly CandidateTheme[]
  /** Excerpts in no proposed theme (no content words, or in a cluster below `minClusterSize`), ascending. */
  readonly unclustered: readonly number[]
}

/** Cluster `excerpts` into candidate themes. */
export function proposeThemes(excerpts: readonly Excerpt[], options: ClusterOptions = {}): ThemeProposal {
  const { kMin = 2, kMax = 8, minClusterSize = 3, keyTerms = 5, quotes = 3, seed = 1, restarts = 5 } = options
  if (!Number.isInteger(kMin) || kMin < 2 || !Number.isInteger(kMax) || kMax < kMin) throw new Error(`invalid k range: ${kMin}–${kMax} (expected whole numbers 2 ≤ kMin ≤ kMax)`)
  const { model, vectors } = fitTfidf(excerpts.map((e) => e.text), options)
  const usable = excerpts.map((e, i) => ({ excerpt: e, vector: vectors[i] as SparseVector })).filter((u) => u.vector.indices.length > 0)
  const points = usable.map((u) => u.vector)
  const dimensions = model.terms.length
  const tried: { k: number; silhouette: number }[] = []
  let best: { k: number; silhouette: number; result: KMeansResult } | undefined
  for (let k = kMin; k <= Math.min(kMax, Math.floor(usable.length / 5)); k++) {
    const result = sphericalKMeans(points, dimensions, k, { seed: (seed ^ Math.imul(k, 0x9e3779b9)) >>> 0, restarts })
    if (result === undefined) continue
    const silhouette = meanSilhouette(points, result.assignments, k, dimensions)
    tried.push({ k, silhouette })
    if (best === undefined || silhouette > best.silhouette) best = { k, silhouette, result }
  }
  const allIds = excerpts.map((e) => e.id)
  if (best === undefined) return { k: null, silhouette: null, tried, themes: [], unclustered: ascending(allIds) }
  const themes = describeClusters(usable, best.result, model.terms, { minClusterSize, keyTerms, quotes })
  const shown = new Set(themes.flatMap((t) => t.excerptIds))
  return { k: best.k, silhouette: best.silhouette, tried, themes, unclustered: ascending(allIds.filter((id) => !shown.has(id))) }
}

/** Size, key terms and quotes of each cluster big enough, largest first. */
function describeClusters(
  usable: readonly { readonly excerpt: Excerpt; readonly vector: SparseVector }[],
  { assignments, centroids }: KMeansResult,
  terms: readonly string[],
  counts: { readonly minClusterSize: number; readonly keyTerms: number; readonly quotes: number },
): CandidateTheme[] {
  const themes: CandidateTheme[] = []
  centroids.forEach((centroid, c) => {
    const members = usable.filter((_, i) => assignments[i] === c)
    if (members.length < counts.minClusterSize) return
    themes.push({
      size: members.length,
      excerptIds: ascending(members.map((m) => m.excerpt.id)),
      keyTerms: topTerms(members.map((m) => m.vector), terms, counts.keyTerms),
      quotes: nearestQuotes(members.map((m) => ({ id: m.excerpt.id, text: m.excerpt.text, similarity: dotDense(m.vector, centroid) })), counts.quotes),
    })
  })
  return themes.sort((a, b) => b.size - a.size || (a.excerptIds[0] as number) - (b.excerptIds[0] as number))
}

/** The `count` terms with the highest mean weight over `members` (ties: alphabetical). */
function topTerms(members: readonly SparseVector[], terms: readonly string[], count: number): KeyTerm[] {
  const sums = new Map<number, number>()
  for (const v of members) for (let i = 0; i < v.indices.length; i++) {
    const t = v.indices[i] as number
    sums.set(t, (sums.get(t) ?? 0) + (v.weights[i] as number))
  }
  return [...sums]
    .map(([t, sum]) => ({ term: terms[t] as string, weight: sum / members.length }))
    .sort((a, b) => b.weight - a.weight || (a.term < b.term ? -1 : a.term > b.term ? 1 : 0))
    .slice(0, count)
}

/** The `count` quotes most similar to the centroid (ties: smaller id), each text once (case and spacing aside). */
function nearestQuotes(candidates: Quote[], count: number): Quote[] {
  const seen = new Set<string>()
  const out: Quote[] = []
  for (const quote of candidates.sort((a, b) => b.similarity - a.similarity || a.id - b.id)) {
    const key = quote.text.toLowerCase().replace(/\s+/g, ' ').trim()
    if (seen.has(key)) continue
    seen.add(key)
    out.push(quote)
    if (out.length === count) break
  }
  return out
}

function ascending(ids: readonly number[]): number[] {
  return [...ids].sort((a, b) => a - b)
}
