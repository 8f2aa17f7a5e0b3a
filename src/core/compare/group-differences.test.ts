import { describe, expect, it } from 'vitest'
import { groupDifferences, type GroupCounts } from './group-differences.ts'

// The worked example in docs/methods/group-differences.md. STATISTICS.md section 5 has no
// numeric worked example; the values below are checkable by hand and were also computed
// independently (Python, scipy 1.17).
const QUINTILES: GroupCounts[] = [
  { group: 'Not stated', numerator: 3, denominator: 20 },
  { group: 'Q1 (least deprived)', numerator: 30, denominator: 200 },
  { group: 'Q3', numerator: 45, denominator: 200 },
  { group: 'Q5 (most deprived)', numerator: 60, denominator: 200 },
]

describe('groupDifferences, proportions', () => {
  const result = groupDifferences(QUINTILES, { measure: 'proportion' })
  const q5 = result.groups[3]
  const notStated = result.groups[0]

  it('chooses the first stated group as reference and keeps every group in input order', () => {
    expect(result.reference).toBe('Q1 (least deprived)')
    expect(result.groups.map((g) => g.group)).toEqual(QUINTILES.map((g) => g.group))
    expect(result.groups.map((g) => g.isReference)).toEqual([false, true, false, false])
    expect(result.groups[1]?.difference).toBeUndefined()
    expect(result.groups[1]?.ratio).toBeUndefined()
  })

  it('gives each group its Wilson interval', () => {
    expect(result.groups[1]?.value).toEqual({ estimate: 0.15, lower: expect.closeTo(0.10713593562241994, 12), upper: expect.closeTo(0.2060557928416666, 12) })
    expect(q5?.value.lower).toBeCloseTo(0.24074744682371402, 12)
    expect(q5?.value.upper).toBeCloseTo(0.36679068372719265, 12)
  })

  it('Q5 − Q1 = 0.15 with the Newcombe interval (0.0684, 0.2294)', () => {
    expect(q5?.difference?.estimate).toBeCloseTo(0.15, 14)
    expect(q5?.difference?.lower).toBeCloseTo(0.06843335872419141, 12)
    expect(q5?.difference?.upper).toBeCloseTo(0.22936197734249825, 12)
  })

  it('Q5 / Q1 = 2 with SE(log) = √(1/60 − 1/200 + 1/30 − 1/200) = 0.2: (1.3514, 2.9599)', () => {
    expect(q5?.ratio?.estimate).toBeCloseTo(2, 14)
    expect(q5?.ratio?.lower).toBeCloseTo(1.3514179622740914, 12)
    expect(q5?.ratio?.upper).toBeCloseTo(2.9598541026264154, 12)
  })

  it('keeps "not stated" as its own group, marked small (3 < 5), with its own comparison', () => {
    expect(notStated?.notStated).toBe(true)
    expect(notStated?.small).toBe(true)
    expect(notStated?.difference?.lower).toBeCloseTo(-0.11257936617775642, 12)
    expect(notStated?.difference?.upper).toBeCloseTo(0.21474037033998591, 12)
    expect(result.groups.filter((g) => g.small).map((g) => g.group)).toEqual(['Not stated'])
  })
})

describe('groupDifferences, rates and options', () => {
  const rates: GroupCounts[] = [
    { group: 'A', numerator: 10, denominator: 1000 },
    { group: 'B', numerator: 20, denominator: 1000 },
    { group: 'C', numerator: 0, denominator: 500 },
  ]

  it('rates get exact Poisson intervals, Wald differences and log ratios against a chosen reference', () => {
    const result = groupDifferences(rates, { measure: 'rate', reference: 'A' })
    const b = result.groups[1]
    expect(b?.value.lower).toBeCloseTo(0.0122165, 6) // χ²(0.025; 40)/2 / 1000
    expect(b?.difference?.estimate).toBeCloseTo(0.01, 15)
    expect(b?.ratio?.estimate).toBeCloseTo(2, 14)
    expect(result.groups[2]?.ratio).toBeUndefined()
    expect(result.groups[2]?.small).toBe(true)
    expect(result.groups[2]?.value.lower).toBe(0)
  })

  it('a chosen smallCount marks more groups', () => {
    expect(groupDifferences(rates, { measure: 'rate', smallCount: 15 }).groups.map((g) => g.small)).toEqual([true, false, true])
  })

  it('throws on an unknown reference or a duplicate group, quoting it', () => {
    expect(() => groupDifferences(rates, { measure: 'rate', reference: 'Z' })).toThrow('invalid reference: "Z" (expected one of "A", "B", "C")')
    expect(() => groupDifferences([...rates, rates[0] as GroupCounts], { measure: 'rate' })).toThrow('duplicate group: "A"')
  })
})
