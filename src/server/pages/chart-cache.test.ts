import { describe, expect, it } from 'vitest'
import { spcChartSvg, spcSparklineSvg } from '../../charts/index.ts'
import { xmrChart } from '../../core/spc/index.ts'
import { cachedSpcChartSvg, cachedSpcSparklineSvg, chartCacheSize } from './chart-cache.ts'

const points = (last: number) => Array.from({ length: 24 }, (_, i) => ({ period: `2024-${String((i % 12) + 1).padStart(2, '0')}-01`.replace('2024', String(2024 + Math.floor(i / 12))), value: i === 23 ? last : 50 + (i % 5) }))

describe('the chart cache', () => {
  it('draws exactly what the chart function draws, once per distinct input', () => {
    const result = xmrChart(points(51), { interval: 'month' })
    const options = { title: 'Cached chart', valueFormat: 'number' as const, id: 'cached' }
    const before = chartCacheSize().charts
    const first = cachedSpcChartSvg(result, options)
    expect(first).toBe(spcChartSvg(result, options))
    expect(cachedSpcChartSvg(result, options)).toBe(first)
    expect(chartCacheSize().charts).toBe(before + 1)
  })

  it('never hands a changed series an old picture', () => {
    const options = { title: 'Changing', valueFormat: 'number' as const, id: 'changing' }
    const a = cachedSpcSparklineSvg(xmrChart(points(51), { interval: 'month' }), options)
    const b = cachedSpcSparklineSvg(xmrChart(points(90), { interval: 'month' }), options)
    expect(b).not.toBe(a)
    expect(b).toBe(spcSparklineSvg(xmrChart(points(90), { interval: 'month' }), options))
    // Same result, other words around it: another picture.
    expect(cachedSpcSparklineSvg(xmrChart(points(90), { interval: 'month' }), { ...options, title: 'Renamed' })).toContain('Renamed')
  })

  it('keys a sparkline by the stored text it was parsed from, when given', () => {
    const result = xmrChart(points(51), { interval: 'month' })
    const options = { title: 'Keyed', valueFormat: 'number' as const, id: 'keyed' }
    const stored = cachedSpcSparklineSvg(result, options, 'stored-text-1')
    expect(stored).toBe(spcSparklineSvg(result, options))
    const before = chartCacheSize().charts
    cachedSpcSparklineSvg(result, options, 'stored-text-1')
    expect(chartCacheSize().charts).toBe(before)
    cachedSpcSparklineSvg(result, options, 'stored-text-2')
    expect(chartCacheSize().charts).toBe(before + 1)
  })
})
