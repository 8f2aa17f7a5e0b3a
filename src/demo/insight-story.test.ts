import { describe, expect, it } from 'vitest'
import { redact, sentiment } from '../core/text/index.ts'
import { RECORDS_WITH_IDENTIFIERS } from './insight-carers.ts'
import type { DemoInsightRecord } from './insight-data.ts'
import { STAFF_INTERVIEWS } from './insight-interviews.ts'
import { generateDemoInsight } from './insight.ts'
import { demoWeeks } from './calendar.ts'

const insight = generateDemoInsight()
const { records, codings } = insight
const byKey = new Map(records.map((r) => [r.key, r]))
const weeks = demoWeeks()

/** Records with at least one excerpt whose lead coding starts with `top`. */
function codedWith(top: string, from: readonly DemoInsightRecord[] = records): DemoInsightRecord[] {
  const keys = new Set(codings.filter((c) => c.theme[0] === top).map((c) => c.record))
  return from.filter((r) => keys.has(r.key))
}
const count = <T,>(items: readonly T[], by: (item: T) => string | undefined) => {
  const counts = new Map<string, number>()
  for (const item of items) {
    const key = by(item)
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1)
  }
  return counts
}
const mostCommon = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]
const mean = (values: readonly number[]) => values.reduce((a, b) => a + b, 0) / values.length

const LANGUAGE = /languag|interpret|english|translat|urdu|punjabi|bengali|gujarati|polish|somali/i

describe('the story triangulation must find (DEMO.md)', () => {
  it('silence: no staff note, and nothing said in a staff interview, mentions language or interpreters', () => {
    const staff = records.filter((r) => r.source === 'staff' || (r.event !== null && STAFF_INTERVIEWS.includes(r.event)))
    expect(staff.length).toBeGreaterThan(20)
    for (const record of staff) expect(record.text, record.key).not.toMatch(LANGUAGE)
    for (const record of staff) expect(record.tags.join(' '), record.key).not.toMatch(LANGUAGE)
    expect(codedWith('Language and information', staff)).toEqual([])
  })

  it('silence holds in the codings whatever the seed: no coder puts a staff excerpt under language', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const other = generateDemoInsight(seed)
      const staff = new Set(other.records.filter((r) => r.source === 'staff').map((r) => r.key))
      expect(other.codings.filter((c) => staff.has(c.record) && c.theme[0] === 'Language and information'), `seed ${seed}`).toEqual([])
    }
  })

  it('silence is a silence: patients, carers and the mosque event do talk about language', () => {
    const others = records.filter((r) => LANGUAGE.test(r.text))
    expect(others.filter((r) => r.source === 'patient').length).toBeGreaterThanOrEqual(8)
    expect(others.filter((r) => r.event === 'mosque').length).toBeGreaterThanOrEqual(3)
    const asian = codedWith('Language and information', records.filter((r) => r.source === 'patient'))
    expect(mostCommon(count(asian, (r) => r.groups.ethnicity))).toBe('Asian or Asian British')
  })

  it('agreement: access barriers come most from quintile 1 and from eastgate, the practice the numbers flag', () => {
    const access = codedWith('Access', records.filter((r) => r.source === 'patient' || r.source === 'carer'))
    expect(access.length).toBeGreaterThanOrEqual(30)
    expect(mostCommon(count(access, (r) => r.groups.imd_quintile))).toBe('1')
    expect(mostCommon(count(access, (r) => r.site ?? undefined))).toBe('eastgate')
    const working = access.filter((r) => r.groups.age_band === '18-39' || r.groups.age_band === '40-59').length
    expect(working).toBeGreaterThan(access.filter((r) => r.groups.age_band !== undefined).length / 2)
  })

  it('partial agreement: the pharmacy is preferred by some and found wanting by others', () => {
    const pharmacy = codedWith('Pharmacy and medicines', records.filter((r) => r.source === 'patient'))
    const scores = pharmacy.map((r) => r.fft).filter((f) => f !== null)
    expect(scores.filter((f) => f <= 2).length).toBeGreaterThanOrEqual(3)
    expect(scores.filter((f) => f >= 4).length).toBeGreaterThanOrEqual(3)
    expect(pharmacy.some((r) => r.site === 'pharmacy-cluster')).toBe(true)
  })

  it('dissonance: Black people are measured often but do not trust the advice, and the barbershop says why', () => {
    const barbershop = records.filter((r) => r.event === 'barbershop')
    expect(barbershop.length).toBeGreaterThanOrEqual(5)
    for (const record of barbershop) expect(record.groups.ethnicity).toBe('Black or Black British')
    expect(codedWith('Trust and understanding', barbershop).length).toBeGreaterThanOrEqual(3)
    expect(barbershop.some((r) => /taken|reading/i.test(r.text) && /explain|meant/i.test(r.text))).toBe(true)
    const trust = codedWith('Trust and understanding', records.filter((r) => r.source === 'patient'))
    expect(mostCommon(count(trust, (r) => r.groups.ethnicity))).toBe('Black or Black British')
  })

  it('hillside lends monitors but nobody acts on the readings (why it is "not working, adapt")', () => {
    const after = records.filter((r) => r.site === 'hillside' && r.date >= weeks[30]!)
    const monitors = codedWith('Equipment and monitors', after)
    expect(monitors.length).toBeGreaterThanOrEqual(5)
    expect(monitors.some((r) => r.source === 'staff')).toBe(true)
    expect(monitors.some((r) => r.event === 'lunch-club')).toBe(true)
  })

  it('says the things DEMO.md quotes', () => {
    const all = records.map((r) => r.text.toLowerCase()).join('\n')
    for (const quote of ["can't get time off work for the nurse clinic", 'letters only in english', 'the pharmacy machine was easier', 'no room for evening clinics', 'monitors not returned']) {
      expect(all).toContain(quote)
    }
  })

  it('gives FFT answers that match the words: good answers read positive, poor ones negative', () => {
    const scored = records.filter((r) => r.fft !== null && r.fft !== 6)
    const good = scored.filter((r) => r.fft! <= 2).map((r) => sentiment(r.text).score)
    const poor = scored.filter((r) => r.fft! >= 4).map((r) => sentiment(r.text).score)
    expect(good.length).toBeGreaterThan(10)
    expect(poor.length).toBeGreaterThan(30)
    expect(mean(good)).toBeGreaterThan(0)
    expect(mean(poor)).toBeLessThan(0)
  })
})

describe('fake identifiers for the redactor', () => {
  it('puts them in exactly the three listed records, where the redactor finds each kind', () => {
    const found = records.filter((r) => redact(r.text).entities.length > 0).map((r) => r.key)
    expect(found.sort()).toEqual([...RECORDS_WITH_IDENTIFIERS].sort())
    const types = RECORDS_WITH_IDENTIFIERS.flatMap((key) => redact(byKey.get(key)!.text).entities.map((e) => e.type))
    expect(new Set(types)).toEqual(new Set(['name', 'nhs_number', 'phone', 'email']))
  })

  it('uses only reserved test numbers and example addresses', () => {
    for (const key of RECORDS_WITH_IDENTIFIERS) {
      const text = byKey.get(key)!.text
      for (const entity of redact(text).entities) {
        const value = text.slice(entity.start, entity.end)
        if (entity.type === 'nhs_number') expect(value.replace(/\s/g, ''), key).toMatch(/^999\d{7}$/)
        if (entity.type === 'phone') expect(value, key).toMatch(/^(?:07700 900\d{3}|01632 960\d{3})$/)
        if (entity.type === 'email') expect(value, key).toMatch(/@example\.com$|\.example$/)
      }
    }
  })
})
