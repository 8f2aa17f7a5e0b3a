import { describe, expect, it } from 'vitest'
import { addDays } from '../period.ts'
import { signalsFromChart } from './chart-signals.ts'
import { BP_CONTROL, BP_RECORDED, GP_WAIT, SITE_NAMES, THEMES, calm, excerpts, handChart, negatives, positives, signal } from './fixtures.ts'
import { proposeFindings, type ProposeInput } from './propose.ts'
import type { ProposedFinding } from './types.ts'

const groupLabel = (dimension: string, group: string) => (dimension === 'imd_quintile' ? `deprivation quintile ${group}` : `${dimension} ${group}`)
const BASE: ProposeInput = {
  signals: [],
  excerpts: [],
  links: [{ measure: 'bp-control', themeId: 1 }],
  themes: THEMES,
  measures: [BP_CONTROL, BP_RECORDED, GP_WAIT],
  siteNames: SITE_NAMES,
  groupLabel,
  today: '2025-03-31',
}
const propose = (input: Partial<ProposeInput>) => proposeFindings({ ...BASE, ...input })
const only = (findings: readonly ProposedFinding[]): ProposedFinding => {
  expect(findings).toHaveLength(1)
  return findings[0] as ProposedFinding
}

describe('proposeFindings: the worked example of docs/methods/triangulation.md', () => {
  it('Eastgate: partial agreement, an opportunity for improvement, score 73.63; Northfield: a theme-only finding, silence', () => {
    const O = 'concern:outside_limits' as const
    const chart = handChart('increase', [...calm(20), O, O, '.', O, O, '.', O, O], addDays('2025-03-24', -27 * 7))
    const signals = signalsFromChart({ measure: BP_CONTROL, site: { code: 'eastgate', name: 'Eastgate Medical Practice' }, dimension: null, group: null, chart })
    expect(signals[0]).toMatchObject({ from: '2025-02-03', to: '2025-03-24', strength: expect.closeTo(0.5 + (0.5 * 6) / 7, 12) })
    const data = [
      ...excerpts(101, [-2, -3, -1, -2, -4, 0, 2], { date: '2025-03-10' }),
      ...excerpts(201, [-2, -1, -3], { source: 'staff', themeId: 2, date: '2025-01-20' }),
      ...excerpts(301, negatives(6), { source: 'community', site: 'northfield' }),
      ...excerpts(401, negatives(2), { date: '2024-02-01' }),
    ]
    const [eastgate, northfield, ...rest] = propose({ signals, excerpts: data, peopleAffected: () => 1200 })
    expect(rest).toEqual([])
    expect(eastgate).toMatchObject({
      key: 'bp-control|eastgate|',
      statement: 'Blood pressure controlled to target has fallen at Eastgate Medical Practice',
      classification: 'opportunity_for_improvement',
      cells: { numbers: null, staff: 'partial_agreement', patients: 'agreement', community: 'silence', peers: 'silence' },
      overall: 'partial_agreement',
      excerpts: { staff: { negative: 3, small: true }, patients: { negative: 5, neutral: 1, positive: 1, small: false } },
    })
    const score = 40 * 0.5 + 30 * (0.5 + (0.5 * 6) / 7) + 20 * (358 / 365) + (10 * Math.log10(1201)) / Math.log10(100_001)
    expect(eastgate?.score).toBeCloseTo(score, 10)
    expect(eastgate?.score).toBeCloseTo(73.6327, 4)
    expect(northfield).toMatchObject({ key: 'theme:1|northfield|', overall: 'silence', cells: { numbers: 'silence', community: 'silence' }, classification: 'opportunity_for_improvement' })
  })
})

describe('proposeFindings: convergence labels', () => {
  it('agreement: a concern signal and six negative patient comments on a linked theme at the site', () => {
    const f = only(propose({ signals: [signal()], excerpts: excerpts(1, negatives(6)) }))
    expect(f.key).toBe('bp-control|eastgate|')
    expect(f.cells).toEqual({ numbers: null, staff: 'silence', patients: 'agreement', community: 'silence', peers: 'silence' })
    expect(f.overall).toBe('agreement')
    expect(f.excerpts.patients).toEqual({ ids: [1, 2, 3, 4, 5, 6], negative: 6, neutral: 0, positive: 0, leaning: 'concern', small: false })
    expect(f.reasons).toContain('Patients (6 excerpts: 6 negative, 0 neutral, 0 positive): agreement — both lean concern and neither is weak.')
    expect(f.reasons).toContain('Peers: silence — no lessons shared yet.')
  })

  it('partial agreement: the same leaning from a small cell, from a mixed source, or against a weak signal; or a neutral side', () => {
    expect(only(propose({ signals: [signal()], excerpts: excerpts(1, negatives(3), { source: 'staff' }) }))).toMatchObject({ overall: 'partial_agreement', cells: { staff: 'partial_agreement' } })
    expect(only(propose({ signals: [signal()], excerpts: excerpts(1, [...negatives(4), ...positives(2)]) })).cells.patients).toBe('partial_agreement')
    expect(only(propose({ signals: [signal({ strength: 0.25 })], excerpts: excerpts(1, negatives(6)) })).cells.patients).toBe('partial_agreement')
    expect(only(propose({ signals: [signal()], excerpts: excerpts(1, [0, 0, 0, 0, 0, 0]) })).cells.patients).toBe('partial_agreement')
  })

  it('dissonance: the numbers improve while community comments lean concern, whatever the other sources say', () => {
    const f = only(propose({ signals: [signal({ leaning: 'improvement', side: 'high' })], excerpts: [...excerpts(1, negatives(6), { source: 'community' }), ...excerpts(10, positives(6))] }))
    expect(f.cells).toMatchObject({ community: 'dissonance', patients: 'agreement' })
    expect(f.overall).toBe('dissonance')
    expect(f.reasons).toContain('Community (6 excerpts: 6 negative, 0 neutral, 0 positive): dissonance — community comments lean concern but the numbers lean improvement.')
  })

  it('silence: no qualitative data at all; every finding is still proposed from its signal', () => {
    const findings = propose({ signals: [signal(), signal({ site: 'northfield', strength: 0.5 }), signal({ measure: 'bp-recorded', site: null, leaning: 'improvement', side: 'high' })] })
    expect(findings.map((f) => f.key)).toEqual(['bp-control|eastgate|', 'bp-recorded||', 'bp-control|northfield|'])
    for (const f of findings) {
      expect(f.cells).toEqual({ numbers: null, staff: 'silence', patients: 'silence', community: 'silence', peers: 'silence' })
      expect(f.overall).toBe('silence')
    }
  })

  it('a theme with only small cells: partial agreement, each cell flagged small', () => {
    const f = only(propose({ signals: [signal()], excerpts: [...excerpts(1, negatives(3), { source: 'staff' }), ...excerpts(10, negatives(4)), ...excerpts(20, negatives(2), { source: 'community' })] }))
    expect(f.cells).toMatchObject({ staff: 'partial_agreement', patients: 'partial_agreement', community: 'partial_agreement' })
    expect(f.overall).toBe('partial_agreement')
    expect([f.excerpts.staff.small, f.excerpts.patients.small, f.excerpts.community.small]).toEqual([true, true, true])
  })
})

describe('proposeFindings: evidence matching', () => {
  it('a link to a parent theme covers codings to its child theme', () => {
    const f = only(propose({ signals: [signal()], excerpts: excerpts(1, negatives(6), { themeId: 2 }) }))
    expect(f.focus.themes).toEqual([1])
    expect(f.excerpts.patients.ids).toEqual([1, 2, 3, 4, 5, 6])
  })

  it('ignores excerpts outside the window, at another site, of an unlinked theme, or of another group', () => {
    const ignored = [
      ...excerpts(1, negatives(6), { date: '2024-03-30' }),
      ...excerpts(10, negatives(6), { site: 'northfield' }),
      ...excerpts(20, negatives(6), { themeId: 3 }),
      ...excerpts(30, negatives(6), { groups: { imd_quintile: '5' } }),
    ]
    const findings = propose({ signals: [signal({ dimension: 'imd_quintile', group: '1' })], excerpts: ignored })
    const f = findings.find((x) => x.key === 'bp-control|eastgate|imd_quintile:1')
    expect(f?.overall).toBe('silence')
    expect(f?.excerpts.patients.ids).toEqual([])
  })

  it('an organisation-wide focus takes excerpts from any site; a group focus only that group\'s', () => {
    const data = [...excerpts(1, negatives(3), { site: 'northfield', groups: { imd_quintile: '1' } }), ...excerpts(10, negatives(3), { groups: { imd_quintile: '1' } }), ...excerpts(20, negatives(3))]
    const findings = propose({ signals: [signal({ site: null }), signal({ site: null, dimension: 'imd_quintile', group: '1' })], excerpts: data })
    expect(findings.find((f) => f.key === 'bp-control||')?.excerpts.patients.ids).toHaveLength(9)
    expect(findings.find((f) => f.key === 'bp-control||imd_quintile:1')?.excerpts.patients.ids).toHaveLength(6)
  })

  it('keeps a trend, a level and a gap on the same measure, site and group apart: three questions, three findings', () => {
    const found = propose({ signals: [signal({ strength: 0.4 }), signal({ kind: 'funnel_outlier', strength: 0.9 }), signal({ kind: 'gap_change', strength: 0.5 })] })
    expect(found.map((f) => [f.key, f.signals.map((s) => s.kind)]).sort()).toEqual([
      ['bp-control|eastgate|', ['special_cause']],
      ['bp-control|eastgate||gap', ['gap_change']],
      ['bp-control|eastgate||level', ['funnel_outlier']],
    ])
  })
})

describe('proposeFindings: no signal at all', () => {
  it('proposes a theme-only finding where many people raise a linked theme at one site, comparing the sources with each other', () => {
    const f = only(propose({ excerpts: [...excerpts(1, negatives(6)), ...excerpts(10, negatives(5), { source: 'community' })] }))
    expect(f.key).toBe('theme:1|eastgate|')
    expect(f.focus).toEqual({ measure: null, themes: [1], site: 'eastgate', dimension: null, group: null })
    expect(f.cells).toEqual({ numbers: 'silence', staff: 'silence', patients: 'agreement', community: 'agreement', peers: 'silence' })
    expect(f.overall).toBe('agreement')
    expect(f.statement).toBe('Patients and community members at Eastgate Medical Practice often raise "Access", mostly negatively (11 comments in the last 12 months)')
    expect(f.reasons[0]).toContain('so each source is compared with the other sources instead of the numbers')
  })

  it('proposes nothing when no site reaches the small-cell threshold, or when the theme is not linked', () => {
    expect(propose({ excerpts: excerpts(1, negatives(4)) })).toEqual([])
    expect(propose({ excerpts: excerpts(1, negatives(9), { themeId: 4 }) })).toEqual([])
    expect(propose({ excerpts: excerpts(1, negatives(4)), smallCell: 4 })).toHaveLength(1)
  })

  it('focuses on a group holding more than half of the excerpts, and not on "Not stated"', () => {
    const inGroup = excerpts(1, negatives(6), { groups: { imd_quintile: '1', ethnicity: 'Not stated' } })
    expect(only(propose({ excerpts: [...inGroup, ...excerpts(10, negatives(4))] })).key).toBe('theme:1|eastgate|imd_quintile:1')
    expect(only(propose({ excerpts: [...inGroup, ...excerpts(10, negatives(6))] })).key).toBe('theme:1|eastgate|')
  })

  it('leaves a theme-only focus out when a measure finding already shows its excerpts, or a linked parent theme has the same focus', () => {
    const data = excerpts(1, negatives(6), { themeId: 2 })
    const withSignal = propose({ signals: [signal({ site: null })], excerpts: data })
    expect(withSignal.map((f) => f.key)).toEqual(['bp-control||'])
    const bothLinked = propose({ excerpts: data, links: [{ measure: 'bp-control', themeId: 1 }, { measure: 'gp-wait-days', themeId: 2 }] })
    expect(bothLinked.map((f) => f.key)).toEqual(['theme:1|eastgate|'])
  })

  it('turns a theme signal into a theme-only finding with the theme\'s excerpts', () => {
    const surge = signal({ kind: 'theme_surge', measure: null, theme: 1, site: null, leaning: 'neutral', side: 'high', strength: 0.6 })
    const f = only(propose({ signals: [surge], excerpts: excerpts(1, negatives(2)) }))
    expect(f.key).toBe('theme:1||')
    expect(f.statement).toBe('Comments about "Access" have surged across the organisation')
    expect(f.excerpts.patients.ids).toEqual([1, 2])
  })
})

describe('proposeFindings: classification', () => {
  const classOf = (input: Partial<ProposeInput>, key: string) => propose(input).find((f) => f.key === key)?.classification

  it('inequality: a community group whose numbers lean concern, or a widening gap', () => {
    expect(classOf({ signals: [signal({ dimension: 'imd_quintile', group: '1' })] }, 'bp-control|eastgate|imd_quintile:1')).toBe('inequality')
    const widening = signal({ kind: 'gap_change', dimension: 'imd_quintile', group: '1', strength: 0.5 })
    expect(classOf({ signals: [widening, signal({ dimension: 'imd_quintile', group: '1', leaning: 'improvement', side: 'high' })] }, 'bp-control|eastgate|imd_quintile:1|gap')).toBe('inequality')
  })

  it('candidate to standardise: one site beyond the 99.8% limits on the better side while the organisation shows no improvement', () => {
    const excellent = signal({ kind: 'funnel_outlier', site: 'hillside', leaning: 'improvement', side: 'high', strength: 0.7 })
    expect(classOf({ signals: [excellent] }, 'bp-control|hillside||level')).toBe('candidate_to_standardise')
    expect(classOf({ signals: [excellent, signal({ site: null, leaning: 'improvement', side: 'high' })] }, 'bp-control|hillside||level')).toBe('area_of_excellence')
  })

  it('area of excellence: the numbers lean improvement at a site or across the organisation', () => {
    expect(classOf({ signals: [signal({ leaning: 'improvement', side: 'high' })] }, 'bp-control|eastgate|')).toBe('area_of_excellence')
    expect(classOf({ signals: [signal({ site: null, leaning: 'improvement', side: 'high' })] }, 'bp-control||')).toBe('area_of_excellence')
  })

  it('acceptable local variation: neutral numbers, a site inside the 99.8% limits, or a site difference people there are content with', () => {
    expect(classOf({ signals: [signal({ measure: 'gp-wait-days', leaning: 'neutral', side: 'high' })] }, 'gp-wait-days|eastgate|')).toBe('acceptable_local_variation')
    expect(classOf({ signals: [signal({ kind: 'funnel_outlier', strength: 0.2 })] }, 'bp-control|eastgate||level')).toBe('acceptable_local_variation')
    const lowSite = signal({ kind: 'funnel_outlier', strength: 0.6 })
    expect(classOf({ signals: [lowSite], excerpts: excerpts(1, positives(5), { source: 'community' }) }, 'bp-control|eastgate||level')).toBe('acceptable_local_variation')
    expect(classOf({ signals: [lowSite], excerpts: [...excerpts(1, positives(5), { source: 'community' }), ...excerpts(10, negatives(1))] }, 'bp-control|eastgate||level')).toBe('opportunity_for_improvement')
  })

  it('opportunity for improvement: the numbers lean concern at a site for all people; or a theme-only focus not leaning improvement', () => {
    expect(classOf({ signals: [signal()] }, 'bp-control|eastgate|')).toBe('opportunity_for_improvement')
    expect(classOf({ excerpts: excerpts(1, negatives(6)) }, 'theme:1|eastgate|')).toBe('opportunity_for_improvement')
    expect(classOf({ excerpts: excerpts(1, positives(6)) }, 'theme:1|eastgate|')).toBe('area_of_excellence')
  })
})

describe('proposeFindings: statements, ranking and stability', () => {
  it('states the change in plain English from the measure, direction of change, site and group', () => {
    const statements = propose({
      signals: [signal({ dimension: 'imd_quintile', group: '1' }), signal({ kind: 'funnel_outlier', site: 'northfield' }), signal({ kind: 'gap_change', site: null, dimension: 'imd_quintile', group: '2' }), signal({ measure: 'gp-wait-days', site: null, leaning: 'neutral', side: 'high' })],
    }).map((f) => f.statement)
    expect(statements.sort()).toEqual([
      'Blood pressure controlled to target has fallen in deprivation quintile 1 at Eastgate Medical Practice',
      'Blood pressure controlled to target is lower at Northfield Surgery than at other sites',
      'Days to a routine GP appointment has risen across the organisation',
      'The gap in blood pressure controlled to target between deprivation quintile 2 and its reference group is widening across the organisation',
    ])
  })

  it('ranks by score (agreeing sources, strength, recency, people affected), ties by key', () => {
    const signals = [signal({ site: 'westbrook' }), signal({ site: 'northfield' }), signal({ strength: 0.9 })]
    expect(propose({ signals }).map((f) => f.key)).toEqual(['bp-control|eastgate|', 'bp-control|northfield|', 'bp-control|westbrook|'])
    const agreeing = propose({ signals, excerpts: excerpts(1, negatives(6), { site: 'westbrook' }) })
    expect(agreeing[0]?.key).toBe('bp-control|westbrook|')
    const people = propose({ signals, peopleAffected: (focus) => (focus.site === 'northfield' ? 12_000 : null) })
    expect(people[0]?.key).toBe('bp-control|northfield|')
  })

  it('is deterministic: the same findings whatever the order of the inputs', () => {
    const input: Partial<ProposeInput> = {
      signals: [signal(), signal({ site: 'northfield', strength: 0.5 }), signal({ kind: 'funnel_outlier', strength: 0.6 })],
      excerpts: [...excerpts(1, [-2, 0, 2, -3, -1]), ...excerpts(10, negatives(3), { source: 'staff', themeId: 2 }), ...excerpts(20, negatives(6), { site: 'westbrook' })],
      links: [{ measure: 'bp-control', themeId: 1 }, { measure: 'bp-control', themeId: 3 }],
    }
    const reversed = { ...input, signals: [...(input.signals ?? [])].reverse(), excerpts: [...(input.excerpts ?? [])].reverse(), links: [...(input.links ?? [])].reverse() }
    expect(propose(reversed)).toEqual(propose(input))
  })

  it('keeps the keys when counts change, so a lead\'s decision survives recomputation', () => {
    const before = propose({ signals: [signal({ strength: 0.4 })], excerpts: excerpts(1, negatives(6)) })
    const after = propose({ signals: [signal({ strength: 0.9, from: '2025-02-03', to: '2025-03-24' })], excerpts: [...excerpts(1, negatives(6)), ...excerpts(7, positives(9))], today: '2025-04-30' })
    expect(after.map((f) => f.key)).toEqual(before.map((f) => f.key))
    expect(after[0]?.signals[0]?.key).toBe(before[0]?.signals[0]?.key)
    expect(after[0]?.overall).not.toBe(before[0]?.overall)
  })

  it('throws on an impossible small-cell threshold', () => {
    expect(() => propose({ smallCell: 0 })).toThrow('invalid smallCell: 0')
  })

  it('stays roughly linear: 2,000 series with signals and 20,000 codings in well under a few seconds', () => {
    const sites = Array.from({ length: 40 }, (_, i) => `site-${i}`)
    const signals = sites.flatMap((site) => Array.from({ length: 50 }, (_, g) => signal({ site, dimension: 'group', group: String(g) })))
    const data = Array.from({ length: 20_000 }, (_, i) => ({ excerptId: i, themeId: 1 + (i % 4), source: 'patients' as const, site: sites[i % 40] ?? null, groups: { group: String(i % 50) }, date: '2025-01-15', sentiment: (i % 5) - 2 }))
    const started = performance.now()
    const findings = propose({ signals, excerpts: data })
    // Plus one theme-only finding at each of the 20 sites with Access codings: no group holds more
    // than half of a site's excerpts, and no finding for all people at the site shows them.
    expect(findings).toHaveLength(2_020)
    expect(findings.filter((f) => f.focus.measure === null).every((f) => f.focus.group === null)).toBe(true)
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})
