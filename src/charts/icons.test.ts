import { describe, expect, it } from 'vitest'
import type { Direction } from '../core/model.ts'
import type { Assurance, PointType } from '../core/spc/types.ts'
import { assuranceIconSvg, assuranceLabel } from './assurance-icon.ts'
import { ICON_LETTER_SIZE } from './icon-svg.ts'
import { contrastRatio, MDC } from './palette.ts'
import { all, parseSvg } from './svg-query.ts'
import { variationIconSvg, variationLabel } from './variation-icon.ts'

const variations: [PointType | null, Direction, string, string | undefined, string][] = [
  ['common_cause', 'increase', 'Common cause variation', undefined, MDC.commonCause],
  ['improvement', 'increase', 'Special cause variation – improvement (higher)', 'H', MDC.improvement],
  ['improvement', 'decrease', 'Special cause variation – improvement (lower)', 'L', MDC.improvement],
  ['concern', 'increase', 'Special cause variation – concern (lower)', 'L', MDC.concern],
  ['concern', 'decrease', 'Special cause variation – concern (higher)', 'H', MDC.concern],
  ['neutral_high', 'neutral', 'Special cause variation – neutral (higher)', 'H', MDC.neutral],
  ['neutral_low', 'neutral', 'Special cause variation – neutral (lower)', 'L', MDC.neutral],
  [null, 'increase', 'Not enough data', '–', '#FFFFFF'],
]

const assurances: [Assurance | null, string, string, string][] = [
  ['pass', 'Target consistently achieved', 'P', MDC.improvement],
  ['fail', 'Target consistently not achieved', 'F', MDC.concern],
  ['hit_or_miss', 'Target hit or miss', '?', MDC.commonCause],
  [null, 'Assurance not available', '–', '#FFFFFF'],
]

describe('variation icon', () => {
  it.each(variations)('%s (%s) reads "%s"', (type, direction, label, letter, fill) => {
    expect(variationLabel(type, direction)).toBe(label)
    const svg = parseSvg(variationIconSvg(type, direction))
    expect(svg.getAttribute('role')).toBe('img')
    expect(svg.getAttribute('aria-label')).toBe(label)
    expect(svg.querySelector('title')?.textContent).toBe(label)
    expect(svg.querySelector('circle')?.getAttribute('fill')).toBe(fill)
    expect(svg.querySelector('text')?.textContent).toBe(letter)
  })

  it('draws common cause as a flat line', () => {
    expect(parseSvg(variationIconSvg('common_cause', 'increase')).querySelector('path')?.getAttribute('d')).toBe('M11,20H29')
  })
})

describe('assurance icon', () => {
  it.each(assurances)('%s reads "%s"', (assurance, label, letter, fill) => {
    expect(assuranceLabel(assurance)).toBe(label)
    const svg = parseSvg(assuranceIconSvg(assurance))
    expect(svg.getAttribute('role')).toBe('img')
    expect(svg.getAttribute('aria-label')).toBe(label)
    expect(svg.querySelector('circle')?.getAttribute('fill')).toBe(fill)
    expect(svg.querySelector('text')?.textContent).toBe(letter)
  })
})

describe('icons', () => {
  const icons = [...variations.map(([t, d]) => variationIconSvg(t, d)), ...assurances.map(([a]) => assuranceIconSvg(a))]

  it('keep their letters readable: WCAG AA for large text, and 4.5:1 on coloured discs', () => {
    expect(ICON_LETTER_SIZE).toBeGreaterThanOrEqual(18.66)
    for (const markup of icons) {
      const svg = parseSvg(markup)
      const fill = svg.querySelector('circle')?.getAttribute('fill') ?? ''
      const ink = svg.querySelector('text')?.getAttribute('fill') ?? svg.querySelector('path')?.getAttribute('stroke') ?? ''
      const needed = fill === MDC.commonCause ? 3 : 4.5
      expect(contrastRatio(fill, ink), `${svg.getAttribute('aria-label')}: ${ink} on ${fill}`).toBeGreaterThanOrEqual(needed)
    }
  })

  it('outline each disc at 3:1 against a white page', () => {
    for (const markup of icons) {
      const outline = parseSvg(markup).querySelector('circle')?.getAttribute('stroke') ?? ''
      expect(contrastRatio(outline, '#FFFFFF'), outline).toBeGreaterThanOrEqual(3)
    }
  })

  it('take a size and an id', () => {
    const svg = parseSvg(variationIconSvg('improvement', 'increase', { size: 24, id: 'var-bp' }))
    expect(svg.getAttribute('width')).toBe('24')
    expect(svg.getAttribute('id')).toBe('var-bp')
    expect(all(svg, '#var-bp-title')).toHaveLength(1)
    expect(() => assuranceIconSvg('pass', { size: 0 })).toThrow('invalid icon size: 0')
  })

  it('escape what they print', () => {
    expect(variationIconSvg('improvement', 'increase', { id: 'a"b' })).toContain('id="a&quot;b"')
  })
})
