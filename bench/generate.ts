/** Deterministic bench data: a programme of proportion measures over many sites and weeks. */
import { addDays } from '../src/core/period.ts'

export interface BenchShape {
  readonly measures: number
  readonly sites: number
  readonly weeks: number
}

export const measureCode = (m: number) => `m${String(m).padStart(3, '0')}`
export const siteCode = (s: number) => `site-${String(s).padStart(4, '0')}`

/** Rows of the observation file format, in file order, for `shape` (measures × sites × weeks rows). */
export function* benchRows(shape: BenchShape, firstWeek = '2000-01-03'): Generator<[string, string, string, number, number]> {
  let seed = 42
  const next = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
    return seed / 2_147_483_648
  }
  const weeks = Array.from({ length: shape.weeks }, (_, w) => addDays(firstWeek, 7 * w))
  for (let m = 0; m < shape.measures; m++) {
    for (let s = 0; s < shape.sites; s++) {
      const denominator = 500 + s
      for (const week of weeks) {
        const numerator = Math.floor(denominator * (0.5 + 0.2 * next()))
        yield [measureCode(m), week, siteCode(s), numerator, denominator]
      }
    }
  }
}

export function observationCsv(shape: BenchShape): string {
  const lines = ['measure,period,site,dimension,group,numerator,denominator,value']
  for (const [measure, week, site, numerator, denominator] of benchRows(shape)) lines.push(`${measure},${week},${site},,,${numerator},${denominator},`)
  return lines.join('\n') + '\n'
}
