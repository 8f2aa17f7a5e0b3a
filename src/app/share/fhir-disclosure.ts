/**
 * Disclosure control for a FHIR export: each report (one measure × site × period) is a table per
 * number (numerator, denominator, and a count measure's value), one sub-table per community-group
 * dimension whose groups add up to the total. Suppressed numbers become `masked`; published rates
 * are worked out from the published counts. A mean is published only when its denominator is.
 * Limits (docs/methods/fhir.md): totals across sites and across periods are not cross-checked.
 */
import { applyDisclosure, publishedRate, type DisclosurePolicy } from '../../core/disclosure/index.ts'
import type { CellNumber, ExportCell } from '../../core/fhir/index.ts'
import type { Measure, ObservationInput } from '../../core/model.ts'

type Field = 'numerator' | 'denominator' | 'value'

/** The programme's observations as published under `policy`, in the same order. */
export function discloseCells(policy: DisclosurePolicy, measures: ReadonlyMap<string, Measure>, rows: readonly ObservationInput[]): ExportCell[] {
  const out: ExportCell[] = []
  for (const report of byReport(rows)) {
    const measure = measures.get(report[0]?.measure ?? '')
    if (measure === undefined) continue
    const published = new Map<ObservationInput, Record<Field, CellNumber>>(report.map((row) => [row, { numerator: row.numerator, denominator: row.denominator, value: row.value }]))
    const countFields: Field[] = measure.kind === 'count' ? ['value'] : ['numerator', 'denominator']
    for (const field of countFields) {
      const shown = discloseField(policy, report, field)
      for (const row of report) {
        const entry = published.get(row)
        if (entry !== undefined && row[field] !== null) entry[field] = shown.get(row) ?? 'masked'
      }
    }
    for (const row of report) {
      const entry = published.get(row)
      if (entry === undefined) continue
      if (measure.kind === 'proportion' || measure.kind === 'rate') entry.value = rateOf(entry, measure)
      if (measure.kind === 'mean') entry.value = entry.denominator === 'masked' ? 'masked' : row.value
      out.push({ measure: row.measure, period: row.period, site: row.site, dimension: row.dimension, group: row.group, ...entry })
    }
  }
  return out
}

function rateOf(entry: Record<Field, CellNumber>, measure: Measure): CellNumber {
  const { numerator, denominator } = entry
  if (typeof numerator !== 'number' || typeof denominator !== 'number') return 'masked'
  const cell = (value: number) => ({ id: '', value, text: String(value), reason: 'exact' as const })
  const rate = publishedRate(cell(numerator), cell(denominator))
  if (rate === null) return 'masked'
  return measure.kind === 'rate' ? rate * (measure.rateMultiplier ?? 1) : rate
}

/**
 * One number of one report: a table per dimension (the total, listing its groups when they add up
 * to it). A total hidden in any table is hidden; a dimension whose table showed that total with
 * nothing else hidden then has all its groups hidden, so the total cannot be worked out from them.
 */
function discloseField(policy: DisclosurePolicy, report: readonly ObservationInput[], field: Field): Map<ObservationInput, number> {
  const shown = new Map<ObservationInput, number>()
  const total = report.find((r) => r.dimension === null)
  const totalValue = total?.[field]
  const dimensions = new Map<string, ObservationInput[]>()
  for (const row of report) if (row.dimension !== null) dimensions.set(row.dimension, [...(dimensions.get(row.dimension) ?? []), row])
  const isCount = (n: number | null | undefined): n is number => typeof n === 'number' && Number.isInteger(n) && n >= 0
  let totalHidden = total !== undefined && !isCount(totalValue)
  let totalShown: number | undefined
  const alone: string[] = []
  const tables = dimensions.size === 0 && total !== undefined ? [['', []] as [string, ObservationInput[]]] : [...dimensions]
  for (const [dimension, groups] of tables) {
    const counted = groups.filter((g) => isCount(g[field]))
    const adds = isCount(totalValue) && counted.length === groups.length && counted.reduce((s, g) => s + (g[field] as number), 0) === totalValue
    const cells = [
      ...(isCount(totalValue) ? [{ id: 'total', value: totalValue, ...(adds ? { childIds: counted.map((_, i) => `g${i}`) } : {}) }] : []),
      ...counted.map((g, i) => ({ id: `g${i}`, value: g[field] as number })),
    ]
    const result = applyDisclosure(policy, cells)
    counted.forEach((g, i) => {
      const value = result.get(`g${i}`)?.value
      if (value !== null && value !== undefined) shown.set(g, value)
    })
    const totalCell = result.get('total')
    if (totalCell !== undefined && totalCell.value === null) totalHidden = true
    else if (totalCell?.value !== null && totalCell?.value !== undefined) {
      totalShown = totalCell.value
      if (counted.every((g) => shown.has(g)) && adds) alone.push(dimension)
    }
  }
  if (total !== undefined && totalHidden) for (const dimension of alone) for (const g of dimensions.get(dimension) ?? []) shown.delete(g)
  if (total !== undefined && !totalHidden && totalShown !== undefined) shown.set(total, totalShown)
  return shown
}

/** Rows by measure, site and period. */
function byReport(rows: readonly ObservationInput[]): ObservationInput[][] {
  const groups = new Map<string, ObservationInput[]>()
  for (const row of rows) {
    const key = `${row.measure}\u0000${row.site ?? ''}\u0000${row.period}`
    const list = groups.get(key)
    if (list === undefined) groups.set(key, [row])
    else list.push(row)
  }
  return [...groups.values()]
}
