/** A surge or fall in how often a theme comes up, and a shift in its sentiment, as signals. @see docs/methods/triangulation.md */
import type { ControlChartResult } from '../spc/control-chart.ts'
import { signalKey } from './signal-key.ts'
import { specialCauseRun } from './special-cause-run.ts'
import type { Signal, TriangulationSite } from './types.ts'

export interface ThemeTrendInput {
  readonly theme: { readonly id: number; readonly name: string }
  /** Chart of the theme's coded excerpts per period (P or C chart), or of their mean sentiment. */
  readonly chart: ControlChartResult
  /** Default: the whole organisation. */
  readonly site?: TriangulationSite
  readonly recent?: number
}

const place = (site: TriangulationSite | undefined) => (site === undefined ? 'across the organisation' : `at ${site.name}`)

/** At most one `theme_surge` signal: a surge (or fall) is noted, so its leaning is always neutral. */
export function signalsFromThemeTrend(input: ThemeTrendInput): Signal[] {
  const { theme, chart, site, recent } = input
  const run = specialCauseRun(chart, recent)
  if (!run) return []
  const parts = { measure: null, theme: theme.id, site: site?.code ?? null, dimension: null, group: null }
  const change = run.side === 'high' ? 'a surge' : 'a fall'
  return [
    {
      key: signalKey('theme_surge', parts),
      kind: 'theme_surge',
      leaning: 'neutral',
      side: run.side,
      ...parts,
      from: run.from,
      to: run.to,
      strength: run.strength,
      summary: `Comments coded "${theme.name}" ${place(site)}: ${change}, ${run.phrase}.`,
    },
  ]
}

/**
 * At most one `sentiment_shift` signal from a chart of a theme's mean sentiment per period drawn
 * with direction `increase` (more positive is better): its leaning comes from the point types.
 */
export function signalsFromSentimentTrend(input: ThemeTrendInput): Signal[] {
  const { theme, chart, site, recent } = input
  if (chart.direction !== 'increase') throw new Error(`sentiment chart direction "${chart.direction}" (expected "increase": more positive is better)`)
  const run = specialCauseRun(chart, recent)
  if (!run) return []
  const parts = { measure: null, theme: theme.id, site: site?.code ?? null, dimension: null, group: null }
  const change = run.side === 'high' ? 'more positive' : 'more negative'
  return [
    {
      key: signalKey('sentiment_shift', parts),
      kind: 'sentiment_shift',
      leaning: run.leaning,
      side: run.side,
      ...parts,
      from: run.from,
      to: run.to,
      strength: run.strength,
      summary: `Comments coded "${theme.name}" ${place(site)} have become ${change}: ${run.phrase} (${run.leaning}).`,
    },
  ]
}
