/**
 * Staff huddle notes: one to three lines each, from the practices, with tags. They talk about rooms,
 * cover, monitors, clinic times, recall, pharmacy readings and tablets, and never about language,
 * interpreters or translated letters: the silence triangulation must find (DEMO.md).
 */
import { T, type ThemePath } from './insight-codebook.ts'
import { chance, dateInWeeks, pickWeighted } from './insight-draw.ts'
import { numberByDate, type Draft } from './insight-draft.ts'
import type { Random } from './random.ts'

interface NoteLine {
  /** The line; `{n}` is replaced by a whole number drawn from `n`. */
  readonly text: string
  readonly themes: readonly ThemePath[]
  readonly tags: readonly string[]
  /** Only at these practices; anywhere when absent. */
  readonly sites?: readonly string[]
  readonly weeks?: readonly [number, number]
  readonly weight?: number
  readonly n?: readonly [number, number]
  /** A practice where one note is sure to carry this line (the story needs it said). */
  readonly surely?: string
}

const NOTE_COUNT = 22
const NOTE_SITES = { eastgate: 4, hillside: 4, northfield: 3, southmead: 3, riverbank: 3, westbrook: 2 }
/** How many notes may carry the same line. */
const MAX_USES = 2
const CHANGED = [30, 77] as const
const IMPROVERS = ['eastgate', 'northfield', 'southmead', 'riverbank', 'westbrook']

export const NOTE_LINES: readonly NoteLine[] = [
  { text: 'No room for evening clinics: the treatment room is booked by the physio until 7.', themes: [T.rooms, T.times], tags: ['evening clinics', 'rooms'], sites: ['eastgate', 'northfield', 'southmead'], weeks: [0, 30], weight: 3, surely: 'eastgate' },
  { text: 'Evening BP clinic cancelled again, no HCA cover.', themes: [T.staffTime, T.times], tags: ['evening clinics', 'staffing'], weeks: [28, 77] },
  { text: 'Nurse off sick, {n} BP reviews rebooked.', themes: [T.staffTime], tags: ['staffing'], n: [6, 18] },
  { text: 'Treatment room double-booked on Thursday; BP clinic moved to the meeting room with no couch.', themes: [T.rooms], tags: ['rooms'] },
  { text: 'Could run a Saturday BP clinic if a second room were free.', themes: [T.rooms, T.times], tags: ['rooms', 'weekend clinics'], weeks: [0, 40] },
  { text: 'Lost two BP clinics this month to the flu clinic taking the room.', themes: [T.rooms], tags: ['rooms'], weeks: [28, 42] },
  { text: 'Locum nurse unsure of the BP review template, reviews took twice as long.', themes: [T.staffTime], tags: ['staffing'] },
  { text: 'Monitors not returned: {n} out on loan for more than three months.', themes: [T.loans], tags: ['monitors'], weeks: [26, 77], weight: 2, n: [4, 12], surely: 'hillside' },
  { text: 'Only two loan monitors left in the cupboard and {n} on the waiting list.', themes: [T.loans], tags: ['monitors'], n: [5, 14] },
  { text: 'Waiting list for loan monitors down to {n}.', themes: [T.loans, T.good], tags: ['monitors'], sites: IMPROVERS, weeks: [40, 77], n: [1, 4] },
  { text: 'Need large cuffs, the loan monitors only come with standard ones.', themes: [T.cuffs], tags: ['monitors', 'cuffs'] },
  { text: 'Ordered {n} large cuffs for the loan monitors.', themes: [T.cuffs], tags: ['monitors', 'cuffs'], weeks: [26, 77], n: [6, 12] },
  { text: 'A monitor came back with flat batteries and a cracked cuff.', themes: [T.cuffs], tags: ['monitors'], weeks: [26, 77] },
  { text: 'The BP machine in the waiting room is out of order again.', themes: [T.cuffs], tags: ['equipment'] },
  { text: 'Home readings arriving by text but nobody assigned to review them.', themes: [T.loans, T.staffTime], tags: ['monitors', 'workload'], sites: ['hillside'], weeks: CHANGED, weight: 4, surely: 'hillside' },
  { text: 'Paper reading diaries handed in at reception are piling up, no clinician time to look at them this week.', themes: [T.loans, T.staffTime], tags: ['monitors', 'workload'], sites: ['hillside'], weeks: [34, 77], weight: 4 },
  { text: 'Nobody free to ring back patients with high home readings today.', themes: [T.loans, T.staffTime], tags: ['monitors', 'workload'], sites: ['hillside'], weeks: [34, 77], weight: 4 },
  { text: 'Monitor loan log started, reminder texts go out on day 28.', themes: [T.loans], tags: ['monitors'], weeks: [28, 77] },
  { text: 'Loan monitor returns up since the reminder texts started.', themes: [T.loans, T.good], tags: ['monitors'], sites: IMPROVERS, weeks: [36, 77] },
  { text: 'High DNA rate at the 9am BP clinic, mostly working-age patients.', themes: [T.times, T.work], tags: ['DNA'], weeks: [0, 40], weight: 2, surely: 'eastgate' },
  { text: 'Patients asking for Saturday appointments at nearly every review.', themes: [T.times], tags: ['weekend clinics'], weeks: [0, 40] },
  { text: 'Recall letters going out but few bookings back; phone lines jammed at 8am.', themes: [T.invites], tags: ['recall'], weeks: [0, 45] },
  { text: "Several patients said the bus route changed and they can't get here for the morning clinic.", themes: [T.travel], tags: ['transport'], sites: ['eastgate', 'hillside', 'southmead'] },
  { text: 'Switched recall to texts with a booking link: {n} booked in two days.', themes: [T.invites, T.good], tags: ['recall'], weeks: [40, 77], n: [18, 40] },
  { text: "Evening clinic full again, mostly people who said they couldn't come in the day.", themes: [T.times, T.good], tags: ['evening clinics'], sites: IMPROVERS, weeks: CHANGED },
  { text: 'HCA now doing BP checks on Wednesday evenings, booked up for two weeks.', themes: [T.times, T.good], tags: ['evening clinics'], sites: IMPROVERS, weeks: CHANGED },
  { text: 'Pharmacy BP readings not coming through to the record, having to recheck patients.', themes: [T.pharmacy], tags: ['pharmacy', 'records'] },
  { text: 'Pharmacy referred {n} people with high readings this week, all booked in.', themes: [T.pharmacy, T.good], tags: ['pharmacy'], weeks: [20, 77], n: [3, 9] },
  { text: 'Several patients have stopped amlodipine because of ankle swelling and not told us.', themes: [T.sideEffects, T.advice], tags: ['medicines'] },
  { text: "Patients don't always know why a reading matters; no time to explain in a 10-minute review.", themes: [T.numbers, T.staffTime], tags: ['workload'] },
  { text: "Two patients said they can't afford the prescription charge for a third tablet.", themes: [T.prescriptions], tags: ['medicines'], sites: ['eastgate', 'southmead', 'riverbank'] },
  { text: 'Community Voice asked if we could send a nurse to the barbershop session.', themes: [T.venues], tags: ['community'], sites: ['southmead'], weeks: [8, 30] },
  { text: 'Mosque health day: {n} BP checks, 7 referred to us.', themes: [T.venues], tags: ['community'], sites: ['northfield'], weeks: [10, 40], n: [30, 45] },
  { text: 'Food bank check sessions agreed for the first Tuesday of each month.', themes: [T.venues], tags: ['community'], sites: ['eastgate'], weeks: [22, 77] },
  { text: 'People checked at community sessions turn up without their reading; asked Community Voice to give out cards.', themes: [T.venues], tags: ['community'], weeks: [24, 77] },
]

/** Huddle notes keyed `staff-001`… in date order; the lines the story needs come first, one note each. */
export function generateStaffNotes(random: Random, weeks: readonly string[], count = NOTE_COUNT): Draft[] {
  const uses = new Map<NoteLine, number>()
  const sure = NOTE_LINES.filter((l) => l.surely !== undefined)
  const drafts = Array.from({ length: count }, (_, i) => note(random, weeks, uses, sure[i]))
  return numberByDate(drafts, 'staff')
}

function note(random: Random, weeks: readonly string[], uses: Map<NoteLine, number>, first: NoteLine | undefined): Draft {
  const site = first?.surely ?? pickWeighted(random, NOTE_SITES)
  const [from, to] = first?.weeks ?? [0, weeks.length - 1]
  const date = dateInWeeks(random, weeks, from, to, true)
  const week = weeks.findLastIndex((monday) => monday <= date)
  const lineCount = chance(random, 0.4) ? 1 : chance(random, 0.67) ? 2 : 3
  const lines: NoteLine[] = first === undefined ? [] : [first]
  if (first !== undefined) uses.set(first, 1)
  while (lines.length < lineCount) {
    const line = pickLine(random, site, week, uses, lines)
    if (line === undefined) break
    lines.push(line)
    uses.set(line, (uses.get(line) ?? 0) + 1)
  }
  return {
    key: '',
    event: null,
    source: 'staff',
    collectedVia: 'staff_form',
    date,
    site,
    groups: {},
    fft: null,
    tags: ['huddle', ...new Set(lines.flatMap((l) => l.tags))],
    layout: lines.length === 1 ? 'comment' : 'bullets',
    parts: lines.map((l) => ({ text: fill(random, l), themes: l.themes })),
  }
}

/** A line that fits the site and week, favouring lines used less so far; never one already in the note. */
function pickLine(random: Random, site: string, week: number, uses: ReadonlyMap<NoteLine, number>, taken: readonly NoteLine[]): NoteLine | undefined {
  const fits = NOTE_LINES.filter(
    (l) => !taken.includes(l) && (uses.get(l) ?? 0) < MAX_USES && (l.sites?.includes(site) ?? true) && week >= (l.weeks?.[0] ?? 0) && week <= (l.weeks?.[1] ?? Infinity),
  )
  if (fits.length === 0) return undefined
  const weights = Object.fromEntries(fits.map((l, i) => [String(i), (l.weight ?? 1) / (1 + (uses.get(l) ?? 0))]))
  return fits[Number(pickWeighted(random, weights))]
}

function fill(random: Random, line: NoteLine): string {
  if (line.n === undefined) return line.text
  const [min, max] = line.n
  return line.text.replace('{n}', String(min + Math.floor(random.next() * (max - min + 1))))
}
