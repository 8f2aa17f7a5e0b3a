/** The example charts of the gallery (src/charts/__gallery__), built with spcFixture. */
import type { SpcResult } from '../core/spc/types.ts'
import type { ValueFormat } from './format-value.ts'
import { spcFixture } from './fixtures.ts'

export interface GalleryExample {
  readonly name: string
  readonly title: string
  readonly valueFormat: ValueFormat
  readonly unit?: string
  readonly result: SpcResult
}

/** Deterministic noise in [-1, 1] (a linear congruential generator), so fixtures read like real data. */
function noise(count: number, seed: number): number[] {
  let state = seed >>> 0
  return Array.from({ length: count }, () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0
    return (state / 2 ** 32) * 2 - 1
  })
}

function series(count: number, level: number, spread: number, seed: number, digits = 3): number[] {
  return noise(count, seed).map((e) => Number((level + e * spread).toFixed(digits)))
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
]
