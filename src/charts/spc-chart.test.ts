import { describe, expect, it } from 'vitest'
import type { SpcResult } from '../core/spc/types.ts'
import { spcFixture } from './fixtures.ts'
import { MDC, NHS } from './palette.ts'
import { spcChartSvg, type SpcChartOptions } from './spc-chart.ts'
import { all, parseSvg } from './svg-query.ts'

const flat = [60, 62, 61, 63, 62, 61, 60, 62, 63, 61, 62, 60, 61, 62, 63, 61].map((v) => v / 100)

/** 16 weeks of common cause, then the last point far above the limits. */
const outside = spcFixture({ start: '2025-01-06', unit: 'week', segments: [{ values: [...flat, 0.75] }] })

/** Two segments, one excluded point, a target of 70% and every kind of point type. */
const mixed = spcFixture({
  start: '2025-01-06',
  unit: 'week',
  target: 0.7,
  segments: [
    { values: [...flat, 0.5], excluded: { 3: 'data extract incomplete' } },
    { values: [0.63, 0.64, 0.63, 0.64, 0.63, 0.64, 0.63, 0.64, 0.63, 0.64, 0.66, 0.67, 0.66, 0.67], reason: 'New guideline', marks: [{ from: 10, to: 13, rule: 'shift' }] },
  ],
})

/** The [x, y] vertices of a path of M and L commands. */
function pathPoints(d: string): [number, number][] {
  return [...d.matchAll(/[ML]([\d.]+),([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[2])])
}

const options: SpcChartOptions = { title: 'Blood pressure control', valueFormat: 'percent', id: 'bp' }

function render(result: SpcResult, extra: Partial<SpcChartOptions> = {}): string {
  return spcChartSvg(result, { ...options, ...extra })
}

describe('spcChartSvg accessibility', () => {
  it('is an image labelled by its title and described by its desc', () => {
    const svg = parseSvg(render(outside))
    expect(svg.getAttribute('role')).toBe('img')
    expect(svg.getAttribute('aria-labelledby')).toBe('bp-title')
    expect(svg.getAttribute('aria-describedby')).toBe('bp-desc')
    expect(svg.querySelector('title#bp-title')?.textContent).toBe('Blood pressure control')
    expect(svg.querySelector('desc#bp-desc')?.textContent).toMatch(/^Statistical process control chart of Blood pressure control: 17 weekly values/)
  })

  it('gives every id a per-chart prefix, so two charts on a page do not collide', () => {
    const ids = (markup: string): string[] => all(parseSvg(markup), '[id]').map((n) => n.getAttribute('id') ?? '')
    const a = ids(render(mixed, { id: 'chart-a' }))
    const b = ids(render(mixed, { id: 'chart-b' }))
    expect(a.length).toBeGreaterThanOrEqual(2)
    expect(new Set(a).size).toBe(a.length)
    expect(a.filter((id) => b.includes(id))).toEqual([])
    expect(a.every((id) => id.startsWith('chart-a'))).toBe(true)
  })

  it('derives a default id from the title', () => {
    const svg = parseSvg(spcChartSvg(outside, { title: 'A&E: 4-hour waits', valueFormat: 'percent' }))
    expect(svg.getAttribute('id')).toBe('spc-a-e-4-hour-waits')
  })

  it('describes the latest value, the limits, the special-cause count and the rebase', () => {
    const desc = parseSvg(render(mixed)).querySelector('desc')?.textContent ?? ''
    expect(desc).toContain('31 weekly values from week of 6 Jan 2025 to week of 4 Aug 2025.')
    expect(desc).toContain('The latest value is 67.0% (week of 4 Aug 2025).')
    expect(desc).toMatch(/Since the rebase on 5 May 2025 \(New guideline\), the average is 64\.4% and values are expected to fall between 61\.\d% and 67\.\d%/)
    expect(desc).toContain('The last 4 weeks are above the average: a shift that signals an improvement.')
    expect(desc).toContain('5 of 31 points show special cause variation: 4 improvement, 1 concern.')
    expect(desc).toContain('rebased) on 5 May 2025 (New guideline)')
    expect(desc).toContain('1 point is drawn hollow')
  })
})

describe('spcChartSvg marks', () => {
  it('draws one point mark per point', () => {
    for (const result of [outside, mixed]) {
      expect(all(parseSvg(render(result)), 'g.spc-points > path')).toHaveLength(result.points.length)
    }
  })

  it('colours points by type, and gives special cause a different shape and an outline', () => {
    const paths = all(parseSvg(render(mixed)), 'g.spc-points > path')
    const byFill = (fill: string) => paths.filter((p) => p.getAttribute('fill') === fill)
    expect(byFill(MDC.commonCause)).toHaveLength(25)
    expect(byFill(MDC.improvement)).toHaveLength(4)
    expect(byFill(MDC.concern)).toHaveLength(1)
    const common = byFill(MDC.commonCause)[0]!
    const improvement = byFill(MDC.improvement)[0]!
    expect(improvement.getAttribute('d')).not.toBe(common.getAttribute('d'))
    expect(improvement.getAttribute('stroke')).toBe(NHS.blue)
  })

  it('draws neutral special cause in purple', () => {
    const neutral = spcFixture({ start: '2025-01-06', unit: 'week', direction: 'neutral', segments: [{ values: [...flat, 0.75] }] })
    const fills = all(parseSvg(render(neutral)), 'g.spc-points > path').map((p) => p.getAttribute('fill'))
    expect(fills.filter((f) => f === MDC.neutral)).toHaveLength(1)
  })

  it('draws excluded points hollow', () => {
    const paths = all(parseSvg(render(mixed)), 'g.spc-points > path')
    expect(paths.filter((p) => p.getAttribute('fill') === NHS.white)).toHaveLength(1)
  })

  it('draws centre and limits per segment, never joined across a rebase', () => {
    const svg = parseSvg(render(mixed))
    for (const line of ['spc-centre-line', 'spc-upper-limit', 'spc-lower-limit']) {
      expect(all(svg, `g.${line} > path`), line).toHaveLength(2)
    }
    const [first, second] = all(svg, 'g.spc-centre-line > path').map((p) => pathPoints(p.getAttribute('d') ?? ''))
    // A level line is drawn from its segment's first point to its last (17 and 14 points here), with no vertices between.
    const values = pathPoints(all(svg, 'g.spc-values > path')[0]!.getAttribute('d') ?? '')
    expect(first).toEqual([[values[0]![0], first![0]![1]], [values[16]![0], first![0]![1]]])
    expect(second!.map(([x]) => x)).toEqual([values[17]![0], values[30]![0]])
    expect(values).toHaveLength(31)
    expect(first!.at(-1)![1]).not.toBe(second![0]![1])
    expect(second![0]![0]).toBeGreaterThan(first!.at(-1)![0])
  })

  it('draws one centre line for one segment, solid, with dashed limits', () => {
    const svg = parseSvg(render(outside))
    expect(all(svg, 'g.spc-centre-line > path')).toHaveLength(1)
    expect(svg.querySelector('g.spc-centre-line')?.getAttribute('stroke-dasharray')).toBeNull()
    expect(svg.querySelector('g.spc-upper-limit')?.getAttribute('stroke-dasharray')).toBe('6 4')
  })

  it('marks a rebase with a rule and its reason', () => {
    const svg = parseSvg(render(mixed))
    expect(all(svg, 'g.spc-rebase > line')).toHaveLength(1)
    expect(svg.querySelector('g.spc-rebase-label')?.textContent).toBe('Rebased: New guideline')
  })

  it('takes rebases from the options when given', () => {
    const svg = parseSvg(render(mixed, { rebases: [{ date: '2025-05-05', reason: 'Practice merger' }] }))
    expect(svg.querySelector('g.spc-rebase-label')?.textContent).toBe('Rebased: Practice merger')
  })

  it('draws and labels the target, which the options can override or remove', () => {
    const labels = (markup: string) => parseSvg(markup).querySelector('g.spc-line-labels')?.textContent ?? ''
    expect(all(parseSvg(render(mixed)), 'g.spc-target > line')).toHaveLength(1)
    expect(labels(render(mixed))).toContain('Target 70%')
    expect(labels(render(mixed, { target: 0.8 }))).toContain('Target 80%')
    expect(all(parseSvg(render(mixed, { target: null })), 'g.spc-target')).toHaveLength(0)
    expect(all(parseSvg(render(outside)), 'g.spc-target')).toHaveLength(0)
  })

  it('draws trial limits dotted and says so in the legend', () => {
    const trial = spcFixture({ start: '2025-01-06', unit: 'week', segments: [{ values: flat.slice(0, 8) }] })
    const svg = parseSvg(render(trial))
    expect(svg.querySelector('g.spc-upper-limit')?.getAttribute('stroke-dasharray')).toBe('2 3')
    expect(svg.querySelector('g.chart-header')?.textContent).toContain('Trial limits')
  })
})

describe('spcChartSvg text', () => {
  it('formats a proportion as percentages on the axis and in the labels', () => {
    const svg = parseSvg(render(outside))
    const ticks = all(svg, 'g[aria-label="y-axis tick label"] text').map((t) => t.textContent ?? '')
    expect(ticks.length).toBeGreaterThan(2)
    expect(ticks.every((t) => /^\d+%$/.test(t))).toBe(true)
    expect(svg.querySelector('g.spc-line-labels')?.textContent).toMatch(/Average 62\.3%/)
  })

  it('formats counts without a percent sign and labels the axis with the unit', () => {
    const counts = spcFixture({ start: '2025-01-06', unit: 'week', segments: [{ values: [1200, 1350, 1280, 1310, 1250, 1400, 1330, 1290, 1370, 1260, 1320, 1300, 1340, 1280] }] })
    const svg = parseSvg(spcChartSvg(counts, { title: 'Referrals', valueFormat: 'number', unit: 'referrals' }))
    const ticks = all(svg, 'g[aria-label="y-axis tick label"] text').map((t) => t.textContent ?? '')
    expect(ticks).toContain('1,300')
    expect(ticks.some((t) => t.includes('%'))).toBe(false)
    expect(svg.querySelector('g.spc-y-label')?.textContent).toBe('Referrals')
  })

  it('labels dates by month for long series', () => {
    const ticks = all(parseSvg(render(mixed)), 'g[aria-label="x-axis tick label"] text').map((t) => t.textContent ?? '')
    expect(ticks).toContain('Mar 2025')
  })

  it('is deterministic and uses no global id counters', () => {
    const a = render(mixed)
    expect(render(mixed)).toBe(a)
    expect(a).not.toMatch(/plot-(clip|marker|pattern)-/)
  })

  it('renders an empty result as an explained empty chart', () => {
    const empty: SpcResult = { ...outside, points: [], segments: [], variation: null, assurance: null }
    const svg = parseSvg(render(empty))
    expect(svg.textContent).toContain('No data to show yet')
    expect(svg.querySelector('desc')?.textContent).toBe('Statistical process control chart of Blood pressure control: no data yet.')
  })

  it('wraps a long title onto a second line in a narrow chart, keeping it whole in <title>', () => {
    const title = 'Average length of stay for emergency admissions (days)'
    const svg = parseSvg(spcChartSvg(outside, { title, valueFormat: 'decimal1', width: 380 }))
    const lines = all(svg, 'g.chart-header > text').map((t) => t.textContent)
    expect(lines).toEqual(['Average length of stay for emergency', 'admissions (days)'])
    expect(svg.querySelector('title')?.textContent).toBe(title)
  })

  it('rejects a size too small to read, quoting it', () => {
    expect(() => render(outside, { width: 100 })).toThrow('invalid chart size: 100×420')
  })
})

describe('spcChartSvg gaps', () => {
  // Week 9 is left out (as a suppressed period is, before a chart leaves the organisation).
  const hidden = outside.points[8]!.period
  const published: SpcResult = { ...outside, points: outside.points.filter((p) => p.period !== hidden) }
  const moves = (svg: string) => (all(parseSvg(svg), 'g.spc-values > path').map((p) => p.getAttribute('d') ?? '').join('').match(/M/g) ?? []).length

  it('breaks the line of values at a period named as a gap, instead of joining across it', () => {
    expect(moves(render(published))).toBe(1)
    expect(moves(render(published, { gaps: [hidden] }))).toBe(2)
  })

  it('draws every published point either way', () => {
    expect(all(parseSvg(render(published, { gaps: [hidden] })), 'g.spc-points > *')).toHaveLength(published.points.length)
  })
})
