/**
 * Differences between community groups over a window as signals: a group whose 95% interval for
 * the difference from the reference group excludes zero (core/compare `groupDifferences`), not
 * the reference itself, not "not stated", not small. Leaning from the measure's direction: a group
 * doing better than the reference leans improvement, worse leans concern. Strength grows with how
 * far the interval sits from zero: 0.3 when it just excludes zero, 1 when zero is three half-widths
 * away. @see docs/methods/triangulation.md
 */
import type { GroupDifferences } from '../compare/group-differences.ts'
import { signalKey } from './signal-key.ts'
import type { Leaning, Signal, TriangulationMeasure, TriangulationSite } from './types.ts'
import { defaultGroupLabel, leaningTag } from './wording.ts'

export interface GroupSignalInput {
  readonly measure: TriangulationMeasure
  readonly site: TriangulationSite
  readonly dimension: string
  readonly differences: GroupDifferences
  readonly from: string
  readonly to: string
  readonly groupLabel?: (dimension: string, group: string) => string
  /** Shown as values: 100 for proportions (percentage points), the rate multiplier for rates. */
  readonly scale?: number
}

export function signalsFromGroupDifferences(input: GroupSignalInput): Signal[] {
  const { measure, site, dimension, differences } = input
  const label = (group: string) => (input.groupLabel ?? defaultGroupLabel)(dimension, group)
  const scale = input.scale ?? 1
  const signals: Signal[] = []
  for (const g of differences.groups) {
    const d = g.difference
    if (g.isReference || g.notStated || g.small || d === undefined || (d.lower <= 0 && d.upper >= 0)) continue
    const side = d.estimate > 0 ? 'high' : 'low'
    const leaning: Leaning = measure.direction === 'neutral' ? 'neutral' : (side === 'high') === (measure.direction === 'increase') ? 'improvement' : 'concern'
    const halfWidth = Math.max((d.upper - d.lower) / 2, Number.EPSILON)
    const distance = Math.min(Math.abs(d.lower), Math.abs(d.upper)) / halfWidth
    const strength = Math.round(Math.min(1, 0.3 + (0.7 * distance) / 3) * 1000) / 1000
    const parts = { measure: measure.code, theme: null, site: site.code, dimension, group: g.group }
    const size = Math.abs(d.estimate * scale)
    const unit = scale === 100 ? ' percentage points' : ''
    signals.push({
      key: signalKey('group_difference', parts),
      kind: 'group_difference',
      leaning,
      side,
      ...parts,
      from: input.from,
      to: input.to,
      strength,
      reference: label(differences.reference),
      summary: `${measure.name} at ${site.name} is ${Math.round(size * 10) / 10}${unit} ${side === 'high' ? 'higher' : 'lower'} in ${label(g.group)} than in ${label(differences.reference)} from ${input.from} to ${input.to} (95% interval of the difference excludes zero) ${leaningTag(leaning)}.`,
    })
  }
  return signals
}
