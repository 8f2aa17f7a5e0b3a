/**
 * TF-IDF vectors of excerpts and their cosine similarity: how much two excerpts share the words
 * that are rare in the collection. Weight of term t in text d, over N texts of which df(t) contain t:
 *
 *   tf′ = 1 + ln(tf)   (sublinear, the default; tf itself with `sublinear: false`)
 *   idf = ln((1 + N) / (1 + df)) + 1   (smoothed: a term in every text still weighs 1)
 *   w   = tf′ × idf, then the vector is scaled to unit length (L2)
 *
 * A text vectorised against a model fitted elsewhere (`tfidfVector`) may hold words the model has
 * never seen: they weigh as a term with df = 0 and count in the length of the vector, but match
 * nothing, so "parking" does not look like "parking fees at the multi-storey". Vectors are sparse:
 * parallel typed arrays of ascending term indices and weights. Pure and deterministic: the
 * vocabulary is sorted, so the model does not depend on the order of the texts.
 * @see docs/methods/theme-suggestions.md
 */
import { tokenise, type TokeniseOptions } from './tokenise.ts'

/** A unit-length sparse vector: `indices` ascending into the model's `terms`, `weights` beside them. */
export interface SparseVector {
  readonly indices: Int32Array
  readonly weights: Float64Array
}

export interface TfidfOptions extends TokeniseOptions {
  /** Use 1 + ln(tf) instead of the raw count (default true). */
  readonly sublinear?: boolean
}

export interface TfidfModel {
  /** The vocabulary, sorted; a vector's indices point into it. */
  readonly terms: readonly string[]
  readonly termIndex: ReadonlyMap<string, number>
  /** Smoothed idf of each term, beside `terms`. */
  readonly idf: Float64Array
  /** N: how many texts the model was fitted on. */
  readonly documents: number
  /** idf of a term in no text: ln(1 + N) + 1. */
  readonly unseenIdf: number
  readonly sublinear: boolean
  readonly stem: boolean
}

/** Smoothed inverse document frequency: ln((1 + N) / (1 + df)) + 1. */
export function smoothedIdf(documents: number, documentFrequency: number): number {
  return Math.log((1 + documents) / (1 + documentFrequency)) + 1
}

/** Fit the vocabulary and idf on `texts` and return the model with each text's vector, in order. */
export function fitTfidf(texts: readonly string[], options: TfidfOptions = {}): { model: TfidfModel; vectors: SparseVector[] } {
  const { sublinear = true, stem = true } = options
  const tokens = texts.map((text) => tokenise(text, { stem }))
  const df = new Map<string, number>()
  for (const words of tokens) for (const word of new Set(words)) df.set(word, (df.get(word) ?? 0) + 1)
  const terms = [...df.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
  const idf = Float64Array.from(terms, (term) => smoothedIdf(texts.length, df.get(term) ?? 0))
  const termIndex = new Map(terms.map((term, i) => [term, i]))
  const model: TfidfModel = { terms, termIndex, idf, documents: texts.length, unseenIdf: smoothedIdf(texts.length, 0), sublinear, stem }
  return { model, vectors: tokens.map((words) => vectorFromTokens(model, words)) }
}

/** The vector of `text` against a fitted `model` (words it has not seen lengthen the vector but match nothing). */
export function tfidfVector(model: TfidfModel, text: string): SparseVector {
  return vectorFromTokens(model, tokenise(text, { stem: model.stem }))
}

function vectorFromTokens(model: TfidfModel, words: readonly string[]): SparseVector {
  const known = new Map<number, number>()
  const unseen = new Map<string, number>()
  for (const word of words) {
    const index = model.termIndex.get(word)
    if (index === undefined) unseen.set(word, (unseen.get(word) ?? 0) + 1)
    else known.set(index, (known.get(index) ?? 0) + 1)
  }
  const indices = Int32Array.from(known.keys()).sort()
  const weights = new Float64Array(indices.length)
  let squares = 0
  for (let i = 0; i < indices.length; i++) {
    const index = indices[i] as number
    const w = termFrequency(known.get(index) ?? 0, model.sublinear) * (model.idf[index] as number)
    weights[i] = w
    squares += w * w
  }
  for (const count of unseen.values()) squares += (termFrequency(count, model.sublinear) * model.unseenIdf) ** 2
  if (squares > 0) {
    const scale = 1 / Math.sqrt(squares)
    for (let i = 0; i < weights.length; i++) weights[i] = (weights[i] as number) * scale
  }
  return { indices, weights }
}

function termFrequency(count: number, sublinear: boolean): number {
  return sublinear ? 1 + Math.log(count) : count
}

/**
 * Cosine similarity of two vectors from the same model: their dot product, since both have unit
 * length. 0 when either is empty (a text of stop words only); 1 for the same words in the same proportions.
 */
export function cosine(a: SparseVector, b: SparseVector): number {
  let sum = 0
  let i = 0
  let j = 0
  const ai = a.indices
  const bi = b.indices
  while (i < ai.length && j < bi.length) {
    const x = ai[i] as number
    const y = bi[j] as number
    if (x === y) sum += (a.weights[i++] as number) * (b.weights[j++] as number)
    else if (x < y) i++
    else j++
  }
  return sum
}
