/**
 * Seeded pseudo-random numbers for the demo: the same seed gives the same numbers on every machine.
 * sfc32 (Chris Doty-Humphrey's Small Fast Counting generator, 32-bit) seeded through splitmix32.
 * @see https://pracrand.sourceforge.net/ (sfc32 passes PractRand)
 */

export interface Random {
  /** Uniform in [0, 1), with 32 bits of resolution. */
  next(): number
  /** Normal draw (Box–Muller). */
  normal(mean?: number, sd?: number): number
  /** Binomial draw: successes in `n` trials of probability `p`. */
  binomial(n: number, p: number): number
  /** A new array with the items in a random order (Fisher–Yates). */
  shuffle<T>(items: readonly T[]): T[]
}

/** FNV-1a hash of `label` mixed with `seed`, so each labelled stream is independent of the others. */
export function deriveSeed(seed: number, label: string): number {
  let hash = (0x811c9dc5 ^ seed) >>> 0
  for (let i = 0; i < label.length; i++) {
    hash ^= label.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193) >>> 0
  }
  return hash
}

function splitmix32(state: number): () => number {
  let s = state >>> 0
  return () => {
    s = (s + 0x9e3779b9) >>> 0
    let z = s
    z = Math.imul(z ^ (z >>> 16), 0x21f0aaad)
    z = Math.imul(z ^ (z >>> 15), 0x735a2d97)
    return (z ^ (z >>> 15)) >>> 0
  }
}

function sfc32(seed: number): () => number {
  const init = splitmix32(seed)
  let a = init()
  let b = init()
  let c = init()
  let d = 1
  const step = (): number => {
    const t = (((a + b) | 0) + d) | 0
    d = (d + 1) | 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) | 0
    c = (c << 21) | (c >>> 11)
    c = (c + t) | 0
    return (t >>> 0) / 4294967296
  }
  for (let i = 0; i < 12; i++) step()
  return step
}

/** Create a generator; `seed` is any finite number (its low 32 bits are used). */
export function createRandom(seed: number): Random {
  if (!Number.isFinite(seed)) throw new Error(`invalid seed: ${seed} (expected a finite number)`)
  const next = sfc32(seed >>> 0)
  let spare: number | undefined

  const standardNormal = (): number => {
    if (spare !== undefined) {
      const value = spare
      spare = undefined
      return value
    }
    const u = 1 - next() // (0, 1], so the log is finite
    const radius = Math.sqrt(-2 * Math.log(u))
    const angle = 2 * Math.PI * next()
    spare = radius * Math.sin(angle)
    return radius * Math.cos(angle)
  }

  return {
    next,
    normal: (mean = 0, sd = 1) => mean + sd * standardNormal(),
    binomial: (n, p) => binomial(next, standardNormal, n, p),
    shuffle: (items) => {
      const out = [...items]
      for (let i = out.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1))
        const held = out[i] as (typeof out)[number]
        out[i] = out[j] as (typeof out)[number]
        out[j] = held
      }
      return out
    },
  }
}

/**
 * Exact for small samples (Bernoulli sum up to 30 trials, inversion while the mean is under 25);
 * normal approximation with continuity rounding beyond, clamped to [0, n].
 */
function binomial(next: () => number, standardNormal: () => number, n: number, p: number): number {
  if (!Number.isInteger(n) || n < 0) throw new Error(`invalid binomial n: ${n} (expected a whole number ≥ 0)`)
  if (!(p >= 0 && p <= 1)) throw new Error(`invalid binomial p: ${p} (expected 0 ≤ p ≤ 1)`)
  if (n === 0 || p === 0) return 0
  if (p === 1) return n
  if (n <= 30) {
    let successes = 0
    for (let i = 0; i < n; i++) if (next() < p) successes++
    return successes
  }
  const flipped = p > 0.5
  const q = flipped ? 1 - p : p
  const draw = n * q < 25 ? inversion(next, n, q) : normalApproximation(standardNormal, n, q)
  return flipped ? n - draw : draw
}

function inversion(next: () => number, n: number, p: number): number {
  const ratio = p / (1 - p)
  let probability = Math.pow(1 - p, n)
  let cumulative = probability
  const u = next()
  let k = 0
  while (u > cumulative && k < n) {
    probability *= (ratio * (n - k)) / (k + 1)
    cumulative += probability
    k++
  }
  return k
}

function normalApproximation(standardNormal: () => number, n: number, p: number): number {
  const draw = Math.round(n * p + Math.sqrt(n * p * (1 - p)) * standardNormal())
  return Math.min(n, Math.max(0, draw))
}
