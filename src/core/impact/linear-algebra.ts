/** Small dense linear algebra for regression with a handful of coefficients (row-major arrays). */
export type Matrix = readonly (readonly number[])[]

function at(m: Matrix, i: number, j: number): number {
  return m[i]?.[j] ?? 0
}

/** Xᵀ W X for an n × k design and optional weights w (default 1). */
export function weightedCrossProduct(x: Matrix, weights?: readonly number[]): number[][] {
  const k = x[0]?.length ?? 0
  const out = Array.from({ length: k }, () => new Array<number>(k).fill(0))
  x.forEach((row, i) => {
    const w = weights?.[i] ?? 1
    for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) (out[a] as number[])[b] = at(out, a, b) + w * (row[a] ?? 0) * (row[b] ?? 0)
  })
  return out
}

/** Xᵀ W y. */
export function weightedCrossVector(x: Matrix, y: readonly number[], weights?: readonly number[]): number[] {
  const k = x[0]?.length ?? 0
  const out = new Array<number>(k).fill(0)
  x.forEach((row, i) => {
    const w = (weights?.[i] ?? 1) * (y[i] ?? 0)
    for (let a = 0; a < k; a++) out[a] = (out[a] ?? 0) + w * (row[a] ?? 0)
  })
  return out
}

/** Inverse of a square matrix by Gauss–Jordan elimination with partial pivoting; throws when singular. */
export function invert(m: Matrix): number[][] {
  const k = m.length
  const a = m.map((row, i) => [...row, ...Array.from({ length: k }, (_, j) => (i === j ? 1 : 0))])
  const scale = Math.max(...m.flat().map(Math.abs), 1e-300)
  for (let col = 0; col < k; col++) {
    let pivot = col
    for (let r = col + 1; r < k; r++) if (Math.abs(at(a, r, col)) > Math.abs(at(a, pivot, col))) pivot = r
    if (Math.abs(at(a, pivot, col)) <= 1e-13 * scale) throw new Error('singular matrix: the design has collinear columns (expected full rank)')
    ;[a[col], a[pivot]] = [a[pivot] as number[], a[col] as number[]]
    const p = at(a, col, col)
    const pivotRow = (a[col] as number[]).map((v) => v / p)
    a[col] = pivotRow
    for (let r = 0; r < k; r++) {
      if (r === col) continue
      const f = at(a, r, col)
      a[r] = (a[r] as number[]).map((v, j) => v - f * (pivotRow[j] ?? 0))
    }
  }
  return a.map((row) => row.slice(k))
}

/** Matrix times vector. */
export function multiplyVector(m: Matrix, v: readonly number[]): number[] {
  return m.map((row) => row.reduce((sum, value, j) => sum + value * (v[j] ?? 0), 0))
}

/** Matrix product a · b. */
export function multiply(a: Matrix, b: Matrix): number[][] {
  const cols = b[0]?.length ?? 0
  return a.map((row) => Array.from({ length: cols }, (_, j) => row.reduce((sum, value, l) => sum + value * at(b, l, j), 0)))
}

/** cᵀ M c, the variance of a linear combination c·β when M is the covariance of β. */
export function quadraticForm(m: Matrix, c: readonly number[]): number {
  return c.reduce((sum, ci, i) => sum + ci * c.reduce((inner, cj, j) => inner + at(m, i, j) * cj, 0), 0)
}
