/**
 * The board's view at a glance: every measure's latest value with its icons, and the summary icon
 * matrix (all people and each deprivation quintile). Outside the organisation every series is
 * published first and its icons are worked out on what is published.
 */
import { assuranceLabel, variationIconSvg, variationLabel } from '../../charts/index.ts'
import type { SpcResult } from '../../core/spc/types.ts'
import type { BriefingBlock, BriefingMatrix } from '../../reports/model.ts'
import { getProgrammeOverview, MATRIX_GROUPS, type ProgrammeOverview, type SeriesSummary } from '../analyse/programme-overview.ts'
import { exclusionsOf } from '../analyse/get-series.ts'
import { listPointNotes } from '../../storage/point-notes.ts'
import { listRebases } from '../../storage/rebases.ts'
import type { MeasureRow } from '../catalogue.ts'
import { publishedSpc, publishRows } from './briefing-chart.ts'
import type { BriefingContext } from './briefing-context.ts'
import { dateText, measureValueText } from './briefing-format.ts'

const MATRIX_COLUMNS = ['All people', 'Quintile 1 (most deprived)', 'Quintile 2', 'Quintile 3', 'Quintile 4', 'Quintile 5 (least deprived)']

/** The overview with every series as it may be printed for the context's audience. */
export async function publishedOverview(ctx: BriefingContext): Promise<ProgrammeOverview> {
  const overview = await getProgrammeOverview(ctx.deps, ctx.scope.organisation.code, ctx.scope.programme.code)
  if (ctx.publisher.audience === 'internal') return overview
  const org = ctx.scope.organisation.id
  const measures = await Promise.all(
    overview.measures.map(async (m) => {
      const [rebases, notes] = await Promise.all([listRebases(ctx.deps.store.db, org, m.measure.id, overview.site.id), listPointNotes(ctx.deps.store.db, org, m.measure.id, [overview.site.id])])
      const exclusions = exclusionsOf(notes, overview.site.id)
      const publish = (s: SeriesSummary): SeriesSummary => {
        const published = publishRows(m.measure, s.rows, ctx.publisher)
        // Only what may be printed stays: no exact counts, and NaN marks a suppressed value (printed "*").
        const rows = s.rows.map((r, i) => ({ period: r.period, numerator: null, denominator: null, value: published[i]?.value ?? Number.NaN }))
        return { rows, spc: publishedSpc({ measure: m.measure, rows: s.rows, rebases, exclusions }, published) }
      }
      return { ...m, ...publish(m), groups: new Map([...m.groups].map(([g, s]) => [g, publish(s)])) }
    }),
  )
  return { ...overview, measures }
}

/** One row per measure: the latest published value, its target, and what the icons say. */
export function headlineTable(overview: ProgrammeOverview): BriefingBlock {
  const rows = overview.measures.map(({ measure, spc, rows: data }) => {
    const last = data.at(-1)
    const value = last === undefined ? 'No data' : measureValueText(Number.isNaN(last.value) ? null : last.value, measure.kind, measure.unit)
    return [measure.name, last ? dateText(last.period) : '–', value, measure.target === null ? 'None' : measureValueText(measure.target, measure.kind, measure.unit), variationLabel(spc.variation, spc.direction), measure.target === null ? 'No target set' : assuranceLabel(spc.assurance)]
  })
  return {
    kind: 'table',
    table: {
      caption: `Every measure for the whole of ${overview.scope.organisation.name} and all people: latest value, target, variation and assurance`,
      columns: ['Measure', 'Latest period', 'Latest value', 'Target', 'Variation', 'Assurance'],
      rows,
      numeric: [false, false, true, true, false, false],
    },
  }
}

/** The summary icon matrix: measures down, all people and each quintile across; each cell the variation icon with its words. */
export function summaryMatrix(overview: ProgrammeOverview): BriefingMatrix {
  return {
    kind: 'matrix',
    caption: 'Variation for every measure, for all people and each deprivation quintile (quintile 1 is the most deprived fifth, the Core20 group)',
    columns: MATRIX_COLUMNS,
    rows: overview.measures.map((m) => ({
      label: m.measure.name,
      cells: [matrixCell(m.measure, m.spc, `m-${m.measure.code}-all`), ...MATRIX_GROUPS.map((g) => groupCell(m.measure, m.groups.get(g)?.spc, `m-${m.measure.code}-${g}`))],
    })),
  }
}

function groupCell(measure: MeasureRow, spc: SpcResult | undefined, id: string): { svg: string; label: string } {
  if (spc === undefined) return { svg: variationIconSvg(null, measure.direction, { size: 36, id }), label: 'No data for this group' }
  return matrixCell(measure, spc, id)
}

function matrixCell(measure: MeasureRow, spc: SpcResult, id: string): { svg: string; label: string } {
  const variation = variationLabel(spc.variation, spc.direction)
  const label = measure.target === null ? variation : `${variation}; ${assuranceLabel(spc.assurance).toLowerCase()}`
  return { svg: variationIconSvg(spc.variation, spc.direction, { size: 36, id }), label }
}
