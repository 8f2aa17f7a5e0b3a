import { describe, expect, it } from 'vitest'
import { prepareText } from '../core/insight/prepare.ts'
import { splitExcerpts } from '../core/insight/split-excerpts.ts'
import { addDays } from '../core/period.ts'
import { demoWeeks } from './calendar.ts'
import { DEFAULT_SEED } from './generate-demo.ts'
import { DEFAULT_INSIGHT_SEED, generateDemoInsight } from './insight.ts'
import { RIVERSIDE_SITES } from './riverside-sites.ts'
import { DIMENSIONS, GROUPS, type DimensionCode } from './strata.ts'

const insight = generateDemoInsight()
const { records, events } = insight
const bySource = (source: string) => records.filter((r) => r.source === source)
const weeks = demoWeeks()
const SITE_CODES = new Set(RIVERSIDE_SITES.map((s) => s.code))

describe('generateDemoInsight: counts', () => {
  it('has about 140 records from every kind of source', () => {
    expect(records.length).toBeGreaterThanOrEqual(130)
    expect(records.length).toBeLessThanOrEqual(150)
    expect(bySource('patient').length).toBeGreaterThanOrEqual(70)
    expect(bySource('carer').length).toBeGreaterThanOrEqual(3)
    expect(bySource('carer').length).toBeLessThanOrEqual(8)
    expect(bySource('staff').length).toBeGreaterThanOrEqual(15)
    expect(bySource('community').length).toBeGreaterThanOrEqual(16)
    expect(bySource('interview').length).toBeGreaterThanOrEqual(3)
  })

  it('has four listening events at a mosque, a barbershop, an elders lunch club and a food bank', () => {
    const listening = events.filter((e) => e.kind === 'event')
    expect(listening).toHaveLength(4)
    for (const place of [/mosque/i, /barbershop/i, /lunch club/i, /food bank/i]) {
      expect(listening.filter((e) => place.test(e.place))).toHaveLength(1)
    }
  })

  it('has one interview event per interview record, and every record points to an event of its kind', () => {
    const kinds = new Map(events.map((e) => [e.key, e.kind]))
    expect(new Set(events.map((e) => e.key)).size).toBe(events.length)
    expect(events.filter((e) => e.kind === 'interview')).toHaveLength(bySource('interview').length)
    for (const record of records) {
      const expected = record.source === 'community' ? 'event' : record.source === 'interview' ? 'interview' : undefined
      expect(record.event === null ? undefined : kinds.get(record.event), record.key).toBe(expected)
    }
  })

  it('gives every listening event its records, in the order of its transcript', () => {
    for (const event of events) {
      const texts = records.filter((r) => r.event === event.key).map((r) => r.text)
      expect(texts.length, event.key).toBeGreaterThan(0)
      expect(event.transcript.endsWith(texts.join('\n\n')), event.key).toBe(true)
      for (const record of records.filter((r) => r.event === event.key)) {
        expect([record.date, record.site]).toEqual([event.date, event.site])
      }
    }
  })
})

describe('generateDemoInsight: records', () => {
  it('has unique keys, in date order, within the 78 demo weeks', () => {
    expect(new Set(records.map((r) => r.key)).size).toBe(records.length)
    const dates = records.map((r) => r.date)
    expect(dates).toEqual([...dates].sort())
    expect(dates[0]! >= weeks[0]!).toBe(true)
    expect(dates.at(-1)! <= addDays(weeks.at(-1)!, 6)).toBe(true)
    for (const event of events) expect(event.date >= weeks[0]! && event.date <= addDays(weeks.at(-1)!, 6)).toBe(true)
  })

  it('spreads comments over the baseline and the change weeks', () => {
    const comments = bySource('patient')
    const baseline = comments.filter((r) => r.date < weeks[26]!).length
    expect(baseline).toBeGreaterThan(comments.length * 0.25)
    expect(baseline).toBeLessThan(comments.length * 0.75)
  })

  it('uses Riverside site codes and the quantitative demo dimension codes and group labels', () => {
    for (const record of [...records, ...events]) {
      if (record.site !== null) expect(SITE_CODES.has(record.site), record.site).toBe(true)
    }
    for (const record of records) {
      for (const [dimension, group] of Object.entries(record.groups)) {
        expect(DIMENSIONS, record.key).toContain(dimension)
        expect(GROUPS[dimension as DimensionCode] as readonly string[], record.key).toContain(group)
        expect(group, 'a missing key says "not stated"').not.toBe('Not stated')
      }
    }
    for (const event of events) {
      for (const entry of event.groups) {
        const [dimension, group] = entry.split(':') as [DimensionCode, string]
        expect(GROUPS[dimension] as readonly string[], entry).toContain(group)
      }
    }
  })

  it('leaves some groups out to mean "not stated"', () => {
    const comments = [...bySource('patient'), ...bySource('carer')]
    for (const dimension of DIMENSIONS) {
      const missing = comments.filter((r) => !(dimension in r.groups)).length
      expect(missing, dimension).toBeGreaterThan(0)
      expect(missing, dimension).toBeLessThan(comments.length / 2)
    }
  })

  it('collects each source the way that source is collected', () => {
    const via = new Map([['patient', ['public_form', 'import_csv']], ['carer', ['public_form']], ['staff', ['staff_form']], ['community', ['event']], ['interview', ['interview']]])
    for (const record of records) expect(via.get(record.source), record.key).toContain(record.collectedVia)
    for (const note of bySource('staff')) expect(note.tags[0]).toBe('huddle')
  })

  it('gives most patient comments an FFT answer, and only patients and carers one', () => {
    const patients = bySource('patient')
    expect(patients.filter((r) => r.fft !== null).length).toBeGreaterThan(patients.length * 0.8)
    for (const record of records.filter((r) => r.source !== 'patient' && r.source !== 'carer')) expect(record.fft, record.key).toBeNull()
  })

  it('splits every text exactly as storage will, with no empty excerpt', () => {
    for (const record of records) {
      expect(record.excerpts.length, record.key).toBeGreaterThan(0)
      for (const excerpt of record.excerpts) expect(excerpt.trim(), record.key).toBe(excerpt)
      expect(record.excerpts.every((e) => e.length > 0), record.key).toBe(true)
      expect(splitExcerpts(record.text), record.key).toEqual(record.excerpts)
      // Redaction comes before the split when stored: it must not change how many excerpts there are.
      expect(prepareText(record.text).excerpts, record.key).toHaveLength(record.excerpts.length)
      if (record.excerpts.length === 1) expect(prepareText(record.text, { split: false }).excerpts, record.key).toHaveLength(1)
    }
  })

  it('writes comments as many people, not one sentence repeated', () => {
    const comments = bySource('patient').map((r) => r.text.toLowerCase())
    expect(new Set(comments).size).toBeGreaterThan(comments.length * 0.9)
  })
})

describe('generateDemoInsight: determinism', () => {
  it('gives the same insight for the same seed and different comments for another', () => {
    expect(generateDemoInsight(7)).toEqual(generateDemoInsight(7))
    const other = generateDemoInsight(8)
    expect(other.records.map((r) => r.text)).not.toEqual(generateDemoInsight(7).records.map((r) => r.text))
    expect(other.events).toEqual(generateDemoInsight(7).events)
  })

  it('defaults to the seed of the quantitative demo', () => {
    expect(DEFAULT_INSIGHT_SEED).toBe(DEFAULT_SEED)
    expect(generateDemoInsight(DEFAULT_SEED)).toEqual(insight)
  })

  it('is pinned: the default insight never changes unless its tables do', () => {
    const excerpts = records.reduce((n, r) => n + r.excerpts.length, 0)
    expect({ records: records.length, excerpts, codings: insight.codings.length, first: records[0]!.key, last: records.at(-1)!.key }).toMatchInlineSnapshot(`
      {
        "codings": 350,
        "excerpts": 176,
        "first": "patient-001",
        "last": "patient-080",
        "records": 140,
      }
    `)
  })
})
