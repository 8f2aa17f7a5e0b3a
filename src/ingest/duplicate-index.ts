/**
 * Remembers the first line of each combination of a few texts (measure, period, site, …) to find
 * repeated rows. A million-row file repeats a few distinct texts many times, so each text gets a
 * small number and a combination becomes two small integers (an outer and an inner key): far cheaper
 * to store and hash than a joined string, and small enough for V8 to keep unboxed.
 */
export class DuplicateIndex {
  /** Largest bit budget of an outer or inner key: V8 small integers hold 31 bits. */
  static readonly KEY_BITS = 30
  readonly #radix: readonly number[]
  readonly #split: number
  readonly #ids: Map<string, number>[]
  readonly #firstLines = new Map<number, Map<number, number>>()
  /** Combinations with a part beyond its budget (thousands of distinct texts) use joined strings. */
  readonly #overflow = new Map<string, number>()

  /** `outerBits` and `innerBits`: bits for the id of each part, the outer parts first. */
  constructor(outerBits: readonly number[], innerBits: readonly number[]) {
    for (const bits of [outerBits, innerBits]) {
      const total = bits.reduce((sum, b) => sum + b, 0)
      if (total > DuplicateIndex.KEY_BITS || bits.some((b) => !Number.isInteger(b) || b < 1)) {
        throw new Error(`invalid bit budget: ${bits.join('+')} (expected whole numbers ≥ 1 adding up to ${DuplicateIndex.KEY_BITS} or less)`)
      }
    }
    this.#radix = [...outerBits, ...innerBits].map((b) => 2 ** b)
    this.#split = outerBits.length
    this.#ids = this.#radix.map(() => new Map<string, number>())
  }

  /** The line on which `parts` were first seen, or undefined (and `line` is remembered) the first time. */
  firstLine(parts: readonly string[], line: number): number | undefined {
    let outer = 0
    let inner = 0
    for (let i = 0; i < this.#radix.length; i++) {
      const id = this.#id(i, parts[i] ?? '')
      const radix = this.#radix[i] ?? 1
      if (id >= radix) return remember(this.#overflow, JSON.stringify(parts), line)
      if (i < this.#split) outer = outer * radix + id
      else inner = inner * radix + id
    }
    let lines = this.#firstLines.get(outer)
    if (lines === undefined) this.#firstLines.set(outer, (lines = new Map()))
    return remember(lines, inner, line)
  }

  #id(part: number, text: string): number {
    const ids = this.#ids[part]
    if (ids === undefined) return 0
    let id = ids.get(text)
    if (id === undefined) ids.set(text, (id = ids.size))
    return id
  }
}

function remember<K>(map: Map<K, number>, key: K, line: number): number | undefined {
  const first = map.get(key)
  if (first === undefined) map.set(key, line)
  return first
}
