import { describe, expect, it } from 'vitest'
import { addPeriods } from '../period.ts'
import { CHANGE, countPoints, FALLS, FALLS_RATE, fixedPoints, meanPoints, primaryPrediction, proportionPoints, SYSTOLIC, balancingPrediction } from './fixtures.ts'
import { reviewAction, reviewPrediction, type PredictionInput, type PrimaryReview, type ReviewSettings } from './index.ts'

const SETTINGS: ReviewSettings = { changeDate: CHANGE, asOf: '2026-06-01' }

function primaryOf(prediction: PredictionInput, settings: ReviewSettings = SETTINGS): PrimaryReview {
  const result = reviewPrediction(prediction, settings)
  if (result.role !== 'primary') throw new Error('expected a primary review')
  return result
}

/** 12 baseline weeks from 9 June 2025 (mean 50, moving ranges averaging 3, limits 50 ± 7.98), then the change on 1 September 2025. */
const BASELINE = [48, 52, 50, 49, 53, 51, 47, 52, 50, 53, 48, 47]
const BASELINE_START = addPeriods(CHANGE, 'week', -12)
const worked = (after: readonly number[]) => fixedPoints([...BASELINE, ...after], BASELINE_START)
const ALTERNATING = [51, 49, 51, 49, 51, 49, 51, 49, 51, 49, 51, 49]

describe('reviewPrediction: the worked example of docs/methods/verdicts.md', () => {
  const EXPERIENCE = { code: 'experience', name: 'average patient experience score', kind: 'mean', direction: 'increase', period: 'week', unit: 'points' } as const
  const prediction = primaryPrediction(worked([54, 56, 53, 55, 59, 52, 54, 56]), { measure: EXPERIENCE, site: null, group: null })

  it('freezes the XmR limits at 50 ± 2.66 × 3 and finds the shift of 8 weeks above 50', () => {
    const primary = primaryOf(prediction)
    const segment = primary.evidence.chart!.segments[0]!
    expect(primary.evidence.chartChoice).toEqual({ chart: 'xmr', reason: 'With 12 points before the change, fewer than the 13 a chart recommendation needs, the usual chart for an average is used: the XmR chart.' })
    expect(segment.centre).toBeCloseTo(50, 12)
    expect(primary.evidence.chart!.points.at(-1)!.upper).toBeCloseTo(57.98, 12)
    expect(primary.evidence.chart!.points.at(-1)!.lower).toBeCloseTo(42.02, 12)
    expect(primary.evidence.signals).toEqual([
      { kind: 'shift', direction: 'increase', periods: prediction.points.slice(12).map((p) => p.period) },
      { kind: 'outside_limits', direction: 'increase', periods: ['2025-09-29'] },
    ])
    expect([primary.evidence.averageBefore, primary.evidence.averageAfter, primary.evidence.difference]).toEqual([50, 54.875, 4.875])
  })

  it('is working, with the reasons a reader can check', () => {
    const primary = primaryOf(prediction)
    expect([primary.verdict, primary.basis]).toEqual(['working', 'predicted_change'])
    expect(primary.reasons[0]).toBe(
      'Average patient experience score across the organisation: all 8 weeks since 1 September 2025 sat above the average before the change in an unbroken run (a shift: a run of 7 or more on one side of the average rarely happens by chance): an increase, as predicted, and nothing unusual the other way, so the change looks to be working.',
    )
    expect(primary.reasons[1]).toBe('The average was 50.0 points over the 12 weeks before the change (from 9 June 2025) and 54.9 points over the 8 weeks since: 4.9 points higher.')
  })

  it('finds no harm in a balancing measure with one week above its limit, and says the week is worth a look', () => {
    const WAIT = { code: 'wait', name: 'average wait for a call back', kind: 'mean', direction: 'decrease', period: 'week', unit: 'minutes' } as const
    const values = [30, 34, 31, 29, 33, 32, 28, 31, 30, 33, 29, 28, 31, 29, 33, 59, 30, 28, 32, 30]
    const balancing = reviewPrediction(balancingPrediction(fixedPoints(values, BASELINE_START), { measure: WAIT, site: null, harmfulDirection: 'increase' }), SETTINGS)
    const last = balancing.evidence.chart!.points.at(-1)!
    expect([last.centre, last.upper, last.lower].map((v) => Number(v.toFixed(3)))).toEqual([30.667, 37.921, 23.412])
    expect([balancing.verdict, balancing.basis]).toEqual(['no_harm', 'no_harmful_change'])
    expect(balancing.reasons.slice(0, 2)).toEqual([
      'Average wait for a call back across the organisation (a balancing measure, watched in case the change makes it worse): no lasting change for the worse over the 8 weeks since the change on 1 September 2025, so there is no sign of harm.',
      'One week (the week of 22 September 2025) was above the upper limit on its own: a single unusual week can be chance or a one-off, so it is not counted as lasting change. It is worth a look.',
    ])
  })

  it('estimates the step as the page says, in line with the expected 3 points', () => {
    const primary = primaryOf({ ...prediction, expectedSize: 3 })
    const { levelChange, slopeChange } = primary.evidence.impact
    expect([levelChange!.estimate, levelChange!.lower, levelChange!.upper, levelChange!.p].map((v) => Number(v.toFixed(3)))).toEqual([5.146, 2.18, 8.112, 0.002])
    expect([slopeChange!.estimate, slopeChange!.lower, slopeChange!.upper].map((v) => Number(v.toFixed(2)))).toEqual([0.16, -0.4, 0.72])
    expect(primary.sizeComparison).toBe('consistent')
  })

  it('gives the action the verdict and the first reason the page shows', () => {
    const WAIT = { code: 'wait', name: 'average wait for a call back', kind: 'mean', direction: 'decrease', period: 'week', unit: 'minutes' } as const
    const wait = fixedPoints([30, 34, 31, 29, 33, 32, 28, 31, 30, 33, 29, 28, 31, 29, 33, 59, 30, 28, 32, 30], BASELINE_START)
    const action = reviewAction({
      title: 'Named nurse for each patient',
      changeDate: CHANGE,
      asOf: '2025-11-01',
      predictions: [{ ...prediction, expectedSize: 3 }, balancingPrediction(wait, { measure: WAIT, site: null, harmfulDirection: 'increase' })],
    })
    expect(action.predictions.map((p) => p.verdict)).toEqual(['working', 'no_harm'])
    expect(action.reasons[0]).toBe('‘Named nurse for each patient’ (the change made on 1 September 2025): working. The predicted change has been seen for average patient experience score across the organisation, and no balancing measure got worse.')
  })

  it('is not yet clear with 7 weeks after the change, however clear they look', () => {
    const primary = primaryOf({ ...prediction, points: prediction.points.slice(0, 19) })
    expect([primary.verdict, primary.basis]).toEqual(['not_yet_clear', 'too_few_after'])
    expect(primary.reasons[0]).toContain('there are only 7 weeks of data since the change on 1 September 2025; at least 8 weeks are needed')
  })
})

describe('reviewPrediction: lone points, exclusions and short baselines', () => {
  const lone = [...ALTERNATING.slice(0, 4), 60, ...ALTERNATING.slice(5)]
  const twice = [...lone.slice(0, 8), 60, ...lone.slice(9)]

  it('does not count one point beyond the limit as lasting change, and says so', () => {
    const primary = primaryOf(primaryPrediction(worked(lone), { measure: SYSTOLIC, group: null }))
    expect([primary.verdict, primary.basis]).toEqual(['not_working', 'no_change'])
    expect(primary.reasons[1]).toBe('One week (the week of 29 September 2025) was above the upper limit on its own: a single unusual week can be chance or a one-off, so it is not counted as lasting change.')
  })

  it('counts two points beyond the same limit as lasting change', () => {
    const primary = primaryOf(primaryPrediction(worked(twice), { measure: SYSTOLIC, group: null }))
    expect([primary.verdict, primary.basis]).toEqual(['working', 'predicted_change'])
    expect(primary.reasons[0]).toContain('2 of the 12 weeks since 1 September 2025 were above the upper limit of the range the measure kept to before the change (weeks of 29 September 2025 and 27 October 2025)')
  })

  it('leaves excluded points out of the counts and the signals (11 weeks: not yet enough to call no change)', () => {
    const primary = primaryOf(primaryPrediction(worked(twice), { measure: SYSTOLIC, group: null, exclusions: [{ period: '2025-10-27', reason: 'system outage' }] }))
    expect([primary.evidence.pointsAfter, primary.evidence.excludedAfter, primary.verdict]).toEqual([11, 1, 'not_yet_clear'])
    expect(primary.evidence.chart!.points.find((p) => p.period === '2025-10-27')!.excluded).toBe('system outage')
  })

  it('leaves an excluded baseline point out of the centre line', () => {
    const points = worked(ALTERNATING)
    const primary = primaryOf(primaryPrediction([{ ...points[0]!, period: addPeriods(BASELINE_START, 'week', -1), value: 500 }, ...points], { measure: SYSTOLIC, group: null, exclusions: [{ period: addPeriods(BASELINE_START, 'week', -1), reason: 'data error' }] }))
    expect([primary.evidence.pointsBefore, primary.evidence.excludedBefore, primary.evidence.averageBefore]).toEqual([12, 1, 50])
  })

  it('is not yet clear, with no chart, when the baseline has fewer than 12 usable points', () => {
    const points = worked(ALTERNATING).slice(4)
    const rebases = [{ date: points[0]!.period, reason: 'new clinic' }]
    const primary = primaryOf(primaryPrediction(points, { measure: SYSTOLIC, group: null, rebases }))
    expect([primary.verdict, primary.basis, primary.evidence.chart, primary.evidence.pointsBefore]).toEqual(['not_yet_clear', 'short_baseline', null, 8])
    expect(primary.reasons[0]).toBe(
      "Average systolic blood pressure at Eastgate: there are only 8 weeks of usable data before the change on 1 September 2025 (counting from 7 July 2025, when the chart's average and limits were last reset (new clinic)); at least 12 are needed to know the range the measure usually keeps to, so the change cannot be judged against it yet.",
    )
  })

  it('is not yet clear when there are no data before the change, or the series cannot be read', () => {
    const onlyAfter = primaryOf(primaryPrediction(worked(ALTERNATING).slice(12), { measure: SYSTOLIC, group: null }))
    expect([onlyAfter.basis, onlyAfter.evidence.pointsBefore, onlyAfter.evidence.pointsAfter]).toEqual(['short_baseline', 0, 12])
    expect(onlyAfter.reasons[0]).toContain('there are no usable data before the change on 1 September 2025; at least 12 are needed')
    const points = worked(ALTERNATING)
    const duplicated = primaryOf(primaryPrediction([...points, points[3]!], { measure: SYSTOLIC, group: null }))
    expect([duplicated.verdict, duplicated.basis]).toEqual(['not_yet_clear', 'short_baseline'])
    expect(duplicated.evidence.issues).toContainEqual(expect.objectContaining({ severity: 'error', code: 'duplicate_period' }))
  })

  it('says why there is no interrupted time series with fewer than 3 points after the change', () => {
    const primary = primaryOf(primaryPrediction(proportionPoints({ seed: 4, before: 30, after: 2, level: 0.6 })))
    expect(primary.evidence.impact).toEqual({ levelChange: null, slopeChange: null, linear: null, poisson: null, reason: 'There is no estimate of the size of the change yet: it needs at least 3 weeks before the change and 3 after, and there are 30 before and 2 after.' })
    expect(primary.reasons).toContain(primary.evidence.impact.reason)
  })
})

describe('reviewPrediction: means, counts and rates', () => {
  it('calls a fall in a weekly mean working when a fall was predicted (XmR chart)', () => {
    const points = meanPoints({ seed: 7, before: 30, after: 16, level: 140, step: -6 }, 4)
    const primary = primaryOf(primaryPrediction(points, { measure: SYSTOLIC, direction: 'decrease', group: null, expectedSize: 5 }))
    expect([primary.evidence.chartChoice.chart, primary.verdict, primary.basis]).toEqual(['xmr', 'working', 'predicted_change'])
    expect(primary.reasons[0]).toMatch(/^Average systolic blood pressure at Eastgate: 8 of the 16 weeks since 1 September 2025 sat below the average before the change in an unbroken run, from the week of 1 September 2025 to the week of 20 October 2025/)
    expect(primary.reasons[0]).toContain('a decrease, as predicted')
    expect(primary.reasons.at(-1)).toMatch(/^The predicted decrease was 5\.0 mmHg; the estimated step at the change was a decrease of \d+\.\d mmHg/)
  })

  it('uses a C chart and a Poisson model for counts', () => {
    const points = countPoints({ seed: 20, before: 30, after: 16, level: 20, step: -8 })
    const primary = primaryOf(primaryPrediction(points, { measure: FALLS, direction: 'decrease', site: 'Ward 7', group: null }))
    const ratio = primary.evidence.impact.poisson!.coefficients.levelChange
    expect([primary.evidence.chartChoice.chart, primary.verdict]).toEqual(['c', 'working'])
    expect(ratio.rateRatio).toBeLessThan(1)
    expect(primary.reasons.some((r) => r.startsWith('Treating the numbers as counts of events (a Poisson model), the rate at the change was 0.'))).toBe(true)
  })

  it('uses a U chart with the multiplier for rates, its centre the pooled rate', () => {
    const points = countPoints({ seed: 21, before: 30, after: 16, level: 12, step: -6 }, 2000)
    const primary = primaryOf(primaryPrediction(points, { measure: FALLS_RATE, direction: 'decrease', site: 'Ward 7', group: null }))
    const pooled = (points.slice(0, 30).reduce((s, p) => s + p.numerator!, 0) / (30 * 2000)) * 1000
    expect(primary.evidence.chartChoice.chart).toBe('u')
    expect(primary.evidence.chart!.segments[0]!.centre).toBeCloseTo(pooled, 10)
    expect(primary.evidence.averageBefore).toBeCloseTo(pooled, 10)
    expect(primary.evidence.impact.poisson).not.toBeNull()
    expect(primary.reasons.find((r) => r.startsWith('The average was'))).toMatch(/^The average was \d+\.\d+ per 1,000 over the 30 weeks/)
  })
})

describe('reviewPrediction: arguments', () => {
  const points = proportionPoints({ seed: 1, before: 30, after: 12, level: 0.6, step: 0.08 })

  it('does not depend on the order of the points', () => {
    const inOrder = reviewPrediction(primaryPrediction(points), SETTINGS)
    expect(reviewPrediction(primaryPrediction([...points].reverse()), SETTINGS)).toEqual(inOrder)
  })

  it('uses the chart asked for', () => {
    expect(primaryOf(primaryPrediction(points, { chart: 'xmr' })).evidence.chart!.chart).toBe('xmr')
  })

  it('throws on impossible arguments, quoting the value', () => {
    expect(() => reviewPrediction(primaryPrediction(points), { ...SETTINGS, changeDate: '2025-9-1' })).toThrow('invalid changeDate: "2025-9-1"')
    expect(() => reviewPrediction(primaryPrediction(points), { ...SETTINGS, asOf: 'today' })).toThrow('invalid asOf: "today"')
    expect(() => reviewPrediction(primaryPrediction(points, { expectedSize: -0.05 }), SETTINGS)).toThrow('invalid expectedSize: -0.05')
    expect(() => reviewPrediction(primaryPrediction(points, { by: '2026-02-30' }), SETTINGS)).toThrow('invalid by: "2026-02-30"')
    expect(() => reviewPrediction(primaryPrediction(points, { chart: 'c' }), SETTINGS)).toThrow('invalid chart: "c" for a proportion measure')
    expect(() => reviewPrediction(primaryPrediction(points, { direction: 'up' as 'increase' }), SETTINGS)).toThrow('invalid direction: "up"')
    expect(() => reviewPrediction(balancingPrediction(points, { harmfulDirection: 'neutral' as 'increase' }), SETTINGS)).toThrow('invalid harmfulDirection: "neutral"')
    expect(() => reviewPrediction(primaryPrediction(points), { ...SETTINGS, ruleLength: 1 })).toThrow('invalid ruleLength: 1')
  })

  it('reports periods that are not dates as issues and reviews the rest', () => {
    const primary = primaryOf(primaryPrediction([...points, { period: '2025-13-01', numerator: 1, denominator: 2, value: 0.5 }]))
    expect(primary.evidence.issues).toContainEqual(expect.objectContaining({ severity: 'error', code: 'invalid_period', value: '2025-13-01' }))
    expect(primary.evidence.pointsAfter).toBe(12)
  })
})
