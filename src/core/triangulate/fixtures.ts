/**
 * Typed builders of triangulation inputs for tests (hand-built control charts, funnel units,
 * signals and excerpts). Pure; used only by the `*.test.ts` files of this folder.
 */
import type { FunnelUnit } from '../compare/funnel-types.ts'
import type { Direction } from '../model.ts'
import { addDays } from '../period.ts'
import type { ControlChartResult } from '../spc/control-chart.ts'
import type { PointType, Rule, SpcPoint } from '../spc/types.ts'
import { signalKey } from './signal-key.ts'
import type { ExcerptEvidence, Signal, ThemeNode, TriangulationMeasure } from './types.ts'

/** `.` common cause; otherwise `type:rule`, e.g. `concern:outside_limits`. */
export type PointSpec = '.' | `${Exclude<PointType, 'common_cause'>}:${Rule}`

/** A weekly chart from 2024-01-01 whose points have the given types and rules (values on the matching side of a centre of 50). */
export function handChart(direction: Direction, specs: readonly PointSpec[], start = '2024-01-01', stepDays = 7): ControlChartResult {
  const points: SpcPoint[] = specs.map((spec, i) => {
    const [type, rule] = spec === '.' ? (['common_cause', null] as const) : (spec.split(':') as [PointType, Rule])
    const high = type === 'neutral_high' || (type === 'improvement') === (direction !== 'decrease')
    const value = type === 'common_cause' ? 50 + (i % 2) : high ? 60 : 40
    return { period: addDays(start, i * stepDays), value, segment: 0, centre: 50, upper: 58, lower: 42, rule, type, excluded: null }
  })
  return { chart: 'xmr', direction, target: null, segments: [], points, variation: points.at(-1)?.type ?? null, assurance: null, issues: [] }
}

/** `n` common-cause points. */
export const calm = (n: number): PointSpec[] => Array.from({ length: n }, () => '.' as const)

export const BP_CONTROL: TriangulationMeasure = { code: 'bp-control', name: 'blood pressure controlled to target', direction: 'increase' }
export const BP_RECORDED: TriangulationMeasure = { code: 'bp-recorded', name: 'blood pressure recorded in the last 12 months', direction: 'increase' }
export const GP_WAIT: TriangulationMeasure = { code: 'gp-wait-days', name: 'days to a routine GP appointment', direction: 'neutral' }

export const SITE_NAMES: Readonly<Record<string, string>> = { eastgate: 'Eastgate Medical Practice', northfield: 'Northfield Surgery', westbrook: 'Westbrook Health Centre' }

/** Access (1) with child Appointment times (2); Language (3); Pharmacy (4). */
export const THEMES: readonly ThemeNode[] = [
  { id: 1, name: 'Access', parentId: null },
  { id: 2, name: 'Appointment times', parentId: 1 },
  { id: 3, name: 'Language and information', parentId: null },
  { id: 4, name: 'Pharmacy and medicines', parentId: null },
]

export function funnelUnit(unit: string, overrides: Partial<FunnelUnit> = {}): FunnelUnit {
  return { unit, numerator: 60, denominator: 100, value: 0.6, z: 0, lower95: 0.5, upper95: 0.7, lower998: 0.45, upper998: 0.75, position: 'within', position95: 'within', signal: null, ...overrides }
}

/** A measure signal (special cause, concern, strength 0.8, at Eastgate for all people) with any part changed. */
export function signal(overrides: Partial<Signal> = {}): Signal {
  const base: Omit<Signal, 'key'> = {
    kind: 'special_cause',
    leaning: 'concern',
    side: 'low',
    measure: 'bp-control',
    theme: null,
    site: 'eastgate',
    dimension: null,
    group: null,
    from: '2025-01-06',
    to: '2025-03-03',
    strength: 0.8,
    summary: 'A constructed signal.',
    ...overrides,
  }
  return { key: signalKey(base.kind, base), ...base }
}

/** Excerpts with ids from `firstId`, each with the given sentiment scores; defaults: patients at Eastgate, theme Access, 2025-02-01. */
export function excerpts(firstId: number, sentiments: readonly number[], overrides: Partial<Omit<ExcerptEvidence, 'excerptId' | 'sentiment'>> = {}): ExcerptEvidence[] {
  return sentiments.map((sentiment, i) => ({ excerptId: firstId + i, themeId: 1, source: 'patients', site: 'eastgate', groups: {}, date: '2025-02-01', sentiment, ...overrides }))
}

/** `n` negative (−2) sentiment scores. */
export const negatives = (n: number): number[] => Array.from({ length: n }, () => -2)
/** `n` positive (+2) sentiment scores. */
export const positives = (n: number): number[] => Array.from({ length: n }, () => 2)
