/**
 * The few comments from carers, and the three texts that carry fake identifiers for the redactor to
 * remove when the demo is seeded. Every identifier is from a range reserved for tests or drama:
 * NHS numbers 999 000 0000–999 999 9999, Ofcom's drama numbers (07700 900xxx, 01632 960xxx) and
 * example.com addresses.
 */
import type { CollectionMethod, FftScore, InsightGroups, SourceType } from '../core/insight/model.ts'
import { T, type ThemePath } from './insight-codebook.ts'
import { dateOf } from './insight-draw.ts'
import type { Draft } from './insight-draft.ts'

interface Fixed {
  readonly key: string
  readonly source: SourceType
  readonly collectedVia: CollectionMethod
  readonly week: number
  readonly day: number
  readonly site: string | null
  readonly groups: InsightGroups
  readonly fft: FftScore | null
  readonly text: string
  readonly themes: readonly ThemePath[]
}

/** Keys of the records whose text holds fake identifiers (names, NHS numbers, phones, emails). */
export const RECORDS_WITH_IDENTIFIERS = ['patient-contact-1', 'patient-contact-2', 'carer-contact-1'] as const

const IDENTIFIED: readonly Fixed[] = [
  {
    key: 'patient-contact-1', source: 'patient', collectedVia: 'public_form', week: 12, day: 2, site: 'eastgate',
    groups: { imd_quintile: '1', sex: 'Female', age_band: '40-59' }, fft: 5, themes: [T.times, T.invites],
    text: 'My name is Mrs Patel, NHS number 999 000 0018, call me on 07700 900123. I have asked three times for an evening appointment for my blood pressure and nobody rings back.',
  },
  {
    key: 'patient-contact-2', source: 'patient', collectedVia: 'import_csv', week: 16, day: 4, site: 'northfield',
    groups: { ethnicity: 'Asian or Asian British', sex: 'Male', age_band: '60-79' }, fft: 4, themes: [T.letters, T.interpreters],
    text: 'The letters about my blood pressure check are only in English. Please email my daughter at amina.k@example.com or ring her on 01632 960456, she reads them for me.',
  },
  {
    key: 'carer-contact-1', source: 'carer', collectedVia: 'public_form', week: 44, day: 4, site: 'hillside',
    groups: { imd_quintile: '3', sex: 'Male', age_band: '80+' }, fft: 4, themes: [T.loans, T.numbers],
    text: "I'm writing for my father, Mr Okafor, NHS no 999 123 4578. He was lent a blood pressure monitor in the autumn and sends his readings every week but nobody has looked at them. Please ring me on 07700 900456 or email j.okafor@example.com.",
  },
]

const CARERS: readonly Fixed[] = [
  {
    key: 'carer-001', source: 'carer', collectedVia: 'public_form', week: 8, day: 3, site: 'eastgate',
    groups: { imd_quintile: '1', sex: 'Male', age_band: '80+' }, fft: 4, themes: [T.work, T.times],
    text: 'I take my dad to all his appointments but the nurse clinic clashes with my shifts, so he has missed two reviews this year.',
  },
  {
    key: 'carer-002', source: 'carer', collectedVia: 'public_form', week: 18, day: 1, site: 'northfield',
    groups: { imd_quintile: '2', ethnicity: 'Asian or Asian British', sex: 'Female', age_band: '80+' }, fft: 4, themes: [T.letters],
    text: "My mum can't read the letters because they're only in English, so I read everything to her over the phone.",
  },
  {
    key: 'carer-003', source: 'carer', collectedVia: 'public_form', week: 25, day: 5, site: 'southmead',
    groups: { imd_quintile: '1', ethnicity: 'Black or Black British', sex: 'Female', age_band: '80+' }, fft: 4, themes: [T.travel],
    text: 'Getting my wife to the surgery means two buses with her wheelchair. A check at home would be kinder.',
  },
  {
    key: 'carer-004', source: 'carer', collectedVia: 'public_form', week: 52, day: 2, site: 'hillside',
    groups: { imd_quintile: '4', ethnicity: 'White British', sex: 'Male', age_band: '80+' }, fft: 3, themes: [T.cuffs, T.numbers],
    text: "My husband has dementia and the home monitor is too fiddly for him. I'm never sure the readings I take are right.",
  },
  {
    key: 'carer-005', source: 'carer', collectedVia: 'public_form', week: 60, day: 4, site: 'pharmacy-cluster',
    groups: { imd_quintile: '2', sex: 'Male', age_band: '80+' }, fft: 1, themes: [T.pharmacy, T.good],
    text: 'The pharmacist was brilliant with my father. He took his blood pressure and sorted his tablets into a weekly pack.',
  },
]

function draft(weeks: readonly string[], fixed: Fixed): Draft {
  const { week, day, text, themes, ...rest } = fixed
  return { ...rest, event: null, date: dateOf(weeks, week, day), tags: [], layout: 'comment', parts: [{ text, themes }] }
}

/** The carers' comments and the three identified texts. */
export function fixedComments(weeks: readonly string[]): Draft[] {
  return [...CARERS, ...IDENTIFIED].map((fixed) => draft(weeks, fixed))
}
