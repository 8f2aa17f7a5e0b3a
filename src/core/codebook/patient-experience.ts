/**
 * A starter frame of patient-experience themes: what people most often write about in free-text
 * feedback on health services (access, communication, staff attitude, waiting, environment,
 * information, language), each with sub-themes, a definition and made-up examples in the way
 * people write. It is LHS's own starting point, not a validated instrument: teams are expected to
 * rename, merge and add themes as they code their own feedback.
 * @see docs/methods/codebooks.md
 */
import type { CodebookFrame, ThemeSeed } from '../insight/model.ts'

const theme = (name: string, definition: string, examples: readonly string[], children?: readonly ThemeSeed[]): ThemeSeed =>
  children === undefined ? { name, definition, examples } : { name, definition, examples, children }

const ACCESS = theme('Access', 'Whether people can get the care they need when and where they need it: appointments, opening times, getting there, getting through, and what it costs them to come.', ['I gave up trying to get seen'], [
  theme('Appointment availability', 'Whether there is an appointment to book at all, of the right kind (face to face, phone, video) and soon enough.', ['rang at 8am and every slot had gone', 'only offered a phone call when I needed to be examined']),
  theme('Opening hours', 'The days and times the service is open, and whether people who work, study or care for others can come in those hours.', ['closed by the time I finish work', 'please open on Saturday mornings']),
  theme('Travel and distance', 'How far people must go and how: buses, parking, cost of travel, hills and steps on the way.', ['two buses each way', 'nowhere to park and a £6 charge']),
  theme('Cost and time off work', 'What coming costs people apart from travel: lost pay, unpaid leave, childcare, prescription charges.', ["every visit costs me half a day's pay"]),
  theme('Booking and getting through', 'Contacting the service and making, changing or cancelling appointments: phone queues, online booking, receptionists, invitations and reminders.', ['on hold for 40 minutes', 'the online booking kept crashing']),
])

const COMMUNICATION = theme('Communication', 'How staff talk with people and with each other: listening, explaining, involving people in decisions, and passing information between services.', ['nobody told me what was going on'], [
  theme('Listening', 'Whether people feel heard and are given time to say what matters to them.', ["the doctor didn't let me finish", 'she really listened']),
  theme('Explanation', 'Whether what is wrong and what will happen is explained clearly, in words people understand, with a chance to ask questions.', ['explained my results in plain English']),
  theme('Involvement in decisions', 'Whether people are offered choices and decide together with staff about their care.', ['we agreed the plan together', 'I was just told what would happen']),
  theme('Joined-up care', 'Whether services share information and act as one: handovers, referrals, and not having to repeat one\'s story.', ['I had to tell my story four times', 'the hospital never told my GP']),
])

const STAFF_ATTITUDE = theme('Staff attitude', 'How staff treat people: kindness, respect and dignity, or the lack of them.', ['the nurses were wonderful'], [
  theme('Kindness and compassion', 'Warmth, care and reassurance from staff.', ['she held my hand when I was scared']),
  theme('Respect and dignity', 'Being treated as a person, with courtesy, privacy and dignity, and without judgement.', ['they talked about me as if I was not there']),
  theme('Being taken seriously', 'Whether concerns and symptoms are believed and acted on, or dismissed.', ['told it was just anxiety for two years']),
])

const WAITING = theme('Waiting', 'Time spent waiting once care has been asked for or booked: for referral or treatment, on the day, and for results.', ['waited months and heard nothing'], [
  theme('Waiting for referral or treatment', 'Time on a waiting list between referral and being seen or treated.', ['eight months for a first appointment']),
  theme('Waiting on the day', 'Delays in the waiting room or on the ward after arriving on time.', ['an hour past my appointment time']),
  theme('Waiting for results', 'Time waiting for test results or a decision, and chasing them.', ['I had to ring three times for my blood results']),
  theme('Being kept informed about delays', 'Whether people are told how long they will wait and why.', ['nobody said the clinic was running late']),
])

const ENVIRONMENT = theme('Environment', 'The places where care happens: clean, comfortable, private, easy to find and to get around.', ['the waiting room was spotless'], [
  theme('Cleanliness', 'How clean the building, rooms, toilets and equipment are.', ['the toilets were dirty']),
  theme('Comfort', 'Seating, temperature, noise, light, food and drink, and space for those who come along.', ['too noisy on the ward to sleep', 'not enough chairs']),
  theme('Privacy', 'Whether people can speak and be examined without being overheard or seen.', ['everyone at reception could hear my details']),
  theme('Physical accessibility and signs', 'Getting in and around: step-free access, lifts, signs, and help for people with disabilities.', ['no ramp for my wheelchair', 'the signs sent me round in circles']),
])

const INFORMATION = theme('Information', 'The information people are given about their condition, treatment, medicines and what happens next, and its format.', ['I left with no idea what to do next'], [
  theme('Condition and treatment', 'Information about what is wrong, the options, and what treatment involves.', ['nobody told me the risks of the operation']),
  theme('Medicines', 'What medicines are for, how to take them and their side effects.', ['no one mentioned the tablets could make me dizzy']),
  theme('What happens next', 'Follow-up, results, discharge, and who to contact if things change.', ['did not know who to call after I went home']),
  theme('Format and readability', 'Whether letters, leaflets and websites are clear, readable and in a usable format (large print, easy read).', ['the letter was full of jargon']),
])

const LANGUAGE = theme('Language', 'Whether people can understand and be understood in the language and form that suits them.', ['nobody spoke my language'], [
  theme('Interpreters', 'Being offered a professional interpreter (in person, phone or video), or having to rely on family or friends to translate.', ['my son had to translate for me', 'the interpreter was booked for the wrong day']),
  theme('Written information in other languages', 'Letters, leaflets, reminders and texts in languages other than English.', ['reminder texts only in English']),
  theme('Sign language and accessible communication', 'British Sign Language interpreters, and communication support for people with hearing, sight or learning disabilities.', ['no BSL interpreter at my appointment']),
])

/** Patient experience: 7 themes with 27 sub-themes. */
export const PATIENT_EXPERIENCE: CodebookFrame = {
  key: 'patient-experience',
  name: 'Patient experience',
  source:
    'LHS starter frame (written for LHS, not a validated instrument): themes that recur in free-text feedback on health services, ' +
    'such as the NHS Friends and Family Test. Examples are made up, in the way people write.',
  themes: [ACCESS, COMMUNICATION, STAFF_ATTITUDE, WAITING, ENVIRONMENT, INFORMATION, LANGUAGE],
}
