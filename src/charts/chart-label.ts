/** What each kind of chart is called in legends and text alternatives. */
import type { ControlChartKind } from '../core/spc/control-chart.ts'

const LABELS: Readonly<Record<ControlChartKind | 'run', string>> = {
  xmr: 'XmR chart',
  p: 'P chart (proportions)',
  p_prime: 'P′ chart (Laney)',
  u: 'U chart (rates)',
  u_prime: 'U′ chart (Laney)',
  c: 'C chart (counts)',
  g: 'G chart (cases between events)',
  t: 'T chart (time between events)',
  run: 'Run chart',
}

/** "P chart (proportions)", "P′ chart (Laney)", "XmR chart", "Run chart"…; throws on an unknown kind. */
export function chartLabel(kind: ControlChartKind | 'run'): string {
  const label = LABELS[kind] as string | undefined
  if (label === undefined) throw new Error(`invalid chart kind: ${JSON.stringify(kind)} (expected one of ${Object.keys(LABELS).join(', ')})`)
  return label
}

/** The centre line's name: the G chart centres on the median, the others on an average (T: of the transformed times). */
export function centreName(kind: ControlChartKind): 'average' | 'median' {
  return kind === 'g' ? 'median' : 'average'
}
