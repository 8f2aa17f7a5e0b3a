import { describe, expect, it } from 'vitest'
import { addPeriods } from '../core/period.ts'
import { runChart } from '../core/spc/run-chart.ts'
import { LONG_RUN_STYLE, MDC, NHS } from './palette.ts'
import { longRunPoints } from './run-rows.ts'
import { runChartSvg } from './run-chart.ts'
import { all, parseSvg } from './svg-query.ts'

const weekly = (values: readonly number[], excluded: Readonly<Record<number, string>> = {}) =>
  values.map((value, i) => ({ period: addPeriods('2025-01-06', 'week', i), value, ...(excluded[i] === undefined ? {} : { excluded: excluded[i] }) }))

/** A baseline of 12 values alternating about 10, then 10 values above it: with 22 useful points a run of 11 (the last baseline value is above too) > 7 (round(log2 22) + 3). */
const shifted = runChart(weekly([9, 11, 8, 12, 9, 11, 8, 12, 9, 11, 8, 12, 13, 14, 13, 15, 14, 13, 15, 14, 13, 14]), { baseline: 12 })
/** Random-looking values in two segments, one excluded point. */
const calm = runChart(weekly([5, 7, 6, 8, 5, 7, 6, 8, 5, 7, 6, 8, 9, 11, 10, 12, 9, 11, 10, 12], { 3: 'late data' }), {
  rebases: [{ date: addPeriods('2025-01-06', 'week', 12), reason: 'New pathway' }],
})
const options = { title: 'Median wait', valueFormat: 'number', unit: 'days', id: 'wait' } as const

describe('runChartSvg', () => {
  it('is an image labelled by its title and described by its desc', () => {
    const svg = parseSvg(runChartSvg(shifted, options))
    expect(svg.getAttribute('role')).toBe('img')
    expect(svg.getAttribute('aria-labelledby')).toBe('wait-title')
    expect(svg.getAttribute('aria-describedby')).toBe('wait-desc')
    expect(svg.querySelector('title#wait-title')?.textContent).toBe('Median wait')
    expect(svg.querySelector('desc#wait-desc')?.textContent).toMatch(/^Run chart of Median wait: 22 weekly values from week of 6 Jan 2025 to week of 2 Jun 2025, around the median\./)
  })

  it('draws a point per value, the line, the median and no limits', () => {
    const svg = parseSvg(runChartSvg(shifted, options))
    expect(all(svg, 'g.run-points > path')).toHaveLength(22)
    expect(all(svg, 'g.run-values > path')).toHaveLength(1)
    expect(all(svg, 'g.run-median > path')).toHaveLength(1)
    expect(all(svg, '[class*="limit"]')).toHaveLength(0)
    expect(svg.querySelector('g.spc-line-labels')?.textContent).toBe(`Median ${shifted.segments[0]!.centre}`)
  })

  it('marks the points of the unusually long run with another shape and colour, and says so', () => {
    expect(shifted.segments[0]!.runs.signal).toBe(true)
    expect([...longRunPoints(shifted)]).toEqual([11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21])
    const svg = parseSvg(runChartSvg(shifted, options))
    const points = all(svg, 'g.run-points > path')
    const long = points.filter((p) => p.getAttribute('fill') === LONG_RUN_STYLE.fill)
    const common = points.filter((p) => p.getAttribute('fill') === MDC.commonCause)
    expect(long).toHaveLength(11)
    expect(common).toHaveLength(11)
    expect(long[0]!.getAttribute('d')).not.toBe(common[0]!.getAttribute('d'))
    expect(all(svg, 'g.legend-item').map((i) => i.textContent)).toContain('Part of an unusually long run')
    const desc = svg.querySelector('desc')?.textContent ?? ''
    expect(desc).toContain('The longest run is 11 points on one side of the median (more than 7 would be unusual)')
    expect(desc).toContain('The Anhøj rules signal an unusually long run: the pattern is not random')
    expect(desc).toContain('11 points are part of an unusually long run')
  })

  it('marks nothing when the runs do not signal, and says so', () => {
    expect(longRunPoints(calm).size).toBe(0)
    const svg = parseSvg(runChartSvg(calm, options))
    expect(all(svg, 'g.run-points > path').filter((p) => p.getAttribute('fill') === LONG_RUN_STYLE.fill)).toHaveLength(0)
    expect(svg.querySelector('desc')?.textContent).toContain('Neither Anhøj rule signals: no sign of a change.')
  })

  it('draws a median per segment, the rebase with its reason, and excluded points hollow', () => {
    const svg = parseSvg(runChartSvg(calm, options))
    expect(all(svg, 'g.run-median > path')).toHaveLength(2)
    expect(all(svg, 'g.spc-rebase > line')).toHaveLength(1)
    expect(svg.querySelector('g.spc-rebase-label')?.textContent).toBe('Rebased: New pathway')
    expect(all(svg, 'g.run-points > path').filter((p) => p.getAttribute('fill') === NHS.white)).toHaveLength(1)
    const desc = svg.querySelector('desc')?.textContent ?? ''
    expect(desc).toContain('Since the rebase on 31 Mar 2025 (New pathway), the median is 10.5 days.')
    expect(desc).toContain('The median was recalculated (rebased) on 31 Mar 2025 (New pathway).')
    expect(desc).toContain('1 point is drawn hollow: left out of the median and the runs analysis.')
  })

  it('is deterministic, uses no global id counters, and keeps ids per chart', () => {
    const a = runChartSvg(calm, options)
    expect(runChartSvg(calm, options)).toBe(a)
    expect(a).not.toMatch(/plot-(clip|marker|pattern)-/)
    expect(all(parseSvg(a), '[id]').every((n) => n.getAttribute('id')?.startsWith('wait'))).toBe(true)
  })

  it('renders no data as an explained empty chart', () => {
    const svg = parseSvg(runChartSvg({ chart: 'run', segments: [], points: [], issues: [] }, options))
    expect(svg.textContent).toContain('No data to show yet')
    expect(svg.querySelector('desc')?.textContent).toBe('Run chart of Median wait: no data yet.')
  })
})
