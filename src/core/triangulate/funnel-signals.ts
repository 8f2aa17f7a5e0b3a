/** Sites outside a funnel plot's limits as signals. @see docs/methods/triangulation.md */
import { funnelSignal } from '../compare/funnel-position.ts'
import type { FunnelPosition, FunnelSignal, FunnelUnit } from '../compare/funnel-types.ts'
import { FUNNEL_95_STRENGTH, Z_998 } from './defaults.ts'
import { signalKey } from './signal-key.ts'
import type { Leaning, Signal, TriangulationMeasure } from './types.ts'
import { defaultGroupLabel, seriesSubject } from './wording.ts'

export interface FunnelSignalInput {
  readonly measure: TriangulationMeasure
  /** The units of a core/compare funnel result; each unit is a site code. */
  readonly units: readonly FunnelUnit[]
  /** ISO range of the window the funnel summed (e.g. the latest 13 periods). */
  readonly from: string
  readonly to: string
  /** Site code → name for the summaries; the code when missing. */
  readonly siteNames?: Readonly<Record<string, string>>
  /** A funnel of one community group across sites; both null (default) for all people. */
  readonly dimension?: string | null
  readonly group?: string | null
  readonly groupLabel?: string
}

const LEANING: Readonly<Record<FunnelSignal, Leaning>> = {
  'possible excellence': 'improvement',
  'possible concern': 'concern',
  'higher than expected': 'neutral',
  'lower than expected': 'neutral',
}

/**
 * One `funnel_outlier` signal per unit outside the 99.8% limits (strength 0.5 at the limit, rising
 * to 1 at twice its z) or, weaker, outside only the 95% limits (strength 0.2). Units within both
 * give nothing. The leaning comes from core/compare `funnelSignal` and the measure's direction.
 */
export function signalsFromFunnel(input: FunnelSignalInput): Signal[] {
  const { measure, units, from, to, siteNames = {}, dimension = null, group = null } = input
  const label = dimension === null || group === null ? null : (input.groupLabel ?? defaultGroupLabel(dimension, group))
  const signals: Signal[] = []
  for (const unit of [...units].sort((a, b) => (a.unit < b.unit ? -1 : a.unit > b.unit ? 1 : 0))) {
    const outlier = unit.position !== 'within'
    const position: FunnelPosition = outlier ? unit.position : unit.position95
    const reading = funnelSignal(position, measure.direction)
    if (reading === null) continue
    const parts = { measure: measure.code, theme: null, site: unit.unit, dimension: label === null ? null : dimension, group: label === null ? null : group }
    const level = outlier ? 'outside the 99.8% funnel limits' : 'outside the 95% funnel limits but within the 99.8% limits'
    const compared = position === 'above' ? 'higher' : 'lower'
    const subject = seriesSubject(measure.name, siteNames[unit.unit] ?? unit.unit, label)
    signals.push({
      key: signalKey('funnel_outlier', parts),
      kind: 'funnel_outlier',
      leaning: LEANING[reading],
      side: position === 'above' ? 'high' : 'low',
      ...parts,
      from,
      to,
      strength: outlier ? outlierStrength(unit.z) : FUNNEL_95_STRENGTH,
      summary: `${subject}, ${from} to ${to}: ${compared} than the other sites, ${level} (${reading}${outlier ? '' : ', weak'}).`,
    })
  }
  return signals
}

/** 0.5 at the 99.8% limit (|z| = 3.09), 1 at twice that; never below 0.5 for a unit outside the limits. */
function outlierStrength(z: number): number {
  return Math.min(1, Math.max(0.5, 0.5 + (0.5 * (Math.abs(z) - Z_998)) / Z_998))
}
