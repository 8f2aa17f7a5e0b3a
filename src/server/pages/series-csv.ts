/** The numbers of a series with their SPC limits, as a CSV download. */
import type { Series } from '../../app/analyse/get-series.ts'

export function seriesCsv(series: Series): string {
  const rows = new Map(series.rows.map((r) => [r.period, r]))
  const header = 'period,numerator,denominator,value,centre,lower,upper,rule,type'
  const lines = series.spc.points.map((p) => {
    const row = rows.get(p.period)
    return [p.period, row?.numerator ?? '', row?.denominator ?? '', p.value, p.centre, p.lower, p.upper, p.rule ?? '', p.type].join(',')
  })
  return [header, ...lines].join('\r\n') + '\r\n'
}
