/**
 * Riverside's driver diagram for "Hypertension: Find & Control" (DEMO.md): four primary drivers
 * (people are found; measuring is convenient; treatment is optimised; people trust and understand
 * the care offered), the secondary drivers under each and the change ideas under those, each
 * linked to the measures that would show it working. The change ideas come from what people said
 * (insight-*.ts): letters only in English, no time off for the nurse clinic, the pharmacy machine,
 * monitors not returned, readings nobody reviews, tablets stopped for side effects.
 */
import type { DemoDriver } from './loop-data.ts'

/** The change ideas the demo's actions test. */
export const CHANGE_IDEAS = {
  monitorLoans: 'home-monitor-loans',
  reminders: 'reminders-four-languages',
  communityVenues: 'community-venue-checks',
  pharmacyChecks: 'pharmacy-checks',
  eveningClinics: 'evening-saturday-clinics',
  stopPostalOnly: 'stop-postal-only-invitations',
  readingsReview: 'named-reviewer-home-readings',
  medicinesReview: 'medicines-review-side-effects',
  interpreters: 'interpreters-at-reviews',
  listeningEvents: 'community-listening-events',
} as const

const idea = (key: string, title: string, description: string, measures: readonly string[]): DemoDriver => ({ key, kind: 'change_idea', title, description, measures, children: [] })
const secondary = (key: string, title: string, description: string, measures: readonly string[], children: readonly DemoDriver[]): DemoDriver => ({ key, kind: 'secondary', title, description, measures, children })
const primary = (key: string, title: string, description: string, measures: readonly string[], children: readonly DemoDriver[]): DemoDriver => ({ key, kind: 'primary', title, description, measures, children })

export const LOOP_DRIVERS: readonly DemoDriver[] = [
  primary('people-found', 'People are found', 'Everyone on the register is invited, reached and has a reading at least once a year.', ['bp-recorded'], [
    secondary('invitations-reach', 'Invitations reach everyone', 'Invitations and reminders arrive, can be read and make booking easy.', ['bp-recorded'], [
      idea(CHANGE_IDEAS.stopPostalOnly, 'Stop postal-only invitations', 'Invite by text with a booking link, then by phone; a letter only when neither works.', ['bp-recorded']),
      idea(CHANGE_IDEAS.reminders, 'Reminders in four languages', 'Text or voice-note reminders in Urdu, Bengali, Punjabi and Somali as well as English.', ['bp-recorded', 'bp-control']),
    ]),
    secondary('checks-where-people-go', 'Checks happen where people already go', 'Readings are taken at places people use and trust, and reach the practice.', ['community-referral'], [
      idea(CHANGE_IDEAS.communityVenues, 'Checks at community venues', 'A nurse or pharmacist takes readings at the mosque, the barbershop, the lunch club and the food bank; each practice chooses its venue.', ['community-referral', 'bp-recorded']),
      idea(CHANGE_IDEAS.pharmacyChecks, 'Pharmacy checks filed in the practice record', 'Walk-in checks at community pharmacies, with readings sent to the practice and filed.', ['community-referral', 'bp-recorded']),
    ]),
  ]),
  primary('measuring-convenient', 'Measuring is convenient', 'Taking a reading fits around work, caring and travel.', ['monitors-lent', 'bp-recorded'], [
    secondary('measure-at-home', 'People can measure at home', 'A monitor to borrow, the right cuff, and a simple way to send readings back.', ['monitors-lent'], [
      idea(CHANGE_IDEAS.monitorLoans, 'Home monitor loans', 'A loan log at every practice, large cuffs, readings sent back by text, and a reminder to return the monitor on day 28.', ['monitors-lent', 'bp-control']),
    ]),
    secondary('appointments-fit', 'Appointments fit around work', 'Nurse checks outside working hours for people who cannot take time off.', ['bp-recorded', 'gp-wait-days'], [
      idea(CHANGE_IDEAS.eveningClinics, 'Evening and Saturday clinics', 'Nurse blood-pressure clinics two evenings a week and on Saturday mornings, shared across each network.', ['bp-recorded', 'gp-wait-days']),
    ]),
  ]),
  primary('treatment-optimised', 'Treatment is optimised', 'Raised readings lead to treatment that is started, adjusted and continued.', ['bp-control'], [
    secondary('readings-acted-on', 'Readings lead to action', 'Someone reviews every home and community reading and acts on the high ones.', ['bp-control'], [
      idea(CHANGE_IDEAS.readingsReview, 'A named reviewer for home readings', 'A named nurse or pharmacist reviews home readings every week and calls back anyone above target.', ['bp-control']),
    ]),
    secondary('medicines-right', 'Medicines are right and taken', 'Tablets suit the person, side effects are dealt with, and prescriptions are collected.', ['bp-control', 'falls'], [
      idea(CHANGE_IDEAS.medicinesReview, 'Medicines review for side effects', 'A pharmacist reviews the medicines of people who stopped their tablets, watching for dizziness and falls.', ['bp-control', 'falls']),
    ]),
  ]),
  primary('trust-understanding', 'People trust and understand the care offered', 'Advice is explained in people’s own language and terms, by people they trust.', ['bp-control'], [
    secondary('explained-own-language', 'Advice is explained in people’s own language', 'Results and medicines are explained so that people can act on them.', ['bp-control'], [
      idea(CHANGE_IDEAS.interpreters, 'Interpreters at every review', 'Offer an interpreter when booking a review rather than relying on family.', ['bp-control']),
    ]),
    secondary('communities-shape', 'Communities shape the service', 'Community groups say what works and what does not, and hear what changed.', ['community-referral'], [
      idea(CHANGE_IDEAS.listeningEvents, 'Listening events every quarter', 'Community Voice runs listening events with checks, and reports back "you said, we did".', ['community-referral']),
    ]),
  ]),
]
