import { describe, expect, it } from 'vitest'
import { spcFixture } from './fixtures.ts'
import { MDC } from './palette.ts'
import { spcSparklineSvg } from './spc-sparkline.ts'
import { all, parseSvg } from './svg-query.ts'

const steady = [0.6, 0.62, 0.61, 0.63, 0.62, 0.61, 0.6, 0.62, 0.63, 0.61, 0.62, 0.6, 0.61, 0.62, 0.63, 0.61]
const rebased = spcFixture({
  start: '2025-01-06',
  unit: 'week',
  segments: [{ values: [...steady, 0.45] }, { values: [...steady.map((v) => v + 0.05), 0.8], reason: 'New pathway' }],
})

describe('spcSparklineSvg', () => {
  const markup = spcSparklineSvg(rebased, { title: 'BP control', valueFormat: 'percent', id: 'spark-bp' })
  const svg = parseSvg(markup)

  it('is a small labelled image with a text alternative', () => {
    expect(svg.getAttribute('width')).toBe('240')
    expect(svg.getAttribute('height')).toBe('80')
    expect(svg.getAttribute('role')).toBe('img')
    expect(svg.getAttribute('aria-labelledby')).toBe('spark-bp-title')
    expect(svg.querySelector('title#spark-bp-title')?.textContent).toBe('BP control')
    const desc = svg.querySelector('desc#spark-bp-desc')?.textContent ?? ''
    expect(desc).toMatch(/^Sparkline of BP control: 34 weekly values from week of 6 Jan 2025 to week of 25 Aug 2025\./)
    expect(desc).toContain('The latest value is 80.0% (week of 25 Aug 2025).')
    expect(desc).toContain('2 of 34 points show special cause variation: 1 improvement, 1 concern.')
  })

  it('has no axes', () => {
    expect(all(svg, '[aria-label$="axis tick"]')).toHaveLength(0)
  })

  it('draws the centre and limits of the latest segment only', () => {
    expect(all(svg, 'g.spc-centre-line > path')).toHaveLength(1)
    expect(all(svg, 'g.spc-upper-limit > path')).toHaveLength(1)
  })

  it('dots the special-cause points and the latest point, in MDC colours', () => {
    const fills = all(svg, 'g.spc-points > path').map((p) => p.getAttribute('fill'))
    expect(fills.sort()).toEqual([MDC.improvement, MDC.concern].sort())
    const calm = spcFixture({ start: '2025-01-06', unit: 'week', segments: [{ values: steady }] })
    const dots = all(parseSvg(spcSparklineSvg(calm, { title: 'x', valueFormat: 'percent' })), 'g.spc-points > path')
    expect(dots.map((d) => d.getAttribute('fill'))).toEqual([MDC.commonCause])
  })

  it('renders no data without failing', () => {
    const empty = { ...rebased, points: [], segments: [] }
    const desc = parseSvg(spcSparklineSvg(empty, { title: 'BP control', valueFormat: 'percent' })).querySelector('desc')?.textContent
    expect(desc).toBe('Sparkline of BP control: no data yet.')
  })
})
