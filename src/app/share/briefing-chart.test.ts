import { describe, expect, it } from 'vitest'
import { DISCLOSURE_POLICIES } from '../../core/disclosure/index.ts'
import { measureFixture, monday } from '../../../test/support/fixture.ts'
import { internalPublisher } from './briefing-context.ts'
import { externalPublisher } from './briefing-publisher.ts'
import { chartBlock, type ChartSeries } from './briefing-chart.ts'

/** 20 weeks of about 60 in 100, with week 10 a group of 5 (small enough to be suppressed outside). */
const series: ChartSeries = {
  measure: { ...measureFixture({ code: 'bp-control', name: 'Blood pressure controlled', kind: 'proportion' }), id: 1, version: 1 },
  rows: Array.from({ length: 20 }, (_, i) => (i === 10 ? { period: monday(i), numerator: 3, denominator: 5, value: 0.6 } : { period: monday(i), numerator: 60 + (i % 3), denominator: 100, value: (60 + (i % 3)) / 100 })),
  rebases: [],
  exclusions: new Map(),
}

const valueLineMoves = (svg: string) => (/<g[^>]*class="spc-values"[^>]*>([\s\S]*?)<\/g>/.exec(svg)?.[1]?.match(/d="[^"]*"/g) ?? []).join('').match(/M/g)?.length ?? 0

describe('chartBlock', () => {
  it('inside, draws every week as one unbroken line', () => {
    const block = chartBlock(series, internalPublisher(), 'Blood pressure controlled', 'bp')
    expect(valueLineMoves(block.svg)).toBe(1)
    expect(block.table.rows[10]).toEqual([expect.any(String), '3', '5', '60.0%'])
  })

  it('outside, leaves the suppressed week as a gap in the line, says so, and prints * in its row', () => {
    const policy = DISCLOSURE_POLICIES.find((p) => p.id === 'nhs-digital')!
    const block = chartBlock(series, externalPublisher(policy), 'Blood pressure controlled', 'bp')
    expect(valueLineMoves(block.svg)).toBe(2)
    expect(block.description).toContain('1 period is not shown because the numbers were too small to publish')
    expect(block.table.rows[10]?.slice(1, 3)).toEqual(['*', '*'])
  })
})
