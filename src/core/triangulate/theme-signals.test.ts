import { describe, expect, it } from 'vitest'
import { calm, handChart } from './fixtures.ts'
import { signalsFromSentimentTrend, signalsFromThemeTrend } from './theme-signals.ts'

const ACCESS = { id: 1, name: 'Access' }

describe('signalsFromThemeTrend', () => {
  it('notes a surge in a theme with a neutral leaning, across the organisation by default', () => {
    const chart = handChart('neutral', [...calm(12), 'neutral_high:outside_limits'], '2024-01-01', 31)
    const [signal] = signalsFromThemeTrend({ theme: ACCESS, chart })
    expect(signal).toMatchObject({ key: 'theme_surge||1||', kind: 'theme_surge', leaning: 'neutral', side: 'high', measure: null, theme: 1, site: null })
    expect(signal?.summary).toBe('Comments coded "Access" across the organisation: a surge, the latest month above the upper limit.')
  })

  it('notes a fall at one site, still neutral even when the chart has a better direction', () => {
    const chart = handChart('decrease', [...calm(12), 'improvement:shift', 'improvement:shift'])
    const [signal] = signalsFromThemeTrend({ theme: ACCESS, chart, site: { code: 'eastgate', name: 'Eastgate Medical Practice' } })
    expect(signal).toMatchObject({ key: 'theme_surge||1|eastgate|', leaning: 'neutral', side: 'low' })
    expect(signal?.summary).toContain('at Eastgate Medical Practice: a fall, 2 of the last 2 weeks below the average in a shift')
  })

  it('gives nothing for a calm theme', () => {
    expect(signalsFromThemeTrend({ theme: ACCESS, chart: handChart('neutral', calm(20)) })).toEqual([])
  })
})

describe('signalsFromSentimentTrend', () => {
  it('leans concern when the sentiment of a theme falls, and needs a chart where higher is better', () => {
    const chart = handChart('increase', [...calm(12), 'concern:outside_limits'])
    const [signal] = signalsFromSentimentTrend({ theme: ACCESS, chart })
    expect(signal).toMatchObject({ key: 'sentiment_shift||1||', kind: 'sentiment_shift', leaning: 'concern', side: 'low' })
    expect(signal?.summary).toBe('Comments coded "Access" across the organisation have become more negative: the latest week below the lower limit (concern).')
    expect(() => signalsFromSentimentTrend({ theme: ACCESS, chart: handChart('neutral', calm(3)) })).toThrow('sentiment chart direction "neutral"')
  })
})
