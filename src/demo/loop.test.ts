/** The demo's loop as data: dates on the demo calendar, codes the demo has, and the story its verdicts should tell. */
import { describe, expect, it } from 'vitest'
import type { ObservationInput } from '../core/model.ts'
import { isPeriodStart } from '../core/period.ts'
import { demoWeeks } from './calendar.ts'
import { generateDemo } from './generate-demo.ts'
import type { DemoDriver, DemoPrediction } from './loop-data.ts'
import { demoLoop, LOOP_IMPROVERS, PREDICTION_WEEKS } from './loop.ts'
import { RIVERSIDE_PRACTICES } from './riverside-practices.ts'
import { RIVERSIDE_SITES } from './riverside-sites.ts'

const loop = demoLoop()
const weeks = demoWeeks()
const lastWeek = weeks[weeks.length - 1]!
const PRACTICES = RIVERSIDE_PRACTICES.map((p) => p.code)
const ROOT = RIVERSIDE_SITES.find((s) => s.kind === 'system')!.code
const practiceActions = loop.actions.filter((a) => a.decision === 'standardise-loans-reminders')
const actionAt = (code: string) => practiceActions.find((a) => a.sites.includes(code))!
const primaryOf = (code: string) => actionAt(code).predictions.find((p) => p.role === 'primary')!

const htn = generateDemo().organisations[0]!.programmes[0]!
const series = new Map<string, ObservationInput[]>()
for (const row of htn.observations) {
  const key = `${row.measure}|${row.site ?? ''}|${row.dimension ?? ''}|${row.group ?? ''}`
  ;(series.get(key) ?? series.set(key, []).get(key)!).push(row)
}
const seriesOf = (p: DemoPrediction) => series.get(`${p.measure}|${p.site === ROOT ? '' : p.site}|${p.dimension ?? ''}|${p.group ?? ''}`)

function flatten(drivers: readonly DemoDriver[]): DemoDriver[] {
  return drivers.flatMap((d) => [d, ...flatten(d.children)])
}

describe('the demo loop', () => {
  it('is the same data every time', () => {
    expect(demoLoop()).toEqual(loop)
  })

  it('has the aim of DEMO.md on bp-control: 58% to 70% by the end of March 2026', () => {
    expect(loop.aim).toMatchObject({ measure: 'bp-control', baseline: 0.58, target: 0.7, by: '2026-03-31' })
    expect(loop.aim.statement).toMatch(/^By March, raise the share .* from 58% to 70%, and halve the gap/)
  })

  it('has a driver diagram of four primary drivers, each with secondary drivers and change ideas linked to the demo’s measures', () => {
    expect(loop.drivers.map((d) => d.title)).toEqual(['People are found', 'Measuring is convenient', 'Treatment is optimised', 'People trust and understand the care offered'])
    for (const primary of loop.drivers) {
      expect(primary.kind).toBe('primary')
      expect(primary.children.length).toBeGreaterThan(0)
      for (const secondary of primary.children) {
        expect(secondary.kind).toBe('secondary')
        expect(secondary.children.length).toBeGreaterThan(0)
        for (const idea of secondary.children) expect([idea.kind, idea.children]).toEqual(['change_idea', []])
      }
    }
    const all = flatten(loop.drivers)
    expect(new Set(all.map((d) => d.key)).size).toBe(all.length)
    const measures = new Set(htn.measures.map((m) => m.code))
    for (const driver of all) for (const code of driver.measures) expect(measures, `${driver.key} → ${code}`).toContain(code)
    const ideas = all.filter((d) => d.kind === 'change_idea').map((d) => d.title)
    for (const title of ['Home monitor loans', 'Reminders in four languages', 'Checks at community venues', 'Evening and Saturday clinics', 'Stop postal-only invitations', 'Medicines review for side effects']) expect(ideas).toContain(title)
    for (const action of loop.actions) expect(all.find((d) => d.key === action.changeIdea)?.kind, action.key).toBe('change_idea')
  })

  it('has synthetic people only, at the reserved riverside.example domain, and groups of a board, a committee and a huddle', () => {
    for (const person of loop.people) expect(person.email).toMatch(/^[a-z]+\.[a-z]+@riverside\.example$/)
    expect(new Set(loop.people.map((p) => p.email)).size).toBe(loop.people.length)
    expect(loop.groups.map((g) => g.kind).sort()).toEqual(['board', 'committee', 'huddle'])
    const emails = new Set(loop.people.map((p) => p.email))
    const named = [
      ...loop.groups.flatMap((g) => g.members),
      ...loop.meetings.flatMap((m) => m.attended),
      ...loop.decisions.map((d) => d.owner),
      ...loop.actions.map((a) => a.owner),
    ]
    for (const email of named) expect(emails).toContain(email)
  })

  it('holds two meetings before any practice starts (August 2025) and one in early 2026; only members attend', () => {
    const firstStart = practiceActions.map((a) => a.startDate).sort()[0]!
    const [committee, board, huddle] = loop.meetings
    expect([committee!.heldOn, board!.heldOn, huddle!.heldOn]).toEqual(['2025-08-05', '2025-08-20', '2026-03-17'])
    expect(board!.heldOn < firstStart).toBe(true)
    for (const meeting of loop.meetings) {
      const group = loop.groups.find((g) => g.code === meeting.group)!
      for (const email of meeting.attended) expect(group.members).toContain(email)
      expect(meeting.agenda.length).toBeGreaterThan(0)
      expect(meeting.minutes.length).toBeLessThanOrEqual(20_000)
    }
  })

  it('records the three decisions of DEMO.md, each resting on findings on its meeting’s agenda', () => {
    expect(loop.decisions.map((d) => [d.title, d.label])).toEqual([
      ['Standardise home monitor loans and reminders in four languages', 'standardise'],
      ['Allow local variation in which community venue hosts checks', 'local_variation'],
      ['Stop postal-only invitations', 'stop'],
    ])
    for (const decision of loop.decisions) {
      const meeting = loop.meetings.find((m) => m.key === decision.meeting)!
      expect(decision.findings.length).toBeGreaterThan(0)
      for (const key of decision.findings) expect(meeting.agenda).toContain(key)
      expect(decision.optionsConsidered).toContain(decision.optionChosen.split(', each starting')[0])
      expect(decision.rationale.length).toBeLessThanOrEqual(5_000)
      expect(decision.title.length).toBeLessThanOrEqual(200)
    }
  })

  it('starts one action per practice from decision 1, on the Monday of that practice’s change week', () => {
    expect(practiceActions.map((a) => a.sites)).toEqual(PRACTICES.map((code) => [code]))
    for (const practice of RIVERSIDE_PRACTICES) {
      const action = actionAt(practice.code)
      expect(action.title).toBe(`Home monitor loans and reminders at ${practice.code.charAt(0).toUpperCase()}${practice.code.slice(1)}`)
      expect(isPeriodStart(action.startDate, 'week')).toBe(true)
      expect(action.startDate).toBe(weeks[practice.changeWeek!])
      for (const cycle of action.cycles) expect(cycle.startedOn >= action.startDate).toBe(true)
    }
  })

  it('puts every action at a practice or at the whole organisation (the root site)', () => {
    for (const action of loop.actions) {
      for (const site of action.sites) expect([...PRACTICES, ROOT], action.key).toContain(site)
      for (const p of action.predictions) expect([...action.sites, ROOT], action.key).toContain(p.site)
    }
    const organisationWide = loop.actions.filter((a) => a.sites.includes(ROOT))
    expect(organisationWide.map((a) => [a.decision, a.predictions[0]!.measure])).toEqual([
      ['local-community-venues', 'community-referral'],
      ['stop-postal-only', 'bp-recorded'],
    ])
  })

  it('predicts only series the demo has: measure, site and dimension/group pairs with observations', () => {
    for (const action of loop.actions) {
      for (const p of action.predictions) {
        expect((p.dimension === null) === (p.group === null)).toBe(true)
        expect(seriesOf(p)?.length ?? 0, `${action.key}: ${p.measure} at ${p.site} ${p.dimension}:${p.group}`).toBeGreaterThan(40)
      }
    }
  })

  it('targets the most deprived fifth at the four improvers (and hillside), everyone at westbrook, 5 points in 26 weeks', () => {
    for (const code of [...LOOP_IMPROVERS, 'hillside']) expect(primaryOf(code)).toMatchObject({ measure: 'bp-control', dimension: 'imd_quintile', group: '1', direction: 'increase', expectedSize: 0.05 })
    expect(primaryOf('westbrook')).toMatchObject({ measure: 'bp-control', dimension: null, group: null, direction: 'increase', expectedSize: 0.05 })
    expect(practiceActions.filter((a) => primaryOf(a.sites[0]!).group === '1' && a.expectedVerdict === 'working').map((a) => a.sites[0])).toEqual(['eastgate', 'northfield', 'southmead', 'riverbank'])
    for (const action of practiceActions) {
      const by = weeks.indexOf(primaryOf(action.sites[0]!).by!) - weeks.indexOf(action.startDate)
      expect(by).toBe(PREDICTION_WEEKS)
      expect(action.predictions.filter((p) => p.role === 'balancing').map((p) => [p.measure, p.direction])).toEqual([
        ['falls', 'increase'],
        ['gp-wait-days', 'increase'],
      ])
    }
  })

  it('has exactly one review date before the demo’s last week: "Stop postal-only invitations", overdue', () => {
    const reviews = [...loop.decisions.map((d) => ({ key: `decision ${d.key}`, date: d.reviewDate })), ...loop.actions.map((a) => ({ key: `action ${a.key}`, date: a.reviewDate }))]
    expect(reviews.filter((r) => r.date < lastWeek)).toEqual([{ key: 'action stop-postal-only', date: '2026-06-01' }])
  })

  it('adopts cycle 1 at the working practices; hillside adapts it and starts cycle 2, which has no act yet', () => {
    for (const action of practiceActions.filter((a) => a.sites[0] !== 'hillside')) {
      expect(action.cycles.map((c) => c.act)).toEqual(['adopt'])
      expect(action.status).toBe('in_progress')
    }
    const hillside = actionAt('hillside')
    expect(hillside.status).toBe('adapted')
    const [first, second] = hillside.cycles
    expect(hillside.cycles).toHaveLength(2)
    expect(first).toMatchObject({ number: 1, act: 'adapt' })
    expect(first!.actNotes + first!.studyNotes).toMatch(/nobody is assigned to review the home readings/)
    expect(second).toMatchObject({ number: 2, act: null, finishedOn: null, studyNotes: '' })
    expect(second!.plan).toMatch(/reviews every home reading each week/)
    expect(second!.startedOn > first!.finishedOn!).toBe(true)
    expect(second!.startedOn <= lastWeek).toBe(true)
  })

  // A rough stand-in for the review engine: limits frozen on the points before the change (XmR:
  // mean and mean moving range ÷ 1.128), then a shift (7 in a row on one side) or two points
  // beyond 3σ after it. Enough to show the data tells the story each action expects.
  it.each(loop.actions.map((a) => [a.key, a] as const))('%s: the data after the start fits the expected verdict', (_key, action) => {
    for (const p of action.predictions) {
      const rows = seriesOf(p)!
      const before = rows.filter((r) => r.period < action.startDate).map((r) => r.value)
      const after = rows.filter((r) => r.period >= action.startDate).map((r) => r.value)
      const centre = before.reduce((a, b) => a + b, 0) / before.length
      const sigma = before.slice(1).reduce((a, v, i) => a + Math.abs(v - before[i]!), 0) / (before.length - 1) / 1.128
      const sign = p.direction === 'increase' ? 1 : -1
      let run = 0
      let longest = 0
      for (const value of after) longest = Math.max(longest, (run = sign * (value - centre) > 0 ? run + 1 : 0))
      const beyond = after.filter((value) => sign * (value - centre) > 3 * sigma).length
      const signal = longest >= 7 || beyond >= 2
      const what = `${p.role} ${p.measure} at ${p.site} ${p.group ?? 'all'}: longest run ${longest}, ${beyond} beyond 3σ`
      if (p.role === 'balancing') expect(signal, what).toBe(false)
      else expect(signal, what).toBe(action.expectedVerdict === 'working')
    }
  })
})
