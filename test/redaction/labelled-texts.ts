/**
 * A labelled, synthetic evaluation set for the free-text de-identification redactor.
 *
 * Every text is built from parts (plain text and identifiers) and the gold spans are recorded as
 * the parts are joined, so the labels are exact by construction. Everything comes from a seeded
 * generator (sfc32), never Math.random: the same seed gives the same set on every machine.
 * Identifiers come only from reserved or fictional ranges (see README.md).
 */
import {
  A9A_LETTERS, AA9A_LETTERS, BUILDINGS, DOSES, DRUGS, FAKE_AREAS_ONE, FAKE_AREAS_TWO, FIRST_NAMES,
  INWARD_LETTERS, LANGUAGES, MONTHS, NI_FIRST, NI_NEVER_ISSUED, NI_SECOND, RELATIVES, SERVICES,
  STAFF_ROLES, STREET_NAMES, STREET_SUFFIXES, SURNAMES, TOWNS,
} from './pools.ts'
import { sfc32, type Rng } from './prng.ts'

export const ENTITY_TYPES = [
  'nhs_number', 'postcode', 'phone', 'email', 'ni_number', 'date_of_birth', 'address', 'name',
] as const
export type EntityType = (typeof ENTITY_TYPES)[number]

/** A gold span: UTF-16 offsets into the text, end exclusive. */
export interface GoldEntity {
  readonly type: EntityType
  readonly start: number
  readonly end: number
}

export interface LabelledText {
  readonly id: string
  readonly text: string
  readonly entities: readonly GoldEntity[]
}

export type Source = 'patient' | 'fft' | 'staff' | 'community' | 'interview'
const SOURCES: readonly Source[] = ['patient', 'fft', 'staff', 'community', 'interview']

/** How many texts the set holds, and how many of them carry at least one identifier. */
export const SET_SIZE = 520
export const WITH_IDENTIFIERS = 260

// ---------------------------------------------------------------------------------------------
// Parts: plain strings and identifiers, joined by a tagged template.

interface Ent {
  readonly kind: 'entity'
  readonly type: EntityType
  readonly text: string
}
type Part = string | Ent
type PartInput = Part | number | readonly PartInput[]

const ent = (type: EntityType, text: string): Ent => ({ kind: 'entity', type, text })
const nm = (text: string): Ent => ent('name', text)

function flatten(value: PartInput, out: Part[]): void {
  if (typeof value === 'number') out.push(String(value))
  else if (typeof value === 'string') {
    if (value !== '') out.push(value)
  } else if (isEnt(value)) out.push(value)
  else for (const v of value) flatten(v, out)
}

function isEnt(value: PartInput): value is Ent {
  return typeof value === 'object' && !Array.isArray(value) && (value as Ent).kind === 'entity'
}

/** Tagged template: `p\`Seen by ${nm('Patel')} today\`` gives plain and entity parts in order. */
function p(strings: TemplateStringsArray, ...values: PartInput[]): Part[] {
  const out: Part[] = []
  strings.forEach((s, i) => {
    if (s !== '') out.push(s)
    if (i < values.length) flatten(values[i] as PartInput, out)
  })
  return out
}

// ---------------------------------------------------------------------------------------------
// Identifier factories. Each returns the surface form only; labels come from how it is placed.

/** The random source plus a per-run counter, so surface forms are spread evenly over the set. */
interface G extends Rng {
  /** Successive calls with the same key go round 0..n-1 (from a random start). */
  cycle(key: string, n: number): number
}

function withCycles(rng: Rng): G {
  const counters = new Map<string, number>()
  return {
    ...rng,
    cycle(key, n) {
      const c = counters.get(key) ?? rng.int(0, n - 1)
      counters.set(key, c + 1)
      return c % n
    },
  }
}

/** One of the forms, in turn. */
const inTurn = <T>(g: G, key: string, forms: readonly T[]): T => forms[g.cycle(key, forms.length)] as T

const digits = (g: G, n: number): string => Array.from({ length: n }, () => String(g.int(0, 9))).join('')
const pad2 = (n: number): string => String(n).padStart(2, '0')

/** A 10-digit NHS number in 999 000 0000 – 999 999 9999 with a valid Modulus 11 check digit. */
function nhsDigits(g: G): string {
  for (;;) {
    const body = `999${digits(g, 6)}`
    let sum = 0
    for (let i = 0; i < 9; i++) sum += Number(body[i]) * (10 - i)
    let check = 11 - (sum % 11)
    if (check === 11) check = 0
    if (check === 10) continue
    const full = `${body}${check}`
    if (/^(\d)\1{9}$/.test(full)) continue
    return full
  }
}

function nhs(g: G): Ent {
  const d = nhsDigits(g)
  const spaced = `${d.slice(0, 3)} ${d.slice(3, 6)} ${d.slice(6)}`
  return ent('nhs_number', inTurn(g, 'nhs', [spaced, d, spaced, d, `${d.slice(0, 3)}-${d.slice(3, 6)}-${d.slice(6)}`]))
}

const NHS_CONTEXTS = ['NHS number ', 'NHS number: ', 'NHS no. ', 'NHS No ', 'nhs no ', 'NHS number is ', 'NHS no: ']

const letter = (g: G, letters: string): string => letters[g.int(0, letters.length - 1)] as string

function postcodeText(g: G): string {
  const format = g.cycle('postcode-format', 6)
  const one = g.pick(FAKE_AREAS_ONE)
  const two = g.pick(FAKE_AREAS_TWO)
  const outward = [
    `${one}${g.int(1, 9)}`, // A9
    `${one}${g.int(10, 99)}`, // A99
    `${two}${g.int(1, 9)}`, // AA9
    `${two}${g.int(10, 99)}`, // AA99
    `${one}${g.int(1, 9)}${letter(g, A9A_LETTERS)}`, // A9A
    `${two}${g.int(1, 9)}${letter(g, AA9A_LETTERS)}`, // AA9A
  ][format] as string
  const inward = `${g.int(0, 9)}${letter(g, INWARD_LETTERS)}${letter(g, INWARD_LETTERS)}`
  const spaced = `${outward} ${inward}`
  return inTurn(g, 'postcode-case', [spaced, `${outward}${inward}`, spaced.toLowerCase(), spaced, `${outward}${inward}`.toLowerCase()])
}
const pc = (g: G): Ent => ent('postcode', postcodeText(g))

/** Ofcom drama ranges only: 07700 900xxx, 01632 960xxx, 0113 496 0xxx, 020 7946 0xxx. */
function phone(g: G): Ent {
  const r = inTurn(g, 'phone-kind', [0.1, 0.6, 0.3, 0.75, 0.2, 0.9])
  let forms: string[]
  if (r < 0.5) {
    const x = String(g.int(0, 999)).padStart(3, '0')
    forms = [`07700 900${x}`, `07700900${x}`, `+44 7700 900${x}`, `+44 (0)7700 900${x}`, `07700 900 ${x}`,
      `+447700900${x}`, `07700-900-${x}`]
  } else if (r < 0.7) {
    const x = String(g.int(0, 999)).padStart(3, '0')
    forms = [`01632 960${x}`, `(01632) 960 ${x}`, `01632 960 ${x}`, `01632960${x}`, `+44 1632 960${x}`]
  } else if (r < 0.85) {
    const x = String(g.int(0, 999)).padStart(3, '0')
    forms = [`0113 496 0${x}`, `0113 4960${x}`, `(0113) 496 0${x}`, `+44 113 496 0${x}`]
  } else {
    const x = String(g.int(0, 999)).padStart(3, '0')
    forms = [`020 7946 0${x}`, `(020) 7946 0${x}`, `02079460${x}`, `+44 20 7946 0${x}`, `+44 (0)20 7946 0${x}`]
  }
  return ent('phone', inTurn(g, `phone-form-${forms.length}-${forms[0]?.slice(0, 3)}`, forms))
}

const ASCII: Record<string, string> = { 'ł': 'l', 'Ł': 'L', 'ş': 's', 'ś': 's', '’': '', "'": '', ' ': '' }
function asciiName(s: string): string {
  return [...s.normalize('NFD').replace(/\p{M}/gu, '')].map((c) => ASCII[c] ?? c).join('')
}

const EMAIL_DOMAINS = ['example.com', 'example.org', 'nhs.example', 'riverside.nhs.example', 'mail.example.com', 'example.org']
const ROLE_MAILBOXES = ['feedback', 'pals', 'bp.clinic', 'community.voice', 'volunteers']

function email(g: G, first = g.pick(FIRST_NAMES), last = g.pick(SURNAMES)): Ent {
  const f = asciiName(first).toLowerCase()
  const l = asciiName(last).toLowerCase()
  const r = g.next()
  let local: string
  if (r < 0.3) local = `${f}.${l}`
  else if (r < 0.45) local = `${f[0]}${l}${g.int(1, 99)}`
  else if (r < 0.55) local = `${f}_${l}`
  else if (r < 0.65) local = `${f}${g.int(50, 99)}`
  else if (r < 0.72) local = `${f}.${l}+bp`
  else if (r < 0.8) local = `${l}.family`
  else if (r < 0.9) local = g.pick(ROLE_MAILBOXES)
  else local = `${f[0]?.toUpperCase()}${f.slice(1)}.${l[0]?.toUpperCase()}${l.slice(1)}`
  const domain = g.chance(0.1) ? 'Example.com' : g.pick(EMAIL_DOMAINS)
  return ent('email', `${local}@${domain}`)
}

function ni(g: G): Ent {
  let prefix: string
  do prefix = letter(g, NI_FIRST) + letter(g, NI_SECOND)
  while (NI_NEVER_ISSUED.includes(prefix))
  const d = digits(g, 6)
  const suffix = letter(g, 'ABCD')
  return ent('ni_number', inTurn(g, 'ni', [
    `${prefix}${d}${suffix}`,
    `${prefix} ${d.slice(0, 2)} ${d.slice(2, 4)} ${d.slice(4)} ${suffix}`,
    `${prefix}${d}${suffix}`.toLowerCase(),
    `${prefix}${d}${suffix}`,
    `${prefix} ${d} ${suffix}`,
  ]))
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
const ordinal = (d: number): string =>
  `${d}${d % 10 === 1 && d !== 11 ? 'st' : d % 10 === 2 && d !== 12 ? 'nd' : d % 10 === 3 && d !== 13 ? 'rd' : 'th'}`

/** A date of birth between 1928 and 2005 in one of ten common written forms. */
function dob(g: G): Ent {
  const year = g.chance(0.8) ? g.int(1928, 1975) : g.int(1976, 2005)
  const month = g.int(1, 12)
  const day = g.int(1, DAYS_IN_MONTH[month - 1] as number)
  const mName = MONTHS[month - 1] as string
  const forms = [
    `${pad2(day)}/${pad2(month)}/${year}`,
    `${day}/${month}/${String(year).slice(2)}`,
    `${pad2(day)}.${pad2(month)}.${year}`,
    `${pad2(day)}-${pad2(month)}-${year}`,
    `${day} ${mName} ${year}`,
    `${ordinal(day)} ${mName} ${year}`,
    `${ordinal(day)} of ${mName} ${year}`,
    `${day} ${mName.slice(0, 3)} ${year}`,
    `${mName} ${day}, ${year}`,
    `${year}-${pad2(month)}-${pad2(day)}`,
  ]
  return ent('date_of_birth', inTurn(g, 'dob', forms))
}

/** A street address, sometimes followed by a postcode (always its own span, never inside the address). */
function addr(g: G, postcodeChance = 0.35): Part[] {
  const n = g.int(1, 180)
  const street = `${g.pick(STREET_NAMES)} ${g.pick(STREET_SUFFIXES)}`
  const town = g.pick(TOWNS)
  const forms = [
    `${n} ${street}`,
    `${n}${letter(g, 'abc')} ${street}`,
    `Flat ${g.int(1, 24)}, ${n} ${street}, ${town}`,
    `${n} ${street}, ${town}`,
    `Flat ${g.int(1, 12)}, ${g.pick(BUILDINGS)}, ${street}`,
    `${n}, ${street}`,
    `${n} ${street}`.toLowerCase(),
  ]
  const parts: Part[] = [ent('address', inTurn(g, 'address', forms))]
  if (g.chance(postcodeChance)) parts.push(g.chance(0.7) ? ', ' : ' ', pc(g))
  return parts
}

const first = (g: G): string => g.pick(FIRST_NAMES)
const surname = (g: G): string => g.pick(SURNAMES)
const full = (g: G): string => `${first(g)} ${surname(g)}`

/** A name with a title; the title is never part of the span. */
function titled(g: G): Part[] {
  const r = g.int(0, 8)
  switch (r) {
    case 0: return ['Dr ', nm(surname(g))]
    case 1: return ['Dr. ', nm(surname(g))]
    case 2: return ['Dr ', nm(full(g))]
    case 3: return ['Mrs ', nm(full(g))]
    case 4: return ['Nurse ', nm(first(g))]
    case 5: return ['Sister ', nm(surname(g))]
    case 6: return ['Mr ', nm(surname(g))]
    case 7: return ['Ms ', nm(full(g))]
    default: return ['Miss ', nm(surname(g))]
  }
}

function signOff(g: G): Part[] {
  switch (g.int(0, 6)) {
    case 0: return ['\nThanks, ', nm(first(g))]
    case 1: return [' — ', nm(full(g))]
    case 2: return ['\n', nm(first(g))]
    case 3: return [' Regards, ', nm(full(g))]
    case 4: return [' From ', nm(first(g)), ` (${g.pick(RELATIVES)})`]
    case 5: return [' Cheers ', nm(first(g).toLowerCase())]
    default: return ['\nKind regards\n', nm(full(g))]
  }
}

// ---------------------------------------------------------------------------------------------
// Negative material: realistic text with no identifiers, full of look-alikes.

function nonBirthDate(g: G): string {
  const m = g.pick(MONTHS)
  return g.pick([
    `${g.int(1, 28)} ${m}`,
    `${pad2(g.int(1, 28))}/${pad2(g.int(1, 12))}/2025`,
    `Tuesday ${ordinal(g.int(1, 28))}`,
    `the ${ordinal(g.int(1, 28))} of ${m}`,
    `${g.int(1, 28)} ${m.slice(0, 3)}`,
  ])
}
const time = (g: G): string => g.pick(['10:30', '9:40', '08:30', '2pm', '14:15', '6pm', '7.30am'])
const bp = (g: G): string => `${g.int(118, 178)}/${g.int(70, 104)}`
const money = (g: G): string => g.pick(['£20', '£4.50', '£9.90', '£12', '£3 an hour'])
const ref = (g: G): string => g.pick([`ref ${g.int(10000, 99999)}`, `ref CR-${g.int(1000, 9999)}`, `ticket ${g.int(100, 9999)}`])
const drug = (g: G): string => g.pick(DRUGS)
const dose = (g: G): string => g.pick(DOSES)
const lang = (g: G): string => g.pick(LANGUAGES)
const service = (g: G): string => g.pick(SERVICES)
const small = (g: G): number => g.int(2, 12)
const cap = (s: string): string => `${s[0]?.toUpperCase() ?? ''}${s.slice(1)}`

const NEGATIVES: Record<Source, readonly ((g: G) => string)[]> = {
  patient: [
    () => 'The Nurse led clinic on a Saturday meant I didn\'t have to take time off work.',
    (g) => `Waited ${small(g)} weeks for a blood pressure check, then seen on ${g.int(1, 28)} ${g.pick(MONTHS)} and it was over in 10 minutes.`,
    (g) => `The machine in the pharmacy was easier than coming in. Parking was ${money(g)} though.`,
    (g) => `Letters only in English, my mum can't read them. I will keep asking for ${lang(g)}.`,
    (g) => `Staff on Ward ${g.int(1, 40)} were kind even though it was busy.`,
    (g) => `Rang NHS 111 at ${time(g)} and they told me to go to A&E.`,
    (g) => `Nobody told me to stop the ${drug(g)} ${dose(g)} before the test.`,
    (g) => `appointment on ${pad2(g.int(1, 28))}/${pad2(g.int(1, 12))}/2025 was cancelled by text and I had to rebook`,
    () => 'They said come back in May for a review.',
    () => 'She handled it all with grace. Hope it helps someone else.',
    () => 'Mark my words, the evening clinics will fill up.',
    (g) => `Sat in the rose garden outside ${service(g)} while I waited.`,
    () => 'We work from dawn till dusk so a Saturday slot is the only option.',
    () => 'It was a sunny day and the queue went right round the car park.',
    () => 'Ended up footing the bill for a taxi because the bus only runs every hour.',
    (g) => `My BP was ${bp(g)} at home but ${bp(g)} in the surgery.`,
    (g) => `I was in Room ${g.int(1, 30)}, Bed ${g.int(1, 12)} for 3 days.`,
    (g) => `Complaint ${ref(g)} still not answered after ${small(g)} weeks.`,
    () => 'Told to call 999 if the headaches get worse.',
    () => "can't get time off work for the nurse clinic",
    () => 'the pharmacy on the high street was easier than the surgery',
    (g) => `They changed me from ${drug(g)} to ${drug(g)} and nobody said why.`,
    () => 'Sister ward was calm and clean, the tea trolley came round at 3.',
    (g) => `Dr said to take the ${drug(g)} ${dose(g)} in the morning, not at night.`,
    () => 'I was told to ring back at 8am on the dot, by the time I got through there were no slots.',
    (g) => `Went to the walk-in at ${service(g)} on ${nonBirthDate(g)}, seen within the hour.`,
    () => 'Receptionist said the doctor would ring between 10:30 and 1, never did.',
    () => 'Nurse was lovely, explained everything twice.',
    (g) => `Car park charges ${money(g)} a day, that's too much when you're coming every week.`,
  ],
  fft: [
    () => 'Very good. Quick and friendly, in and out in 10 minutes.',
    (g) => `Good but ${service(g)} phones are engaged from 8am.`,
    (g) => `Poor. ${small(g)} weeks for a call back.`,
    () => "Don't know, first visit.",
    () => 'Very good, vitamin B12 jab done on time.',
    (g) => `Good. An A4 leaflet in ${lang(g)} would help.`,
    () => 'Neither good nor poor. Sister ward was noisy at night.',
    () => 'Very poor, waited till 10:30 for a 9:40 appointment',
    () => 'very good nothing to improve',
    (g) => `Good 👍 the home monitor is easy, readings around ${bp(g)}.`,
    () => 'Poor - 2 weeks to get through on the phone, ended up in A&E.',
    (g) => `Very good. The ${drug(g)} review was quick. I will recommend.`,
    () => 'Good. Would be better with evening appointments in May and June.',
    () => 'Good. Nurse was kind.',
    () => 'Very good, Doctor explained the results and what the numbers mean.',
    (g) => `Poor. Rang at 8am, number ${g.int(15, 40)} in the queue.`,
    () => 'Very good. Will come back for the review.',
  ],
  staff: [
    (g) => `Huddle: no room for evening clinics on Thursdays; Room ${g.int(1, 20)} booked by physio.`,
    (g) => `${small(g)} monitors not returned this month, ${g.int(1, 5)} overdue more than 2 weeks.`,
    () => 'HCA sessions down to 2 a week. Bloods moved to 08:30.',
    () => 'Reminder texts going out in 4 languages from Monday.',
    (g) => `${cap(drug(g))} ${dose(g)} titration protocol agreed, pharmacist to review at 4 weeks.`,
    (g) => `Fridge fault on Ward ${g.int(1, 40)} logged, ${ref(g)}.`,
    (g) => `Sister ward round moved to ${time(g)}.`,
    (g) => `Nurse led clinic fully booked until ${nonBirthDate(g)}.`,
    () => 'Staff notes: postal-only invitations not working, uptake low in quintile 1.',
    (g) => `${service(g)} short of cuffs (large) again.`,
    (g) => `BP recorded for ${g.int(60, 95)}% of register; control still below target.`,
    () => 'Clinic 3 running late; Dr on call covering until 6pm.',
    (g) => `Audit: ${small(g)} of 40 monitors logged on the spreadsheet, ${ref(g)}.`,
    (g) => `Bed 4 and Bed 7 on Ward ${g.int(1, 40)} need BP cuffs replaced.`,
    () => 'Eastgate Medical Practice piloting Saturday clinics from dawn till dusk (well, 8 till 2).',
  ],
  community: [
    (g) => `Barbershop session: ${g.int(12, 40)} checks, ${small(g)} readings over 140/90, ${g.int(1, 6)} referred.`,
    () => 'Food bank: people worried about the cost of prescriptions (£9.90 each).',
    (g) => `Mosque event after Friday prayers, ${g.int(15, 60)} people checked, leaflets in ${lang(g)} helped.`,
    () => "Elders' lunch club asked for large print letters and a home visit option.",
    (g) => `Event at ${g.pick(['Hillside Community Centre', 'Northshore Community Hub'])} from ${time(g)}, tea and samosas.`,
    () => "Several people said they only go to A&E because they can't get through.",
    () => 'Lots of trust in the pharmacy, less in letters from the surgery.',
    (g) => `Volunteers ran the stall from dawn till dusk; ${g.int(20, 70)} conversations.`,
    (g) => `Gurdwara lunch: ${g.int(15, 40)} checks, ${g.int(1, 3)} over 180/110 sent to A&E.`,
    () => 'People prefer a Saturday, from 10:30 to 1pm.',
    () => 'Asked to come back in May with the home monitors; a sunny day helps turnout.',
    () => 'Several said they would rather pay £20 for a private check than wait.',
  ],
  interview: [
    (g) => `Interviewer: what gets in the way? P${g.int(1, 24)}: honestly it's the time, I will go if it's near work.`,
    (g) => `P${g.int(1, 24)}: "the receptionists decide who gets seen, that's just how it is".`,
    (g) => `P${g.int(1, 24)} described the monitor as "easy once someone shows you".`,
    () => 'Inner setting: no space for evening clinics; leadership engagement low.',
    (g) => `P${g.int(1, 24)}: "I take the ${drug(g)} when I remember, mark my words it's the side effects".`,
    () => 'Outer setting: bus routes cut last year, the 42 stops at 6pm.',
    (g) => `P${g.int(1, 24)}: "Will it hurt? That's what my kids ask."`,
    (g) => `P${g.int(1, 24)}: "I just hope it helps. With grace and patience we'll get there."`,
    (g) => `P${g.int(1, 24)}: "I mark it on the calendar, otherwise I forget."`,
    (g) => `P${g.int(1, 24)}: "My mum went to the Sister ward, she liked it, she said the rose garden was nice."`,
  ],
}

function negativeSentences(g: G, source: Source, n: number): string[] {
  return g.shuffle(NEGATIVES[source]).slice(0, n).map((make) => make(g))
}

// ---------------------------------------------------------------------------------------------
// Templates with identifiers. `has` lists the types every output of the template contains.

interface Template {
  readonly source: Source
  readonly has: readonly EntityType[]
  readonly make: (g: G) => Part[]
}

const good = (g: G): string => g.pick(['Very good.', 'Really good.', 'Excellent.', 'Good.'])

const TEMPLATES: readonly Template[] = [
  // patient comments
  { source: 'patient', has: ['name'], make: (g) => p`${good(g)} ${titled(g)} listened and explained my ${drug(g)} properly, first time anyone has.` },
  { source: 'patient', has: ['name'], make: (g) => p`${nm(first(g))} on ${g.pick(STAFF_ROLES)} was lovely and sorted my appointment in ${small(g)} minutes.` },
  { source: 'patient', has: ['name'], make: (g) => p`${g.pick(['My name is', 'my name is', 'Hello, my name is'])} ${nm(full(g))} and I have been waiting ${small(g)} weeks for a call back about my blood pressure.` },
  { source: 'patient', has: ['name'], make: (g) => p`my ${g.pick(RELATIVES)} ${nm(first(g).toLowerCase())} came with me to translate, the doctor spoke to them not me` },
  { source: 'patient', has: ['name'], make: (g) => p`A nurse called ${nm(first(g))} took my blood pressure twice to be sure. Made me feel safe.` },
  { source: 'patient', has: ['name'], make: (g) => p`Spoke to ${g.pick(['Dr ', 'Dr. '])}${nm(surname(g))}${g.pick(["'s", '’s'])} secretary, who said the letter was sent weeks ago.` },
  { source: 'patient', has: ['name', 'phone'], make: (g) => p`I'm ${nm(full(g))}, ring me on ${phone(g)} if a Saturday slot comes up.` },
  { source: 'patient', has: ['phone'], make: (g) => p`Please can someone ring me back on ${phone(g)}, I've tried ${small(g)} times.` },
  { source: 'patient', has: ['phone'], make: (g) => p`my mobile is ${phone(g)} text is best as I work shifts` },
  { source: 'patient', has: ['email'], make: (g) => p`You can email me at ${email(g)} with the results, I don't always hear the phone.` },
  { source: 'patient', has: ['email'], make: (g) => p`Sent my home readings to ${email(g)} but heard nothing back.` },
  { source: 'patient', has: ['nhs_number'], make: (g) => p`${g.pick(NHS_CONTEXTS)}${nhs(g)}. The pharmacy had my old details and the monitor went missing.` },
  { source: 'patient', has: ['nhs_number', 'name'], make: (g) => p`My ${g.pick(RELATIVES)} ${nm(full(g))} (NHS no. ${nhs(g)}) still hasn't had a letter in ${lang(g)}.` },
  { source: 'patient', has: ['postcode'], make: (g) => p`We're at ${pc(g)} and the nearest clinic is two buses away.` },
  { source: 'patient', has: ['postcode'], make: (g) => p`no pharmacy near ${pc(g)} that does the blood pressure machine` },
  { source: 'patient', has: ['address'], make: (g) => p`I live at ${addr(g)} and the letter went next door again.` },
  { source: 'patient', has: ['address'], make: (g) => p`we moved to ${addr(g)} last year and still get letters for the old house` },
  { source: 'patient', has: ['date_of_birth'], make: (g) => p`My date of birth is ${dob(g)} and the letter said I was too young for the check.` },
  { source: 'patient', has: ['date_of_birth', 'name'], make: (g) => p`Writing for my ${g.pick(RELATIVES)} ${nm(full(g))}, born ${dob(g)}, who was sent home without a monitor.` },
  { source: 'patient', has: ['ni_number'], make: (g) => p`Why did reception ask for my NI number (${ni(g)}) just to book a blood pressure check?` },
  { source: 'patient', has: ['ni_number'], make: (g) => p`they wanted my national insurance no ${ni(g)} for the prescription form, is that right` },
  { source: 'patient', has: ['name'], make: (g) => p`Thank you to everyone at ${service(g)}.${signOff(g)}` },
  { source: 'patient', has: ['address', 'phone'], make: (g) => p`Please send the monitor to ${addr(g)}. If nobody's in, call ${phone(g)}.` },
  { source: 'patient', has: ['name', 'address', 'phone'], make: (g) => p`Hi, I'm ${nm(full(g))}, ${addr(g, 0.7)}, phone ${phone(g)}. My ${g.pick(RELATIVES)} ${nm(first(g))} usually comes with me.` },
  { source: 'patient', has: ['email', 'phone'], make: (g) => p`Best to contact me on ${email(g)} or ${phone(g)} after 6pm.` },
  { source: 'patient', has: ['nhs_number'], make: (g) => p`Please link this to my record (${nhs(g)}), I would like a reply.` },
  { source: 'patient', has: ['name'], make: (g) => p`${g.pick(['Nurse ', 'Sister ', ''])}${nm(first(g))}${g.pick(["'s", '’s'])} advice about salt really helped, my readings are down.` },
  { source: 'patient', has: ['date_of_birth', 'nhs_number'], make: (g) => p`For the record: DOB ${dob(g)}, NHS number ${nhs(g)}. Still no appointment.` },

  // Friends and Family Test answers
  { source: 'fft', has: ['name'], make: (g) => p`Very good - ${nm(first(g))} at ${g.pick(STAFF_ROLES)} made it easy.` },
  { source: 'fft', has: ['name'], make: (g) => p`Good ${g.pick(['👍', '🙏', ':)'])} ${titled(g)} was kind and didn't rush me.` },
  { source: 'fft', has: ['name'], make: (g) => p`${g.pick(['Very good', 'Good'])}. Thanks ${nm(first(g))} and ${nm(first(g))}!` },
  { source: 'fft', has: ['name'], make: (g) => p`Poor. Waited 40 minutes and ${titled(g)} didn't apologise.` },
  { source: 'fft', has: ['phone'], make: (g) => p`Very poor. The line ${phone(g)} just rings out after 8am.` },
  { source: 'fft', has: ['email'], make: (g) => p`Good. Would like my results by email: ${email(g)}` },
  { source: 'fft', has: ['postcode'], make: (g) => p`Neither good nor poor. Parking is hard, I come in from ${pc(g)} by bus.` },
  { source: 'fft', has: ['nhs_number'], make: (g) => p`Very good. (my NHS number is ${nhs(g)} if you need to check)` },
  { source: 'fft', has: ['date_of_birth'], make: (g) => p`Good but I had to give my ${g.pick(['DOB', 'dob', 'date of birth', 'D.O.B.'])} (${dob(g)}) three times.` },
  { source: 'fft', has: ['name'], make: (g) => p`very good, ${nm(first(g).toLowerCase())} on reception sorted it, please pass on my thanks` },
  { source: 'fft', has: ['ni_number'], make: (g) => p`Poor. Asked for my NINO ${ni(g)} at the desk in front of everyone.` },
  { source: 'fft', has: ['address'], make: (g) => p`Very good. Home visit to ${addr(g)} was on time.` },
  { source: 'fft', has: ['email'], make: (g) => p`Don't know yet. Please reply to <${email(g)}>.` },

  // staff huddle notes
  { source: 'staff', has: ['name'], make: (g) => p`Huddle: ${nm(first(g))} covering reception Tues, ${nm(first(g))} off sick. No room for evening clinics.` },
  { source: 'staff', has: ['nhs_number'], make: (g) => p`Pt ${nhs(g)} DNA x2 for BP review; try phone then letter.` },
  { source: 'staff', has: ['nhs_number', 'date_of_birth'], make: (g) => p`${g.pick(NHS_CONTEXTS)}${nhs(g)}, DOB ${dob(g)} - monitor not returned, ${small(g)} weeks overdue.` },
  { source: 'staff', has: ['name', 'phone'], make: (g) => p`${nm(first(g))} to call ${phone(g)} re monitor return.` },
  { source: 'staff', has: ['address', 'name'], make: (g) => p`Home visit ${addr(g)} - readings ${bp(g)}, ${bp(g)}. Refer to ${titled(g)}?` },
  { source: 'staff', has: ['name', 'email'], make: (g) => {
    const f = first(g)
    const s = surname(g)
    return p`Volunteer lead ${nm(`${f} ${s}`)} (${email(g, f, s)}) to coordinate venues for the checks.`
  } },
  { source: 'staff', has: ['nhs_number'], make: (g) => p`Re ${nhs(g)}: monitor lent, due back ${nonBirthDate(g)}.` },
  { source: 'staff', has: ['postcode'], make: (g) => p`Most DNAs from ${pc(g)} and ${pc(g)}; transport likely.` },
  { source: 'staff', has: ['name'], make: (g) => p`Well done ${nm(first(g))} for sorting the fridge fault on Ward ${g.int(1, 40)}.` },
  { source: 'staff', has: ['date_of_birth'], make: (g) => p`${g.pick(['d.o.b.', 'D.O.B', 'Date of birth'])} ${dob(g)} wrong on the system, corrected and reported.` },
  { source: 'staff', has: ['ni_number'], make: (g) => p`Reception asked for NI no. ${ni(g)} - not needed, remind team.` },
  { source: 'staff', has: ['name'], make: (g) => p`${titled(g)} to review ${drug(g)} titration at 4 weeks.` },
  { source: 'staff', has: ['ni_number', 'date_of_birth'], make: (g) => p`Form scanned with NI ${ni(g)} and date of birth ${dob(g)} on it - moved to the secure folder.` },

  // community event notes
  { source: 'community', has: ['name'], make: (g) => p`Barbershop session run by ${nm(first(g))}: ${g.int(12, 40)} checks, ${small(g)} readings over 140/90.` },
  { source: 'community', has: ['name'], make: (g) => p`Lunch club: ${g.pick(['Mrs ', 'Mr ', ''])}${nm(full(g))} asked for large print letters.` },
  { source: 'community', has: ['phone'], make: (g) => p`Mosque event: contact for the next session ${phone(g)} (community voice).` },
  { source: 'community', has: ['email'], make: (g) => p`Food bank volunteers want the leaflets, send them to ${email(g)}.` },
  { source: 'community', has: ['postcode'], make: (g) => p`Attendees mostly from ${pc(g)}, asked for a venue closer to home.` },
  { source: 'community', has: ['address'], make: (g) => p`Next listening event at ${addr(g)}, upstairs room.` },
  { source: 'community', has: ['date_of_birth', 'name'], make: (g) => p`One gentleman (${nm(first(g))}, d.o.b. ${dob(g)}) hadn't had a check in years.` },
  { source: 'community', has: ['nhs_number'], make: (g) => p`Someone wrote NHS no. ${nhs(g)} on the sign-up sheet - sheet shredded after the event.` },
  { source: 'community', has: ['name', 'ni_number'], make: (g) => p`${nm(full(g))} showed us a letter with their NI number ${ni(g)} on it, asking what it meant.` },

  // interview snippets
  { source: 'interview', has: ['name'], make: (g) => p`Participant ${g.int(1, 24)} (${nm(first(g))}, carer): honestly it's the time off work.` },
  { source: 'interview', has: ['name'], make: (g) => p`"My GP, ${titled(g)}, always explains." (P${g.int(1, 24)})` },
  { source: 'interview', has: ['address'], make: (g) => p`P${g.int(1, 24)}: I'm at ${addr(g)} so the bus is fine, it's the hours.` },
  { source: 'interview', has: ['phone'], make: (g) => p`Interviewee asked to be called on ${phone(g)} for the follow-up.` },
  { source: 'interview', has: ['ni_number'], make: (g) => p`P${g.int(1, 24)} read out their NI number, ${ni(g)}, when asked about benefits.` },
  { source: 'interview', has: ['date_of_birth'], make: (g) => p`P${g.int(1, 24)}: I was born on ${dob(g)}, so I remember when you could just walk in.` },
  { source: 'interview', has: ['email'], make: (g) => p`Follow-up by email to ${email(g)} agreed.` },
  { source: 'interview', has: ['postcode'], make: (g) => p`P${g.int(1, 24)} lives near ${pc(g)}: "nothing open after 6".` },
  { source: 'interview', has: ['name'], make: (g) => p`P${g.int(1, 24)}: "my ${g.pick(RELATIVES)} is called ${nm(first(g))}, they do all my forms".` },
]

// ---------------------------------------------------------------------------------------------
// Writing styles: lower case, no punctuation, typos. They never change an identifier's extent.

interface Style {
  readonly lower: boolean
  readonly noPunctuation: boolean
  readonly typos: boolean
}

function typo(g: G, word: string): string {
  const i = g.int(1, word.length - 2)
  switch (g.int(0, 2)) {
    case 0: return word.slice(0, i) + (word[i + 1] ?? '') + (word[i] ?? '') + word.slice(i + 2)
    case 1: return word.slice(0, i) + word.slice(i + 1)
    default: return word.slice(0, i) + (word[i] ?? '') + word.slice(i)
  }
}

function styled(g: G, style: Style, part: Part): Part {
  if (typeof part !== 'string') {
    if (!style.lower) return part
    const lowered = part.text.toLowerCase()
    if (lowered.length !== part.text.length) throw new Error(`lower case changed the length of ${part.text}`)
    return { ...part, text: lowered }
  }
  let s = part
  if (style.lower) s = s.toLowerCase()
  if (style.noPunctuation) s = s.replace(/[,.!;?:](?=\s|$)/g, '')
  // "birth" is spared: a date of birth is only a date of birth through its context word.
  if (style.typos) s = s.replace(/\b[a-z]{5,}\b/g, (w) => (w !== 'birth' && g.chance(0.12) ? typo(g, w) : w))
  return s
}

function assemble(parts: readonly Part[]): { text: string; entities: GoldEntity[] } {
  let text = ''
  const entities: GoldEntity[] = []
  for (const part of parts) {
    if (typeof part === 'string') {
      text += part
    } else {
      entities.push({ type: part.type, start: text.length, end: text.length + part.text.length })
      text += part.text
    }
  }
  return { text, entities }
}

// ---------------------------------------------------------------------------------------------

/**
 * The labelled set for a seed: SET_SIZE texts, WITH_IDENTIFIERS of them with at least one
 * identifier. Templates are chosen to keep the per-type counts balanced.
 */
export function labelledTexts(seed = 1): LabelledText[] {
  const g = withCycles(sfc32(seed))
  const plan = g.shuffle([
    ...Array.from({ length: WITH_IDENTIFIERS }, () => true),
    ...Array.from({ length: SET_SIZE - WITH_IDENTIFIERS }, () => false),
  ])
  const counts = new Map<EntityType, number>(ENTITY_TYPES.map((t) => [t, 0]))
  const out: LabelledText[] = []

  const seen = new Set<string>()

  const draw = (positive: boolean, i: number): boolean => {
    let source: Source
    let parts: Part[]
    if (positive) {
      // The type furthest below its share so far; names get a larger share (they are the most
      // varied identifier in real feedback and the hardest to catch).
      const share = (t: EntityType): number => (counts.get(t) ?? 0) / (t === 'name' ? 2 : 1)
      const least = Math.min(...ENTITY_TYPES.map(share))
      const wanted = g.pick(ENTITY_TYPES.filter((t) => share(t) === least))
      const template = g.pick(TEMPLATES.filter((t) => t.has.includes(wanted)))
      source = template.source
      parts = template.make(g)
      const [before, after] = negativeSentences(g, source, 2) as [string, string]
      if (g.chance(0.3)) parts = [before, ' ', ...parts]
      if (g.chance(0.3)) parts = [...parts, ' ', after]
      if ((source === 'patient' || source === 'fft') && !template.has.includes('name') && g.chance(0.2)) {
        parts = [...parts, ...signOff(g)]
      }
    } else {
      source = g.pick(SOURCES)
      const n = g.chance(0.15) ? 3 : g.chance(0.55) ? 2 : 1
      const sentences = negativeSentences(g, source, n)
      parts = sentences.flatMap((s, k) => (k === 0 ? [s] : [g.pick([' ', ' ', '\n']), s]))
    }
    const style: Style = { lower: g.chance(0.12), noPunctuation: g.chance(0.1), typos: g.chance(0.12) }
    const { text, entities } = assemble(parts.map((part) => styled(g, style, part)))
    if (seen.has(text)) return false
    seen.add(text)
    for (const e of entities) counts.set(e.type, (counts.get(e.type) ?? 0) + 1)
    out.push({ id: `${source}-${String(i + 1).padStart(3, '0')}`, text, entities })
    return true
  }
  // A text identical to an earlier one is drawn again, so every text in the set is distinct.
  plan.forEach((positive, i) => {
    while (!draw(positive, i)) { /* draw again */ }
  })
  return out
}

export interface SetSummary {
  readonly texts: number
  readonly withIdentifiers: number
  readonly withoutIdentifiers: number
  readonly entities: number
  readonly byType: Readonly<Record<EntityType, number>>
  readonly bySource: Readonly<Record<string, number>>
}

/** Counts for a set: texts, texts with and without identifiers, gold entities per type and per source. */
export function summarise(texts: readonly LabelledText[]): SetSummary {
  const byType = Object.fromEntries(ENTITY_TYPES.map((t) => [t, 0])) as Record<EntityType, number>
  const bySource: Record<string, number> = {}
  let entities = 0
  for (const t of texts) {
    const source = t.id.replace(/-\d+$/, '')
    bySource[source] = (bySource[source] ?? 0) + 1
    for (const e of t.entities) {
      byType[e.type] += 1
      entities += 1
    }
  }
  const withIdentifiers = texts.filter((t) => t.entities.length > 0).length
  return { texts: texts.length, withIdentifiers, withoutIdentifiers: texts.length - withIdentifiers, entities, byType, bySource }
}

/** The summary of the default set (seed 1). */
export const COUNTS: SetSummary = summarise(labelledTexts(1))
