/** Every control chart, not only XmR: P, P′, U, C and G results from the core, drawn and described. */
import { describe, expect, it } from 'vitest'
import { addPeriods } from '../core/period.ts'
import { cChart } from '../core/spc/c-chart.ts'
import type { ControlChartKind } from '../core/spc/control-chart.ts'
import { gChart } from '../core/spc/g-chart.ts'
import { pChart, pPrimeChart } from '../core/spc/p-chart.ts'
import { uChart } from '../core/spc/u-chart.ts'
import { chartLabel } from './chart-label.ts'
import { describeSpc } from './describe-spc.ts'
import { MDC } from './palette.ts'
import { spcChartSvg } from './spc-chart.ts'
import { spcSparklineSvg } from './spc-sparkline.ts'
import { all, parseSvg } from './svg-query.ts'

const denominators = [120, 80, 150, 200, 90, 110, 160, 70, 130, 100, 140, 180, 95, 125, 105, 150]
const numerators = [14, 9, 19, 23, 10, 14, 18, 8, 16, 12, 17, 21, 11, 15, 12, 45]
const counts = denominators.map((denominator, i) => ({ period: addPeriods('2024-01-01', 'month', i), numerator: numerators[i] ?? 0, denominator }))
const p = pChart(counts, { direction: 'decrease' })
const options = { title: 'Readmissions within 30 days', valueFormat: 'percent', id: 'readmissions' } as const

/** The [x, y] vertices of a path of M and L commands. */
function pathPoints(d: string): [number, number][] {
  return [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])])
}

describe('chartLabel', () => {
  const kinds: [ControlChartKind | 'run', string][] = [
    ['xmr', 'XmR chart'],
    ['p', 'P chart (proportions)'],
    ['p_prime', 'P′ chart (Laney)'],
    ['u', 'U chart (rates)'],
    ['u_prime', 'U′ chart (Laney)'],
    ['c', 'C chart (counts)'],
    ['g', 'G chart (cases between events)'],
    ['t', 'T chart (time between events)'],
    ['run', 'Run chart'],
  ]
  it.each(kinds)('names %s "%s"', (kind, label) => {
    expect(chartLabel(kind)).toBe(label)
  })

  it('rejects an unknown kind, quoting it', () => {
    expect(() => chartLabel('np' as ControlChartKind)).toThrow('invalid chart kind: "np"')
  })
})

describe('spcChartSvg with a P chart', () => {
  const svg = parseSvg(spcChartSvg(p, options))
  const desc = svg.querySelector('desc#readmissions-desc')?.textContent ?? ''

  it('is a labelled image whose text says which chart it is', () => {
    expect(svg.getAttribute('role')).toBe('img')
    expect(svg.getAttribute('aria-labelledby')).toBe('readmissions-title')
    expect(svg.getAttribute('aria-describedby')).toBe('readmissions-desc')
    expect(desc).toMatch(/^Statistical process control chart of Readmissions within 30 days, a P chart \(proportions\): 16 monthly values/)
  })

  it("quotes the latest point's limits and says they vary with the denominator", () => {
    const last = p.points.at(-1)!
    const limit = (v: number): string => `${(v * 100).toFixed(1)}%`
    expect(desc).toContain(`values for the latest period are expected to fall between ${limit(last.lower)} and ${limit(last.upper)} if nothing changes (the limits vary with the size of each period's denominator).`)
    expect(svg.querySelector('g.spc-line-labels')?.textContent).toContain(`Upper limit ${limit(last.upper)}`)
  })

  it('names the chart and the varying limits in the legend', () => {
    const legend = all(svg, 'g.legend-item').map((item) => item.textContent)
    expect(legend[0]).toBe('P chart (proportions)')
    expect(legend).toContain('Process limits (vary with the denominator)')
  })

  it('draws the limits as steps: each vertex shares its x or its y with the one before', () => {
    const upper = pathPoints(svg.querySelector('g.spc-upper-limit > path')?.getAttribute('d') ?? '')
    expect(upper.length).toBeGreaterThan(p.points.length)
    for (let i = 1; i < upper.length; i++) {
      const [[x0, y0], [x1, y1]] = [upper[i - 1]!, upper[i]!]
      expect(x0 === x1 || y0 === y1, `vertex ${i}`).toBe(true)
    }
    expect(new Set(upper.map(([, y]) => y)).size).toBeGreaterThan(5)
    const centre = pathPoints(svg.querySelector('g.spc-centre-line > path')?.getAttribute('d') ?? '')
    expect(new Set(centre.map(([, y]) => y)).size).toBe(1)
  })

  it('draws one point per period, the last a concern (orange triangle)', () => {
    const points = all(svg, 'g.spc-points > path')
    expect(points).toHaveLength(16)
    expect(points.filter((d) => d.getAttribute('fill') === MDC.concern)).toHaveLength(1)
  })

  it('draws a stepped sparkline of the latest segment', () => {
    const spark = parseSvg(spcSparklineSvg(p, { ...options, id: 'spark' }))
    expect(spark.querySelector('desc')?.textContent).toMatch(/^Sparkline of Readmissions within 30 days, a P chart \(proportions\)/)
    const upper = pathPoints(spark.querySelector('g.spc-upper-limit > path')?.getAttribute('d') ?? '')
    expect(upper.length).toBeGreaterThan(p.points.length)
  })
})

describe('describeSpc with other charts', () => {
  it('says the limits vary on a P′ chart', () => {
    const sentences = describeSpc(pPrimeChart(counts), { measureName: 'Readmissions', valueFormat: 'percent' })
    expect(sentences[1]).toMatch(/^The average is [\d.]+% and values for the latest period are expected to fall between [\d.]+% and [\d.]+% if nothing changes \(the limits vary with the size of each period's denominator\)\.$/)
  })

  it('does not say so when every denominator is the same', () => {
    const even = pChart(counts.map((c) => ({ ...c, denominator: 150 })))
    expect(describeSpc(even, { measureName: 'Readmissions', valueFormat: 'percent' })[1]).toMatch(/^The average is [\d.]+% and values are expected to fall between/)
  })

  it('reads a U chart per unit, and a C chart whose limits are fixed', () => {
    const u = uChart(counts.map((c) => ({ ...c, denominator: c.denominator * 10 })), { multiplier: 1000 })
    expect(describeSpc(u, { measureName: 'Falls', valueFormat: 'decimal1', unit: 'per 1,000 bed days' }).join(' ')).toContain('vary with the size of each period')
    const c = cChart(counts.map((x) => ({ period: x.period, value: x.numerator })))
    const svg = parseSvg(spcChartSvg(c, { title: 'Incidents', valueFormat: 'number', id: 'c' }))
    expect(svg.querySelector('desc')?.textContent).toContain(', a C chart (counts): 16 monthly values')
    expect(all(svg, 'g.legend-item').map((i) => i.textContent)).toContain('Process limits')
  })

  it('calls the centre of a G chart the median and reads its runs signal', () => {
    const values = [30, 25, 41, 12, 38, 27, 33, 19, 45, 22, 36, 28, 31, 24, 40, 26, 1, 2, 1, 3, 2, 1, 2, 1, 1, 2, 3, 1]
    const g = gChart(values.map((value, i) => ({ period: addPeriods('2024-01-01', 'week', i), value })), { direction: 'increase' })
    const svg = parseSvg(spcChartSvg(g, { title: 'Days between falls', valueFormat: 'number', id: 'g' }))
    expect(all(svg, 'g.legend-item').map((i) => i.textContent)).toContain('Median')
    expect(svg.querySelector('g.spc-line-labels')?.textContent).toContain('Median')
    const desc = svg.querySelector('desc')?.textContent ?? ''
    expect(desc).toMatch(/The median is [\d.]+ and values are expected/)
    expect(desc).toMatch(/The pattern of runs is not random: a run of \d+ points on one side of the median/)
  })
})
