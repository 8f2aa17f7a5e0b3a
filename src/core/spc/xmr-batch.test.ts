import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Direction } from '../model.ts'
import { addPeriods } from '../period.ts'
import type { SpcInputPoint } from './types.ts'
import {
  BATCH_ASSURANCES,
  BATCH_DIRECTIONS,
  BATCH_POINT_TYPES,
  BATCH_RULES,
  createXmrBatchOutput,
  xmrBatch,
  type XmrBatchOutput,
} from './xmr-batch.ts'
import { xmrChart } from './xmr-chart.ts'

function points(values: ArrayLike<number>): SpcInputPoint[] {
  return Array.from(values, (value, i) => ({ period: addPeriods('2020-01-06', 'week', i), value }))
}

function close(actual: number, expected: number): boolean {
  if (actual === expected) return true
  return Math.abs(actual - expected) <= 1e-9 * Math.max(Math.abs(actual), Math.abs(expected))
}

interface SeriesCase {
  readonly values: readonly number[]
  readonly direction: Direction
  readonly target: number | null
}

/** Every series of a batch against xmrChart with the `mdc` profile, field by field. */
function expectSameAsXmrChart(cases: readonly SeriesCase[], length: number, output: XmrBatchOutput, ruleLength: number | undefined) {
  cases.forEach((c, s) => {
    const options = { profile: 'mdc' as const, direction: c.direction, target: c.target, ...(ruleLength === undefined ? {} : { ruleLength }) }
    const expected = xmrChart(points(c.values), options)
    const segment = expected.segments[0]!
    const at = `series ${s}: ${JSON.stringify(c)}`
    expect(expected.segments, at).toHaveLength(1)
    expect(close(output.centre[s]!, segment.centre), `${at} centre ${output.centre[s]} vs ${segment.centre}`).toBe(true)
    expect(close(output.upper[s]!, segment.upper), `${at} upper ${output.upper[s]} vs ${segment.upper}`).toBe(true)
    expect(close(output.lower[s]!, segment.lower), `${at} lower ${output.lower[s]} vs ${segment.lower}`).toBe(true)
    const rules = Array.from(output.rules.subarray(s * length, (s + 1) * length), (code) => BATCH_RULES[code])
    const types = Array.from(output.types.subarray(s * length, (s + 1) * length), (code) => BATCH_POINT_TYPES[code])
    expect(rules, at).toEqual(expected.points.map((p) => p.rule))
    expect(types, at).toEqual(expected.points.map((p) => p.type))
    expect(BATCH_POINT_TYPES[output.variation[s]!], at).toBe(expected.variation)
    expect(BATCH_ASSURANCES[output.assurance[s]!], at).toBe(expected.assurance)
  })
}

function runBatch(cases: readonly SeriesCase[], length: number, perSeries: boolean, ruleLength?: number, output = createXmrBatchOutput(cases.length, length)) {
  const values = new Float64Array(cases.length * length)
  cases.forEach((c, s) => values.set(c.values, s * length))
  const shared = cases[0]!
  const options = perSeries
    ? {
        directions: Uint8Array.from(cases, (c) => BATCH_DIRECTIONS.indexOf(c.direction)),
        targets: Float64Array.from(cases, (c) => c.target ?? Number.NaN),
      }
    : { direction: shared.direction, target: shared.target }
  const count = xmrBatch(values, length, output, ruleLength === undefined ? options : { ...options, ruleLength })
  expect(count).toBe(cases.length)
  return output
}

// ---- generators ------------------------------------------------------------------------------

const direction = fc.constantFrom<Direction>('increase', 'decrease', 'neutral')

/** Piecewise series: flat runs, rising and falling trends, jumps, with small integer noise and spikes. */
function structured(length: number): fc.Arbitrary<number[]> {
  const piece = fc.record({ kind: fc.constantFrom('flat', 'up', 'down', 'jump', 'spike'), span: fc.integer({ min: 1, max: 12 }), size: fc.integer({ min: 0, max: 30 }) })
  return fc
    .tuple(fc.integer({ min: -100, max: 100 }), fc.array(piece, { minLength: 1, maxLength: 12 }), fc.array(fc.integer({ min: -2, max: 2 }), { minLength: length, maxLength: length }), fc.boolean())
    .map(([start, pieces, noise, quiet]) => {
      const values: number[] = []
      let level = start
      for (let k = 0; values.length < length; k++) {
        const { kind, span, size } = pieces[k % pieces.length]!
        for (let j = 0; j < span && values.length < length; j++) {
          if (kind === 'up') level += 1 + (size % 4)
          if (kind === 'down') level -= 1 + (size % 4)
          if (kind === 'jump' && j === 0) level += size - 15
          const spike = kind === 'spike' && j === 0 ? size * 3 : 0
          values.push(level + spike + (quiet || kind === 'up' || kind === 'down' ? 0 : noise[values.length]!))
        }
      }
      return values
    })
}

function valuesOf(length: number): fc.Arbitrary<number[]> {
  const exactly = { minLength: length, maxLength: length }
  return fc.oneof(
    structured(length),
    fc.array(fc.integer({ min: 0, max: 4 }), exactly), // many ties and equal steps
    fc.array(fc.integer({ min: 0, max: 8 }).map((k) => k * 25), exactly), // limits now and then exactly on a value
    fc.array(fc.integer({ min: -1000, max: 1000 }), exactly),
    fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), exactly),
    fc.array(fc.double({ noNaN: true, noDefaultInfinity: true }), exactly), // overflowing sums and ranges
    structured(length).map((values) => values.map((v) => v * 0.1 + 1e-3)), // non-integer levels
  )
}

/** A target relative to the series' range, so pass, fail and hit or miss all happen; or none. */
function withTarget(values: number[], dir: Direction): fc.Arbitrary<SeriesCase> {
  const low = Math.min(...values)
  const high = Math.max(...values)
  return fc.oneof(
    fc.constant(null),
    fc.double({ min: -1, max: 2, noNaN: true }).map((f) => low + f * (high - low)),
    fc.constantFrom(...values),
  ).map((target) => ({ values, direction: dir, target: target !== null && Number.isFinite(target) ? target : null }))
}

const batch = fc.integer({ min: 2, max: 72 }).chain((length) =>
  fc.record({
    length: fc.constant(length),
    cases: fc.array(fc.tuple(valuesOf(length), direction).chain(([values, dir]) => withTarget(values, dir)), { minLength: 1, maxLength: 8 }),
    ruleLength: fc.option(fc.integer({ min: 2, max: 10 }), { nil: undefined, freq: 2 }),
  }),
)

// ---- properties ------------------------------------------------------------------------------

describe('xmrBatch is xmrChart (mdc) for complete series', () => {
  // One output for every run, larger than any batch: stale values from a previous batch must not leak.
  const reused = createXmrBatchOutput(8, 72)

  it('per-series directions and targets: centre, limits, rules, types and icons equal', () => {
    fc.assert(
      fc.property(batch, ({ length, cases, ruleLength }) => {
        const output = runBatch(cases, length, true, ruleLength, createXmrBatchOutput(cases.length, length))
        expectSameAsXmrChart(cases, length, output, ruleLength)
      }),
      { numRuns: 300 },
    )
  })

  it('one direction and target for the batch, output buffers reused across batches', () => {
    fc.assert(
      fc.property(batch, ({ length, cases, ruleLength }) => {
        const shared = cases.map((c) => ({ ...c, direction: cases[0]!.direction, target: cases[0]!.target }))
        const output = runBatch(shared, length, false, ruleLength, reused)
        expectSameAsXmrChart(shared, length, output, ruleLength)
      }),
      { numRuns: 200 },
    )
  })

  it('centre and limits are the same numbers to the last bit', () => {
    fc.assert(
      fc.property(batch, ({ length, cases }) => {
        const output = runBatch(cases, length, true)
        cases.forEach((c, s) => {
          const segment = xmrChart(points(c.values), { profile: 'mdc' }).segments[0]!
          expect([output.centre[s], output.upper[s], output.lower[s]]).toEqual([segment.centre, segment.upper, segment.lower])
        })
      }),
      { numRuns: 100 },
    )
  })
})

// ---- hand cases ------------------------------------------------------------------------------

describe('xmrBatch: hand cases', () => {
  // STATISTICS.md worked example (daily, mdc): centre 1.944444444, limits −0.715555556 and 4.604444444, point 5 outside.
  const DAILY = [1, 2, 1, 2, 10, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1]

  it('the worked example of STATISTICS.md', () => {
    const output = runBatch([{ values: DAILY, direction: 'decrease', target: 3 }], DAILY.length, false)
    expect(output.centre[0]).toBeCloseTo(1.944444444, 8)
    expect(output.lower[0]).toBeCloseTo(-0.715555556, 8)
    expect(output.upper[0]).toBeCloseTo(4.604444444, 8)
    expect(Array.from(output.rules).flatMap((code, i) => (code === 1 ? [i + 1] : []))).toEqual([5])
    expect(BATCH_POINT_TYPES[output.types[4]!]).toBe('concern')
    expect(BATCH_ASSURANCES[output.assurance[0]!]).toBe('hit_or_miss')
    expectSameAsXmrChart([{ values: DAILY, direction: 'decrease', target: 3 }], DAILY.length, output, undefined)
  })

  it('three series side by side: a rising trend, a shift below the centre and a flat line', () => {
    const rising = [10, 11, 10, 12, 11, 10, 11, 12, 13, 14, 15, 16, 17, 18, 12, 11]
    const shifted = [20, 21, 19, 20, 21, 20, 19, 15, 16, 15, 14, 16, 15, 16, 15, 20]
    const flat = Array.from({ length: 16 }, () => 7)
    const cases: SeriesCase[] = [
      { values: rising, direction: 'increase', target: 30 },
      { values: shifted, direction: 'decrease', target: 25 },
      { values: flat, direction: 'neutral', target: 7 },
    ]
    const output = runBatch(cases, 16, true)
    expectSameAsXmrChart(cases, 16, output, undefined)
    const rules = (s: number) => Array.from(output.rules.subarray(s * 16, (s + 1) * 16), (code) => BATCH_RULES[code])
    // points 7 to 14 rise: a trend, except the last three, beyond the upper limit (outside limits first)
    expect(rules(0).slice(6, 14)).toEqual([...Array.from({ length: 5 }, () => 'trend'), 'outside_limits', 'outside_limits', 'outside_limits'])
    expect(BATCH_POINT_TYPES[output.types[8]!]).toBe('improvement')
    // seven points above the centre line, then eight below: two shifts, concern then improvement
    expect(rules(1)).toEqual([...Array.from({ length: 15 }, () => 'shift'), null])
    expect(Array.from(output.types.subarray(16, 32), (code) => BATCH_POINT_TYPES[code])).toEqual([
      ...Array.from({ length: 7 }, () => 'concern'),
      ...Array.from({ length: 8 }, () => 'improvement'),
      'common_cause',
    ])
    expect(rules(2)).toEqual(Array.from({ length: 16 }, () => null))
    expect([output.centre[2], output.upper[2], output.lower[2], output.averageMovingRange[2]]).toEqual([7, 7, 7, 0])
    expect(Array.from(output.assurance, (code) => BATCH_ASSURANCES[code])).toEqual(['fail', 'pass', null])
  })

  it('a point exactly on the upper limit is not outside it but in the near band (two of three)', () => {
    const values = [50, 50, 50, 50, 125, 75, 150, 125, 175, 75, 100, 75, 25, 25, 50]
    const output = runBatch([{ values, direction: 'increase', target: null }], values.length, false)
    expect([output.centre[0], output.upper[0]]).toEqual([80, 175])
    expect(Array.from(output.rules).flatMap((code, i) => (code === 0 ? [] : [[i + 1, BATCH_RULES[code]]]))).toEqual([
      [7, 'two_of_three'],
      [9, 'two_of_three'],
    ])
    expectSameAsXmrChart([{ values, direction: 'increase', target: null }], values.length, output, undefined)
  })

  it('a series of one value has its value as centre and limits', () => {
    const output = createXmrBatchOutput(2, 1)
    xmrBatch(Float64Array.of(4, -2), 1, output, { target: 0 })
    expect(Array.from(output.centre)).toEqual([4, -2])
    expect(Array.from(output.upper)).toEqual([4, -2])
    expect(Array.from(output.rules)).toEqual([0, 0])
    expect(Array.from(output.assurance, (code) => BATCH_ASSURANCES[code])).toEqual(['pass', 'fail'])
    for (const value of [4, -2]) expect(xmrChart(points([value]), { profile: 'mdc', target: 0 }).segments[0]!.upper).toBe(value)
  })

  it('throws on a value that is not a finite number, naming the series', () => {
    const values = Float64Array.of(1, 2, 3, 4, 5, Number.NaN, 7, 8)
    expect(() => xmrBatch(values, 4, createXmrBatchOutput(2, 4))).toThrow(/series 1 .*not a finite number/)
    values[5] = Number.POSITIVE_INFINITY
    expect(() => xmrBatch(values, 4, createXmrBatchOutput(2, 4))).toThrow(/series 1/)
  })

  it('throws on impossible arguments', () => {
    const output = createXmrBatchOutput(2, 3)
    const values = new Float64Array(6)
    expect(() => xmrBatch(values, 4, output)).toThrow(/multiple of the length/)
    expect(() => xmrBatch(values, 0, output)).toThrow(/invalid length/)
    expect(() => xmrBatch(values, 3, output, { ruleLength: 1 })).toThrow(/ruleLength/)
    expect(() => xmrBatch(values, 3, output, { direction: 'up' as Direction })).toThrow(/direction/)
    expect(() => xmrBatch(values, 3, output, { directions: Uint8Array.of(0, 3) })).toThrow(/code 3 for series 1/)
    expect(() => xmrBatch(values, 3, output, { direction: 'increase', directions: Uint8Array.of(0, 0) })).toThrow(/both/)
    expect(() => xmrBatch(values, 3, output, { target: Number.NaN })).toThrow(/target/)
    expect(() => xmrBatch(values, 3, output, { targets: Float64Array.of(1) })).toThrow(/targets/)
    expect(() => xmrBatch(values, 3, createXmrBatchOutput(1, 3))).toThrow(/output/)
  })
})
