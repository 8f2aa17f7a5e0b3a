/**
 * The people of Riverside's loop and the three groups that decide: the programme board, the
 * networks' clinical committee and Hillside's practice huddle. Synthetic people with obviously
 * made-up names (like the insight coders Tess Theme and Quinn Quote) at `@riverside.example`, a
 * reserved domain; they are given no password.
 */
import type { DemoGroup, DemoPerson } from './loop-data.ts'

const at = (local: string) => `${local}@riverside.example`

export const PEOPLE = {
  programmeLead: at('morgan.measure'),
  boardChair: at('paige.boardman'),
  northDirector: at('sam.systolic'),
  southDirector: at('rita.reading'),
  pharmacyLead: at('dana.diastole'),
  communityVoice: at('vic.venue'),
  hillsideManager: at('pat.huddle'),
  hillsidePartner: at('lou.lowdose'),
  hillsideNurse: at('kit.cuff'),
} as const

export const LOOP_PEOPLE: readonly DemoPerson[] = [
  { email: PEOPLE.programmeLead, name: 'Morgan Measure', job: 'programme lead, Hypertension: Find & Control', role: 'lead' },
  { email: PEOPLE.boardChair, name: 'Paige Boardman', job: 'chair of the programme board', role: 'decision_maker' },
  { email: PEOPLE.northDirector, name: 'Dr Sam Systolic', job: 'clinical director, Riverside North network', role: 'decision_maker' },
  { email: PEOPLE.southDirector, name: 'Dr Rita Reading', job: 'clinical director, Riverside South network', role: 'decision_maker' },
  { email: PEOPLE.pharmacyLead, name: 'Dana Diastole', job: 'lead pharmacist, community pharmacy cluster', role: 'contributor' },
  { email: PEOPLE.communityVoice, name: 'Vic Venue', job: 'coordinator, Community Voice', role: 'contributor' },
  { email: PEOPLE.hillsideManager, name: 'Pat Huddle', job: 'practice manager, Hillside Surgery', role: 'lead' },
  { email: PEOPLE.hillsidePartner, name: 'Dr Lou Lowdose', job: 'GP partner, Hillside Surgery', role: 'decision_maker' },
  { email: PEOPLE.hillsideNurse, name: 'Kit Cuff', job: 'practice nurse, Hillside Surgery', role: 'contributor' },
]

export const LOOP_GROUPS: readonly DemoGroup[] = [
  {
    code: 'htn-board',
    name: 'Hypertension programme board',
    kind: 'board',
    purpose: 'Sets the programme’s direction, decides what is standardised across Riverside and what is stopped, and reviews progress against the aim.',
    members: [PEOPLE.boardChair, PEOPLE.programmeLead, PEOPLE.northDirector, PEOPLE.southDirector, PEOPLE.pharmacyLead, PEOPLE.communityVoice],
  },
  {
    code: 'pcn-clinical-committee',
    name: 'Primary care networks clinical committee',
    kind: 'committee',
    purpose: 'Clinical leads of both networks: agree changes to care across the six practices and watch their effect and their balancing measures.',
    members: [PEOPLE.northDirector, PEOPLE.southDirector, PEOPLE.programmeLead, PEOPLE.pharmacyLead, PEOPLE.hillsideManager],
  },
  {
    code: 'hillside-huddle',
    name: 'Hillside Surgery practice huddle',
    kind: 'huddle',
    purpose: 'The practice team’s fortnightly huddle: runs the practice’s PDSA cycles and decides to adopt, adapt or abandon them.',
    members: [PEOPLE.hillsideManager, PEOPLE.hillsidePartner, PEOPLE.hillsideNurse, PEOPLE.programmeLead],
  },
]
