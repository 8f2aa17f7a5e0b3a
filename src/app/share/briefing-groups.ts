/**
 * Who the headline measure reaches: its latest period at each practice, for each group of one
 * community-group dimension (ethnic group by default) with the practice's total. Published as one
 * table with its totals, so outside the organisation a small group shows "*" and cannot be worked
 * out from the total beside it.
 */
import type { BriefingBlock } from '../../reports/model.ts'
import { listPeriods, sumWindow } from '../../storage/observations.ts'
import { listSites } from '../../storage/sites.ts'
import { listProgrammeMeasures, type MeasureRow } from '../catalogue.ts'
import type { BriefingContext, CountCell } from './briefing-context.ts'
import { dateText } from './briefing-format.ts'

export const GROUP_TABLE_DIMENSION = 'ethnicity'

/** The programme's first outcome measure with counts (the headline), or its first measure with counts. */
export async function headlineMeasure(ctx: BriefingContext): Promise<MeasureRow | undefined> {
  const measures = (await listProgrammeMeasures(ctx.deps, ctx.scope)).filter((m) => m.kind === 'proportion' || m.kind === 'rate')
  return measures.find((m) => m.type === 'outcome') ?? measures[0]
}

/** The table, or null when the measure has no counts by that dimension at any practice. */
export async function groupsByPracticeTable(ctx: BriefingContext, measure: MeasureRow, dimension = GROUP_TABLE_DIMENSION): Promise<BriefingBlock | null> {
  const db = ctx.deps.store.db
  const org = ctx.scope.organisation.id
  const latest = (await listPeriods(db, org, measure.id)).at(-1)
  if (latest === undefined) return null
  const window = { from: latest, to: latest }
  const [byGroup, sites] = await Promise.all([sumWindow(db, org, measure.id, { ...window, dimension }), listSites(db, org)])
  const practices = sites.filter((s) => s.kind === 'practice' && byGroup.some((r) => r.siteId === s.id))
  if (practices.length === 0) return null
  const groups = [...new Set(byGroup.map((r) => r.group))].sort(groupOrder)
  const cells: CountCell[] = []
  for (const site of practices) {
    for (const part of ['n', 'd'] as const) {
      const children = groups.flatMap((g) => {
        const row = byGroup.find((r) => r.siteId === site.id && r.group === g)
        if (!row) return []
        const id = `${site.code}|${g}|${part}`
        cells.push({ id, value: part === 'n' ? row.numerator : row.denominator })
        return [id]
      })
      // The total is the sum of the groups shown, so it is exactly the total that could give a hidden group away.
      const total = children.reduce((sum, id) => sum + (cells.find((c) => c.id === id)?.value ?? 0), 0)
      cells.push({ id: `${site.code}||${part}`, value: total, childIds: children })
    }
  }
  const published = ctx.publisher.counts(cells)
  const cellText = (site: string, group: string): string => {
    const n = published.get(`${site}|${group}|n`)
    const d = published.get(`${site}|${group}|d`)
    if (!n || !d) return '–'
    if (n.value === null && d.value === null) return '*'
    const rate = ctx.publisher.rate(n.value, d.value)
    return `${n.text} of ${d.text}${rate === null ? '' : ` (${Math.round(rate * 100)}%)`}`
  }
  return {
    kind: 'table',
    table: {
      caption: `${sentenceCase(measure.name)} by ${dimension === 'ethnicity' ? 'ethnic group' : dimension} at each practice, ${measure.period} beginning ${dateText(latest)}. Each cell: how many people met the measure, of how many, and the percentage.`,
      columns: ['Practice', ...groups, 'All groups'],
      rows: practices.map((s) => [s.name, ...groups.map((g) => cellText(s.code, g)), cellText(s.code, '')]),
      numeric: [false, ...groups.map(() => true), true],
    },
  }
}

function sentenceCase(text: string): string {
  return text.length === 0 ? text : `${text[0]!.toUpperCase()}${text.slice(1)}`
}

/** "Not stated" last, the rest alphabetically. */
function groupOrder(a: string, b: string): number {
  if ((a === 'Not stated') !== (b === 'Not stated')) return a === 'Not stated' ? 1 : -1
  return a.localeCompare(b, 'en-GB', { numeric: true })
}
