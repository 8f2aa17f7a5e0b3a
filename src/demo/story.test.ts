/** The story of docs/DEMO.md, checked on the default seed: if a change to the model breaks it, these fail. */
import { describe, expect, it } from 'vitest'
import { funnelPlot } from '../core/compare/index.ts'
import type { ObservationInput } from '../core/model.ts'
import { BASELINE_WEEKS, demoWeeks } from './calendar.ts'
import { generateDemo } from './generate-demo.ts'

const htn = generateDemo().organisations[0]!.programmes[0]!
const weekIndex = new Map(demoWeeks().map((week, i) => [week, i]))
const IMPROVERS = ['eastgate', 'northfield', 'southmead', 'riverbank']
const PRACTICES = ['eastgate', 'northfield', 'westbrook', 'southmead', 'hillside', 'riverbank']

const series = new Map<string, ObservationInput[]>()
for (const row of htn.observations) {
  const key = `${row.measure}|${row.site}|${row.dimension}|${row.group}`
  ;(series.get(key) ?? series.set(key, []).get(key)!).push(row)
}
function getSeries(measure: string, site: string | null, dimension: string | null = null, group: string | null = null) {
  const rows = series.get(`${measure}|${site}|${dimension}|${group}`)
  if (!rows) throw new Error(`no series ${measure} ${site} ${dimension} ${group}`)
  return rows
}
const inWeeks = (rows: readonly ObservationInput[], from: number, to: number) =>
  rows.filter((o) => weekIndex.get(o.period)! >= from && weekIndex.get(o.period)! < to)
/** Pooled proportion Σnumerator / Σdenominator over weeks [from, to). */
const pooled = (rows: readonly ObservationInput[], from: number, to: number) => {
  const part = inWeeks(rows, from, to)
  return part.reduce((a, o) => a + o.numerator!, 0) / part.reduce((a, o) => a + o.denominator!, 0)
}
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length
const sd = (values: readonly number[]) => Math.sqrt(values.reduce((a, b) => a + (b - mean(values)) ** 2, 0) / (values.length - 1))
const baseline = (rows: readonly ObservationInput[]) => inWeeks(rows, 0, BASELINE_WEEKS).map((o) => o.value)
const lastQuarter = (rows: readonly ObservationInput[]) => inWeeks(rows, 65, 78).map((o) => o.value)

/** XmR view of the baseline: centre line and sigma from the mean moving range (÷ 1.128). */
function baselineLimits(rows: readonly ObservationInput[]) {
  const values = baseline(rows)
  const movingRanges = values.slice(1).map((value, i) => Math.abs(value - values[i]!))
  return { centre: mean(values), sigma: mean(movingRanges) / 1.128 }
}
/** Longest run of consecutive points above the baseline centre line after the baseline (the shift rule needs 7). */
function longestRunAbove(rows: readonly ObservationInput[]) {
  const { centre } = baselineLimits(rows)
  let run = 0
  let longest = 0
  for (const row of inWeeks(rows, BASELINE_WEEKS, 78)) longest = Math.max(longest, (run = row.value > centre ? run + 1 : 0))
  return longest
}

describe('baseline (first 26 weeks)', () => {
  const control = getSeries('bp-control', null)

  it('has about 58% of the register controlled overall', () => {
    expect(pooled(control, 0, BASELINE_WEEKS)).toBeGreaterThan(0.55)
    expect(pooled(control, 0, BASELINE_WEEKS)).toBeLessThan(0.61)
  })

  it('has a gap of 9–15 points between quintile 5 and quintile 1', () => {
    const gap = pooled(getSeries('bp-control', null, 'imd_quintile', '5'), 0, 26) - pooled(getSeries('bp-control', null, 'imd_quintile', '1'), 0, 26)
    expect(gap).toBeGreaterThan(0.09)
    expect(gap).toBeLessThan(0.15)
  })

  it('has the affluent practice best and the most deprived practice worst', () => {
    const practices = ['eastgate', 'northfield', 'westbrook', 'southmead', 'hillside', 'riverbank']
    const ranked = [...practices].sort((a, b) => pooled(getSeries('bp-control', a), 0, 26) - pooled(getSeries('bp-control', b), 0, 26))
    expect(ranked[0]).toBe('eastgate')
    expect(ranked.at(-1)).toBe('westbrook')
  })

  it('has Black or Black British people recorded most often yet controlled least (the dissonance)', () => {
    const groups = ['White British', 'Asian or Asian British', 'Black or Black British', 'Mixed', 'Other', 'Not stated']
    const rate = (measure: string, group: string) => pooled(getSeries(measure, null, 'ethnicity', group), 0, 26)
    const byRecording = [...groups].sort((a, b) => rate('bp-recorded', b) - rate('bp-recorded', a))
    const byControl = [...groups].sort((a, b) => rate('bp-control', a) - rate('bp-control', b))
    expect([byRecording[0], byControl[0]]).toEqual(['Black or Black British', 'Black or Black British'])
  })

  it('has one small group: ethnicity Other at riverbank, under ten people every week', () => {
    const denominators = getSeries('bp-control', 'riverbank', 'ethnicity', 'Other').map((o) => o.denominator!)
    expect(Math.max(...denominators)).toBeLessThan(10)
    expect(Math.min(...denominators)).toBeGreaterThan(0)
  })

  it('has registers of about 800–2,400 people per practice, growing slowly', () => {
    for (const practice of ['eastgate', 'northfield', 'westbrook', 'southmead', 'hillside', 'riverbank']) {
      const sizes = getSeries('bp-control', practice).map((o) => o.denominator!)
      expect(Math.min(...sizes)).toBeGreaterThan(750)
      expect(Math.max(...sizes)).toBeLessThan(2_450)
      expect(sizes.at(-1)! / sizes[0]!).toBeGreaterThan(1)
      expect(sizes.at(-1)! / sizes[0]!).toBeLessThan(1.08)
    }
  })
})

describe('after the changes (weeks 26–77)', () => {
  it('raises overall control to 65–70% in the last 13 weeks and about halves the quintile gap', () => {
    expect(pooled(getSeries('bp-control', null), 65, 78)).toBeGreaterThan(0.65)
    expect(pooled(getSeries('bp-control', null), 65, 78)).toBeLessThan(0.7)
    const gap = (from: number, to: number) =>
      pooled(getSeries('bp-control', null, 'imd_quintile', '5'), from, to) - pooled(getSeries('bp-control', null, 'imd_quintile', '1'), from, to)
    expect(gap(65, 78)).toBeLessThan(0.6 * gap(0, 26))
    expect(gap(65, 78)).toBeGreaterThan(0)
  })

  it.each(IMPROVERS)('%s: control up by more than 8 points, and quintile 1 shows special-cause improvement', (practice) => {
    const all = getSeries('bp-control', practice)
    expect(pooled(all, 65, 78) - pooled(all, 0, 26)).toBeGreaterThan(0.08)
    const q1 = getSeries('bp-control', practice, 'imd_quintile', '1')
    const { centre, sigma } = baselineLimits(q1)
    expect(longestRunAbove(q1)).toBeGreaterThanOrEqual(7)
    expect(mean(lastQuarter(q1)) - centre).toBeGreaterThan(3 * sigma)
  })

  it('hillside: no change in control, overall or in quintile 1', () => {
    const all = getSeries('bp-control', 'hillside')
    expect(Math.abs(pooled(all, 65, 78) - pooled(all, 0, 26))).toBeLessThan(0.02)
    const q1 = getSeries('bp-control', 'hillside', 'imd_quintile', '1')
    const { centre, sigma } = baselineLimits(q1)
    expect(longestRunAbove(q1)).toBeLessThan(7)
    expect(mean(lastQuarter(q1)) - centre).toBeLessThan(sigma)
  })

  it('lends many more monitors once loans are standardised', () => {
    const monitors = getSeries('monitors-lent', null)
    expect(mean(lastQuarter(monitors))).toBeGreaterThan(4 * mean(baseline(monitors)))
  })

  it.each(['falls', 'gp-wait-days'])('%s (balancing): the mean after the changes is within noise of the baseline', (measure) => {
    for (const site of [null, 'eastgate', 'northfield', 'westbrook', 'southmead', 'hillside', 'riverbank']) {
      const rows = getSeries(measure, site)
      const before = baseline(rows)
      const after = inWeeks(rows, BASELINE_WEEKS, 78).map((o) => o.value)
      const standardError = Math.sqrt(sd(before) ** 2 / before.length + sd(after) ** 2 / after.length)
      expect(Math.abs(mean(after) - mean(before)), `${measure} at ${site ?? 'riverside'}`).toBeLessThan(3 * standardError)
    }
  })

  it.each(['falls', 'gp-wait-days'])('%s (balancing): the organisation chart is common cause (no run of 7, no point beyond 3σ)', (measure) => {
    const values = getSeries(measure, null).map((o) => o.value)
    const centre = mean(values)
    const sigma = mean(values.slice(1).map((value, i) => Math.abs(value - values[i]!))) / 1.128
    let run = 0
    let longest = 0
    values.forEach((value, i) => {
      const sameSide = i > 0 && Math.sign(value - centre) === Math.sign(values[i - 1]! - centre)
      longest = Math.max(longest, (run = sameSide ? run + 1 : 1))
    })
    expect(longest).toBeLessThan(7)
    expect(values.filter((value) => Math.abs(value - centre) > 3 * sigma)).toEqual([])
  })

  it('steps control down for people aged 80 and over at the guideline rebase (a stricter definition)', () => {
    const rebase = weekIndex.get(htn.rebases[0]!.date)!
    const hillside80 = getSeries('bp-control', 'hillside', 'age_band', '80+')
    // hillside made no changes, so the step is the definition alone.
    expect(pooled(hillside80, rebase, 78) - pooled(hillside80, 0, rebase)).toBeLessThan(-0.02)
  })
})

describe('site comparison: funnel plot of bp-control across the six practices', () => {
  /** As the site-comparison tab draws it: each practice's all-people rows summed over the window, default overdispersion handling. */
  function practiceFunnel(periods: readonly string[]) {
    const window = new Set(periods)
    const units = PRACTICES.map((practice) => {
      const rows = getSeries('bp-control', practice).filter((o) => window.has(o.period))
      expect(rows, practice).toHaveLength(periods.length)
      return { unit: practice, numerator: rows.reduce((a, o) => a + o.numerator!, 0), denominator: rows.reduce((a, o) => a + o.denominator!, 0) }
    })
    return funnelPlot(units, { type: 'proportion', direction: 'increase' })
  }

  it.each([
    ['the first 13 weeks (baseline)', demoWeeks().slice(0, 13)],
    ['the latest 13 weeks (the default window)', demoWeeks().slice(-13)],
  ])('in %s: the affluent practice is possible excellence, the most deprived possible concern, the rest within', (_, periods) => {
    const funnel = practiceFunnel(periods)
    expect(Object.fromEntries(funnel.units.map((u) => [u.unit, u.signal]))).toEqual({
      eastgate: 'possible concern',
      northfield: null,
      westbrook: 'possible excellence',
      southmead: null,
      hillside: null,
      riverbank: null,
    })
    expect(Object.fromEntries(funnel.units.map((u) => [u.unit, u.position]))).toEqual({
      eastgate: 'below',
      northfield: 'within',
      westbrook: 'above',
      southmead: 'within',
      hillside: 'within',
      riverbank: 'within',
    })
    expect(funnel.adjusted).toBe(true)
    expect(funnel.spread).toBe('beyond chance')
    expect(funnel.statement).toContain('beyond chance')
  })
})
