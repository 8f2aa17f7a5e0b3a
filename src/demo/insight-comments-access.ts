/**
 * What patients write about getting to blood-pressure care: time off work, clinic times, travel and
 * invitations. Mostly from the most deprived fifth and from eastgate, the practice the numbers flag
 * (DEMO.md: agreement between numbers and comments).
 */
import { T } from './insight-codebook.ts'
import { DEPRIVED, DEPRIVED_SITES, MIXED_ETHNICITY, NONE, OLDER, SEXES, WORKING_AGE, ANY_AGE, type Addition, type CommentScenario } from './insight-comment-scenario.ts'

const GRUMBLES: readonly Addition[] = [NONE, NONE, { text: 'Honestly, ' }, { text: 'I know it matters but ' }, { text: 'Not the first time I have said this. ' }, { text: 'The nurse is lovely but ', tone: 0.5 }]

const access: CommentScenario = {
  name: 'access-work',
  count: 13,
  weeks: [0, 60],
  sites: DEPRIVED_SITES,
  groups: { imd_quintile: DEPRIVED, age_band: WORKING_AGE, sex: SEXES, ethnicity: MIXED_ETHNICITY },
  cores: [
    { text: "Can't get time off work for the nurse clinic.", themes: [T.work], tone: -1 },
    { text: 'The blood pressure clinic is only on weekday mornings and I work shifts at the warehouse.', themes: [T.work, T.times], tone: -1 },
    { text: "Every check means losing half a day's pay.", themes: [T.work], tone: -1.5 },
    { text: "I'm on a zero hours contract, no work means no pay, so I keep missing my blood pressure reviews.", themes: [T.work], tone: -1.5 },
    { text: "My manager won't let me leave for a 10 o'clock appointment.", themes: [T.work, T.times], tone: -1 },
    { text: 'I had to take unpaid leave to have my blood pressure taken for two minutes.', themes: [T.work], tone: -1.5 },
    { text: 'Two buses and a morning off work for a five minute check is too much.', themes: [T.work, T.travel], tone: -1.5 },
    { text: "I drive for a delivery firm and can't stop in the day for appointments.", themes: [T.work], tone: -1 },
  ],
  openers: GRUMBLES,
  closers: [
    NONE,
    NONE,
    { text: ' Could you do evening or Saturday clinics?', themes: [T.times] },
    { text: ' Evening appointments would make all the difference.', themes: [T.times] },
    { text: " So I just don't go.", tone: -0.5 },
    { text: ' Why not let us have it done at the pharmacy?', themes: [T.pharmacy] },
    { text: " I'd check it at home if I could borrow a monitor.", themes: [T.loans] },
  ],
}

const times: CommentScenario = {
  name: 'access-times',
  count: 10,
  weeks: [0, 45],
  sites: { ...DEPRIVED_SITES, northfield: 2.5, riverbank: 2, hillside: 1 },
  groups: { imd_quintile: { ...DEPRIVED, '3': 2, '4': 1 }, age_band: { ...WORKING_AGE, '60-79': 2 }, sex: SEXES, ethnicity: MIXED_ETHNICITY },
  cores: [
    { text: 'The only appointments were at 9am on a Tuesday and I do the school run.', themes: [T.times], tone: -1 },
    { text: 'Waited three weeks for a blood pressure review.', themes: [T.times], tone: -1 },
    { text: 'No appointments after 4pm at all.', themes: [T.times], tone: -1 },
    { text: "The nurse clinic times don't suit anyone who works.", themes: [T.times, T.work], tone: -1 },
    { text: 'Could only get a slot in the middle of the afternoon so I had to leave my shift early.', themes: [T.times, T.work], tone: -1 },
    { text: "There's no Saturday clinic any more.", themes: [T.times], tone: -1 },
    { text: "Got a blood pressure appointment for five weeks' time. I'll have forgotten by then.", themes: [T.times], tone: -1 },
  ],
  openers: GRUMBLES,
  closers: [NONE, NONE, { text: ' Please bring back Saturday mornings.' }, { text: ' Early slots before work would help.' }, { text: ' Not good enough.', tone: -0.5 }],
}

const travel: CommentScenario = {
  name: 'access-travel',
  count: 6,
  weeks: [0, 70],
  sites: { eastgate: 3, hillside: 3, southmead: 2, riverbank: 1 },
  groups: { imd_quintile: DEPRIVED, age_band: OLDER, sex: SEXES, ethnicity: MIXED_ETHNICITY },
  cores: [
    { text: 'Two buses to get to the surgery and the second one only runs every hour.', themes: [T.travel], tone: -1 },
    { text: 'Parking at the health centre is impossible, I was late and they made me rebook.', themes: [T.travel, T.times], tone: -1.5 },
    { text: 'The bus fare there and back is more than I can spare this month.', themes: [T.travel, T.work], tone: -1.5 },
    { text: "Since the clinic moved to the other site I can't get there without a lift.", themes: [T.travel], tone: -1 },
    { text: "I can't walk that far any more and taxis cost a fortune.", themes: [T.travel], tone: -1 },
    { text: "It's a long walk up the hill to the surgery with my knees.", themes: [T.travel], tone: -1, sites: { hillside: 1 } },
  ],
  openers: [NONE, NONE, { text: 'The staff are fine but ', tone: 0.5 }],
  closers: [NONE, { text: ' A check nearer home would help.', themes: [T.venues] }, { text: ' The pharmacy on the parade would be easier.', themes: [T.pharmacy] }],
}

const invites: CommentScenario = {
  name: 'access-invites',
  count: 6,
  weeks: [0, 40],
  sites: { eastgate: 2, northfield: 2, southmead: 2, riverbank: 2, hillside: 1, westbrook: 1 },
  groups: { imd_quintile: { ...DEPRIVED, '3': 2, '4': 1, '5': 1 }, age_band: ANY_AGE, sex: SEXES, ethnicity: MIXED_ETHNICITY },
  cores: [
    { text: 'I only found out my check was overdue when I rang about something else. The letter never came.', themes: [T.invites], tone: -1 },
    { text: 'Got a letter asking me to ring and book, rang for 40 minutes and gave up.', themes: [T.invites], tone: -1.5 },
    { text: 'A text with a link to book would be so much easier than a letter.', themes: [T.invites], tone: -0.5 },
    { text: 'I moved house and never got the invitation for my blood pressure review.', themes: [T.invites], tone: -1 },
    { text: 'Post goes missing in our block of flats, please text me instead of writing.', themes: [T.invites], tone: -0.5 },
    { text: 'The phone line opens at 8 and by ten past all the nurse appointments are gone.', themes: [T.invites, T.times], tone: -1.5 },
  ],
  openers: [NONE, NONE, { text: 'Third time of asking. ' }],
  closers: [NONE, NONE, { text: ' Very frustrating.', tone: -0.5 }],
}

export const ACCESS_SCENARIOS: readonly CommentScenario[] = [access, times, travel, invites]
