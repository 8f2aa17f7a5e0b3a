/**
 * Theme suggestions for uncoded excerpts, from the excerpts people have already coded: the k
 * coded excerpts most similar to it (TF-IDF cosine, `tfidf.ts`) vote for their themes, each vote
 * weighted by its similarity. A theme's score is the share of the neighbours' similarity held by
 * neighbours carrying it (0–1); it is suggested when the score is at least `threshold` (default 0.5:
 * neighbours holding at least half the weight agree), at most `maxSuggestions` per excerpt, each with
 * the ids of the coded excerpts behind it so a person can see why. A suggestion is a machine's guess:
 * it counts nowhere until a person accepts it. Only human codings should be passed in.
 *
 * Deterministic: neighbours tie on similarity by smaller id, suggestions on score by smaller theme
 * id. A coded excerpt is never its own neighbour (same id), so asking about a coded excerpt is a
 * leave-one-out check. Coded excerpts are indexed once (an inverted index over their terms), so a
 * query costs only the coded excerpts sharing a word with it.
 * @see docs/methods/theme-suggestions.md
 */
import { fitTfidf, tfidfVector, type SparseVector, type TfidfModel, type TfidfOptions } from './tfidf.ts'

export interface Excerpt {
  readonly id: number
  readonly text: string
}

export interface CodedExcerpt extends Excerpt {
  /** Themes people applied to it; an excerpt with none is ignored. */
  readonly themeIds: readonly number[]
}

export interface SuggestOptions extends TfidfOptions {
  /** Neighbours that vote (default 5). */
  readonly k?: number
  /** Lowest score a suggested theme needs, 0 < threshold ≤ 1 (default 0.5). */
  readonly threshold?: number
  /** Most suggestions per excerpt (default 3). */
  readonly maxSuggestions?: number
  /** Coded excerpts less similar than this never vote, 0 ≤ minSimilarity < 1 (default 0.1). */
  readonly minSimilarity?: number
}

export interface Neighbour {
  readonly id: number
  /** Cosine similarity of the TF-IDF vectors, 0–1. */
  readonly similarity: number
}

export interface ThemeSuggestion {
  readonly themeId: number
  /** Share of the neighbours' similarity held by those carrying the theme, 0–1. */
  readonly score: number
  /** The coded excerpts carrying the theme among the neighbours, most similar first. */
  readonly supportingIds: readonly number[]
}

export interface ExcerptSuggestions {
  readonly excerptId: number
  /** Best first; empty when no theme reaches the threshold or nothing similar was coded. */
  readonly suggestions: readonly ThemeSuggestion[]
  /** The k nearest coded excerpts that voted, most similar first. */
  readonly neighbours: readonly Neighbour[]
}

export interface ThemeSuggester {
  suggest(excerpt: Excerpt): ExcerptSuggestions
}

/** Index the coded excerpts once; `suggest` then answers one uncoded excerpt at a time. */
export function createThemeSuggester(coded: readonly CodedExcerpt[], options: SuggestOptions = {}): ThemeSuggester {
  const { k = 5, threshold = 0.5, maxSuggestions = 3, minSimilarity = 0.1 } = options
  checkOptions(k, threshold, maxSuggestions, minSimilarity)
  const voters = uniqueCoded(coded)
  const index = new NeighbourIndex(voters, options)
  const themesById = new Map(voters.map((c) => [c.id, [...new Set(c.themeIds)]]))
  return {
    suggest(excerpt) {
      const neighbours = index.nearest(excerpt, k, minSimilarity)
      return { excerptId: excerpt.id, neighbours, suggestions: vote(neighbours, themesById, threshold, maxSuggestions) }
    },
  }
}

/** Suggestions for each uncoded excerpt, in the order given. */
export function suggestThemes(coded: readonly CodedExcerpt[], uncoded: readonly Excerpt[], options: SuggestOptions = {}): ExcerptSuggestions[] {
  const suggester = createThemeSuggester(coded, options)
  return uncoded.map((excerpt) => suggester.suggest(excerpt))
}

function checkOptions(k: number, threshold: number, maxSuggestions: number, minSimilarity: number): void {
  if (!Number.isInteger(k) || k < 1) throw new Error(`invalid k: ${k} (expected a whole number ≥ 1)`)
  if (!(threshold > 0 && threshold <= 1)) throw new Error(`invalid threshold: ${threshold} (expected 0 < threshold ≤ 1)`)
  if (!Number.isInteger(maxSuggestions) || maxSuggestions < 1) throw new Error(`invalid maxSuggestions: ${maxSuggestions} (expected a whole number ≥ 1)`)
  if (!(minSimilarity >= 0 && minSimilarity < 1)) throw new Error(`invalid minSimilarity: ${minSimilarity} (expected 0 ≤ minSimilarity < 1)`)
}

function uniqueCoded(coded: readonly CodedExcerpt[]): CodedExcerpt[] {
  const seen = new Set<number>()
  for (const c of coded) {
    if (seen.has(c.id)) throw new Error(`duplicate coded excerpt id: ${c.id} (give each excerpt once, with all its theme ids)`)
    seen.add(c.id)
  }
  return coded.filter((c) => c.themeIds.length > 0)
}

/**
 * The coded excerpts' vectors as postings per term in compressed rows: the coded excerpts holding
 * term t are docs[offsets[t] … offsets[t + 1]), with their weights beside them.
 */
class NeighbourIndex {
  private readonly model: TfidfModel
  private readonly ids: readonly number[]
  private readonly offsets: Int32Array
  private readonly docs: Int32Array
  private readonly weights: Float64Array
  /** Scratch space for one query: accumulated similarity per coded excerpt, and which were touched. */
  private readonly scores: Float64Array
  private readonly touched: Int32Array

  constructor(coded: readonly CodedExcerpt[], options: TfidfOptions) {
    const { model, vectors } = fitTfidf(coded.map((c) => c.text), options)
    this.model = model
    this.ids = coded.map((c) => c.id)
    this.offsets = new Int32Array(model.terms.length + 1)
    for (const v of vectors) for (const t of v.indices) this.offsets[t + 1] = (this.offsets[t + 1] as number) + 1
    for (let t = 0; t < model.terms.length; t++) this.offsets[t + 1] = (this.offsets[t + 1] as number) + (this.offsets[t] as number)
    this.docs = new Int32Array(this.offsets[model.terms.length] as number)
    this.weights = new Float64Array(this.docs.length)
    const cursor = this.offsets.slice(0, -1)
    vectors.forEach((v, d) => this.post(v, d, cursor))
    this.scores = new Float64Array(coded.length)
    this.touched = new Int32Array(coded.length)
  }

  private post(v: SparseVector, d: number, cursor: Int32Array): void {
    for (let i = 0; i < v.indices.length; i++) {
      const t = v.indices[i] as number
      const p = cursor[t] as number
      this.docs[p] = d
      this.weights[p] = v.weights[i] as number
      cursor[t] = p + 1
    }
  }

  /** The k coded excerpts most similar to `excerpt` (at least `minSimilarity`, never itself). */
  nearest(excerpt: Excerpt, k: number, minSimilarity: number): Neighbour[] {
    const v = tfidfVector(this.model, excerpt.text)
    const { offsets, docs, weights, scores, touched } = this
    let nTouched = 0
    for (let t = 0; t < v.indices.length; t++) {
      const term = v.indices[t] as number
      const w = v.weights[t] as number
      for (let p = offsets[term] as number; p < (offsets[term + 1] as number); p++) {
        const d = docs[p] as number
        if (scores[d] === 0) touched[nTouched++] = d
        scores[d] = (scores[d] as number) + w * (weights[p] as number)
      }
    }
    const top = new TopK(k)
    for (let i = 0; i < nTouched; i++) {
      const d = touched[i] as number
      const similarity = scores[d] as number
      scores[d] = 0
      const id = this.ids[d] as number
      if (similarity >= minSimilarity && id !== excerpt.id) top.offer(id, similarity)
    }
    return top.neighbours()
  }
}

/** The k best (id, similarity) pairs offered: similarity descending, then id ascending. Allocates only for the k kept. */
class TopK {
  private readonly ids: Float64Array
  private readonly similarities: Float64Array
  private size = 0
  constructor(private readonly k: number) {
    this.ids = new Float64Array(k)
    this.similarities = new Float64Array(k)
  }

  offer(id: number, similarity: number): void {
    if (this.size === this.k && !this.beats(id, similarity, this.k - 1)) return
    let at = this.size === this.k ? this.k - 1 : this.size++
    for (; at > 0 && this.beats(id, similarity, at - 1); at--) {
      this.ids[at] = this.ids[at - 1] as number
      this.similarities[at] = this.similarities[at - 1] as number
    }
    this.ids[at] = id
    this.similarities[at] = similarity
  }

  /** No closure in the hot loop: tsx names every function it creates, which costs more than the loop. */
  private beats(id: number, similarity: number, j: number): boolean {
    const other = this.similarities[j] as number
    return similarity > other || (similarity === other && id < (this.ids[j] as number))
  }

  neighbours(): Neighbour[] {
    return Array.from({ length: this.size }, (_, j) => ({ id: this.ids[j] as number, similarity: this.similarities[j] as number }))
  }
}

function vote(neighbours: readonly Neighbour[], themesById: ReadonlyMap<number, readonly number[]>, threshold: number, maxSuggestions: number): ThemeSuggestion[] {
  let total = 0
  const tally = new Map<number, { sum: number; ids: number[] }>()
  for (const n of neighbours) {
    total += n.similarity
    for (const themeId of themesById.get(n.id) ?? []) {
      const entry = tally.get(themeId) ?? { sum: 0, ids: [] }
      entry.sum += n.similarity
      entry.ids.push(n.id)
      tally.set(themeId, entry)
    }
  }
  const suggestions: ThemeSuggestion[] = []
  for (const [themeId, { sum, ids }] of tally) {
    const score = Math.min(1, sum / total)
    if (score >= threshold) suggestions.push({ themeId, score, supportingIds: ids })
  }
  return suggestions.sort((a, b) => b.score - a.score || a.themeId - b.themeId).slice(0, maxSuggestions)
}
