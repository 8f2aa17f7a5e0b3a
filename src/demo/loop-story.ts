/**
 * What Riverside's groups saw and decided (DEMO.md: "Decisions (three meetings)"): the agendas as
 * the focus keys of the triangulation's findings, attendance, minutes, and the three decisions
 * with their reasons, the options weighed and the findings they rest on.
 */
import { focusKey } from '../core/triangulate/index.ts'
import type { DemoDecision, DemoMeeting } from './loop-data.ts'
import { PEOPLE } from './loop-people.ts'

/** The focus key of a "level" finding (lower or higher here, or in this group, than elsewhere). */
export function levelFinding(measure: string, site: string | null, dimension: string | null = null, group: string | null = null): string {
  return `${focusKey({ measure, theme: null, site, dimension, group })}|level`
}

/** The focus key of a "trend" finding (has it changed?). */
export function trendFinding(measure: string, site: string | null, dimension: string | null = null, group: string | null = null): string {
  return focusKey({ measure, theme: null, site, dimension, group })
}

/** Findings the demo's triangulation proposes on any clock (they come from the numbers, not from how recent the comments are). */
export const LOOP_FINDINGS = {
  controlQ1: levelFinding('bp-control', null, 'imd_quintile', '1'),
  controlEastgate: levelFinding('bp-control', 'eastgate'),
  recordedEastgateQ1: levelFinding('bp-recorded', 'eastgate', 'imd_quintile', '1'),
  controlAsian: levelFinding('bp-control', null, 'ethnicity', 'Asian or Asian British'),
  controlWestbrook: levelFinding('bp-control', 'westbrook'),
  recordedQ1: levelFinding('bp-recorded', null, 'imd_quintile', '1'),
  controlBlack: levelFinding('bp-control', null, 'ethnicity', 'Black or Black British'),
  recordedBlack: levelFinding('bp-recorded', null, 'ethnicity', 'Black or Black British'),
  controlHillsideQ1: levelFinding('bp-control', 'hillside', 'imd_quintile', '1'),
  recordedHillside: trendFinding('bp-recorded', 'hillside'),
} as const

const F = LOOP_FINDINGS

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** '2025-09-01' → '1 September 2025', as minutes are written. */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split('-').map(Number)
  return `${day} ${MONTHS[(month ?? 1) - 1]} ${year}`
}

export interface StoryDates {
  readonly committee: string
  readonly board: string
  readonly huddle: string
  /** The first and last practice start dates, and the day the organisation-wide changes started. */
  readonly firstStart: string
  readonly lastStart: string
  readonly changesStart: string
  /** Hillside's second cycle starts. */
  readonly hillsideCycle2: string
  readonly decisionReview: string
}

export function loopMeetings(d: StoryDates): DemoMeeting[] {
  return [
    {
      key: 'committee-2025-08',
      group: 'pcn-clinical-committee',
      heldOn: d.committee,
      title: 'Clinical committee: closing the gap in blood-pressure control',
      agenda: [F.controlQ1, F.controlEastgate, F.recordedEastgateQ1, F.controlAsian],
      attended: [PEOPLE.northDirector, PEOPLE.southDirector, PEOPLE.programmeLead, PEOPLE.pharmacyLead, PEOPLE.hillsideManager],
      guests: '',
      minutes: [
        'Morgan Measure presented the findings: control is lowest in the most deprived fifth and at Eastgate, where recording is also lowest for the most deprived fifth. Patients at Eastgate say they cannot get time off work for the nurse clinic and that letters come only in English; staff say loan monitors are not returned and each practice lends them differently.',
        'Dana Diastole reported that people like the pharmacy machine, but readings do not always reach the practice.',
        `Decided: standardise home monitor loans and reminders in four languages at all six practices, each practice starting as it is ready between ${longDate(d.firstStart)} and ${longDate(d.lastStart)}. Each practice predicts a rise in control in the most deprived fifth (for Westbrook, which has few people in it, for everyone), and the committee watches falls and GP waits as balancing measures.`,
      ].join('\n\n'),
    },
    {
      key: 'board-2025-08',
      group: 'htn-board',
      heldOn: d.board,
      title: 'Programme board: where checks happen and how people are invited',
      agenda: [F.controlWestbrook, F.recordedQ1, F.controlBlack, F.recordedBlack, F.recordedEastgateQ1],
      attended: [PEOPLE.boardChair, PEOPLE.programmeLead, PEOPLE.northDirector, PEOPLE.southDirector, PEOPLE.communityVoice],
      guests: 'Two Community Voice volunteers',
      minutes: [
        'Apologies: Dana Diastole. The board noted the clinical committee’s decision to standardise home monitor loans and reminders in four languages.',
        'Black or Black British people have their blood pressure recorded more often than anyone, yet are controlled least. Vic Venue reported from the barbershop event that readings are taken but the advice is not explained or trusted. People trust places they already use, and those places differ by practice.',
        'Recording is lowest in the most deprived fifth. Patients say letters never arrive, come only in English, or ask them to ring a line that is always busy.',
        `Decided: each practice chooses, with Community Voice, the community venue that hosts checks; and postal-only invitations stop from ${longDate(d.changesStart)}.`,
      ].join('\n\n'),
    },
    {
      key: 'hillside-huddle-2026-03',
      group: 'hillside-huddle',
      heldOn: d.huddle,
      title: 'Hillside huddle: home monitor loans after 26 weeks',
      agenda: [F.controlHillsideQ1, F.recordedHillside],
      attended: [PEOPLE.hillsideManager, PEOPLE.hillsidePartner, PEOPLE.hillsideNurse, PEOPLE.programmeLead],
      guests: '',
      minutes: [
        'Twenty-six weeks after Hillside started lending monitors, control has not moved, overall or in the most deprived fifth, while the other practices improved. More readings are being recorded, and monitors are going out faster than planned.',
        'Home readings arrive by text and on paper, but nobody is assigned to review them and there is no agreed level at which to call a patient in, so high readings are not acted on.',
        `Decided: adapt, not abandon (PDSA cycle 1: adapt). From ${longDate(d.hillsideCycle2)} Kit Cuff reviews every home reading each week, with protected time agreed by the partners, and calls back anyone above target (PDSA cycle 2).`,
      ].join('\n\n'),
    },
  ]
}

export function loopDecisions(d: StoryDates): DemoDecision[] {
  return [
    {
      key: 'standardise-loans-reminders',
      meeting: 'committee-2025-08',
      title: 'Standardise home monitor loans and reminders in four languages',
      rationale:
        'Control is lowest in the most deprived fifth and at Eastgate, the most deprived practice. People say they cannot get time off work for the nurse clinic and that letters come only in English; staff say monitors are not returned and each practice lends them differently. ' +
        'A standard loan scheme takes the reading out of working hours, and reminders in the languages people read reach those the letters miss. Both are cheap enough to run at every practice, so the committee chose to standardise rather than leave it to each practice.',
      optionsConsidered: [
        'Leave each practice to run its own monitor loans and letters',
        'Standardise home monitor loans and send reminders in four languages at all six practices',
        'Evening and Saturday nurse clinics at every practice',
        'Buy more monitors for the two most deprived practices only',
      ],
      optionChosen: `Standardise home monitor loans and send reminders in four languages at all six practices, each starting between ${longDate(d.firstStart)} and ${longDate(d.lastStart)}`,
      label: 'standardise',
      owner: PEOPLE.northDirector,
      reviewDate: d.decisionReview,
      findings: [F.controlQ1, F.controlEastgate, F.recordedEastgateQ1, F.controlAsian],
    },
    {
      key: 'local-community-venues',
      meeting: 'board-2025-08',
      title: 'Allow local variation in which community venue hosts checks',
      rationale:
        'Black or Black British people are recorded most but controlled least: at the barbershop event people said readings are taken but the advice is not explained or trusted. People trust places they already use, and those differ by practice: the mosque, the barbershop, the food bank, the elders’ lunch club. ' +
        'Every practice offers checks at a community venue, but each chooses its venue with Community Voice.',
      optionsConsidered: ['One venue for the whole of Riverside', 'Each practice chooses its community venue with Community Voice', 'No community checks: rely on pharmacies'],
      optionChosen: 'Each practice chooses its community venue with Community Voice',
      label: 'local_variation',
      owner: PEOPLE.communityVoice,
      reviewDate: d.decisionReview,
      findings: [F.controlBlack, F.recordedBlack],
    },
    {
      key: 'stop-postal-only',
      meeting: 'board-2025-08',
      title: 'Stop postal-only invitations',
      rationale:
        'Recording is lowest in the most deprived fifth, and lowest of all there at Eastgate. Patients say letters never arrive, come only in English, or ask them to ring a line that is always busy. ' +
        'Practices stop inviting by letter alone: a text with a booking link first, then a phone call, and a letter only when neither works.',
      optionsConsidered: ['Keep letters and add a reminder letter', 'Stop postal-only invitations: text with a booking link, then a phone call, a letter last', 'Phone everyone on the register'],
      optionChosen: 'Stop postal-only invitations: text with a booking link, then a phone call, a letter last',
      label: 'stop',
      owner: PEOPLE.programmeLead,
      reviewDate: d.decisionReview,
      findings: [F.recordedQ1, F.recordedEastgateQ1],
    },
  ]
}
