/**
 * What patients write about the care itself: letters only in English (Asian people above all, the
 * theme staff notes are silent on), pharmacy checks (preferred, with reservations: partial
 * agreement), home monitors (fine at most practices, going nowhere at hillside), mistrust of the
 * tablets (Black people above all: the dissonance) and praise (westbrook above all).
 */
import { T } from './insight-codebook.ts'
import { ANY_AGE, DEPRIVED, MIXED_ETHNICITY, NONE, OLDER, SEXES, type CommentScenario } from './insight-comment-scenario.ts'

const AFTER_CHANGES: readonly [number, number] = [30, 77]
const IMPROVERS = { eastgate: 2, northfield: 2, southmead: 2, riverbank: 2, westbrook: 1 }

const language: CommentScenario = {
  name: 'language',
  count: 7,
  weeks: [0, 34],
  sites: { northfield: 4, eastgate: 3, southmead: 1.5, riverbank: 1 },
  groups: { imd_quintile: { '1': 4, '2': 3, '3': 1.5, '4': 0.5 }, age_band: { '40-59': 2, '60-79': 4, '80+': 2 }, sex: SEXES, ethnicity: { 'Asian or Asian British': 1 } },
  cores: [
    { text: "Letters only in English, my mother can't read them so she misses her checks.", themes: [T.letters], tone: -1.5 },
    { text: 'All the letters come in English. I can speak it but reading the medical words is hard.', themes: [T.letters], tone: -1 },
    { text: "My dad doesn't read English and nobody at the surgery offered an interpreter.", themes: [T.interpreters], tone: -1.5 },
    { text: "They told me to book a phone interpreter myself. I didn't know how.", themes: [T.interpreters], tone: -1 },
    { text: 'The leaflet about blood pressure was only in English.', themes: [T.letters], tone: -1 },
    { text: 'I needed my son to come and translate for me, and he had to take time off.', themes: [T.interpreters, T.work], tone: -1 },
    { text: "Reminder texts only in English, I ignored them because I wasn't sure what they were.", themes: [T.letters, T.invites], tone: -1 },
    { text: 'The nurse spoke very fast and there was no Polish interpreter, I understood maybe half.', themes: [T.interpreters, T.numbers], tone: -1.5, groups: { ethnicity: { Other: 1 } } },
    { text: 'My aunt only reads Somali. Every letter, someone in the family has to read it to her.', themes: [T.letters], tone: -1, groups: { ethnicity: { 'Black or Black British': 1 } } },
  ],
  openers: [NONE, NONE, { text: 'Please listen. ' }, { text: 'Small thing but ' }],
  closers: [NONE, { text: ' Please send them in Urdu or Bengali too.' }, { text: ' A voice message would be better for older people.' }, { text: " It's not hard to fix.", tone: -0.3 }],
}

const languageAfter: CommentScenario = {
  name: 'language-after',
  count: 3,
  weeks: [34, 77],
  sites: { northfield: 4, eastgate: 3, southmead: 1, riverbank: 1 },
  groups: language.groups,
  cores: [
    { text: 'The reminder came in Urdu this time, my mum read it herself and booked.', themes: [T.letters, T.good], tone: 1.5 },
    { text: 'Nice to get a text in Bengali. Thank you.', themes: [T.letters, T.good], tone: 1.5 },
    { text: 'Had a Polish interpreter on the phone for my review and it made a big difference.', themes: [T.interpreters, T.good], tone: 1.5, groups: { ethnicity: { Other: 1 } } },
    { text: 'The voice note reminder in Punjabi was a good idea, my father played it twice.', themes: [T.letters, T.good], tone: 1.5 },
  ],
  openers: [NONE],
  closers: [NONE, { text: ' More of this please.' }],
}

const pharmacy: CommentScenario = {
  name: 'pharmacy',
  count: 12,
  weeks: [0, 77],
  sites: { 'pharmacy-cluster': 6, eastgate: 1, northfield: 1, southmead: 1, riverbank: 1, hillside: 1 },
  groups: { imd_quintile: { '1': 3, '2': 3, '3': 2, '4': 1.5, '5': 1 }, age_band: ANY_AGE, sex: SEXES, ethnicity: MIXED_ETHNICITY },
  cores: [
    { text: 'The pharmacy machine was easier, no appointment and done in five minutes.', themes: [T.pharmacy], tone: 1.5 },
    { text: 'Had my blood pressure checked at the chemist while I waited for my prescription. Brilliant.', themes: [T.pharmacy], tone: 2 },
    { text: "Much prefer the pharmacy, they're open late and on Saturdays.", themes: [T.pharmacy, T.times], tone: 1 },
    { text: 'The pharmacist explained my readings better than anyone at the surgery ever has.', themes: [T.pharmacy, T.numbers], tone: 1 },
    { text: 'The pharmacy did my blood pressure but the surgery said they never got the reading, so I had to go again.', themes: [T.pharmacy], tone: -1 },
    { text: 'Nowhere private at the chemist, everyone in the queue could hear my numbers.', themes: [T.pharmacy], tone: -1 },
    { text: 'The pharmacy check was quick but they said it was high and to see my GP, which takes weeks.', themes: [T.pharmacy, T.times], tone: -0.5 },
    { text: 'The machine at the pharmacy said one thing and the nurse said another. Which do I believe?', themes: [T.pharmacy, T.numbers], tone: -0.5 },
  ],
  openers: [NONE, NONE, { text: 'To be honest ' }, { text: "For what it's worth, " }],
  closers: [NONE, NONE, { text: " I'd go there again.", tone: 0.5 }, { text: ' It would help if the surgery and the pharmacy talked to each other.', tone: -0.3 }],
}

const monitors: CommentScenario = {
  name: 'monitors',
  count: 4,
  weeks: [0, 77],
  sites: IMPROVERS,
  groups: { imd_quintile: { '1': 3, '2': 2, '3': 2, '4': 1, '5': 1 }, age_band: ANY_AGE, sex: SEXES, ethnicity: MIXED_ETHNICITY },
  cores: [
    { text: 'Asked about borrowing a home monitor and was told there is a waiting list.', themes: [T.loans], tone: -1, weeks: [0, 27] },
    { text: "I'd happily check my own blood pressure at home if the surgery lent me a machine.", themes: [T.loans], tone: -0.5, weeks: [0, 27] },
    { text: "Borrowed a home monitor, sent my readings in by text and didn't even need to come in.", themes: [T.loans, T.good], tone: 2, weeks: AFTER_CHANGES },
    { text: 'Really easy to borrow a monitor from reception and the instructions were clear.', themes: [T.loans, T.good], tone: 1.5, weeks: AFTER_CHANGES },
    { text: 'The cuff on the loan monitor is too small for my arm so the readings are all over the place.', themes: [T.cuffs], tone: -1, weeks: AFTER_CHANGES },
  ],
  openers: [NONE],
  closers: [NONE, NONE, { text: ' Thanks.', tone: 0.3 }],
}

/** Hillside lends monitors but nobody acts on the readings: why its control does not move. */
const hillsideMonitors: CommentScenario = {
  name: 'hillside-monitors',
  count: 4,
  weeks: AFTER_CHANGES,
  sites: { hillside: 1 },
  groups: { imd_quintile: { '1': 1, '2': 2, '3': 3, '4': 2, '5': 1 }, age_band: OLDER, sex: SEXES, ethnicity: { 'White British': 7, 'Asian or Asian British': 1, 'Black or Black British': 0.6, Mixed: 0.4 } },
  cores: [
    { text: "I've had the monitor for two months and send my readings every week but nobody has ever got back to me.", themes: [T.loans, T.numbers], tone: -1.5 },
    { text: "Got given a monitor but no idea what I'm meant to do if the numbers are high.", themes: [T.loans, T.numbers], tone: -1 },
    { text: 'The monitor batteries ran out and nobody could tell me where to get new ones.', themes: [T.cuffs], tone: -1 },
    { text: 'Sent in a reading of 168 over 102 and heard nothing. Is that normal?', themes: [T.loans, T.numbers], tone: -1.5 },
    { text: 'Nice to have the monitor but what happens to the readings?', themes: [T.loans, T.numbers], tone: -0.5 },
  ],
  openers: [NONE, NONE, { text: 'Not a complaint exactly. ' }],
  closers: [NONE, { text: ' Feels a bit pointless.', tone: -0.5 }],
}

/** Black people's readings are taken often, but the advice is not trusted or understood: the dissonance. */
const trust: CommentScenario = {
  name: 'trust',
  count: 8,
  weeks: [0, 77],
  sites: { southmead: 4, eastgate: 3, riverbank: 2, northfield: 1 },
  groups: { imd_quintile: DEPRIVED, age_band: { '18-39': 1, '40-59': 4, '60-79': 3 }, sex: { Male: 1.3, Female: 1 }, ethnicity: { 'Black or Black British': 6.5, 'White British': 2, 'Asian or Asian British': 1, Mixed: 0.5 } },
  cores: [
    { text: "They take my blood pressure every time I'm in, but nobody explains what the numbers mean.", themes: [T.numbers], tone: -1 },
    { text: 'I was told it was high and given tablets, with no explanation of why or for how long.', themes: [T.advice], tone: -1 },
    { text: 'I stopped the tablets because they made me dizzy. Nobody asked me why.', themes: [T.sideEffects, T.advice], tone: -1.5 },
    { text: "My reading is always high at the surgery and fine at home, so I don't think I need the tablets.", themes: [T.advice], tone: -0.5 },
    { text: 'I felt rushed and judged, like it was my fault.', themes: [T.advice], tone: -2 },
    { text: "I'd rather manage it with diet and walking than take pills for life.", themes: [T.advice], tone: -0.5 },
    { text: 'Three different people have told me three different targets.', themes: [T.numbers], tone: -1 },
    { text: 'Prescription charges add up on three tablets, so I skip the one I think matters least.', themes: [T.prescriptions], tone: -1 },
  ],
  openers: [NONE, NONE, { text: 'Being honest, ' }],
  closers: [NONE, NONE, { text: ' I want someone to talk it through with me.' }, { text: ' It feels like box ticking.', tone: -0.5 }],
}

const praise: CommentScenario = {
  name: 'praise',
  count: 7,
  weeks: [0, 77],
  sites: { westbrook: 5, northfield: 1.5, southmead: 1.5, riverbank: 1.5, hillside: 1, eastgate: 0.5 },
  groups: { imd_quintile: { '2': 0.5, '3': 1, '4': 2, '5': 3 }, age_band: OLDER, sex: SEXES, ethnicity: { 'White British': 8, 'Asian or Asian British': 1, 'Black or Black British': 0.5, Mixed: 0.5 } },
  cores: [
    { text: 'The nurse was lovely, in and out in ten minutes.', themes: [T.good], tone: 2 },
    { text: 'Really thorough review, the nurse went through all my medication.', themes: [T.good], tone: 2 },
    { text: 'Text reminder, quick appointment, no fuss. Thank you.', themes: [T.good, T.invites], tone: 1.5 },
    { text: 'The evening clinic was perfect, I could come straight from work.', themes: [T.good, T.times], tone: 2, weeks: AFTER_CHANGES, sites: IMPROVERS, groups: { age_band: { '18-39': 1, '40-59': 2 } } },
    { text: 'Friendly reception and I was seen on time.', themes: [T.good], tone: 1.5 },
    { text: 'Very happy with the care I get for my blood pressure.', themes: [T.good], tone: 2 },
    { text: 'The Saturday morning check was so easy, thank you for listening.', themes: [T.good, T.times], tone: 2, weeks: AFTER_CHANGES, sites: IMPROVERS },
  ],
  openers: [NONE],
  closers: [NONE, NONE, { text: ' Keep it up.' }, { text: ' Thank you all.' }],
}

export const CARE_SCENARIOS: readonly CommentScenario[] = [language, languageAfter, pharmacy, monitors, hillsideMonitors, trust, praise]
