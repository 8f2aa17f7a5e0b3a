/**
 * The four community listening events Community Voice ran, as notes: each note is one record
 * (source `community`, collected at the event). The barbershop explains the dissonance in the
 * numbers (Black men's blood pressure is recorded often but controlled least: readings are taken,
 * the advice is not trusted or understood, the tablets are not collected); the lunch club explains
 * why hillside's monitor loans do not move control.
 */
import type { InsightGroups } from '../core/insight/model.ts'
import { T, type ThemePath } from './insight-codebook.ts'
import type { DemoEvent } from './insight-data.ts'
import { dateOf } from './insight-draw.ts'
import type { Draft } from './insight-draft.ts'

interface EventNote {
  readonly text: string
  readonly themes: readonly ThemePath[]
  readonly groups: InsightGroups
}

interface ListeningEvent {
  readonly key: string
  readonly title: string
  readonly place: string
  readonly site: string
  readonly week: number
  readonly day: number
  readonly groups: readonly string[]
  readonly intro: string
  readonly notes: readonly EventNote[]
}

const RUN_BY = 'Community Voice'
const ASIAN = 'Asian or Asian British'
const BLACK = 'Black or Black British'

export const LISTENING_EVENTS: readonly ListeningEvent[] = [
  {
    key: 'mosque', title: 'Listening event: health after Friday prayers', place: 'Northfield mosque community hall', site: 'northfield', week: 10, day: 4,
    groups: [`ethnicity:${ASIAN}`, 'imd_quintile:1', 'imd_quintile:2'],
    intro: 'Community Voice ran a listening session in the community hall after Friday prayers, with free blood pressure checks by a nurse from the network. About 35 people came, men and women in separate rooms. Two volunteers took notes, read them back and translated where needed.',
    notes: [
      { text: 'Several women said the invitation letters only come in English, so they wait for a son or daughter to read them, and by then the date has often passed.', themes: [T.letters, T.invites], groups: { ethnicity: ASIAN, sex: 'Female', age_band: '60-79', imd_quintile: '1' } },
      { text: 'One man said he would come for a check straight after Friday prayers if the nurse was here. The surgery is two buses away and he works until six.', themes: [T.venues, T.travel, T.work], groups: { ethnicity: ASIAN, sex: 'Male', age_band: '40-59', imd_quintile: '2' } },
      { text: 'People asked for reminders by text or voice note in Urdu, Punjabi or Bengali. Voice notes came up several times for older people who do not read in any language.', themes: [T.letters], groups: { ethnicity: ASIAN, age_band: '60-79' } },
      { text: 'An older woman said she was once offered a phone interpreter, but the line was bad and she did not feel she could ask questions, so she just nodded.', themes: [T.interpreters, T.numbers], groups: { ethnicity: ASIAN, sex: 'Female', age_band: '80+' } },
      { text: 'Two people said they have their blood pressure checked at the pharmacy on the parade because the pharmacist speaks Gujarati, and they would go back.', themes: [T.pharmacy, T.interpreters], groups: { ethnicity: ASIAN, age_band: '60-79', imd_quintile: '1' } },
      { text: "The imam offered the hall for a monthly check. The women's group liked the idea of a women-only session with a female nurse.", themes: [T.venues], groups: { ethnicity: ASIAN, sex: 'Female' } },
    ],
  },
  {
    key: 'barbershop', title: 'Listening event: blood pressure at the barbershop', place: 'Barbershop on Southmead high street', site: 'southmead', week: 14, day: 5,
    groups: [`ethnicity:${BLACK}`, 'sex:Male'],
    intro: 'Community Voice and a pharmacist from the cluster spent a Saturday at a barbershop, offering checks and a conversation while men waited. About 25 men took part, most aged 30 to 65. Notes were written up the same evening.',
    notes: [
      { text: 'Most of the men had had their blood pressure taken at the surgery in the last year, some many times. What they had not had was anyone explaining what the numbers meant or why the tablets mattered.', themes: [T.numbers], groups: { ethnicity: BLACK, sex: 'Male', age_band: '40-59', imd_quintile: '1' } },
      { text: "One man said he stopped his tablets after a month because they made him tired and 'not himself'. He did not tell the GP because he expected a lecture.", themes: [T.sideEffects, T.advice], groups: { ethnicity: BLACK, sex: 'Male', age_band: '40-59' } },
      { text: 'Several said they do not trust that the tablets were chosen for them. One had read that some tablets work less well for Black people and nobody had talked to him about it.', themes: [T.advice], groups: { ethnicity: BLACK, sex: 'Male', age_band: '60-79', imd_quintile: '2' } },
      { text: 'Prescription charges came up: men on two or three tablets said they collect only the one they think matters, or let the prescription lapse when money is tight.', themes: [T.prescriptions], groups: { ethnicity: BLACK, sex: 'Male', age_band: '40-59', imd_quintile: '1' } },
      { text: 'They liked having the check in the barbershop while they waited: no appointment, no time off work, and a barber they trust sitting next to them.', themes: [T.venues, T.work], groups: { ethnicity: BLACK, sex: 'Male', age_band: '18-39' } },
      { text: 'The men asked for a follow-up with a pharmacist who could talk through their medicines, rather than another reading.', themes: [T.advice, T.pharmacy], groups: { ethnicity: BLACK, sex: 'Male' } },
    ],
  },
  {
    key: 'food-bank', title: 'Listening event: food bank drop-in', place: 'Eastgate community food bank', site: 'eastgate', week: 19, day: 1,
    groups: ['imd_quintile:1'],
    intro: 'Community Voice volunteers talked with people waiting at the food bank drop-in and offered blood pressure checks. 22 people talked to us; most live in the most deprived part of Eastgate.',
    notes: [
      { text: 'People said they cannot afford to lose a shift to come to a daytime clinic; several work zero hours or agency jobs.', themes: [T.work], groups: { imd_quintile: '1', age_band: '18-39' } },
      { text: 'A woman said she had a letter about her blood pressure check but no credit on her phone to ring the surgery, and the line is always busy at 8am.', themes: [T.invites, T.work], groups: { imd_quintile: '1', sex: 'Female', age_band: '40-59', ethnicity: 'White British' } },
      { text: 'Bus fares came up again and again: a return trip to the surgery is a real cost when you are choosing between food and heating.', themes: [T.travel, T.work], groups: { imd_quintile: '1' } },
      { text: 'Two people said they had been given tablets but had not collected the last prescription because of the charge.', themes: [T.prescriptions], groups: { imd_quintile: '1', age_band: '40-59' } },
      { text: 'Volunteers said people would have their blood pressure checked here if someone came regularly, because they already come every week.', themes: [T.venues], groups: { imd_quintile: '1' } },
      { text: 'A man said he was lent a monitor once but had to give it back before he understood how to use it.', themes: [T.loans, T.numbers], groups: { imd_quintile: '1', sex: 'Male', age_band: '60-79', ethnicity: 'White British' } },
    ],
  },
  {
    key: 'lunch-club', title: "Listening event: elders' lunch club", place: "Elders' lunch club, Hillside church hall", site: 'hillside', week: 37, day: 2,
    groups: ['age_band:80+', 'age_band:60-79'],
    intro: 'Community Voice joined the weekly lunch club for older people, with a nurse from the network doing checks after lunch. 18 members took part, and the notes were read back to the group over tea.',
    notes: [
      { text: "Several members have a loan monitor at home. One said hers is 'in the drawer' because nobody told her what to do with the numbers.", themes: [T.loans, T.numbers], groups: { age_band: '80+', sex: 'Female', ethnicity: 'White British', imd_quintile: '3' } },
      { text: 'A man takes his readings every morning and writes them in a notebook, but nobody has asked to see it.', themes: [T.loans, T.numbers], groups: { age_band: '80+', sex: 'Male', ethnicity: 'White British' } },
      { text: 'People said the cuff is hard to put on with arthritis and the buttons on the monitor are tiny.', themes: [T.cuffs], groups: { age_band: '80+' } },
      { text: 'Getting up the hill to the surgery is the hardest part; the community bus only runs twice a week.', themes: [T.travel], groups: { age_band: '80+', imd_quintile: '2' } },
      { text: 'Several members liked the pharmacy check because the pharmacy is on the flat by the shops.', themes: [T.pharmacy, T.travel], groups: { age_band: '60-79' } },
      { text: 'Some worried about feeling dizzy and falling since their tablets were increased, and a few had cut their dose themselves.', themes: [T.sideEffects, T.advice], groups: { age_band: '80+' } },
    ],
  },
]

/** The events, and one record per note keyed `<event>-1`…; the transcript is the intro, then the notes. */
export function listeningEvents(weeks: readonly string[]): { events: DemoEvent[]; drafts: Draft[] } {
  const events: DemoEvent[] = []
  const drafts: Draft[] = []
  for (const spec of LISTENING_EVENTS) {
    const date = dateOf(weeks, spec.week, spec.day)
    const transcript = [spec.intro, ...spec.notes.map((n) => n.text)].join('\n\n')
    events.push({ key: spec.key, kind: 'event', title: spec.title, runBy: RUN_BY, place: spec.place, site: spec.site, date, groups: spec.groups, transcript })
    spec.notes.forEach((note, i) => {
      drafts.push({
        key: `${spec.key}-${i + 1}`,
        event: spec.key,
        source: 'community',
        collectedVia: 'event',
        date,
        site: spec.site,
        groups: note.groups,
        fft: null,
        tags: ['listening event'],
        layout: 'comment',
        parts: [{ text: note.text, themes: note.themes }],
      })
    })
  }
  return { events, drafts }
}
