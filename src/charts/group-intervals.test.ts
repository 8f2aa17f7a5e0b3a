import { describe, expect, it } from 'vitest'
import { groupDifferences } from '../core/compare/group-differences.ts'
import { GROUP_EXAMPLE } from './gallery-compare-fixtures.ts'
import { groupIntervalsSvg, type GroupIntervalsOptions } from './group-intervals.ts'
import { NHS } from './palette.ts'
import { all, parseSvg } from './svg-query.ts'

const { result } = GROUP_EXAMPLE
const options: GroupIntervalsOptions = { title: 'BP controlled by quintile', valueFormat: 'percent', id: 'bp-groups' }
const svg = parseSvg(groupIntervalsSvg(result, options))
const desc = svg.querySelector('desc#bp-groups-desc')?.textContent ?? ''

/** The x pixel of each point, from its transform="translate(x,y)". */
function pointXs(markup: string): number[] {
  return all(parseSvg(markup), 'g.group-points > path').map((p) => Number(/translate\(([\d.]+),/.exec(p.getAttribute('transform') ?? '')?.[1]))
}

describe('groupIntervalsSvg', () => {
  it('is an image labelled by its title and described by its desc', () => {
    expect(svg.getAttribute('role')).toBe('img')
    expect(svg.getAttribute('aria-labelledby')).toBe('bp-groups-title')
    expect(svg.getAttribute('aria-describedby')).toBe('bp-groups-desc')
    expect(svg.querySelector('title#bp-groups-title')?.textContent).toBe('BP controlled by quintile')
  })

  it('draws a point, a whisker and two caps per group, "Not stated" included, in the core order', () => {
    expect(all(svg, 'g.group-points > path')).toHaveLength(6)
    expect(all(svg, 'g.group-intervals > line')).toHaveLength(6)
    expect(all(svg, 'g.group-interval-caps > line')).toHaveLength(12)
    const labels = all(svg, 'g[aria-label="y-axis tick label"] text').map((t) => t.textContent)
    expect(labels).toEqual(['Q1 (least deprived) (reference)', 'Q2', 'Q3', 'Q4', 'Q5 (most deprived)', 'Not stated (small)'])
  })

  it('draws small groups hollow and the reference group as a square', () => {
    const points = all(svg, 'g.group-points > path')
    expect(points.filter((p) => p.getAttribute('fill') === NHS.white)).toHaveLength(1)
    expect(points[5]?.getAttribute('fill')).toBe(NHS.white)
    expect(points[0]?.getAttribute('d')).not.toBe(points[1]?.getAttribute('d'))
  })

  it("draws the vertical line at the reference group's value, or at the overall value", () => {
    const line = (markup: string): number => Number(parseSvg(markup).querySelector('g.group-line > line')?.getAttribute('x1'))
    const markup = groupIntervalsSvg(result, options)
    expect(line(markup)).toBeCloseTo(pointXs(markup)[0]!, 6)
    expect(svg.querySelector('g.group-line-label')?.textContent).toBe('Reference 68.7%')
    const overall = groupIntervalsSvg(result, { ...options, line: 'overall' })
    expect(line(overall)).toBeLessThan(line(markup))
    expect(parseSvg(overall).querySelector('g.group-line-label')?.textContent).toBe('Overall 61.0%')
    expect(parseSvg(overall).querySelector('desc')?.textContent).toContain('The vertical line marks the overall value of all groups, 61.0%.')
  })

  it('writes each value with its interval beside the chart and in the text alternative', () => {
    const values = all(svg, 'g.group-value-labels text').map((t) => t.textContent)
    expect(values[0]).toBe('68.7% (64.8% to 72.2%)')
    expect(desc).toMatch(/^Chart of BP controlled by quintile: the proportion in 6 groups, each with its 95% confidence interval\./)
    expect(desc).toContain('The vertical line marks the reference group, Q1 (least deprived), at 68.7%.')
    expect(desc).toContain('Q1 (least deprived) (reference): 68.7% (64.8% to 72.2%).')
    expect(desc).toContain('Q2: 65.5% (61.6% to 69.3%); no clear difference from the reference (difference -3.1 percentage points, -8.5 to 2.2).')
    expect(desc).toContain('Q5 (most deprived): 51.4% (47.0% to 55.7%); lower than the reference')
    expect(desc).toContain('Not stated: 42.9% (15.8% to 75.0%), small numbers (interpret with care);')
  })

  it('has a legend of what is drawn', () => {
    expect(all(svg, 'g.legend-item').map((i) => i.textContent)).toEqual(['Value', 'Reference group', 'Small numbers (hollow)', '95% confidence interval', 'Reference group value'])
  })

  it('scales rates for display', () => {
    const rates = groupDifferences(
      [
        { group: 'A', numerator: 10, denominator: 1000 },
        { group: 'B', numerator: 25, denominator: 1000 },
      ],
      { measure: 'rate', level: 0.9 },
    )
    const markup = parseSvg(groupIntervalsSvg(rates, { title: 'Falls', valueFormat: 'decimal1', unit: 'per 1,000', multiplier: 1000, id: 'falls' }))
    const text = markup.querySelector('desc')?.textContent ?? ''
    expect(text).toContain('the rate in 2 groups, each with its 90% confidence interval')
    expect(text).toMatch(/B: 25\.0 per 1,000 \([\d.]+ to [\d.]+ per 1,000\); higher than the reference \(difference 15\.0 per 1,000/)
  })

  it('is deterministic, with ids from the options', () => {
    const markup = groupIntervalsSvg(result, options)
    expect(groupIntervalsSvg(result, options)).toBe(markup)
    expect(markup).not.toMatch(/plot-(clip|marker|pattern)-/)
    expect(all(parseSvg(markup), '[id]').every((n) => n.getAttribute('id')?.startsWith('bp-groups'))).toBe(true)
  })

  it('rejects a bad multiplier, quoting it', () => {
    expect(() => groupIntervalsSvg(result, { ...options, multiplier: -1 })).toThrow('invalid multiplier: -1')
  })
})
