/**
 * The board's view at a glance: every measure's latest value with its icons, and the summary icon
 * matrix (all people and each deprivation quintile). Outside the organisation every series is
 * published first and its icons are worked out on what is published.
 */
import { assuranceLabel, variationIconSvg, variationLabel } from '../../charts/index.ts'
import type { SpcResult } from '../../core/spc/types.ts'
import type { BriefingBlock, BriefingMatrix } from '../../reports/model.ts'
import { getProgrammeOverview, MATRIX_DIMENSION, MATRIX_GROUPS, summaryOf, type MeasureSummary, type ProgrammeOverview, type SeriesSummary } from '../analyse/programme-overview.ts'
import { analyseSeries, exclusionsOf } from '../analyse/get-series.ts'
import { readSeries } from '../../storage/observations.ts'
import { listPointNotes } from '../../storage/point-notes.ts'
import { listRebases } from '../../storage/rebases.ts'
import type { MeasureRow } from '../catalogue.ts'
import { publishedSpc, publishRows } from './briefing-chart.ts'
import type { BriefingContext } from './briefing-context.ts'
import { dateText, measureValueText } from './briefing-format.ts'

const MATRIX_COLUMNS = ['All people', 'Quintile 1 (most deprived)', 'Quintile 2', 'Quintile 3', 'Quintile 4', 'Quintile 5 (least deprived)']

/**
 * The overview with every series as it may be printed for the context's audience, worked out from
 * the series' current data (a briefing is never printed from a result new data has overtaken).
 */
export async function publishedOverview(ctx: BriefingContext): Promise<ProgrammeOverview> {
  const overview = await getProgrammeOverview(ctx.deps, ctx.scope.organisation.code, ctx.scope.programme.code)
  const db = ctx.deps.store.db
  const org = ctx.scope.organisation.id
  const siteId = overview.site.id
  const now = ctx.deps.clock()
  const measures = await Promise.all(
    overview.measures.map(async (m): Promise<MeasureSummary> => {
      const [rebases, notes] = await Promise.all([listRebases(db, org, m.measure.id, siteId), listPointNotes(db, org, m.measure.id, [siteId])])
      const exclusions = exclusionsOf(notes, siteId)
      const series = async (dimension: string, group: string): Promise<{ spc: SpcResult; summary: SeriesSummary }> => {
        const rows = await readSeries(db, org, { measureId: m.measure.id, siteId, dimension, group })
        let spc: SpcResult
        let latest: SeriesSummary['latest']
        if (ctx.publisher.audience === 'internal') {
          spc = analyseSeries(m.measure, rows, rebases, { exclusions })
          latest = summaryOf(spc).latest
        } else {
          // Only what may be printed stays: NaN marks a suppressed latest value (printed "*").
          const published = publishRows(m.measure, rows, ctx.publisher)
          spc = publishedSpc({ measure: m.measure, rows, rebases, exclusions }, published)
          const last = published.at(-1)
          latest = last === undefined ? null : { period: last.period, value: last.value ?? Number.NaN }
        }
        return { spc, summary: { latest, variation: spc.variation, assurance: spc.assurance, stale: false, computedAt: now } }
      }
      const [overall, ...byGroup] = await Promise.all([series('', ''), ...[...m.groups.keys()].map((g) => series(MATRIX_DIMENSION, g))])
      const groups = new Map([...m.groups.keys()].map((g, i) => [g, (byGroup[i] as { summary: SeriesSummary }).summary]))
      return { measure: m.measure, spc: overall?.spc ?? null, spcKey: null, ...(overall as { summary: SeriesSummary }).summary, groups }
    }),
  )
  return { ...overview, measures, staleSeries: 0 }
}

/** One row per measure: the latest published value, its target, and what the icons say. */
export function headlineTable(overview: ProgrammeOverview): BriefingBlock {
  const rows = overview.measures.map(({ measure, latest: last, variation, assurance }) => {
    const value = last === null ? 'No data' : measureValueText(Number.isNaN(last.value) ? null : last.value, measure.kind, measure.unit)
    return [measure.name, last ? dateText(last.period) : '–', value, measure.target === null ? 'None' : measureValueText(measure.target, measure.kind, measure.unit), variationLabel(variation, measure.direction), measure.target === null ? 'No target set' : assuranceLabel(assurance)]
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
      cells: [matrixCell(m.measure, m, `m-${m.measure.code}-all`), ...MATRIX_GROUPS.map((g) => groupCell(m.measure, m.groups.get(g), `m-${m.measure.code}-${g}`))],
    })),
  }
}

function groupCell(measure: MeasureRow, summary: SeriesSummary | undefined, id: string): { svg: string; label: string } {
  if (summary === undefined) return { svg: variationIconSvg(null, measure.direction, { size: 36, id }), label: 'No data for this group' }
  return matrixCell(measure, summary, id)
}

function matrixCell(measure: MeasureRow, summary: SeriesSummary, id: string): { svg: string; label: string } {
  const variation = variationLabel(summary.variation, measure.direction)
  const label = measure.target === null ? variation : `${variation}; ${assuranceLabel(summary.assurance).toLowerCase()}`
  return { svg: variationIconSvg(summary.variation, measure.direction, { size: 36, id }), label }
}
