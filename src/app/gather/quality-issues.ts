/** Turn data-quality findings into warnings a person can act on. @see docs/methods/data-quality.md */
import type { Issue } from '../../core/issues.ts'
import type { OutlyingValue, SeriesGap } from '../../storage/data-quality.ts'
import type { MeasureRow } from '../../storage/measures.ts'
import type { SiteRow } from '../../storage/sites.ts'

interface Names {
  readonly measures: readonly MeasureRow[]
  readonly sites: readonly SiteRow[]
  readonly fileName: string
}

function seriesName(names: Names, s: { measureId: number; siteId: number; dimension: string; group: string }): string {
  const measure = names.measures.find((m) => m.id === s.measureId)?.code ?? String(s.measureId)
  const site = names.sites.find((x) => x.id === s.siteId)
  const where = site === undefined || site.kind === 'system' ? 'whole organisation' : site.code
  const who = s.dimension === '' ? 'all people' : `${s.dimension} ${s.group}`
  return `${measure} (${where}, ${who})`
}

export function qualityIssues(gaps: readonly SeriesGap[], outliers: readonly OutlyingValue[], names: Names): Issue[] {
  const gapIssues = gaps.map(
    (g): Issue => ({
      severity: 'warning',
      code: 'missing_periods',
      file: names.fileName,
      message: `${seriesName(names, g)} has no data between ${g.before} and ${g.after}: the missing periods are shown as a gap, not as zero.`,
      value: `${g.before}..${g.after}`,
      expected: 'one row for every period',
    }),
  )
  const outlierIssues = outliers.map(
    (o): Issue => ({
      severity: 'warning',
      code: 'outlying_value',
      file: names.fileName,
      column: 'value',
      value: String(o.value),
      message: `${seriesName(names, o)} on ${o.period} is ${formatNumber(o.value)}, far from its history (mean ${formatNumber(o.historyMean)}, standard deviation ${formatNumber(o.historySd)}): please check it.`,
      expected: `within 4 standard deviations of ${formatNumber(o.historyMean)}`,
    }),
  )
  return [...gapIssues, ...outlierIssues]
}

function formatNumber(x: number): string {
  return Number.isInteger(x) ? String(x) : x.toPrecision(4)
}
