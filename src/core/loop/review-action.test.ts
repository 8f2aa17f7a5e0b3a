import { describe, expect, it } from 'vitest'
import { addDays, addPeriods } from '../period.ts'
import { balancingPrediction, CHANGE, primaryPrediction, proportionPoints, START, weekAfterChange } from './fixtures.ts'
import { reviewAction, reviewPrediction, VERDICT_LABELS, type ActionReviewInput, type PredictionInput, type PrimaryReview, type BalancingReview } from './index.ts'

const AS_OF = '2026-06-01'

function review(predictions: readonly PredictionInput[], overrides: Partial<ActionReviewInput> = {}) {
  return reviewAction({ changeDate: CHANGE, asOf: AS_OF, title: 'Text reminders', predictions, ...overrides })
}

function primaryOf(prediction: PredictionInput, asOf = AS_OF): PrimaryReview {
  const result = reviewPrediction(prediction, { changeDate: CHANGE, asOf })
  if (result.role !== 'primary') throw new Error('expected a primary review')
  return result
}

// Weekly proportions of Binomial(200, p) from 3 February 2025; the change on 1 September 2025
// after 30 weeks. σ of one week is √(0.6 × 0.4 / 200) ≈ 0.035, so a step of 0.08 is about 2.3σ.
const stepUp = proportionPoints({ seed: 1, before: 30, after: 20, level: 0.6, step: 0.08 })
const flat = proportionPoints({ seed: 2, before: 30, after: 20, level: 0.6 })
const stepDown = proportionPoints({ seed: 3, before: 30, after: 20, level: 0.6, step: -0.08 })

describe('reviewAction: weekly proportions', () => {
  it('calls a step up after the change working, naming the series, the dates and the shift', () => {
    const action = review([primaryPrediction(stepUp)])
    const primary = action.predictions[0] as PrimaryReview
    expect(CHANGE).toBe('2025-09-01')
    expect([action.verdict, action.label, primary.verdict, primary.basis]).toEqual(['working', 'Working', 'working', 'predicted_change'])
    expect(primary.reasons[0]).toMatch(/^Blood pressure controlled to target at Eastgate, most deprived fifth: all 20 weeks since 1 September 2025 sat above the average before the change in an unbroken run \(a shift: /)
    expect(primary.reasons[0]).toContain('an increase, as predicted, and nothing unusual the other way, so the change looks to be working.')
    expect(action.reasons[0]).toBe('‘Text reminders’ (the change made on 1 September 2025): working. The predicted change has been seen for blood pressure controlled to target at Eastgate, most deprived fifth.')
    expect(primary.evidence.signals).toContainEqual({ kind: 'shift', direction: 'increase', periods: stepUp.slice(30).map((p) => p.period) })
  })

  it('freezes the limits on the 30 baseline weeks and extends them over the weeks after', () => {
    const { evidence } = primaryOf(primaryPrediction(stepUp))
    const chart = evidence.chart!
    expect(evidence.chartChoice.chart).toBe('p')
    expect(chart.chart).toBe('p')
    expect(chart.segments).toHaveLength(1)
    expect(chart.segments[0]!.baselinePoints).toBe(30)
    expect(chart.points).toHaveLength(50)
    const baseline = stepUp.slice(0, 30)
    const pBar = baseline.reduce((s, p) => s + p.numerator!, 0) / baseline.reduce((s, p) => s + p.denominator!, 0)
    expect(chart.segments[0]!.centre).toBeCloseTo(pBar, 12)
    expect(chart.points.every((p) => p.centre === chart.segments[0]!.centre)).toBe(true)
    expect(evidence.averageBefore).toBeCloseTo(pBar, 12)
    expect([evidence.pointsBefore, evidence.pointsAfter, evidence.baselineFrom, evidence.baselineTo, evidence.lastPeriod]).toEqual([30, 20, START, '2025-08-25', '2026-01-12'])
  })

  it('estimates the step with an interrupted time series whose interval holds the injected 0.08', () => {
    const { evidence, reasons } = primaryOf(primaryPrediction(stepUp))
    const level = evidence.impact.levelChange!
    expect(level.lower).toBeGreaterThan(0)
    expect(level.lower).toBeLessThan(0.08)
    expect(level.upper).toBeGreaterThan(0.08)
    expect(evidence.impact.linear!.nPre).toBe(30)
    expect(evidence.difference).toBeCloseTo(evidence.averageAfter! - evidence.averageBefore!, 12)
    expect(reasons).toContain('The average was 59.7% over the 30 weeks before the change (from 3 February 2025) and 68.5% over the 20 weeks since: 8.9 percentage points higher.')
    expect(reasons.some((r) => r.startsWith('Fitting one straight line to the weeks before the change and another to those after (an interrupted time series), the level stepped up by'))).toBe(true)
  })

  it('calls no change not working once 12 weeks are in, and not yet clear before', () => {
    const after20 = primaryOf(primaryPrediction(flat))
    expect([after20.verdict, after20.basis]).toEqual(['not_working', 'no_change'])
    expect(after20.reasons[0]).toContain('in the 20 weeks since the change on 1 September 2025, nothing moved beyond the variation seen before it')
    expect(after20.reasons[0]).toContain('12 weeks are enough to expect a lasting change to show, so the predicted increase has not been seen.')
    const after10 = primaryOf(primaryPrediction(flat.slice(0, 40)))
    expect([after10.verdict, after10.basis]).toEqual(['not_yet_clear', 'no_change_yet'])
    expect(after10.reasons[0]).toContain('in the 10 weeks since the change on 1 September 2025; 12 weeks are needed before concluding that nothing has changed.')
  })

  it('with a by date, waits for the data to reach it, then calls no change not working', () => {
    const waiting = primaryOf(primaryPrediction(flat, { by: weekAfterChange(25) }))
    expect([waiting.verdict, waiting.basis]).toEqual(['not_yet_clear', 'no_change_yet'])
    expect(waiting.reasons[0]).toContain('the increase was predicted by 23 February 2026, and the data run only to the week of 12 January 2026 (that date has passed, but its data are not in yet).')
    const reached = primaryOf(primaryPrediction(flat, { by: weekAfterChange(19) }))
    expect([reached.verdict, reached.basis]).toEqual(['not_working', 'no_change'])
    expect(reached.reasons[0]).toContain('and the data now reach the date it was predicted by, 12 January 2026, so the predicted increase has not been seen.')
    const early = primaryOf(primaryPrediction(flat.slice(0, 35), { by: weekAfterChange(2) }))
    expect([early.verdict, early.basis]).toEqual(['not_yet_clear', 'too_few_after'])
  })

  it('calls a step the wrong way not working', () => {
    const primary = primaryOf(primaryPrediction(stepDown))
    expect([primary.verdict, primary.basis]).toEqual(['not_working', 'opposite_change'])
    expect(primary.reasons[0]).toContain('sat below the average before the change')
    expect(primary.reasons[0]).toContain('a decrease, the opposite of the predicted increase, so the change is not working as predicted.')
    expect(review([primaryPrediction(stepDown)]).reasons[0]).toBe('‘Text reminders’ (the change made on 1 September 2025): not working. The predicted change has not happened for blood pressure controlled to target at Eastgate, most deprived fifth.')
  })

  it('is not yet clear with too few points after the change, saying how many there are and how many are needed', () => {
    const five = proportionPoints({ seed: 4, before: 30, after: 5, level: 0.6, step: 0.08 })
    const primary = primaryOf(primaryPrediction(five))
    expect([primary.verdict, primary.basis]).toEqual(['not_yet_clear', 'too_few_after'])
    expect(primary.reasons[0]).toBe('Blood pressure controlled to target at Eastgate, most deprived fifth: there are only 5 weeks of data since the change on 1 September 2025; at least 8 weeks are needed before a lasting change can be told apart from chance.')
    expect(primary.reasons[1]).toMatch(/^Early sign, too soon to count: 3 of the 5 weeks since 1 September 2025 were above the upper limit .*, an increase, as predicted\.$/)
    expect(review([primaryPrediction(five)]).reasons[0]).toContain('not yet clear. There are not yet enough data to judge blood pressure controlled to target at Eastgate, most deprived fifth.')
  })

  it('ignores periods after the review date, and says when the change is after it', () => {
    const asOf = addDays(CHANGE, 7 * 4)
    const primary = primaryOf(primaryPrediction(stepUp), asOf)
    expect(primary.evidence.pointsAfter).toBe(5)
    expect(primary.evidence.issues).toContainEqual(expect.objectContaining({ code: 'after_as_of', message: '15 periods start after the review date 2025-09-29 and are left out.' }))
    const before = primaryOf(primaryPrediction(stepUp), '2025-08-31')
    expect(before.reasons[0]).toContain('the change on 1 September 2025 is after the review date (31 August 2025), so there are no data since it yet; at least 8 weeks are needed')
  })
})

describe('reviewAction: balancing measures and the action verdict', () => {
  // Appointments missed: about 10% a week; harm is an increase.
  const worse = proportionPoints({ seed: 8, before: 30, after: 20, level: 0.1, step: 0.05 })
  const steady = proportionPoints({ seed: 12, before: 30, after: 20, level: 0.1 })

  it('calls the action harm when a balancing measure worsens, overriding a working primary', () => {
    const action = review([primaryPrediction(stepUp), balancingPrediction(worse)])
    const [primary, balancing] = action.predictions as [PrimaryReview, BalancingReview]
    expect([action.verdict, action.label]).toEqual(['harm', VERDICT_LABELS.harm])
    expect(action.label).toBe('Harming a balancing measure')
    expect([primary.verdict, balancing.verdict, balancing.basis, balancing.label]).toEqual(['working', 'harm', 'harmful_change', 'Worse since the change'])
    expect(balancing.reasons[0]).toMatch(/^Appointments missed at Eastgate \(a balancing measure, watched in case the change makes it worse\) got worse after the change on 1 September 2025: all 20 weeks since 1 September 2025 sat above the average before the change/)
    expect(action.reasons[0]).toBe('‘Text reminders’ (the change made on 1 September 2025): harming a balancing measure. The change was followed by a lasting worsening in appointments missed at Eastgate, and harm to a balancing measure decides the verdict whatever the other measures show.')
    expect(action.reasons.slice(1)).toEqual([primary.reasons[0], balancing.reasons[0]])
  })

  it('says a balancing measure that stayed within its variation shows no harm', () => {
    const action = review([primaryPrediction(stepUp), balancingPrediction(steady)])
    const balancing = action.predictions[1] as BalancingReview
    expect([action.verdict, balancing.verdict, balancing.label]).toEqual(['working', 'no_harm', 'No sign of harm'])
    expect(balancing.reasons[0]).toBe('Appointments missed at Eastgate (a balancing measure, watched in case the change makes it worse): stayed within the variation it showed before the change over the 20 weeks since the change on 1 September 2025, so there is no sign of harm.')
    expect(action.reasons[0]).toContain('working. The predicted change has been seen for blood pressure controlled to target at Eastgate, most deprived fifth, and no balancing measure got worse.')
  })

  it('flags harm as soon as it is lasting, without waiting for 8 points', () => {
    const early = proportionPoints({ seed: 8, before: 30, after: 4, level: 0.1, step: 0.12 })
    const action = review([primaryPrediction(stepUp), balancingPrediction(early)])
    expect(action.predictions[1]!.evidence.pointsAfter).toBe(4)
    expect(action.predictions[1]!.verdict).toBe('harm')
    expect(action.verdict).toBe('harm')
  })

  it('notes a balancing measure that cannot be checked yet, without changing the verdict', () => {
    const action = review([primaryPrediction(stepUp), balancingPrediction(steady.slice(0, 33))])
    expect([action.verdict, action.predictions[1]!.verdict]).toEqual(['working', 'not_yet_clear'])
    expect(action.reasons[1]).toBe('Appointments missed at Eastgate cannot be checked for harm yet, so harm there cannot be ruled out.')
  })

  it('combines primaries: any not working wins over not yet clear, which wins over working', () => {
    const short = primaryPrediction(stepUp.slice(0, 35), { site: 'Northfield' })
    expect(review([primaryPrediction(stepUp), short]).verdict).toBe('not_yet_clear')
    expect(review([primaryPrediction(stepUp), short, primaryPrediction(stepDown, { site: 'Westbrook' })]).verdict).toBe('not_working')
  })

  it('is not yet clear when the action names no primary prediction', () => {
    const action = review([balancingPrediction(steady)])
    expect(action.verdict).toBe('not_yet_clear')
    expect(action.reasons[0]).toContain('It names no measure it is meant to move (a primary prediction), so there is nothing to judge it by.')
  })
})

describe('reviewAction: expected size and rebases', () => {
  const smallStep = proportionPoints({ seed: 5, before: 30, after: 20, level: 0.6, step: 0.05 })

  it('says the change is smaller than predicted, and still working', () => {
    const primary = primaryOf(primaryPrediction(smallStep, { expectedSize: 0.15 }))
    expect([primary.verdict, primary.sizeComparison, primary.expectedSize]).toEqual(['working', 'smaller', 0.15])
    expect(primary.reasons.at(-1)).toMatch(/^The predicted increase was 15\.0 percentage points; the estimated step at the change was an increase of \d+\.\d percentage points \(95% confidence interval \d+\.\d to \d+\.\d percentage points\), smaller than predicted\.$/)
  })

  it('says the change is in line with the prediction when the interval holds the expected size', () => {
    const primary = primaryOf(primaryPrediction(smallStep, { expectedSize: 0.08 }))
    expect(primary.sizeComparison).toBe('consistent')
    expect(primary.reasons.at(-1)).toContain('in line with the prediction (the predicted size lies within the interval).')
  })

  it('starts the baseline at the latest rebase before the change, and ignores rebases on or after it', () => {
    // 20 weeks at 40% before a new recording template lifted the level to 60%; then the change, which did nothing.
    const earlier = proportionPoints({ seed: 10, before: 20, after: 0, level: 0.4, start: addPeriods(START, 'week', -20) })
    const points = [...earlier, ...proportionPoints({ seed: 11, before: 30, after: 15, level: 0.6 })]
    const rebases = [
      { date: addPeriods(START, 'week', -10), reason: 'an older reset' },
      { date: START, reason: 'new recording template' },
      { date: CHANGE, reason: 'the change itself' },
      { date: weekAfterChange(5), reason: 'later' },
    ]
    const primary = primaryOf(primaryPrediction(points, { rebases }))
    expect(primary.evidence.rebase).toEqual({ date: START, reason: 'new recording template' })
    expect([primary.evidence.baselineFrom, primary.evidence.pointsBefore]).toEqual([START, 30])
    expect(primary.evidence.chart!.segments.map((s) => [s.from, s.reason, s.baselinePoints])).toEqual([[START, 'new recording template', 30]])
    expect(primary.evidence.averageBefore).toBeCloseTo(0.6, 1)
    expect([primary.verdict, primary.basis]).toEqual(['not_working', 'no_change'])
    expect(primary.reasons).toContainEqual(expect.stringContaining("(from 3 February 2025, when the chart's average and limits were last reset (new recording template))"))
    // Without the rebase the baseline mixes the two levels, and the old step passes for the change's effect.
    const unrebased = primaryOf(primaryPrediction(points))
    expect([unrebased.evidence.baselineFrom, unrebased.evidence.pointsBefore, unrebased.verdict]).toEqual([earlier[0]!.period, 50, 'working'])
  })
})
