/**
 * Which chart to draw for a measure, from its kind, whether it records numerators and
 * denominators, and its points. @see docs/methods/chart-choice.md
 */
import { CHARTS_FOR_KIND, MEASURE_KINDS, type ChartType, type MeasureKind } from '../model.ts'
import type { AttributeResult } from './attribute-types.ts'
import { cChart } from './c-chart.ts'
import { laneySigmaZ } from './laney.ts'
import { pChart } from './p-chart.ts'
import { uChart } from './u-chart.ts'

/**
 * Fewer points than this get a run chart: MDC shows limits and icons as final only from 13 points,
 * and every chart here marks a shorter segment `trialLimits` (FINAL_LIMITS_POINTS in analyse-segment.ts).
 */
export const MIN_CONTROL_CHART_POINTS = 13

/**
 * Laney's σ_z above this is overdispersion. Under the binomial (Poisson) model σ_z is about 1; with
 * 13 points it exceeds 2 by chance in fewer than 1 in 2,000 series (simulation in chart-choice.md).
 */
export const OVERDISPERSION_SIGMA_Z = 2

/**
 * Besides σ_z above 2, at least this share of the points must lie outside the P, U or C limits: the
 * chart would raise false alarms on one point in five, where its own model expects one in 370 (0.27%).
 */
export const OVERDISPERSION_OUTSIDE_SHARE = 0.2

export interface RecommendationPoint {
  /** ISO date of the period's first day. */
  readonly period: string
  readonly numerator: number | null
  readonly denominator: number | null
  /** The plotted value (a count for `count`, a fraction for `proportion`); null when missing. */
  readonly value: number | null
}

export interface RecommendChartInput {
  readonly kind: MeasureKind
  /** Whether the measure records numerators (cases, events) beside its values. */
  readonly hasNumerators: boolean
  /** Whether the measure records denominators (patients, exposure) beside its values. */
  readonly hasDenominators: boolean
  readonly points: readonly RecommendationPoint[]
}

export interface ChartRecommendation {
  readonly chart: ChartType
  /** One plain-English sentence saying why. */
  readonly reason: string
  /** The other charts that make sense for this kind of measure, for a picker (never `chart`). */
  readonly alternatives: readonly ChartType[]
}

/** How far the P, U or C model is from the data: Laney's σ_z and the points outside the limits. */
interface Dispersion {
  readonly sigmaZ: number
  readonly outside: number
  readonly total: number
}

type Choice = Pick<ChartRecommendation, 'chart' | 'reason'>

/**
 * Recommend a chart: mean → XmR; proportion (rate) with numerators and denominators → P (U), or
 * Laney's P′ (U′) when overdispersed; without them → XmR; count → C, or XmR when overdispersed;
 * fewer than 13 usable points → run chart. Deterministic; throws on an unknown kind.
 * @see Laney DB. Improved control charts for attributes. Quality Engineering 2002;14(4):531–537.
 */
export function recommendChart(input: RecommendChartInput): ChartRecommendation {
  if (!MEASURE_KINDS.includes(input.kind)) {
    throw new Error(`invalid kind: ${JSON.stringify(input.kind)} (expected one of ${MEASURE_KINDS.join(', ')})`)
  }
  const declared = (input.kind === 'proportion' || input.kind === 'rate') && input.hasNumerators && input.hasDenominators
  const present = input.points.filter((point) => isFiniteNumber(point.value) || point.numerator !== null || point.denominator !== null)
  // As the app's chart picker (chartsFor in src/app/analyse/analyse-as.ts): P and U only when every period has its counts.
  const counted = declared && present.length > 0 && present.every(hasCounts)
  const choice = counted ? chooseCounted(input.kind, present) : chooseUncounted(input, declared, present.filter(hasCounts).length)
  return { ...choice, alternatives: sensibleCharts(input.kind, counted).filter((chart) => chart !== choice.chart) }
}

/** The charts a picker offers for a kind, in the order it lists them. */
function sensibleCharts(kind: MeasureKind, counted: boolean): ChartType[] {
  const needsCounts: readonly ChartType[] = ['p', 'pp', 'u', 'up']
  return CHARTS_FOR_KIND[kind].filter((chart) => counted || !needsCounts.includes(chart))
}

/** A proportion or rate whose every period has its numerator and denominator. */
function chooseCounted(kind: MeasureKind, points: readonly RecommendationPoint[]): Choice {
  return points.length < MIN_CONTROL_CHART_POINTS ? runChoice(points.length) : chooseAttributeChart(kind, points)
}

/** A mean, a count, or a proportion or rate without (all) its numerators and denominators. */
function chooseUncounted(input: RecommendChartInput, declared: boolean, withCounts: number): Choice {
  const { kind } = input
  const values = input.points.filter((point) => isFiniteNumber(point.value))
  if (values.length < MIN_CONTROL_CHART_POINTS) return runChoice(Math.max(values.length, withCounts))
  if (kind === 'count') return chooseCountChart(values)
  if (kind === 'mean') return { chart: 'xmr', reason: MEAN_REASON }
  return { chart: 'xmr', reason: declared ? missingCountsReason(kind, withCounts, values.length) : noCountsReason(kind) }
}

/** P or U, or P′ or U′ when the P (U) chart's own σ_z and share of points outside say overdispersion. */
function chooseAttributeChart(kind: MeasureKind, counts: readonly RecommendationPoint[]): Choice {
  const points = counts.map((point) => ({ period: point.period, numerator: point.numerator, denominator: point.denominator }))
  const proportion = kind === 'proportion'
  const result = proportion ? pChart(points) : uChart(points)
  const dispersion = attributeDispersion(result)
  if (!overdispersed(dispersion)) return proportion ? { chart: 'p', reason: P_REASON } : { chart: 'u', reason: U_REASON }
  const size = wholeNumber(mean(counts.map((point) => point.denominator as number)))
  const times = dispersion.sigmaZ.toFixed(1)
  const flagged = `${dispersion.outside} of ${dispersion.total} points`
  return proportion
    ? { chart: 'pp', reason: `With about ${size} cases a period, the percentages vary ${times} times as much as chance alone would make them, so an ordinary P chart would flag ${flagged} as unusual; the P′ chart widens its limits to match the real variation.` }
    : { chart: 'up', reason: `With about ${size} units of exposure a period, the rates vary ${times} times as much as chance alone would make them, so an ordinary U chart would flag ${flagged} as unusual; the U′ chart widens its limits to match the real variation.` }
}

/** C, or XmR when the counts are not whole numbers or vary far more than a Poisson count would. */
function chooseCountChart(values: readonly RecommendationPoint[]): Choice {
  if (!values.every((point) => Number.isInteger(point.value) && (point.value as number) >= 0)) {
    return { chart: 'xmr', reason: 'An XmR chart is recommended because some values are not whole counts of zero or more, which a C chart needs.' }
  }
  const dispersion = countDispersion(cChart(values.map((point) => ({ period: point.period, value: point.value }))))
  if (!overdispersed(dispersion)) return { chart: 'c', reason: C_REASON }
  return {
    chart: 'xmr',
    reason: `The counts vary ${dispersion.sigmaZ.toFixed(1)} times as much as chance alone would make them, so a C chart would flag ${dispersion.outside} of ${dispersion.total} points as unusual; an XmR chart sets its limits from the real variation instead.`,
  }
}

function overdispersed(dispersion: Dispersion): boolean {
  return dispersion.total > 0 && dispersion.sigmaZ > OVERDISPERSION_SIGMA_Z && dispersion.outside / dispersion.total >= OVERDISPERSION_OUTSIDE_SHARE
}

/** σ_z as the P or U chart reports it (mdc profile: moving ranges screened), and its points outside. */
function attributeDispersion(result: AttributeResult): Dispersion {
  return { sigmaZ: result.segments[0]?.sigmaZ ?? 0, outside: outsideCount(result), total: result.points.length }
}

/**
 * A C chart has no σ_z of its own: Laney's σ_z of its z-scores (c − c̄)/√c̄ in time order, screened
 * as for P′, which is what a U chart with every exposure 1 would report.
 */
function countDispersion(result: AttributeResult): Dispersion {
  const z = result.points.map((point) => (point.sigma > 0 ? (point.value - point.centre) / point.sigma : 0))
  return { sigmaZ: laneySigmaZ(z, true), outside: outsideCount(result), total: result.points.length }
}

function outsideCount(result: AttributeResult): number {
  return result.points.filter((point) => point.rule === 'outside_limits').length
}

/** A numerator and a positive denominator (the chart itself leaves out, with a warning, counts it cannot draw). */
function hasCounts(point: RecommendationPoint): boolean {
  return isFiniteNumber(point.numerator) && isFiniteNumber(point.denominator) && point.denominator > 0
}

function runChoice(usable: number): Choice {
  const periods = usable === 1 ? '1 period has' : `${usable} periods have`
  return {
    chart: 'run',
    reason: `Only ${periods} data, too few for reliable control limits (they need at least ${MIN_CONTROL_CHART_POINTS}), so a run chart around the median is the safer start.`,
  }
}

const MEAN_REASON = 'An XmR chart suits an average, because it sets its limits from how much the values actually vary from one period to the next.'
const P_REASON = "A P chart suits a percentage recorded with its numerators and denominators, because it sets each period's limits from that period's denominator, so periods with fewer cases get wider limits."
const U_REASON = "A U chart suits a rate recorded with its event counts and exposure, because it sets each period's limits from that period's exposure, so periods with less exposure get wider limits."
const C_REASON = 'A C chart suits a count of events in periods of similar size, because it sets its limits from the average count, as chance alone would spread the counts.'

function noCountsReason(kind: MeasureKind): string {
  return kind === 'proportion'
    ? 'An XmR chart is recommended because the numerators and denominators are not recorded, and it needs only the percentages, setting its limits from how much they vary from one period to the next.'
    : 'An XmR chart is recommended because the event counts and exposure (such as bed days) are not recorded, and it needs only the rates, setting its limits from how much they vary from one period to the next.'
}

function missingCountsReason(kind: MeasureKind, counted: number, total: number): string {
  const [chart, what] = kind === 'proportion' ? ['P', 'percentages'] : ['U', 'rates']
  return `An XmR chart is recommended because only ${counted} of ${total} periods have both a numerator and a denominator, which a ${chart} chart needs for every period, while the XmR chart needs only the ${what} themselves.`
}

function isFiniteNumber(value: number | null): value is number {
  return typeof value === 'number' && Number.isFinite(value)
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length
}

/** 279398.5 → "279,399": rounded, with thousands separators, the same in every locale. */
function wholeNumber(value: number): string {
  return String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}
