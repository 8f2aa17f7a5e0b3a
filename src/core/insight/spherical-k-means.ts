/**
 * Spherical k-means (Dhillon & Modha 2001) on unit TF-IDF vectors: each excerpt joins the centroid
 * it is most similar to (cosine), each centroid is the normalised sum of its excerpts, until no
 * excerpt moves. Started by k-means++ (Arthur & Vassilvitskii 2007) with distance 1 − cosine and a
 * seeded generator, `restarts` times, keeping the start whose excerpts are most similar to their
 * centroids in total. Deterministic for a given seed; ties go to the lower index. The mean silhouette
 * (Rousseeuw 1987) with distance 1 − cosine says how well separated the clusters are.
 * @see docs/methods/theme-suggestions.md
 */
import type { SparseVector } from './tfidf.ts'

export interface KMeansOptions {
  /** Seed of the k-means++ starts (default 1). */
  readonly seed?: number
  /** Starts tried, the most cohesive kept (default 5). */
  readonly restarts?: number
  /** Most assignment rounds per start (default 100). */
  readonly maxIterations?: number
}

export interface KMeansResult {
  /** Cluster of each vector, 0 … k − 1. */
  readonly assignments: Int32Array
  /** Unit centroids, dense over the vocabulary. */
  readonly centroids: readonly Float64Array[]
  /** Sum over the vectors of the cosine to their centroid. */
  readonly cohesion: number
}

/** k clusters of non-empty unit vectors over `dimensions` terms; undefined when fewer than k of them differ. */
export function sphericalKMeans(vectors: readonly SparseVector[], dimensions: number, k: number, options: KMeansOptions = {}): KMeansResult | undefined {
  const { seed = 1, restarts = 5, maxIterations = 100 } = options
  if (!Number.isInteger(k) || k < 1 || k > vectors.length) throw new Error(`invalid k: ${k} (expected a whole number from 1 to ${vectors.length})`)
  const random = seededRandom(seed)
  let best: KMeansResult | undefined
  for (let r = 0; r < restarts; r++) {
    const start = kMeansPlusPlus(vectors, dimensions, k, random)
    if (start === undefined) return undefined
    const result = lloyd(vectors, dimensions, start, maxIterations)
    if (best === undefined || result.cohesion > best.cohesion) best = result
  }
  return best
}

/**
 * Mean silhouette with distance 1 − cosine. For unit vectors the mean cosine of x to a cluster is
 * x · (sum of its vectors) / size, so this is exact in O(n · k · terms) rather than O(n²).
 * An excerpt alone in its cluster scores 0.
 */
export function meanSilhouette(vectors: readonly SparseVector[], assignments: Int32Array, k: number, dimensions: number): number {
  const sums = Array.from({ length: k }, () => new Float64Array(dimensions))
  const sizes = new Int32Array(k)
  vectors.forEach((v, i) => {
    const c = assignments[i] as number
    addTo(sums[c] as Float64Array, v)
    sizes[c] = (sizes[c] as number) + 1
  })
  let total = 0
  vectors.forEach((v, i) => {
    const own = assignments[i] as number
    const size = sizes[own] as number
    if (size < 2) return
    const a = 1 - (dotDense(v, sums[own] as Float64Array) - squaredLength(v)) / (size - 1)
    let b = Infinity
    for (let c = 0; c < k; c++) if (c !== own && (sizes[c] as number) > 0) b = Math.min(b, 1 - dotDense(v, sums[c] as Float64Array) / (sizes[c] as number))
    const spread = Math.max(a, b)
    if (b !== Infinity && spread > 0) total += (b - a) / spread
  })
  return total / vectors.length
}

/** Sparse · dense. */
export function dotDense(v: SparseVector, dense: Float64Array): number {
  let sum = 0
  for (let i = 0; i < v.indices.length; i++) sum += (v.weights[i] as number) * (dense[v.indices[i] as number] as number)
  return sum
}

function squaredLength(v: SparseVector): number {
  let sum = 0
  for (const w of v.weights) sum += w * w
  return sum
}

function addTo(dense: Float64Array, v: SparseVector): void {
  for (let i = 0; i < v.indices.length; i++) {
    const t = v.indices[i] as number
    dense[t] = (dense[t] as number) + (v.weights[i] as number)
  }
}

function kMeansPlusPlus(vectors: readonly SparseVector[], dimensions: number, k: number, random: () => number): Float64Array[] | undefined {
  const centre = (v: SparseVector) => {
    const dense = new Float64Array(dimensions)
    addTo(dense, v)
    return dense
  }
  const first = vectors[Math.floor(random() * vectors.length)] as SparseVector
  const centres = [centre(first)]
  const distance = Float64Array.from(vectors, (v) => Math.max(0, 1 - dotDense(v, centres[0] as Float64Array)))
  while (centres.length < k) {
    let total = 0
    for (const d of distance) total += d * d
    if (total <= 1e-12) return undefined
    const chosen = drawByWeight(distance, total, random())
    const next = centre(vectors[chosen] as SparseVector)
    centres.push(next)
    vectors.forEach((v, i) => (distance[i] = Math.min(distance[i] as number, Math.max(0, 1 - dotDense(v, next)))))
  }
  return centres
}

/** The first i where the running sum of distance² passes u · total; never a point already a centre. */
function drawByWeight(distance: Float64Array, total: number, u: number): number {
  let r = u * total
  let last = 0
  for (let i = 0; i < distance.length; i++) {
    const w = (distance[i] as number) ** 2
    if (w === 0) continue
    last = i
    r -= w
    if (r < 0) return i
  }
  return last
}

function lloyd(vectors: readonly SparseVector[], dimensions: number, start: Float64Array[], maxIterations: number): KMeansResult {
  const k = start.length
  let centroids = start
  const assignments = new Int32Array(vectors.length).fill(-1)
  const similarity = new Float64Array(vectors.length)
  for (let round = 0; round < maxIterations; round++) {
    let moved = 0
    vectors.forEach((v, i) => {
      let best = 0
      let bestSimilarity = -Infinity
      for (let c = 0; c < k; c++) {
        const s = dotDense(v, centroids[c] as Float64Array)
        if (s > bestSimilarity) [best, bestSimilarity] = [c, s]
      }
      if (assignments[i] !== best) moved++
      assignments[i] = best
      similarity[i] = bestSimilarity
    })
    if (moved === 0) break
    centroids = recentre(vectors, dimensions, k, assignments, similarity)
  }
  const cohesion = similarity.reduce((s, x) => s + x, 0)
  return { assignments, centroids, cohesion }
}

/** Normalised sums; an emptied cluster takes the excerpt least like its own centroid. */
function recentre(vectors: readonly SparseVector[], dimensions: number, k: number, assignments: Int32Array, similarity: Float64Array): Float64Array[] {
  const sizes = new Int32Array(k)
  for (const c of assignments) sizes[c] = (sizes[c] as number) + 1
  for (let c = 0; c < k; c++) {
    if (sizes[c] !== 0) continue
    let worst = -1
    for (let i = 0; i < vectors.length; i++) {
      if ((sizes[assignments[i] as number] as number) > 1 && (worst === -1 || (similarity[i] as number) < (similarity[worst] as number))) worst = i
    }
    sizes[assignments[worst] as number] = (sizes[assignments[worst] as number] as number) - 1
    assignments[worst] = c
    sizes[c] = 1
  }
  const sums = Array.from({ length: k }, () => new Float64Array(dimensions))
  vectors.forEach((v, i) => addTo(sums[assignments[i] as number] as Float64Array, v))
  for (const sum of sums) {
    let squares = 0
    for (const x of sum) squares += x * x
    const scale = squares > 0 ? 1 / Math.sqrt(squares) : 0
    for (let t = 0; t < sum.length; t++) sum[t] = (sum[t] as number) * scale
  }
  return sums
}

/** mulberry32: a small seeded generator, so a start is the same on every machine. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let z = state
    z = Math.imul(z ^ (z >>> 15), z | 1)
    z ^= z + Math.imul(z ^ (z >>> 7), z | 61)
    return ((z ^ (z >>> 14)) >>> 0) / 4294967296
  }
}
