/** The example charts of the gallery (src/charts/__gallery__): XmR built with spcFixture, P and P′ by the core. */
import { addPeriods } from '../core/period.ts'
import type { ControlChartResult } from '../core/spc/control-chart.ts'
import { pChart, pPrimeChart } from '../core/spc/p-chart.ts'
import { runChart, type RunChartResult } from '../core/spc/run-chart.ts'
import type { ChartAnnotation } from './chart-notes.ts'
import type { ValueFormat } from './format-value.ts'
import { spcFixture } from './fixtures.ts'

export interface GalleryExample {
  readonly name: string
  readonly title: string
  readonly valueFormat: ValueFormat
  readonly unit?: string
  readonly result: ControlChartResult
}

/** Deterministic noise in [-1, 1] (a linear congruential generator), so fixtures read like real data. */
export function noise(count: number, seed: number): number[] {
  let state = seed >>> 0
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    return (state / 2 ** 32) * 2 - 1
  })
}

function series(count: number, level: number, spread: number, seed: number, digits = 3): number[] {
  return noise(count, seed).map((e) => Number((level + e * spread).toFixed(digits)))
}

/** Monthly counts from `start`: denominators around `size` (±35%), numerators near `rate` of them plus `drift` per month. */
function counts(start: string, months: number, size: number, rate: number, seed: number, drift = 0): { period: string; numerator: number; denominator: number }[] {
  const sizes = noise(months, seed)
  const errors = noise(months, seed + 1)
  return sizes.map((e, i) => {
    const denominator = Math.round(size * (1 + 0.35 * e))
    const p = rate + drift * i + errors[i]! * Math.sqrt((rate * (1 - rate)) / denominator) * 1.2
    return { period: addPeriods(start, 'month', i), numerator: Math.max(0, Math.round(p * denominator)), denominator }
  })
}

export const GALLERY: readonly GalleryExample[] = [
  {
    name: 'improvement-shift',
    title: 'Patients with blood pressure controlled',
    valueFormat: 'percent',
    result: spcFixture({
      start: '2025-04-07',
      unit: 'week',
      segments: [{ values: [...series(23, 0.62, 0.025, 11), ...series(9, 0.652, 0.008, 12)], marks: [{ from: 23, to: 31, rule: 'shift' }] }],
    }),
  },
  {
    name: 'concern-outside-limits',
    title: 'Inpatient falls per 1,000 bed days',
    valueFormat: 'decimal1',
    result: spcFixture({
      start: '2023-11-01',
      unit: 'month',
      direction: 'decrease',
      segments: [{ values: [...series(23, 6.2, 0.9, 21, 1), 9.4] }],
    }),
  },
  {
    name: 'rebase-two-segments',
    title: 'Eligible patients started on a statin',
    valueFormat: 'percent',
    result: spcFixture({
      start: '2024-12-02',
      unit: 'week',
      target: 0.7,
      segments: [
        { values: series(26, 0.55, 0.03, 31), excluded: { 12: 'data extract incomplete' } },
        { values: series(24, 0.64, 0.02, 32), reason: 'New guideline' },
      ],
    }),
  },
  {
    name: 'trial-limits',
    title: 'Referrals to the social prescribing service',
    valueFormat: 'number',
    unit: 'referrals',
    result: spcFixture({ start: '2025-09-01', unit: 'week', segments: [{ values: series(9, 42, 8, 41, 0) }] }),
  },
  {
    name: 'target-hit-or-miss',
    title: 'Discharges before midday',
    valueFormat: 'percent',
    result: spcFixture({ start: '2024-01-01', unit: 'month', target: 0.33, segments: [{ values: series(22, 0.31, 0.04, 51) }] }),
  },
  {
    name: 'p-chart-stepped-limits',
    title: 'Emergency admissions readmitted within 30 days',
    valueFormat: 'percent',
    result: pChart(
      [...counts('2023-07-01', 23, 160, 0.12, 61), { period: '2025-06-01', numerator: 33, denominator: 140 }],
      { direction: 'decrease' },
    ),
  },
  {
    name: 'p-prime-chart',
    title: 'Patients with diabetes who had all eight care processes',
    valueFormat: 'percent',
    result: pPrimeChart(
      counts('2023-04-01', 30, 9000, 0.55, 71).map((c, i) => ({ ...c, numerator: c.numerator + Math.round(c.denominator * (0.012 * Math.sin(i * 1.7) + (i >= 22 ? 0.03 : 0))) })),
      { target: 0.6 },
    ),
  },
]

/** An XmR chart with two notes: a dip the month of a flood, and a new clinic the month after a rebase (its marker beside the rebase label). */
export const ANNOTATED_EXAMPLE: GalleryExample & { readonly annotations: readonly ChartAnnotation[] } = {
  name: 'annotations-near-rebase',
  title: 'Patients seen within two weeks of booking',
  valueFormat: 'percent',
  result: spcFixture({
    start: '2023-04-01',
    unit: 'month',
    segments: [
      { values: series(18, 0.71, 0.025, 91).map((v, i) => (i === 10 ? 0.58 : v)) },
      { values: series(14, 0.78, 0.02, 92), reason: 'New appointment system' },
    ],
  }),
  annotations: [
    { date: '2024-11-01', text: 'Evening clinic started' },
    { date: '2024-02-01', text: 'Practice closed for two weeks after a flood, patients seen at the neighbouring practice' },
  ],
}

export interface RunGalleryExample {
  readonly name: string
  readonly title: string
  readonly valueFormat: ValueFormat
  readonly unit?: string
  readonly result: RunChartResult
}

/** Run charts by the core: a rebase, an excluded week, and an unusually long run after a change. */
export const RUN_GALLERY: readonly RunGalleryExample[] = [
  {
    name: 'run-chart-long-run',
    title: 'Median wait from referral to first appointment',
    valueFormat: 'decimal1',
    unit: 'days',
    result: runChart(
      [...series(16, 31, 4, 81, 1), ...series(12, 27, 3.5, 84, 1), ...series(9, 22.5, 1.5, 83, 1)].map((value, i) => ({
        period: addPeriods('2025-01-06', 'week', i),
        value,
        ...(i === 5 ? { excluded: 'clinic closed for a week' } : {}),
      })),
      { rebases: [{ date: addPeriods('2025-01-06', 'week', 16), reason: 'New triage process' }] },
    ),
  },
]
