/** Tests of the labelled set itself and of the scorer; no redactor is tested here. */
import { describe, expect, it } from 'vitest'
import {
  evaluate, evaluatePredictions, formatErrors, formatReport, listErrors, spansMatch, unmetTargets,
  type PredictedEntity, type Redactor,
} from './evaluate.ts'
import {
  claimHolds, isDramaPhone, isExampleEmail, isNiNumber, isPoolName, isReservedNhsNumber, isStreetAddress,
  parseDate, passesModulus11, postcodeArea, REAL_POSTCODE_AREAS, unlabelledLookalikes,
} from './gold-checks.ts'
import { COUNTS, ENTITY_TYPES, labelledTexts, summarise, type EntityType, type LabelledText } from './labelled-texts.ts'
import { FAKE_AREAS_ONE, FAKE_AREAS_TWO } from './pools.ts'

const SET = labelledTexts()
const spansOf = (type: EntityType, texts: readonly LabelledText[] = SET): string[] =>
  texts.flatMap((t) => t.entities.filter((e) => e.type === type).map((e) => t.text.slice(e.start, e.end)))
const allText = SET.map((t) => t.text).join('\n')

describe('the labelled set', () => {
  it('holds at least 400 distinct texts with unique ids, about half with identifiers', () => {
    expect(SET.length).toBeGreaterThanOrEqual(400)
    expect(new Set(SET.map((t) => t.id)).size).toBe(SET.length)
    expect(new Set(SET.map((t) => t.text)).size).toBe(SET.length)
    const withIds = SET.filter((t) => t.entities.length > 0).length
    expect(withIds / SET.length).toBeGreaterThan(0.45)
    expect(withIds / SET.length).toBeLessThan(0.55)
    expect(COUNTS.texts).toBe(SET.length)
    expect(COUNTS.withIdentifiers).toBe(withIds)
  })

  it('has at least 40 gold entities of every type', () => {
    for (const type of ENTITY_TYPES) expect(COUNTS.byType[type], type).toBeGreaterThanOrEqual(40)
    expect(COUNTS.entities).toBe(SET.reduce((n, t) => n + t.entities.length, 0))
  })

  it('draws from all five kinds of source, and texts are mostly 40 to 300 characters', () => {
    expect(Object.keys(COUNTS.bySource).sort()).toEqual(['community', 'fft', 'interview', 'patient', 'staff'])
    const inRange = SET.filter((t) => t.text.length >= 40 && t.text.length <= 300).length
    expect(inRange / SET.length).toBeGreaterThan(0.9)
  })

  it('keeps every span inside its text, sorted, non-overlapping, with no surrounding whitespace', () => {
    for (const t of SET) {
      let previousEnd = 0
      for (const e of t.entities) {
        expect(Number.isInteger(e.start) && Number.isInteger(e.end), t.id).toBe(true)
        expect(e.start, t.id).toBeGreaterThanOrEqual(previousEnd)
        expect(e.end, t.id).toBeGreaterThan(e.start)
        expect(e.end, t.id).toBeLessThanOrEqual(t.text.length)
        previousEnd = e.end
      }
    }
  })

  it('labels only what each span claims to be (reserved NHS numbers, drama phones, example emails, ...)', () => {
    const wrong = SET.flatMap((t) => t.entities
      .filter((e) => !claimHolds(e.type, t, e.start, e.end))
      .map((e) => `${t.id} ${e.type} ${JSON.stringify(t.text.slice(e.start, e.end))}`))
    expect(wrong.slice(0, 5)).toEqual([])
  })

  it('leaves no unlabelled identifier look-alike in the text (labels are complete)', () => {
    const missed = SET.flatMap((t) => unlabelledLookalikes(t).map((m) => `${t.id}: ${m}`))
    expect(missed.slice(0, 5)).toEqual([])
  })

  it('holds for other seeds too', () => {
    for (const seed of [2, 3, 2024]) {
      const set = labelledTexts(seed)
      const counts = summarise(set)
      for (const type of ENTITY_TYPES) expect(counts.byType[type], `${seed} ${type}`).toBeGreaterThanOrEqual(40)
      for (const t of set) {
        for (const e of t.entities) expect(claimHolds(e.type, t, e.start, e.end), `${t.id} ${t.text}`).toBe(true)
        expect(unlabelledLookalikes(t), t.text).toEqual([])
      }
    }
  })

  it('is deterministic for a seed and different for another seed', () => {
    expect(labelledTexts(1)).toEqual(SET)
    expect(labelledTexts(7)).toEqual(labelledTexts(7))
    const other = labelledTexts(2)
    const same = other.filter((t, i) => t.text === SET[i]?.text).length
    expect(same).toBeLessThan(SET.length / 4)
  })

  it('puts multi-unit characters (emoji) before some spans, so UTF-16 offsets are exercised', () => {
    const astral = SET.filter((t) => t.entities.some((e) => /[\u{10000}-\u{10FFFF}]/u.test(t.text.slice(0, e.start))))
    expect(astral.length).toBeGreaterThan(0)
  })
})

describe('surface forms in the set', () => {
  it('writes NHS numbers spaced, unspaced and dashed, with and without context', () => {
    const nhs = spansOf('nhs_number')
    expect(nhs.filter((s) => /^\d{3} \d{3} \d{4}$/.test(s)).length).toBeGreaterThanOrEqual(5)
    expect(nhs.filter((s) => /^\d{10}$/.test(s)).length).toBeGreaterThanOrEqual(5)
    expect(nhs.filter((s) => /^\d{3}-\d{3}-\d{4}$/.test(s)).length).toBeGreaterThanOrEqual(3)
    const contextFree = SET.filter((t) => t.entities.some((e) => e.type === 'nhs_number' &&
      !/nhs/i.test(t.text.slice(Math.max(0, e.start - 20), e.start))))
    expect(contextFree.length).toBeGreaterThanOrEqual(3)
  })

  it('writes postcodes in all six outward formats, upper and lower case, with and without the space', () => {
    const pcs = spansOf('postcode')
    const outward = (s: string): string => s.toUpperCase().replace(/ ?\d[A-Z]{2}$/, '')
    const shapes = new Set(pcs.map((s) => outward(s).replace(/[A-Z]/g, 'A').replace(/\d/g, '9')))
    expect([...shapes].sort()).toEqual(['A9', 'A99', 'A9A', 'AA9', 'AA99', 'AA9A'])
    expect(pcs.some((s) => s === s.toLowerCase() && s.includes(' '))).toBe(true)
    expect(pcs.some((s) => s === s.toLowerCase() && !s.includes(' '))).toBe(true)
    expect(pcs.some((s) => s === s.toUpperCase() && !s.includes(' '))).toBe(true)
    expect(pcs.some((s) => s === s.toUpperCase() && s.includes(' '))).toBe(true)
  })

  it('writes phones across the drama ranges, with +44, (0), brackets and no spaces', () => {
    const phones = spansOf('phone')
    for (const pattern of [/^07700/, /^\+44 7700/, /^\+44 \(0\)/, /^\(01632\)/, /^0113/, /^020 7946/, /^\d{11}$/, /^\+44\d+$/]) {
      expect(phones.some((s) => pattern.test(s)), String(pattern)).toBe(true)
    }
  })

  it('writes NI numbers compact, spaced and lower case; dates of birth numeric and with month names', () => {
    const nis = spansOf('ni_number')
    expect(nis.some((s) => /^[A-Z]{2}\d{6}[A-D]$/.test(s))).toBe(true)
    expect(nis.some((s) => /^[A-Z]{2} \d{2} \d{2} \d{2} [A-D]$/.test(s))).toBe(true)
    expect(nis.some((s) => /^[a-z]{2}\d{6}[a-d]$/.test(s))).toBe(true)
    const dobs = spansOf('date_of_birth')
    expect(dobs.some((s) => /^\d{1,2}\/\d{1,2}\/\d{2,4}$/.test(s))).toBe(true)
    expect(dobs.some((s) => /^\d{4}-\d{2}-\d{2}$/.test(s))).toBe(true)
    expect(dobs.some((s) => /[a-z]{3,}/i.test(s))).toBe(true)
  })

  it('writes names with titles, lower case, possessive, and several per text; addresses with flats and towns', () => {
    const names = spansOf('name')
    expect(names.some((s) => s === s.toLowerCase())).toBe(true)
    expect(SET.some((t) => t.entities.some((e) => e.type === 'name' && /(Dr|Mrs|Nurse|Sister) $/.test(t.text.slice(0, e.start))))).toBe(true)
    expect(SET.some((t) => t.entities.some((e) => e.type === 'name' && /^['’]s/.test(t.text.slice(e.end))))).toBe(true)
    expect(SET.some((t) => t.entities.filter((e) => e.type === 'name').length >= 2)).toBe(true)
    const addresses = spansOf('address')
    expect(addresses.some((s) => /^Flat \d+, /i.test(s))).toBe(true)
    expect(addresses.some((s) => /, [A-Z][a-z]+$/.test(s))).toBe(true)
    // A postcode right after an address is its own span.
    expect(SET.some((t) => t.entities.some((e, i) => e.type === 'address' && t.entities[i + 1]?.type === 'postcode' &&
      t.entities[i + 1]!.start - e.end <= 2))).toBe(true)
  })

  it('contains the tricky negatives, unlabelled', () => {
    const negatives = [/Ward \d+/, /\d+ ?mg/, /Nurse led clinic/, /Sister ward/, /NHS 111/, /call 999/, /A&E/, /Room \d+/,
      /Bed \d+/, /\d+ weeks/, /£\d+/, /\d{1,2}:\d{2}/, /seen on \d+ [A-Z][a-z]+/, /appointment on \d{2}\/\d{2}\/2025/,
      /I will/, /in May/, /with grace/i, /hope it helps/i, /mark my words/i, /rose garden/, /dawn till dusk/, /sunny day/,
      /the bill/, /ref \d{5}/, /Riverside Medical Centre/, /Eastgate Medical Practice/, /amlodipine|ramipril/, /B12/, /\d{3}\/\d{2,3}/]
    for (const n of negatives) expect(n.test(allText), String(n)).toBe(true)
  })

  it('uses only fictional postcode areas and invented names', () => {
    for (const a of [...FAKE_AREAS_ONE, ...FAKE_AREAS_TWO]) expect(REAL_POSTCODE_AREAS.has(a), a).toBe(false)
  })
})

describe('the checks the set is held to', () => {
  it('know the Modulus 11 rule and the reserved range', () => {
    expect(passesModulus11('9990000018')).toBe(true)
    expect(passesModulus11('9990000026')).toBe(true)
    expect(passesModulus11('9876544321')).toBe(false)
    expect(isReservedNhsNumber('999 000 0018')).toBe(true)
    expect(isReservedNhsNumber('999-000-0034')).toBe(true)
    expect(isReservedNhsNumber('999 000-0034')).toBe(false)
    expect(isReservedNhsNumber('999 999 9999')).toBe(false)
    expect(isReservedNhsNumber('943 476 5919')).toBe(false) // valid check digit, outside the test range
  })

  it('know the drama phone ranges, postcodes, emails, NI numbers, dates, addresses and names', () => {
    for (const ok of ['07700 900123', '+44 7700 900123', '+44 (0)7700 900123', '07700900123', '(01632) 960 123', '0113 496 0999', '020 7946 0000']) {
      expect(isDramaPhone(ok), ok).toBe(true)
    }
    for (const bad of ['07700 901123', '0113 496 1000', '020 7946 1000', '111', '999']) expect(isDramaPhone(bad), bad).toBe(false)
    expect(postcodeArea('ka7 4bd')).toBe('KA')
    expect(postcodeArea('HQ2E 5LX')).toBe('HQ')
    expect(postcodeArea('D4P2AB')).toBe('D')
    expect(postcodeArea('B12')).toBe(null)
    expect(postcodeArea('QA1 1AA')).toBe(null)
    expect(isExampleEmail('a.b@riverside.nhs.example')).toBe(true)
    expect(isExampleEmail('a.b@gmail.com')).toBe(false)
    expect(isNiNumber('AB 12 34 56 C')).toBe(true)
    expect(isNiNumber('QQ 12 34 56 C')).toBe(false)
    expect(isNiNumber('GB123456A')).toBe(false)
    expect(parseDate('3rd of March 1954')).toEqual({ year: 1954, month: 3, day: 3 })
    expect(parseDate('30/02/1954')).toBe(null)
    expect(isStreetAddress('Flat 3, 22 Mill Lane, Riverside')).toBe(true)
    expect(isStreetAddress('Ward 10')).toBe(false)
    expect(isPoolName('Siobhan O\'Brien')).toBe(true)
    expect(isPoolName('Dr Patel')).toBe(false)
  })

  it('catch an unlabelled identifier and a wrong label', () => {
    const item: LabelledText = { id: 'x', text: 'NHS no 999 000 0018, call 07700 900123, Amina was lovely', entities: [] }
    expect(unlabelledLookalikes(item).length).toBe(3)
    const labelled: LabelledText = {
      ...item,
      entities: [{ type: 'nhs_number', start: 7, end: 19 }, { type: 'phone', start: 26, end: 38 }, { type: 'name', start: 40, end: 45 }],
    }
    expect(unlabelledLookalikes(labelled)).toEqual([])
    for (const e of labelled.entities) expect(claimHolds(e.type, labelled, e.start, e.end)).toBe(true)
    expect(claimHolds('nhs_number', labelled, 7, 18)).toBe(false)
    expect(claimHolds('name', labelled, 39, 45)).toBe(false)
    // A date close after a birth keyword must be a labelled date of birth.
    expect(unlabelledLookalikes({ id: 'y', text: 'DOB 3 March 1950', entities: [] })).toHaveLength(2)
    expect(unlabelledLookalikes({ id: 'z', text: 'born in 1950, seen on 3 March', entities: [] })).toHaveLength(1)
    expect(unlabelledLookalikes({ id: 'w', text: 'DOB 3 March 1950', entities: [{ type: 'date_of_birth', start: 4, end: 16 }] })).toEqual([])
  })
})

describe('evaluate', () => {
  const perfect: Redactor = (text) => ({ entities: SET.find((t) => t.text === text)?.entities ?? [] })
  const empty: Redactor = () => ({ entities: [] })

  it('gives a perfect redactor 1.0 everywhere', () => {
    const r = evaluate(perfect, SET)
    for (const type of ENTITY_TYPES) {
      expect(r.byType[type]).toMatchObject({ goldCount: COUNTS.byType[type], predictedCount: COUNTS.byType[type], recall: 1, precision: 1 })
    }
    expect(r.overall).toMatchObject({ goldCount: COUNTS.entities, truePositives: COUNTS.entities, recall: 1, precision: 1 })
    expect(unmetTargets(r)).toEqual([])
    expect(listErrors(perfect, SET)).toEqual([])
    expect(formatReport(r)).toContain('overall')
  })

  it('gives an empty redactor recall 0 (and vacuous precision 1)', () => {
    const r = evaluate(empty, SET)
    for (const type of ENTITY_TYPES) expect(r.byType[type]).toMatchObject({ truePositives: 0, recall: 0, precision: 1 })
    expect(r.overall.recall).toBe(0)
    expect(unmetTargets(r).length).toBe(5)
    const errors = listErrors(empty, SET)
    expect(errors.length).toBe(COUNTS.entities)
    expect(formatErrors(errors, 3).split('\n')).toHaveLength(4)
  })

  const item: LabelledText = { id: 'hand', text: 'Tomasz and Agnieszka at 14 Elm Road, KB17 3HJ.', entities: [
    { type: 'name', start: 0, end: 6 }, // Tomasz
    { type: 'name', start: 11, end: 20 }, // Agnieszka
    { type: 'address', start: 24, end: 35 }, // 14 Elm Road
    { type: 'postcode', start: 37, end: 45 }, // KB17 3HJ
  ] }
  const run = (predicted: PredictedEntity[]) => evaluatePredictions([item], [predicted])

  it('counts an overlap of at least half the gold span, and no less', () => {
    const gold = { type: 'address' as const, start: 10, end: 20 }
    expect(spansMatch(gold, { type: 'address', start: 15, end: 20 })).toBe(true) // exactly half
    expect(spansMatch(gold, { type: 'address', start: 16, end: 30 })).toBe(false) // 4 of 10
    expect(spansMatch(gold, { type: 'address', start: 0, end: 40 })).toBe(true) // covers it
    expect(spansMatch(gold, { type: 'name', start: 10, end: 20 })).toBe(false) // wrong type
    expect(spansMatch(gold, { type: 'address', start: 20, end: 25 })).toBe(false) // touching only
    const r = run([{ type: 'address', start: 27, end: 35 }, { type: 'postcode', start: 37, end: 40 }])
    expect(r.byType.address).toMatchObject({ truePositives: 1, recall: 1, precision: 1 })
    expect(r.byType.postcode).toMatchObject({ truePositives: 0, recall: 0, precision: 0 })
    expect(r.byType.name).toMatchObject({ goldCount: 2, predictedCount: 0, recall: 0, precision: 1 })
    expect(r.overall).toMatchObject({ goldCount: 4, predictedCount: 2, truePositives: 1, recall: 0.25, precision: 0.5 })
  })

  it('matches each span at most once', () => {
    // One predicted span over both names matches only one of them.
    const merged = run([{ type: 'name', start: 0, end: 20 }])
    expect(merged.byType.name).toMatchObject({ truePositives: 1, recall: 0.5, precision: 1 })
    // Two predictions on one gold span: one true positive, one false positive.
    const doubled = run([{ type: 'postcode', start: 37, end: 45 }, { type: 'postcode', start: 37, end: 41 }])
    expect(doubled.byType.postcode).toMatchObject({ truePositives: 1, predictedCount: 2, precision: 0.5 })
  })

  it('finds the largest one-to-one matching, whatever the order of the predictions', () => {
    const two: LabelledText = { id: 'two', text: 'x'.repeat(20), entities: [
      { type: 'name', start: 0, end: 10 }, { type: 'name', start: 8, end: 12 },
    ] }
    const a: PredictedEntity = { type: 'name', start: 5, end: 12 } // matches both gold spans
    const b: PredictedEntity = { type: 'name', start: 9, end: 11 } // matches the second only
    for (const order of [[a, b], [b, a]]) {
      expect(evaluatePredictions([two], [order]).byType.name.truePositives).toBe(2)
    }
  })

  it('counts unknown types and broken spans as false positives', () => {
    const r = run([
      { type: 'person', start: 0, end: 6 },
      { type: 'name', start: 20, end: 11 },
      { type: 'name', start: 0, end: 999 },
      { type: 'name', start: 0.5, end: 6 },
    ])
    expect(r.unknownTypePredictions).toBe(1)
    expect(r.invalidSpanPredictions).toBe(3)
    expect(r.byType.name).toMatchObject({ predictedCount: 3, truePositives: 0 })
    expect(r.overall).toMatchObject({ predictedCount: 4, truePositives: 0, precision: 0 })
  })

  it('lists misses and false positives with context', () => {
    const redactor: Redactor = () => ({ entities: [{ type: 'name', start: 0, end: 6 }, { type: 'name', start: 24, end: 26 }] })
    const errors = listErrors(redactor, [item])
    expect(errors.map((e) => `${e.kind} ${e.type} ${e.span}`)).toEqual([
      'miss name Agnieszka', 'miss address 14 Elm Road', 'miss postcode KB17 3HJ', 'false_positive name 14',
    ])
    expect(errors[0]!.context).toContain('[[Agnieszka]]')
    expect(formatErrors(errors, 2)).toBe(
      'hand miss name: Tomasz and [[Agnieszka]] at 14 Elm Road, KB17 3HJ.\nhand miss address: Tomasz and Agnieszka at [[14 Elm Road]], KB17 3HJ.\n… and 2 more',
    )
  })

  it('refuses prediction lists that do not line up with the texts', () => {
    expect(() => evaluatePredictions([item], [])).toThrow()
  })
})
