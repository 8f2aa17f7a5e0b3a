/**
 * The demo programme's codebooks: the inductive codebook Riverside's analysts built from what people
 * said, and the CFIR 2.0 constructs their interview summaries are coded to.
 */
import type { ThemeSeed } from '../core/insight/model.ts'

/** A theme as names from its codebook's root. */
export type ThemePath = readonly string[]

/** One string per path, to compare paths by value. */
export function pathId(path: ThemePath): string {
  return path.join('\u0000')
}

/** `paths` without repeats, in their first order. */
export function uniquePaths(paths: readonly ThemePath[]): ThemePath[] {
  const seen = new Set<string>()
  return paths.filter((path) => {
    const id = pathId(path)
    if (seen.has(id)) return false
    seen.add(id)
    return true
  })
}

/** Inductive theme paths, by a short handle the content tables use. */
export const T = {
  access: ['Access'],
  times: ['Access', 'Appointment times'],
  work: ['Access', 'Cost and time off work'],
  travel: ['Access', 'Travel'],
  invites: ['Access', 'Booking and invitations'],
  language: ['Language and information'],
  letters: ['Language and information', 'Letters and reminders'],
  interpreters: ['Language and information', 'Interpreters'],
  medicines: ['Pharmacy and medicines'],
  pharmacy: ['Pharmacy and medicines', 'Pharmacy checks'],
  prescriptions: ['Pharmacy and medicines', 'Medicines cost and supply'],
  sideEffects: ['Pharmacy and medicines', 'Side effects'],
  trust: ['Trust and understanding'],
  advice: ['Trust and understanding', 'Trust in advice'],
  numbers: ['Trust and understanding', 'Understanding the numbers'],
  equipment: ['Equipment and monitors'],
  loans: ['Equipment and monitors', 'Home monitor loans'],
  cuffs: ['Equipment and monitors', 'Cuff sizes and faults'],
  capacity: ['Staffing and space'],
  rooms: ['Staffing and space', 'Rooms and space'],
  staffTime: ['Staffing and space', 'Staff time'],
  venues: ['Community venues'],
  good: ['Good experience'],
} as const satisfies Record<string, ThemePath>

const theme = (name: string, definition: string, examples: readonly string[], children?: readonly ThemeSeed[]): ThemeSeed =>
  children === undefined ? { name, definition, examples } : { name, definition, examples, children }

/** Riverside's inductive codebook for Hypertension: Find & Control. */
export const INDUCTIVE_THEMES: readonly ThemeSeed[] = [
  theme('Access', 'Whether people can get to blood-pressure checks and reviews at all: when they are offered, what coming costs them, how far they go, how they are invited.', ["can't get time off work for the nurse clinic"], [
    theme('Appointment times', 'Clinic days and times, waits for a slot, and wanting evening, weekend or early appointments.', ['no appointments after 4pm', 'please bring back Saturday mornings']),
    theme('Cost and time off work', 'Lost pay, shifts, zero-hours and agency work, childcare and other costs of coming in during the day.', ["every check means losing half a day's pay"]),
    theme('Travel', 'Distance, buses, parking, hills and the cost of getting there.', ['two buses to get to the surgery']),
    theme('Booking and invitations', 'How people are invited and book: letters, phone lines, texts and links, and invitations that never arrive.', ['rang for 40 minutes and gave up']),
  ]),
  theme('Language and information', 'Whether people can read and understand what they are sent and told, in their own language.', ['letters only in English'], [
    theme('Letters and reminders', 'The language and format of invitations, reminders and leaflets: English only, translated texts, voice notes.', ['reminder texts in English only']),
    theme('Interpreters', 'Being offered an interpreter or not, relying on family to translate, staff who speak the language.', ['I needed my son to come and translate']),
  ]),
  theme('Pharmacy and medicines', 'Community pharmacy checks, and how people get, take and pay for their blood-pressure medicines.', ['the pharmacy machine was easier'], [
    theme('Pharmacy checks', 'Checks at a community pharmacy: convenience, privacy, and whether the reading reaches the practice.', ['done at the chemist while I waited']),
    theme('Medicines cost and supply', 'Prescription charges, collecting repeat prescriptions, running out.', ['I skip the one I think matters least']),
    theme('Side effects', 'Side effects, and stopping or changing tablets without telling anyone.', ['I stopped the tablets because they made me dizzy']),
  ]),
  theme('Trust and understanding', 'Whether people trust the advice they get and understand what their readings and medicines mean.', ['nobody explains what the numbers mean'], [
    theme('Trust in advice', 'Doubts about the diagnosis or the tablets, feeling rushed or judged, preferring another approach.', ["I don't think the tablets are needed"]),
    theme('Understanding the numbers', 'Knowing what a reading means, what the target is and what to do when it is high.', ['no idea what to do if the numbers are high']),
  ]),
  theme('Equipment and monitors', 'Monitors lent for use at home, and the equipment used for checks.', ['monitors not returned'], [
    theme('Home monitor loans', 'Borrowing, returning and waiting for home monitors, and what happens to the readings sent in.', ['nobody has looked at the readings I send']),
    theme('Cuff sizes and faults', 'Cuffs that do not fit, flat batteries, monitors that are broken or hard to use.', ['the cuff is too small for my arm']),
  ]),
  theme('Staffing and space', "The practice's capacity to run checks: rooms, staff time and cover.", ['no room for evening clinics'], [
    theme('Rooms and space', 'Clinical rooms free (or not) for extra, evening or weekend clinics.', ['the treatment room is used by the physio until 7']),
    theme('Staff time', 'Absence, cover, and time to review home readings or explain results.', ['no HCA cover']),
  ]),
  theme('Community venues', 'Checks and conversations in places people already go (mosque, barbershop, food bank, lunch club) and who hosts them.', ['a check straight after Friday prayers']),
  theme('Good experience', 'Praise and good experiences of blood-pressure care.', ['in and out in ten minutes']),
]

/** Root name under which the CFIR 2.0 frame's domains hang in codings. */
export const CFIR_ROOT = 'CFIR 2.0'

const cfir = (...names: string[]): ThemePath => [CFIR_ROOT, ...names]

/**
 * Every CFIR 2.0 path the demo codes to, by handle; names as Damschroder et al. (2022) spell them.
 * @see https://doi.org/10.1186/s13012-022-01245-0
 */
export const C = {
  space: cfir('Inner Setting', 'Available Resources', 'Space'),
  materials: cfir('Inner Setting', 'Available Resources', 'Materials & Equipment'),
  funding: cfir('Inner Setting', 'Available Resources', 'Funding'),
  physical: cfir('Inner Setting', 'Structural Characteristics', 'Physical Infrastructure'),
  it: cfir('Inner Setting', 'Structural Characteristics', 'Information Technology Infrastructure'),
  workInfrastructure: cfir('Inner Setting', 'Structural Characteristics', 'Work Infrastructure'),
  priority: cfir('Inner Setting', 'Relative Priority'),
  tension: cfir('Inner Setting', 'Tension for Change'),
  localConditions: cfir('Outer Setting', 'Local Conditions'),
  localAttitudes: cfir('Outer Setting', 'Local Attitudes'),
  partnerships: cfir('Outer Setting', 'Partnerships & Connections'),
  financing: cfir('Outer Setting', 'Financing'),
  capability: cfir('Individuals', 'Characteristics', 'Capability'),
  opportunity: cfir('Individuals', 'Characteristics', 'Opportunity'),
  motivation: cfir('Individuals', 'Characteristics', 'Motivation'),
  need: cfir('Individuals', 'Characteristics', 'Need'),
  teaming: cfir('Implementation Process', 'Teaming'),
  assessingNeeds: cfir('Implementation Process', 'Assessing Needs'),
  planning: cfir('Implementation Process', 'Planning'),
  tailoring: cfir('Implementation Process', 'Tailoring Strategies'),
  engaging: cfir('Implementation Process', 'Engaging'),
  doing: cfir('Implementation Process', 'Doing'),
  reflecting: cfir('Implementation Process', 'Reflecting & Evaluating'),
  adapting: cfir('Implementation Process', 'Adapting'),
  relativeAdvantage: cfir('Innovation', 'Innovation Relative Advantage'),
  design: cfir('Innovation', 'Innovation Design'),
} as const satisfies Record<string, ThemePath>

/**
 * Every CFIR 2.0 path the demo's codings may use, to check against the CFIR frame: the constructs
 * above and, for sub-constructs, their construct (a second coder may stop there).
 */
export const CFIR_PATHS: readonly ThemePath[] = uniquePaths(Object.values(C).flatMap((path) => (path.length > 3 ? [path.slice(0, -1), path] : [path])))

/**
 * Pairs of themes a second coder may take one for the other (each way): neighbours in the codebook
 * and a few across it, which is where real coders disagree. None leads into 'Language and
 * information' from another theme, so no staff excerpt is ever coded to it (the silence).
 */
export const CONFUSABLE: readonly (readonly [ThemePath, ThemePath])[] = [
  [T.times, T.work],
  [T.travel, T.work],
  [T.interpreters, T.letters],
  [T.prescriptions, T.work],
  [T.sideEffects, T.advice],
  [T.advice, T.numbers],
  [T.numbers, T.loans],
  [T.cuffs, T.loans],
  [T.rooms, T.staffTime],
  [T.staffTime, T.times],
  [T.venues, T.travel],
  [T.pharmacy, T.good],
  [T.pharmacy, T.venues],
  [T.times, T.rooms],
  [T.cuffs, T.numbers],
  [T.loans, T.staffTime],
  [T.good, T.times],
  [C.space, C.physical],
  [C.materials, C.workInfrastructure],
  [C.priority, C.tension],
  [C.capability, C.opportunity],
  [C.motivation, C.need],
  [C.adapting, C.tailoring],
  [C.engaging, C.teaming],
  [C.partnerships, C.financing],
  [C.doing, C.reflecting],
  [C.relativeAdvantage, C.design],
  [C.localConditions, C.localAttitudes],
]
