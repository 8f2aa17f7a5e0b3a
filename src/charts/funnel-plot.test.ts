import { describe, expect, it } from 'vitest'
import { funnelPlot } from '../core/compare/funnel.ts'
import { funnelLimitsAt, funnelCurves } from './funnel-curves.ts'
import { funnelPlotSvg, type FunnelPlotOptions } from './funnel-plot.ts'
import { FUNNEL_EXAMPLE } from './gallery-compare-fixtures.ts'
import { contrastRatio, MDC, NHS, VARIATION_STYLES } from './palette.ts'
import { all, parseSvg } from './svg-query.ts'

const { result, labels } = FUNNEL_EXAMPLE
const options: FunnelPlotOptions = { title: 'Statins by practice', valueFormat: 'percent', id: 'statins', labels, highlight: 'P07' }
const svg = parseSvg(funnelPlotSvg(result, options))
const desc = svg.querySelector('desc#statins-desc')?.textContent ?? ''

/** A ratio funnel with overdispersion (φ > 1), so its limits are widened by τ². */
const ratio = funnelPlot(
  [[100, 108], [150, 112], [180, 165], [80, 95], [120, 100], [225, 220], [60, 40], [30, 45], [300, 310], [12, 9]].map(([o, e], i) => ({ unit: `U${i}`, numerator: o!, denominator: e! })),
  { type: 'ratio', method: 'shmi', direction: 'decrease' },
)

describe('funnelPlotSvg accessibility', () => {
  it('is an image labelled by its title and described by its desc', () => {
    expect(svg.getAttribute('role')).toBe('img')
    expect(svg.getAttribute('aria-labelledby')).toBe('statins-title')
    expect(svg.getAttribute('aria-describedby')).toBe('statins-desc')
    expect(svg.querySelector('title#statins-title')?.textContent).toBe('Statins by practice')
  })

  it('says what is plotted, who is above and below, the spread and the overdispersion', () => {
    expect(desc).toMatch(/^Funnel plot of Statins by practice: 14 units, each unit's value against its denominator, with 95% and 99\.8% limits around the overall value of 30\.2%\./)
    expect(desc).toContain('1 unit is above the 99.8% limits (possible excellence): Castle Street (38.1%, 465 of 1,220).')
    expect(desc).toContain('1 unit is below the 99.8% limits (possible concern): Highfield (21.9%, 197 of 900).')
    expect(desc).toContain('12 are within the 99.8% limits.')
    expect(desc).toContain('Highlighted: Green Lane (29.7%, 300 of 1,010), within the 99.8% limits.')
    expect(desc).toContain(result.statement)
    expect(desc).toMatch(/Overdispersion: φ = [\d.]+ \(limits not adjusted\)\.$/)
    const adjusted = parseSvg(funnelPlotSvg(ratio, { title: 'Mortality', valueFormat: 'decimal1', id: 'r' })).querySelector('desc')?.textContent ?? ''
    expect(ratio.adjusted).toBe(true)
    expect(adjusted).toMatch(/Overdispersion: φ = 1\.97, τ² = 0\.0103 \(limits adjusted\)\.$/)
    expect(adjusted).toContain('around the expected ratio of 1')
  })

  it('gives every id the chart prefix and is deterministic without global id counters', () => {
    const markup = funnelPlotSvg(result, options)
    expect(funnelPlotSvg(result, options)).toBe(markup)
    expect(markup).not.toMatch(/plot-(clip|marker|pattern)-/)
    expect(all(parseSvg(markup), '[id]').every((n) => n.getAttribute('id')?.startsWith('statins'))).toBe(true)
  })
})

describe('funnelPlotSvg marks', () => {
  it('draws one point per unit, coloured and shaped by its signal', () => {
    const points = all(svg, 'g.funnel-points > path')
    expect(points).toHaveLength(14)
    const byFill = (fill: string) => points.filter((p) => p.getAttribute('fill') === fill)
    expect(byFill(MDC.improvement)).toHaveLength(1)
    expect(byFill(MDC.concern)).toHaveLength(1)
    expect(byFill(MDC.commonCause)).toHaveLength(12)
    const shapes = new Set([MDC.improvement, MDC.concern, MDC.commonCause].map((fill) => byFill(fill)[0]?.getAttribute('d')))
    expect(shapes.size).toBe(3)
  })

  it('gives every point kind a fill or outline of at least 3:1 against white', () => {
    for (const style of Object.values(VARIATION_STYLES)) {
      expect(Math.max(contrastRatio(style.fill, NHS.white), contrastRatio(style.outline, NHS.white)), style.legend).toBeGreaterThanOrEqual(3)
    }
  })

  it('draws the target, two 95% curves (dashed) and two 99.8% curves (solid, thicker)', () => {
    expect(all(svg, 'g.funnel-target > line')).toHaveLength(1)
    expect(all(svg, 'g.funnel-limits-95 > path')).toHaveLength(2)
    expect(all(svg, 'g.funnel-limits-998 > path')).toHaveLength(2)
    expect(svg.querySelector('g.funnel-limits-95')?.getAttribute('stroke-dasharray')).toBe('6 4')
    expect(svg.querySelector('g.funnel-limits-998')?.getAttribute('stroke-dasharray')).toBeNull()
    expect(Number(svg.querySelector('g.funnel-limits-998')?.getAttribute('stroke-width'))).toBeGreaterThan(Number(svg.querySelector('g.funnel-limits-95')?.getAttribute('stroke-width')))
  })

  it('computes the curves with the core: at each unit they pass through its own limits', () => {
    for (const u of [...result.units, ...ratio.units]) {
      const source = result.units.includes(u) ? result : ratio
      const at = funnelLimitsAt(source, u.denominator)
      expect(at.lower95).toBeCloseTo(u.lower95, 12)
      expect(at.upper95).toBeCloseTo(u.upper95, 12)
      expect(at.lower998).toBeCloseTo(u.lower998, 12)
      expect(at.upper998).toBeCloseTo(u.upper998, 12)
    }
  })

  it('keeps every curve point inside the frame, starting where a curve enters it', () => {
    const curves = funnelCurves(result, { from: 1, to: 2000, multiplier: 1, domain: [0.15, 0.5] })
    expect(curves.every((c) => c.y >= 0.15 && c.y <= 0.5)).toBe(true)
    const upper = curves.filter((c) => c.line === 'upper998')
    expect(upper[0]!.y).toBeCloseTo(0.5, 6)
  })

  it('labels units by name, the highlighted one in bold inside a ring', () => {
    const names = all(svg, 'g.funnel-labels text').map((t) => t.textContent)
    expect(names).toEqual(expect.arrayContaining(['Castle Street', 'Highfield', 'Green Lane']))
    expect(names.length).toBeGreaterThanOrEqual(12)
    expect(new Set(names).size).toBe(names.length)
    expect(all(svg, 'g.funnel-highlight > circle')).toHaveLength(1)
    const bold = all(svg, 'g.funnel-labels').filter((g) => g.getAttribute('font-weight') === '700')
    expect(bold.map((g) => g.textContent)).toEqual(['Green Lane'])
  })

  it('has a legend of what is drawn', () => {
    const legend = all(svg, 'g.legend-item').map((i) => i.textContent)
    expect(legend).toEqual(['Possible excellence', 'Possible concern', 'Within the 99.8% limits', 'Highlighted: Green Lane', 'Overall value', '95% limits', '99.8% limits'])
    const widened = all(parseSvg(funnelPlotSvg(ratio, { title: 'Mortality', valueFormat: 'decimal1' })), 'g.legend-item').map((i) => i.textContent)
    expect(widened).toContain('(limits widened for overdispersion)')
    expect(widened).toContain('Expected (ratio 1)')
  })

  it('scales values for display and labels the axes', () => {
    const rate = funnelPlot(result.units.map((u) => ({ unit: u.unit, numerator: u.numerator, denominator: u.denominator * 100 })), { type: 'rate', method: 'cqc' })
    const markup = parseSvg(funnelPlotSvg(rate, { title: 'Falls', valueFormat: 'decimal1', unit: 'per 1,000 bed days', multiplier: 1000, denominatorLabel: 'Bed days' }))
    expect(markup.querySelector('desc')?.textContent).toContain('around the overall value of 3.0 per 1,000 bed days')
    expect(markup.querySelector('g[aria-label="x-axis label"]')?.textContent).toBe('Bed days')
    expect(markup.querySelector('g.spc-y-label')?.textContent).toBe('Per 1,000 bed days')
  })

  it('rejects a highlight that is not a unit, a bad multiplier and a size too small, quoting them', () => {
    expect(() => funnelPlotSvg(result, { ...options, highlight: 'P99' })).toThrow('invalid highlight: "P99" (expected one of "P01"')
    expect(() => funnelPlotSvg(result, { ...options, multiplier: 0 })).toThrow('invalid multiplier: 0')
    expect(() => funnelPlotSvg(result, { ...options, width: 100 })).toThrow('invalid chart size: 100×480')
  })
})
