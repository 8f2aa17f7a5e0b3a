/**
 * Interview summaries written by the insight team (rapid qualitative analysis), one paragraph per
 * point, coded to CFIR 2.0 constructs and to the inductive codebook. The staff interviewed never
 * raise language either; only the Community Voice coordinator does.
 */
import { C, T, type ThemePath } from './insight-codebook.ts'
import type { DemoEvent } from './insight-data.ts'
import { dateOf } from './insight-draw.ts'
import type { Draft } from './insight-draft.ts'

interface Interview {
  readonly key: string
  readonly title: string
  readonly place: string
  readonly site: string
  readonly week: number
  readonly day: number
  /** Whether the person interviewed works for a practice, the network or the pharmacy. */
  readonly staff: boolean
  readonly role: string
  readonly points: readonly { readonly text: string; readonly themes: readonly ThemePath[] }[]
}

export const INTERVIEWER = 'Rowan Fieldnote'

export const INTERVIEWS: readonly Interview[] = [
  {
    key: 'interview-nurse-eastgate', title: 'Interview: practice nurse lead, Eastgate', place: 'Eastgate Medical Practice', site: 'eastgate', week: 22, day: 2, staff: true, role: 'practice nurse',
    points: [
      { text: 'The nurse lead described the blood pressure clinic as full every week but with many missed appointments in the 9am and 10am slots, mostly people of working age who cannot leave work.', themes: [C.localConditions, T.work] },
      { text: 'An evening clinic has been discussed twice, but there is no free clinical room after 5pm: the treatment room is shared with the physiotherapist and the phlebotomy service.', themes: [C.space, T.rooms] },
      { text: 'She thinks home monitoring would suit many of her patients, but the practice has six monitors and no way of tracking who has them.', themes: [C.materials, T.loans] },
      { text: "Hypertension reviews compete with diabetes and immunisation work for the same nurse hours, and she said hypertension 'always loses'.", themes: [C.priority, T.staffTime] },
      { text: 'She would welcome community sessions if the network could fund a nurse to attend, because the practice cannot release staff in surgery hours.', themes: [C.funding, C.partnerships, T.venues] },
    ],
  },
  {
    key: 'interview-pharmacist', title: 'Interview: community pharmacist, pharmacy cluster', place: 'Community pharmacy consultation room', site: 'pharmacy-cluster', week: 24, day: 3, staff: true, role: 'pharmacist',
    points: [
      { text: 'The pharmacist said checks are popular because people can walk in during the evening and at weekends without booking.', themes: [C.relativeAdvantage, T.pharmacy] },
      { text: 'Readings are sent to practices through the community pharmacy service, but two practices do not file them in the patient record, so people get checked twice.', themes: [C.it, C.partnerships, T.pharmacy] },
      { text: 'The consultation room is small and also used for vaccinations, so on busy days checks happen at the counter, which people do not like.', themes: [C.space, T.pharmacy] },
      { text: 'He would like to review medicines with people who have stopped their tablets, but the service pays only for the check itself.', themes: [C.financing, T.sideEffects] },
    ],
  },
  {
    key: 'interview-community-voice', title: 'Interview: coordinator, Community Voice', place: 'Community Voice office', site: 'community-voice', week: 21, day: 1, staff: false, role: 'voluntary sector',
    points: [
      { text: "The coordinator said people trust places they already use: the mosque, the barbershop, the food bank. To many, the surgery is 'their world, not ours'.", themes: [C.localAttitudes, C.engaging, T.venues] },
      { text: 'Letters and leaflets only in English came up at every session with South Asian groups. She asked for reminders in four languages, and for voice notes.', themes: [C.assessingNeeds, T.letters] },
      { text: "At the barbershop the men had their readings taken often but did not trust or understand the advice about medicines. She called it 'measured, not heard'.", themes: [C.motivation, T.advice] },
      { text: 'Volunteers can host checks, but they need a nurse or pharmacist to come regularly and a small budget for room hire.', themes: [C.funding, C.partnerships, T.venues] },
    ],
  },
  {
    key: 'interview-clinical-director', title: 'Interview: clinical director, Riverside North network', place: 'Video call', site: 'pcn-north', week: 27, day: 2, staff: true, role: 'clinical director',
    points: [
      { text: "The clinical director sees the gap between the most and least deprived practices as the main reason for the programme; the funnel plot 'made the case' to the board.", themes: [C.tension] },
      { text: 'The practices in the network have very different capacity. He favours standardising monitor loans across the network but letting each practice choose its community venue.', themes: [C.tailoring, C.planning, T.loans, T.venues] },
      { text: 'He worries the programme depends on a few committed nurses and would stall if one of them left.', themes: [C.workInfrastructure, T.staffTime] },
      { text: 'Practices already send many returns, so he wants the charts to come from data they already record rather than from new forms.', themes: [C.reflecting] },
    ],
  },
  {
    key: 'interview-hca-southmead', title: 'Interview: healthcare assistant, Southmead', place: 'Southmead Family Practice', site: 'southmead', week: 45, day: 1, staff: true, role: 'healthcare assistant',
    points: [
      { text: 'The healthcare assistant runs most of the checks and has learnt a lot from the new training on taking readings properly, including choosing the right cuff.', themes: [C.capability, T.cuffs] },
      { text: "Patients often ask her what their readings mean, but she is not sure what she is allowed to say, so she tells them 'the nurse will explain'.", themes: [C.capability, C.opportunity, T.numbers] },
      { text: 'The evening clinic started in the autumn and is always full; she volunteers for it because it fits around her childcare.', themes: [C.doing, T.times] },
      { text: 'She would like a simple card to give people with their reading and what to do next.', themes: [C.design, T.numbers] },
    ],
  },
  {
    key: 'interview-manager-hillside', title: 'Interview: practice manager, Hillside', place: 'Hillside Surgery', site: 'hillside', week: 50, day: 3, staff: true, role: 'practice manager',
    points: [
      { text: 'The practice lent more monitors than planned in the first three months, and the manager sees the loan scheme itself as a success.', themes: [C.doing, T.loans] },
      { text: 'Readings come back by text or on paper, but nobody has protected time to review them and there is no agreed level at which to call a patient in.', themes: [C.workInfrastructure, C.opportunity, T.loans, T.staffTime] },
      { text: "The partners have not discussed the programme at a practice meeting since it started; the manager called it 'one of twenty priorities'.", themes: [C.priority, C.engaging] },
      { text: 'She suggested a named person, perhaps the clinical pharmacist, to review home readings each week and act on them.', themes: [C.adapting, T.loans] },
    ],
  },
]

/** Interview keys whose person is staff (the silence on language holds for them too). */
export const STAFF_INTERVIEWS: readonly string[] = INTERVIEWS.filter((i) => i.staff).map((i) => i.key)

/** One DemoEvent (kind `interview`) and one record (`<key>-summary`) per interview. */
export function interviews(weeks: readonly string[]): { events: DemoEvent[]; drafts: Draft[] } {
  const events: DemoEvent[] = []
  const drafts: Draft[] = []
  for (const spec of INTERVIEWS) {
    const date = dateOf(weeks, spec.week, spec.day)
    const transcript = spec.points.map((p) => p.text).join('\n\n')
    events.push({ key: spec.key, kind: 'interview', title: spec.title, runBy: INTERVIEWER, place: spec.place, site: spec.site, date, groups: [], transcript })
    drafts.push({
      key: `${spec.key}-summary`,
      event: spec.key,
      source: 'interview',
      collectedVia: 'interview',
      date,
      site: spec.site,
      groups: {},
      fft: null,
      tags: ['interview', spec.role],
      layout: 'paragraphs',
      parts: spec.points,
    })
  }
  return { events, drafts }
}
