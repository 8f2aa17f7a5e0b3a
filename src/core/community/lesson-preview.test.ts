import { describe, expect, it } from 'vitest'
import { canonicalJson, lessonPreview, type LessonDraftContent } from './lesson-preview.ts'

const draft: LessonDraftContent = {
  network: { code: 'htn-network', name: 'Hypertension learning network' },
  authorName: 'Riverside ICS',
  title: 'Monitor loans',
  summary: 'Loans and reminders.',
  setting: 'general practice',
  population: 'People on the register',
  cfirFactors: ['Inner setting'],
  change: 'Lend monitors.',
  measureCode: 'bp-control',
  measureName: 'BP controlled',
  themes: ['access'],
  verdict: 'working',
  effect: null,
  helped: 'Reminders.',
  hindered: 'Returns.',
  contactName: '',
  contactEmail: '',
}

describe('lessonPreview', () => {
  it('holds the shareable fields only, in a fixed shape', () => {
    const preview = lessonPreview(draft)
    expect(Object.keys(preview)).toEqual(['network', 'organisation', 'title', 'summary', 'context', 'change', 'measure', 'themes', 'verdict', 'effect', 'helped', 'hindered', 'contact'])
    expect(preview.organisation).toBe('Riverside ICS')
    expect(preview.measure).toEqual({ code: 'bp-control', name: 'BP controlled' })
  })

  it('gives no contact and no measure when none is stated', () => {
    const preview = lessonPreview({ ...draft, measureCode: '' })
    expect(preview.contact).toBeNull()
    expect(preview.measure).toBeNull()
    expect(lessonPreview({ ...draft, contactEmail: 'team@example.org' }).contact).toEqual({ name: '', email: 'team@example.org' })
  })
})

describe('canonicalJson', () => {
  it('sorts keys at every level, so the same object in any key order gives the same text', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: null }], c: 'x' } })).toBe('{"a":{"c":"x","d":[2,{"y":null,"z":1}]},"b":1}')
    expect(canonicalJson({ a: 1, b: 2 })).toBe(canonicalJson({ b: 2, a: 1 }))
  })

  it('changes when any value changes, and refuses numbers JSON cannot hold', () => {
    expect(canonicalJson(lessonPreview(draft))).not.toBe(canonicalJson(lessonPreview({ ...draft, helped: 'Reminders!' })))
    expect(() => canonicalJson({ rate: Number.NaN })).toThrow(/invalid number in canonical JSON: NaN/)
  })
})
