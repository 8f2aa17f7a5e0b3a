import { describe, expect, it } from 'vitest'
import { describeInfographic, fitText, type InfographicInput } from './infographic-text.ts'
import { INFOGRAPHIC_HEIGHT, INFOGRAPHIC_WIDTH, infographicSvg } from './infographic.ts'
import { NHS } from './palette.ts'
import { all, parseSvg } from './svg-query.ts'

const input: InfographicInput = {
  title: 'Hypertension: Find & Control',
  subtitle: 'Sample ICS · data to the period beginning 1 Nov 2026',
  lead: { heading: 'Our aim', text: 'Increase blood pressure control from 58% to 70% by March 2027.' },
  headline: { measure: 'Blood pressure controlled', value: '64.3%', period: 'Nov 2026', variation: 'improvement', direction: 'increase', assurance: 'hit_or_miss' },
  group: { label: 'People in the most deprived fifth of areas', before: { value: '52.1%', period: 'Jan 2025' }, after: { value: '61.0%', period: 'Nov 2026' }, change: 'Up 8.9 percentage points: better', tone: 'better' },
  quote: { text: 'The evening clinic meant I could come after work.', source: 'A patient or carer, 3 Oct 2026' },
  actions: [
    { title: 'Evening clinics', verdict: 'Working' },
    { title: 'Text reminders', verdict: 'Not yet clear' },
    { title: 'Pharmacy checks', verdict: 'Not reviewed yet' },
    { title: 'Home monitors', verdict: 'Not working' },
  ],
  statement: 'Counts of 1 to 7 are shown as *.',
}

/** Every text drawn, in document order (the icons' letters included), its lines joined by spaces. */
function drawnText(svg: string): string {
  return all(parseSvg(svg), 'text')
    .map((t) => {
      const spans = all(t, 'tspan')
      return spans.length === 0 ? (t.textContent ?? '') : spans.map((s) => s.textContent ?? '').join(' ')
    })
    .join(' | ')
}

describe('infographicSvg', () => {
  it('is a 1200 × 675 image labelled by its title and described in words', () => {
    const svg = parseSvg(infographicSvg(input, { id: 'ig' }))
    expect(svg.getAttribute('role')).toBe('img')
    expect([svg.getAttribute('width'), svg.getAttribute('height')]).toEqual([String(INFOGRAPHIC_WIDTH), String(INFOGRAPHIC_HEIGHT)])
    expect(svg.getAttribute('aria-labelledby')).toBe('ig-title')
    expect(svg.querySelector('#ig-title')?.textContent).toBe('Infographic: Hypertension: Find & Control')
    expect(svg.querySelector('#ig-desc')?.textContent).toBe(describeInfographic(input).join(' '))
  })

  it('draws every figure, the quote, the first three actions with their verdicts and the statement', () => {
    const text = drawnText(infographicSvg(input))
    for (const shown of ['64.3%', '52.1%', '61.0%', 'Jan 2025', 'Up 8.9 percentage points: better', 'Evening clinics', 'Working', 'Not reviewed yet', 'and 1 more', 'Counts of 1 to 7 are shown as *.', '– A patient or carer, 3 Oct 2026']) {
      expect(text).toContain(shown)
    }
    expect(text).not.toContain('Home monitors')
    expect(text).toContain('“The evening clinic meant I could come after work.”')
  })

  it('colours the change by its tone', () => {
    const fills = (tone: 'better' | 'worse' | 'neutral') => all(parseSvg(infographicSvg({ ...input, group: { ...input.group!, tone } })), 'rect').map((r) => r.getAttribute('fill'))
    expect(fills('better')).toContain('#007F3B')
    expect(fills('worse')).toContain(NHS.red)
    expect(fills('worse')).not.toContain('#007F3B')
    expect(fills('neutral')).toContain(NHS.darkGrey)
  })

  it('embeds the variation and assurance icons with their labels', () => {
    const svg = infographicSvg(input, { id: 'ig' })
    expect(svg).toContain('id="ig-variation"')
    expect(svg).toContain('aria-label="Special cause variation – improvement (higher)"')
    expect(svg).toContain('aria-label="Target hit or miss"')
  })

  it('says so when there is no headline measure, group, quote or action', () => {
    const text = drawnText(infographicSvg({ ...input, headline: null, group: null, quote: null, actions: [] }))
    expect(text).toContain('No headline measure has been chosen yet.')
    expect(text).toContain('This measure has no breakdown by deprivation.')
    expect(text).toContain('No quote can be shown.')
    expect(text).toContain('No actions yet.')
  })

  it('keeps a long aim inside its panel, and the whole aim in the text alternative', () => {
    const long = 'Increase the proportion of people whose blood pressure is controlled '.repeat(8).trim()
    const svg = infographicSvg({ ...input, lead: { heading: 'Our aim', text: long } })
    const aim = all(parseSvg(svg), 'text').find((t) => t.textContent?.startsWith('Increase'))!
    expect(all(aim, 'tspan').length).toBeLessThanOrEqual(7)
    expect(aim.textContent?.endsWith('…')).toBe(true)
    expect(parseSvg(svg).querySelector('desc')?.textContent).toContain(long)
  })

  it('escapes markup in the text', () => {
    const svg = infographicSvg({ ...input, title: 'A <b> & "c"' })
    expect(svg).toContain('A &lt;b&gt; &amp; &quot;c&quot;')
    expect(() => parseSvg(svg)).not.toThrow()
  })

  it('refuses a bad id', () => {
    expect(() => infographicSvg(input, { id: '1 bad' })).toThrow('invalid id: "1 bad"')
  })
})

describe('fitText', () => {
  it('keeps the largest size at which the text fits', () => {
    expect(fitText('Short', 300, [40, 20], 1)).toEqual({ lines: ['Short'], size: 40 })
    const fitted = fitText('A rather longer sentence that needs room', 300, [40, 20], 1)
    expect(fitted.size).toBe(20)
    expect(fitted.lines).toHaveLength(1)
  })

  it('cuts with an ellipsis at the smallest size', () => {
    const fitted = fitText('word '.repeat(100).trim(), 200, [20], 2)
    expect(fitted.lines).toHaveLength(2)
    expect(fitted.lines[1]!.endsWith('…')).toBe(true)
  })

  it('refuses no sizes or no lines', () => {
    expect(() => fitText('x', 100, [], 1)).toThrow('at least one font size')
    expect(() => fitText('x', 100, [10], 0)).toThrow('invalid maxLines: 0')
  })
})

describe('describeInfographic', () => {
  it('says every part in words', () => {
    const words = describeInfographic(input).join(' ')
    expect(words).toContain('Our aim: Increase blood pressure control from 58% to 70% by March 2027.')
    expect(words).toContain('Headline measure: Blood pressure controlled, 64.3% (latest: Nov 2026). Special cause variation – improvement (higher). Target hit or miss.')
    expect(words).toContain('People in the most deprived fifth of areas (Blood pressure controlled): 52.1% (Jan 2025), then 61.0% (Nov 2026). Up 8.9 percentage points: better.')
    expect(words).toContain('Home monitors (Not working)')
    expect(words).toContain('Counts of 1 to 7 are shown as *.')
  })
})
