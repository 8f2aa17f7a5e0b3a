/**
 * Points analysed per second for each chart type over a seeded synthetic health system (by default
 * 100,000 series of 60 weekly points: 2,000 sites × 50 measures), beside the batch XmR engine and a
 * floor (a bare mean-and-moving-range pass over the same Float64Array).
 *
 * The batch XmR and the floor run over every series. The object-based charts (`xmrChart`,
 * `runChart`, `pChart`, …) take 1 to 5 µs a point, so they are timed on a seeded sample (every k-th
 * series, `sample` of them) and their time for the whole system is extrapolated; each note says which.
 * Before the timings, the batch output is checked against `xmrChart` on the sample.
 */
import { performance } from 'node:perf_hooks'
import { addPeriods } from '../src/core/period.ts'
import {
  cChart,
  gChart,
  pChart,
  pPrimeChart,
  runChart,
  tChart,
  uChart,
  uPrimeChart,
  xmrChart,
  type AttributeInputPoint,
  type SpcInputPoint,
} from '../src/core/spc/index.ts'
import { BATCH_ASSURANCES, BATCH_DIRECTIONS, BATCH_POINT_TYPES, BATCH_RULES, createXmrBatchOutput, xmrBatch } from '../src/core/spc/xmr-batch.ts'
import { createRandom, deriveSeed, type Random } from '../src/demo/random.ts'

export interface ChartBenchOptions {
  /** Series in the system (default 100,000). */
  readonly series?: number
  /** Points per series (default 60 weeks). */
  readonly length?: number
  /** Series the object-based charts are timed on (default 10,000; at most `series`). */
  readonly sample?: number
  /** Timed passes of the batch XmR and the floor; the median is reported (default 11). */
  readonly repeats?: number
  readonly seed?: number
  /** Progress lines (default none). */
  readonly log?: (line: string) => void
}

export interface ChartBenchRow {
  readonly operation: string
  readonly series: number
  readonly points: number
  /** Wall-clock seconds. */
  readonly seconds: number
  /** CPU seconds of this process over the same span (below `seconds` when other work shares the machine). */
  readonly cpuSeconds: number
  readonly note: string
}

const MEASURES = 50

/** A synthetic system: per series the P data (the XmR values are its percentages) and its settings. */
export interface HealthSystem {
  readonly series: number
  readonly length: number
  readonly periods: readonly string[]
  /** Patients seen each week (denominators), series-major. */
  readonly denominators: Float64Array
  /** Patients with the outcome each week (numerators), series-major. */
  readonly numerators: Float64Array
  /** 100 · numerator / denominator: the values the XmR charts analyse, series-major. */
  readonly percent: Float64Array
  /** Direction code of each series (index into BATCH_DIRECTIONS), from its measure. */
  readonly directions: Uint8Array
  /** Target of each series in per cent, NaN for none. */
  readonly targets: Float64Array
}

/**
 * What changes in series `s` (same for every kind of data): its level, and for some series a step or
 * a steady drift from a given week, so that every rule has something to find.
 */
interface SeriesShape {
  /** Multiplies the series' base rate at week `w`. */
  readonly factor: (w: number) => number
  readonly base: number
}

function seriesShape(seed: number, s: number, length: number): SeriesShape {
  const r = createRandom(deriveSeed(seed, `shape:${s}`))
  const base = 0.2 + 0.6 * r.next()
  const kind = r.next()
  const from = Math.floor(length / 3 + r.next() * (length / 2))
  const size = (r.next() < 0.5 ? -1 : 1) * (0.05 + 0.2 * r.next())
  if (kind < 0.7) return { base, factor: () => 1 }
  if (kind < 0.9) return { base, factor: (w) => (w >= from ? 1 + size : 1) }
  return { base, factor: (w) => (w >= from ? 1 + (size * (w - from)) / (length - from) : 1) }
}

/** The system's P data and settings for all its series (the part the batch XmR and floor need). */
export function healthSystem(series: number, length: number, seed = 20261126): HealthSystem {
  const denominators = new Float64Array(series * length)
  const numerators = new Float64Array(series * length)
  const percent = new Float64Array(series * length)
  const directions = new Uint8Array(series)
  const targets = new Float64Array(series)
  for (let s = 0; s < series; s++) {
    const measure = s % MEASURES
    const shape = seriesShape(seed, s, length)
    const r = createRandom(deriveSeed(seed, `p:${s}`))
    const listSize = 40 + Math.floor(960 * r.next())
    directions[s] = measure % 3
    targets[s] = measure % 2 === 0 ? Math.round(100 * shape.base) + (measure % 4 === 0 ? 5 : -5) : Number.NaN
    for (let w = 0; w < length; w++) {
      const at = s * length + w
      const denominator = Math.max(1, Math.round(listSize * (0.9 + 0.2 * r.next())))
      const p = Math.min(1, Math.max(0, shape.base * shape.factor(w)))
      const numerator = r.binomial(denominator, p)
      denominators[at] = denominator
      numerators[at] = numerator
      percent[at] = (100 * numerator) / denominator
    }
  }
  const periods = Array.from({ length }, (_, w) => addPeriods('2025-01-06', 'week', w))
  return { series, length, periods, denominators, numerators, percent, directions, targets }
}

/** Poisson draw through the binomial (exact by inversion while the mean is under 25). */
function poisson(r: Random, mean: number): number {
  return r.binomial(100_000, Math.min(1, mean / 100_000))
}

/** Counts of events (C, and U per patient), opportunities between events (G) and days between events (T) of series `s`. */
function rareAndCounts(seed: number, s: number, length: number) {
  const shape = seriesShape(seed, s, length)
  const r = createRandom(deriveSeed(seed, `counts:${s}`))
  const eventsPerWeek = 2 + 38 * shape.base
  const counts = Array.from({ length }, (_, w) => poisson(r, eventsPerWeek * shape.factor(w)))
  const p = 0.01 + 0.1 * shape.base
  const between = Array.from({ length }, (_, w) => Math.floor(Math.log(1 - r.next()) / Math.log(1 - Math.min(0.9, p * shape.factor(w)))))
  const days = Array.from({ length }, (_, w) => Math.max(0.01, (-10 * Math.log(1 - r.next())) / shape.factor(w)))
  return { counts, between, days }
}

/** The value, wall-clock seconds and CPU seconds of `fn()`. */
function timeSync<T>(fn: () => T): [T, number, number] {
  const cpu = process.cpuUsage()
  const start = performance.now()
  const value = fn()
  const seconds = (performance.now() - start) / 1000
  const used = process.cpuUsage(cpu)
  return [value, seconds, (used.user + used.system) / 1e6]
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  const middle = Math.floor(sorted.length / 2)
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2
}

/** Mean and plain average moving range of every series: the arithmetic every XmR needs, nothing else. */
function floorPass(values: Float64Array, length: number, centre: Float64Array, amr: Float64Array): void {
  const count = values.length / length
  for (let s = 0; s < count; s++) {
    const base = s * length
    let previous = values[base]!
    let sum = previous
    let ranges = 0
    for (let i = 1; i < length; i++) {
      const value = values[base + i]!
      sum += value
      ranges += Math.abs(value - previous)
      previous = value
    }
    centre[s] = sum / length
    amr[s] = ranges / (length - 1)
  }
}

const count = (n: number) => n.toLocaleString('en-GB')

/** Time each chart type; see the module comment. */
export function benchCharts(options: ChartBenchOptions = {}): ChartBenchRow[] {
  const { series = 100_000, length = 60, repeats = 11, seed = 20261126, log = () => {} } = options
  for (const [name, value] of Object.entries({ series, length, repeats, sample: options.sample ?? 1 })) {
    if (!(Number.isInteger(value) && value >= 1)) throw new Error(`invalid ${name}: ${value} (expected a whole number ≥ 1)`)
  }
  const sampleSize = Math.min(series, options.sample ?? 10_000)
  const stride = Math.floor(series / sampleSize)
  const sample = Array.from({ length: sampleSize }, (_, k) => k * stride)
  const points = series * length
  const samplePoints = sampleSize * length

  log(`Generating ${count(series)} series × ${length} weeks (${count(points)} points)…`)
  const system = healthSystem(series, length, seed)
  const rows: ChartBenchRow[] = []

  // The batch XmR and the floor over the whole system: a warm-up pass, then the median of `repeats`.
  const output = createXmrBatchOutput(series, length)
  const centre = new Float64Array(series)
  const amr = new Float64Array(series)
  const batchOptions = { directions: system.directions, targets: system.targets }
  xmrBatch(system.percent, length, output, batchOptions)
  floorPass(system.percent, length, centre, amr)
  const batch = { wall: [] as number[], cpu: [] as number[] }
  const floor = { wall: [] as number[], cpu: [] as number[] }
  for (let k = 0; k < repeats; k++) {
    const [, batchWall, batchCpuUsed] = timeSync(() => xmrBatch(system.percent, length, output, batchOptions))
    const [, floorWall, floorCpuUsed] = timeSync(() => floorPass(system.percent, length, centre, amr))
    batch.wall.push(batchWall)
    batch.cpu.push(batchCpuUsed)
    floor.wall.push(floorWall)
    floor.cpu.push(floorCpuUsed)
  }
  const [batchSeconds, batchCpu] = [median(batch.wall), median(batch.cpu)]
  const [floorSeconds, floorCpu] = [median(floor.wall), median(floor.cpu)]
  const measured = (seconds: number) => `all ${count(series)} series: ${seconds.toFixed(2)} s measured (median of ${repeats} after a warm-up)`
  const byCpu = (cpuSeconds: number) => `${count(Math.round(points / cpuSeconds))} a CPU second`
  rows.push({
    operation: 'mean and moving range only (floor)',
    series,
    points,
    seconds: floorSeconds,
    cpuSeconds: floorCpu,
    note: `${measured(floorSeconds)}; ${byCpu(floorCpu)}; arithmetic alone`,
  })
  rows.push({
    operation: 'xmrBatch (mdc: limits, 4 rules, icons)',
    series,
    points,
    seconds: batchSeconds,
    cpuSeconds: batchCpu,
    note: `${measured(batchSeconds)}; ${byCpu(batchCpu)}; ${(batchSeconds / floorSeconds).toFixed(0)}× the floor's time`,
  })

  const marked = BATCH_RULES.map(() => 0)
  for (const code of output.rules) marked[code]!++
  log(`Points marked over the system: ${BATCH_RULES.map((rule, code) => `${rule ?? 'none'} ${((100 * marked[code]!) / points).toFixed(1)}%`).join(', ')}`)

  // The sample's inputs as objects: built before any timing.
  log(`Checking the batch against xmrChart on ${count(sampleSize)} series…`)
  const { periods } = system
  const valuesOf = (data: ArrayLike<number>, s: number): SpcInputPoint[] => periods.map((period, w) => ({ period, value: data[s * length + w]! }))
  const xmrOptions = (s: number) => {
    const target = system.targets[s]!
    return { direction: BATCH_DIRECTIONS[system.directions[s]!]!, target: Number.isNaN(target) ? null : target }
  }
  const xmrInputs = sample.map((s) => valuesOf(system.percent, s))
  const mismatches = sample.filter((s, k) => {
    const expected = xmrChart(xmrInputs[k]!, xmrOptions(s))
    const segment = expected.segments[0]!
    return (
      segment.centre !== output.centre[s] ||
      segment.upper !== output.upper[s] ||
      segment.lower !== output.lower[s] ||
      expected.variation !== BATCH_POINT_TYPES[output.variation[s]!] ||
      expected.assurance !== BATCH_ASSURANCES[output.assurance[s]!] ||
      expected.points.some((point, w) => point.rule !== BATCH_RULES[output.rules[s * length + w]!] || point.type !== BATCH_POINT_TYPES[output.types[s * length + w]!])
    )
  })
  if (mismatches.length > 0) throw new Error(`xmrBatch differs from xmrChart on ${mismatches.length} sampled series (first: ${mismatches[0]})`)

  const attributeInputs = (s: number, numerators: ArrayLike<number>, offset: number): AttributeInputPoint[] =>
    periods.map((period, w) => ({ period, numerator: numerators[offset + w]!, denominator: system.denominators[s * length + w]! }))
  const counted = sample.map((s) => rareAndCounts(seed, s, length))
  const pInputs = sample.map((s) => attributeInputs(s, system.numerators, s * length))
  const uInputs = sample.map((s, k) => attributeInputs(s, counted[k]!.counts, 0))
  const cInputs = counted.map((c) => valuesOf(c.counts, 0))
  const gInputs = counted.map((c) => valuesOf(c.between, 0))
  const tInputs = counted.map((c) => valuesOf(c.days, 0))

  const charts: readonly [string, (k: number) => unknown, string][] = [
    ['xmrChart (limits, 4 rules, icons, runs, checks)', (k) => xmrChart(xmrInputs[k]!, xmrOptions(sample[k]!)), 'per cent'],
    ['runChart (median, Anhøj rules)', (k) => runChart(xmrInputs[k]!), 'per cent'],
    ['pChart', (k) => pChart(pInputs[k]!, { ...xmrOptions(sample[k]!), multiplier: 100 }), 'patients with the outcome of patients seen'],
    ['pPrimeChart (Laney)', (k) => pPrimeChart(pInputs[k]!, { ...xmrOptions(sample[k]!), multiplier: 100 }), 'as pChart'],
    ['uChart', (k) => uChart(uInputs[k]!, { multiplier: 1000 }), 'events per 1,000 patients'],
    ['uPrimeChart (Laney)', (k) => uPrimeChart(uInputs[k]!, { multiplier: 1000 }), 'as uChart'],
    ['cChart', (k) => cChart(cInputs[k]!), 'events a week'],
    ['gChart', (k) => gChart(gInputs[k]!, { direction: 'increase' }), 'opportunities between events'],
    ['tChart', (k) => tChart(tInputs[k]!, { direction: 'increase' }), 'days between events'],
  ]
  for (const [operation, chart, data] of charts) {
    log(`${operation}…`)
    for (let k = 0; k < Math.min(200, sampleSize); k++) chart(k) // warm-up
    const [charted, seconds, cpuSeconds] = timeSync(() => {
      let sink = 0
      for (let k = 0; k < sampleSize; k++) sink += (chart(k) as { points: readonly unknown[] }).points.length
      return sink
    })
    if (charted !== samplePoints) throw new Error(`${operation} charted ${charted} of ${samplePoints} points`)
    const all = (seconds * series) / sampleSize
    const sampled =
      sampleSize === series
        ? `all ${count(series)} series: ${seconds.toFixed(1)} s measured`
        : `sample of ${count(sampleSize)} (1 series in ${stride}); all ${count(series)}: ${all.toFixed(1)} s extrapolated`
    rows.push({ operation, series: sampleSize, points: samplePoints, seconds, cpuSeconds, note: `${sampled}; ${data}` })
  }
  return rows
}
