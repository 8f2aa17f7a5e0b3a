import { describe, expect, it } from 'vitest'
import type { ObservationInput } from '../core/model.ts'
import { isPeriodStart } from '../core/period.ts'
import { demoWeeks } from './calendar.ts'
import { generateDemo } from './generate-demo.ts'
import { GROUPS, type DimensionCode } from './strata.ts'

const demo = generateDemo()
const [riverside, northshore] = demo.organisations
const htn = riverside!.programmes[0]!
const PRACTICES = ['eastgate', 'northfield', 'westbrook', 'southmead', 'hillside', 'riverbank']

const key = (...parts: unknown[]) => parts.map(String).join('|')
function groupBy(rows: readonly ObservationInput[], by: (row: ObservationInput) => string): Map<string, ObservationInput[]> {
  const map = new Map<string, ObservationInput[]>()
  for (const row of rows) {
    const list = map.get(by(row))
    if (list) list.push(row)
    else map.set(by(row), [row])
  }
  return map
}

describe('generateDemo: determinism', () => {
  it('gives identical data for the same seed and different data for another seed', () => {
    expect(generateDemo({ seed: 7 })).toEqual(generateDemo({ seed: 7 }))
    const other = generateDemo({ seed: 8 }).organisations[0]!.programmes[0]!.observations
    expect(other.length).toBeGreaterThan(0)
    expect(other.map((o) => o.value)).not.toEqual(htn.observations.map((o) => o.value))
  })

  it('is pinned: the default data never changes unless the model does', () => {
    // A fingerprint of the default demo; update it only when the story is deliberately retuned.
    const sum = (measure: string) => htn.observations.filter((o) => o.measure === measure).reduce((a, o) => a + (o.numerator ?? o.value), 0)
    expect({ rows: htn.observations.length, control: sum('bp-control'), monitors: sum('monitors-lent') }).toMatchInlineSnapshot(`
      {
        "control": 4552130,
        "monitors": 33000,
        "rows": 58375,
      }
    `)
  })

  it('uses the default seed when none is given', () => {
    expect(generateDemo({ seed: 20250303 }).organisations[0]!.programmes[0]!.observations).toEqual(htn.observations)
  })

  it('moves every period with startWeek and rejects a start that is not a Monday', () => {
    const shifted = generateDemo({ startWeek: '2024-01-01' }).organisations[0]!.programmes[0]!
    expect(shifted.observations[0]!.period).toBe('2024-01-01')
    expect(shifted.rebases[0]!.date).toBe(demoWeeks('2024-01-01')[40])
    expect(() => generateDemo({ startWeek: '2025-03-04' })).toThrow('invalid startWeek: "2025-03-04"')
  })
})

describe('generateDemo: codes and definitions (docs/DEMO.md)', () => {
  it('has the two organisations, each with a root system site under its own code', () => {
    expect(demo.organisations.map((o) => o.organisation)).toEqual([
      { code: 'riverside', name: 'Riverside Integrated Care System' },
      { code: 'northshore', name: 'Northshore ICS' },
    ])
    for (const { organisation, sites } of demo.organisations) {
      expect(sites.filter((s) => s.parent === null)).toEqual([expect.objectContaining({ code: organisation.code, kind: 'system' })])
      const seen = new Set<string>()
      for (const site of sites) {
        if (site.parent !== null) expect(seen.has(site.parent), `${site.code} after its parent`).toBe(true)
        seen.add(site.code)
      }
    }
  })

  it('has Riverside networks, practices and partners with the fixed codes', () => {
    const sites = riverside!.sites
    const codesOf = (kind: string) => sites.filter((s) => s.kind === kind).map((s) => s.code)
    expect(codesOf('network')).toEqual(['pcn-north', 'pcn-south'])
    expect(codesOf('practice')).toEqual(PRACTICES)
    expect(codesOf('partner')).toEqual(['pharmacy-cluster', 'community-voice'])
    const parents = Object.fromEntries(sites.map((s) => [s.code, s.parent]))
    expect(['eastgate', 'northfield', 'westbrook'].map((c) => parents[c])).toEqual(['pcn-north', 'pcn-north', 'pcn-north'])
    expect(['southmead', 'hillside', 'riverbank'].map((c) => parents[c])).toEqual(['pcn-south', 'pcn-south', 'pcn-south'])
  })

  it('has programme htn with the aim and the six weekly measures', () => {
    expect(htn.programme.code).toBe('htn')
    expect(htn.programme.name).toBe('Hypertension: Find & Control')
    expect(htn.programme.aim).toContain('from 58% to 70%, and halve the gap between the most and least deprived fifths')
    const summary = htn.measures.map((m) => [m.code, m.type, m.kind, m.direction, m.period, m.defaultChart].join(' '))
    expect(summary).toEqual([
      'bp-control outcome proportion increase week xmr',
      'bp-recorded process proportion increase week xmr',
      'monitors-lent process count increase week xmr',
      'community-referral process proportion increase week xmr',
      'falls balancing rate neutral week xmr',
      'gp-wait-days balancing mean neutral week xmr',
    ])
    const byCode = Object.fromEntries(htn.measures.map((m) => [m.code, m]))
    expect(byCode['falls']!.rateMultiplier).toBe(1000)
    expect(byCode['gp-wait-days']!.unit).toBe('days')
    expect(byCode['bp-control']!.target).toBe(0.7)
  })

  it('records one rebase of bp-control with its reason, by demo', () => {
    expect(htn.rebases).toEqual([
      {
        measure: 'bp-control',
        date: '2025-12-08',
        reason: 'New blood-pressure target guideline (NICE NG136 update) changed the definition of controlled',
        createdBy: 'demo',
      },
    ])
  })

  it('uses only the fixed dimensions and groups, and only practice sites or null', () => {
    const wrong = htn.observations.filter((row) => {
      const siteOk = row.site === null || PRACTICES.includes(row.site)
      const groups: readonly string[] | undefined = row.dimension === null ? undefined : GROUPS[row.dimension as DimensionCode]
      const groupOk = row.dimension === null ? row.group === null : groups !== undefined && groups.includes(row.group ?? '')
      return !siteOk || !groupOk
    })
    expect(wrong).toEqual([])
  })

  it('keeps Northshore to its own sites and codes', () => {
    const own = new Set(northshore!.sites.map((s) => s.code))
    const rows = northshore!.programmes[0]!.observations
    expect(rows.length).toBeGreaterThan(0)
    for (const row of rows) expect(row.site === null || own.has(row.site)).toBe(true)
    expect([...own].filter((code) => riverside!.sites.some((s) => s.code === code))).toEqual([])
  })
})

describe('generateDemo: weeks', () => {
  const weeks = demoWeeks()

  it('has 78 Mondays from 2025-03-03 ending before November 2026', () => {
    expect(weeks).toHaveLength(78)
    expect(weeks.every((week) => isPeriodStart(week, 'week'))).toBe(true)
    expect(weeks[0]).toBe('2025-03-03')
    expect(weeks[77]! < '2026-11-01').toBe(true)
  })

  it('has every week in every all-people series, except exactly two missing weeks at northfield', () => {
    const series = groupBy(htn.observations.filter((o) => o.dimension === null), (o) => key(o.measure, o.site))
    expect(series.size).toBe(6 * 7)
    for (const [name, rows] of series) {
      const periods = rows.map((o) => o.period)
      expect(new Set(periods).size, name).toBe(periods.length)
      const missing = weeks.filter((week) => !periods.includes(week))
      expect(missing, name).toEqual(name.endsWith('|northfield') ? ['2025-12-22', '2025-12-29'] : [])
    }
  })

  it('has no northfield row at all in the missing weeks, but keeps the organisation rows', () => {
    const gap = ['2025-12-22', '2025-12-29']
    expect(htn.observations.filter((o) => o.site === 'northfield' && gap.includes(o.period))).toEqual([])
    expect(htn.observations.filter((o) => o.site === null && o.dimension === null && gap.includes(o.period))).toHaveLength(12)
  })

  it('has every group every week for measures whose denominator is the register', () => {
    const counted = htn.observations.filter((o) => ['bp-control', 'bp-recorded', 'monitors-lent', 'falls'].includes(o.measure))
    const series = groupBy(counted, (o) => key(o.measure, o.site, o.dimension, o.group))
    expect(series.size).toBe(4 * 7 * 18)
    for (const [name, rows] of series) expect(rows, name).toHaveLength(name.includes('|northfield|') ? 76 : 78)
  })
})

describe('generateDemo: numbers', () => {
  it('has about 60,000 Riverside rows', () => {
    expect(htn.observations.length).toBeGreaterThan(55_000)
    expect(htn.observations.length).toBeLessThan(60_000)
  })

  it('has finite values, whole counts and numerator ≤ denominator', () => {
    const all = [...htn.observations, ...northshore!.programmes[0]!.observations]
    const wrong = all.filter((row) => {
      const { numerator: n, denominator: d } = row
      const finite = Number.isFinite(row.value)
      const whole = (n === null || Number.isInteger(n)) && (d === null || (Number.isInteger(d) && d > 0))
      const ordered = n === null || d === null || n <= d
      const consistent = n === null || d === null || row.measure === 'falls' || Math.abs(row.value - n / d) < 1e-12
      return !(finite && whole && ordered && consistent)
    })
    expect(all.length).toBeGreaterThan(60_000)
    expect(wrong).toEqual([])
  })

  it('stores rates per 1,000 and leaves numerator and denominator off counts', () => {
    const falls = htn.observations.filter((o) => o.measure === 'falls')
    expect(falls.filter((o) => Math.abs(o.value - (o.numerator! / o.denominator!) * 1000) > 1e-9)).toEqual([])
    const monitors = htn.observations.filter((o) => o.measure === 'monitors-lent')
    expect(monitors.filter((o) => o.numerator !== null || o.denominator !== null || !Number.isInteger(o.value))).toEqual([])
  })
})
