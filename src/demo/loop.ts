/**
 * Riverside's loop as pure data (DEMO.md: decide, implement, close the loop): `demoLoop(startWeek)`
 * returns the aim, the driver diagram, the people and groups, three meetings, three decisions and
 * the actions they yield, with predictions and PDSA cycles. Dates follow the demo calendar: each
 * practice's action starts on the Monday of its change week (riverside-practices.ts), so the review
 * engine's verdicts tell the story: improvement in the most deprived fifth at eastgate, northfield,
 * southmead and riverbank (working); westbrook, with few people in that fifth, judged on everyone
 * (working); hillside lends monitors but control does not move (not working: cycle 1 adapts, cycle 2
 * starts); balancing measures stable; the review of "Stop postal-only invitations" overdue.
 * No IO, no clock.
 */
import { addDays, addPeriods, periodStart } from '../core/period.ts'
import { DEFAULT_START_WEEK, demoWeeks } from './calendar.ts'
import type { DemoAction, DemoLoop, DemoPdsaCycle, DemoPrediction, ExpectedVerdict } from './loop-data.ts'
import { CHANGE_IDEAS, LOOP_DRIVERS } from './loop-drivers.ts'
import { LOOP_GROUPS, LOOP_PEOPLE, PEOPLE } from './loop-people.ts'
import { longDate, loopDecisions, loopMeetings, type StoryDates } from './loop-story.ts'
import { RIVERSIDE_PROGRAMME } from './riverside-measures.ts'
import { RIVERSIDE_PRACTICES, type RiversidePractice } from './riverside-practices.ts'
import { RIVERSIDE } from './riverside-sites.ts'

/** Week indices (from the first demo Monday) of the story's dates. */
export const LOOP_WEEKS = {
  /** Clinical committee (Tuesday of this week) and programme board (Wednesday): before any change starts. */
  committee: 22,
  board: 24,
  /** Organisation-wide changes start (the first week after the baseline). */
  changes: 26,
  /** Hillside's huddle (Tuesday) 26 weeks after its start, and its second cycle (Monday). */
  huddle: 54,
  hillsideCycle2: 55,
  /** The aim's "by March": the end of the month of this week. */
  aim: 56,
  /** The review of "Stop postal-only invitations" nobody recorded: before the demo's last week, so overdue. */
  overdueReview: 65,
  /** Every other review: the committee's and the board's annual review, after the demo's data ends. */
  annualReview: 104,
} as const

/** Weeks from an action's start to the date its primary prediction should have come true. */
export const PREDICTION_WEEKS = 26

/** Practices whose quintile-1 control is expected to improve (riverside-practices.ts: core20Gain > 0). */
export const LOOP_IMPROVERS = ['eastgate', 'northfield', 'southmead', 'riverbank'] as const

const NETWORK_LEAD: Readonly<Record<string, string>> = {
  eastgate: PEOPLE.northDirector,
  northfield: PEOPLE.northDirector,
  westbrook: PEOPLE.northDirector,
  southmead: PEOPLE.southDirector,
  riverbank: PEOPLE.southDirector,
  hillside: PEOPLE.hillsideManager,
}

const nameOf = (code: string) => code.charAt(0).toUpperCase() + code.slice(1)

const PLAN =
  'Lend home monitors from a loan log, with large cuffs; readings come back by text; a reminder to return the monitor on day 28. ' +
  'Send invitations and reminders in Urdu, Bengali, Punjabi and Somali as well as English, by text or voice note.'

export function demoLoop(startWeek: string = DEFAULT_START_WEEK): DemoLoop {
  const weeks = demoWeeks(startWeek)
  const week = (index: number) => addPeriods(startWeek, 'week', index)
  const lastWeek = weeks[weeks.length - 1]!
  const practices = RIVERSIDE_PRACTICES.filter((p): p is RiversidePractice & { changeWeek: number } => p.changeWeek !== null)
  const starts = practices.map((p) => week(p.changeWeek)).sort()
  const dates: StoryDates = {
    committee: addDays(week(LOOP_WEEKS.committee), 1),
    board: addDays(week(LOOP_WEEKS.board), 2),
    huddle: addDays(week(LOOP_WEEKS.huddle), 1),
    firstStart: starts[0]!,
    lastStart: starts[starts.length - 1]!,
    changesStart: week(LOOP_WEEKS.changes),
    hillsideCycle2: week(LOOP_WEEKS.hillsideCycle2),
    decisionReview: week(LOOP_WEEKS.annualReview),
  }
  if (dates.huddle > lastWeek || dates.board >= dates.firstStart) throw new Error(`the loop's dates do not fit the demo's weeks from ${startWeek}`)
  const aimWeek = week(LOOP_WEEKS.aim)
  const aimBy = addDays(addPeriods(periodStart(aimWeek, 'month'), 'month', 1), -1)

  const actions: DemoAction[] = [
    ...practices.map((p) => practiceAction(p, week(p.changeWeek), dates)),
    organisationAction({
      key: 'community-venues',
      decision: 'local-community-venues',
      changeIdea: CHANGE_IDEAS.communityVenues,
      title: 'Community venue checks, each practice choosing its venue',
      description: 'A nurse or pharmacist takes readings at a venue each practice chose with Community Voice (the mosque, the barbershop, the food bank, the elders’ lunch club); high readings are referred to the practice.',
      owner: PEOPLE.communityVoice,
      start: dates.changesStart,
      review: dates.decisionReview,
      measure: 'community-referral',
    }),
    organisationAction({
      key: 'stop-postal-only',
      decision: 'stop-postal-only',
      changeIdea: CHANGE_IDEAS.stopPostalOnly,
      title: 'Stop postal-only invitations',
      description: 'Every practice invites by text with a booking link first, then by phone; a letter only when neither works.',
      owner: PEOPLE.programmeLead,
      start: dates.changesStart,
      review: week(LOOP_WEEKS.overdueReview),
      measure: 'bp-recorded',
    }),
  ]

  return {
    organisation: RIVERSIDE.code,
    programme: RIVERSIDE_PROGRAMME.code,
    aim: { statement: RIVERSIDE_PROGRAMME.aim, measure: 'bp-control', baseline: 0.58, target: 0.7, by: aimBy },
    drivers: LOOP_DRIVERS,
    people: LOOP_PEOPLE,
    groups: LOOP_GROUPS,
    meetings: loopMeetings(dates),
    decisions: loopDecisions(dates),
    actions,
  }
}

/** Decision 1 at one practice: its start is the practice's change week; one PDSA cycle adopted, or at hillside adapted and followed by a second. */
function practiceAction(practice: RiversidePractice, start: string, dates: StoryDates): DemoAction {
  const code = practice.code
  const name = nameOf(code)
  const by = addPeriods(start, 'week', PREDICTION_WEEKS)
  // Westbrook has almost nobody in the most deprived fifth (3% of its list): its prediction is for everyone.
  const quintile1 = code !== 'westbrook'
  const who = quintile1 ? 'in the most deprived fifth' : 'for everyone'
  const hillside = code === 'hillside'
  const predictions: DemoPrediction[] = [
    { role: 'primary', measure: 'bp-control', site: code, dimension: quintile1 ? 'imd_quintile' : null, group: quintile1 ? '1' : null, direction: 'increase', expectedSize: 0.05, by },
    { role: 'balancing', measure: 'falls', site: code, dimension: null, group: null, direction: 'increase', expectedSize: null, by: null },
    // GP waits are watched across Riverside: the networks share their evening and Saturday clinic capacity.
    { role: 'balancing', measure: 'gp-wait-days', site: RIVERSIDE.code, dimension: null, group: null, direction: 'increase', expectedSize: null, by: null },
  ]
  const cycle1: DemoPdsaCycle = {
    number: 1,
    plan: `${PLAN} Start at ${name} on ${longDate(start)}.`,
    prediction: `Within ${PREDICTION_WEEKS} weeks (by ${longDate(by)}), blood pressure controlled to target ${who} at ${name} rises by about 5 percentage points, with no rise in falls or in days to a routine GP appointment.`,
    doNotes: hillside
      ? 'Monitors went out faster than planned in the first three months; translated reminders went out from the second week. Home readings come back by text and on paper diaries handed in at reception.'
      : 'Loan log and day-28 return reminders started on time; translated reminders went out from the second week; large cuffs ordered after the first month.',
    studyNotes: hillside
      ? 'Control did not move, overall or in the most deprived fifth: every week after the change is within the baseline limits, with no run above the centre line. Monitors were lent, but nobody is assigned to review the home readings, so high readings are not acted on.'
      : `Control ${who} rose above the baseline and stayed there: a run of more than seven weeks above the centre line, more than the 5 points predicted. Falls and GP waits stayed within their limits.`,
    act: hillside ? 'adapt' : 'adopt',
    actNotes: hillside
      ? 'Adapt, not abandon: the loans work; the missing step is acting on the readings. Next cycle: a named nurse reviews home readings every week.'
      : `Adopt: the loan scheme and translated reminders become standard work at ${name}.`,
    startedOn: start,
    finishedOn: hillside ? dates.huddle : by,
  }
  const cycle2: DemoPdsaCycle = {
    number: 2,
    plan: 'Kit Cuff, practice nurse, reviews every home reading each week in protected time agreed by the partners, calls back anyone above target and books a medicines review with the clinical pharmacist. Paper reading diaries go to the nurse, not to reception.',
    prediction: `Within ${PREDICTION_WEEKS} weeks (by ${longDate(addPeriods(dates.hillsideCycle2, 'week', PREDICTION_WEEKS))}), control in the most deprived fifth at Hillside rises by about 5 percentage points, and every reading above target is called back within a week.`,
    doNotes: 'Weekly review sessions started; the first cleared the backlog of paper diaries.',
    studyNotes: '',
    act: null,
    actNotes: '',
    startedOn: dates.hillsideCycle2,
    finishedOn: null,
  }
  const expectedVerdict: ExpectedVerdict = hillside ? 'not_working' : 'working'
  return {
    key: `loans-reminders-${code}`,
    decision: 'standardise-loans-reminders',
    changeIdea: CHANGE_IDEAS.monitorLoans,
    title: `Home monitor loans and reminders at ${name}`,
    description: `${PLAN} At ${name} from ${longDate(start)}.`,
    owner: NETWORK_LEAD[code] ?? PEOPLE.programmeLead,
    status: hillside ? 'adapted' : 'in_progress',
    startDate: start,
    reviewDate: dates.decisionReview,
    sites: [code],
    predictions,
    cycles: hillside ? [cycle1, cycle2] : [cycle1],
    expectedVerdict,
  }
}

interface OrganisationActionInput {
  readonly key: string
  readonly decision: string
  readonly changeIdea: string
  readonly title: string
  readonly description: string
  readonly owner: string
  readonly start: string
  readonly review: string
  readonly measure: string
}

/** An action across the whole organisation (its root site), predicting a rise in one measure for everyone. */
function organisationAction(input: OrganisationActionInput): DemoAction {
  const by = addPeriods(input.start, 'week', PREDICTION_WEEKS)
  return {
    key: input.key,
    decision: input.decision,
    changeIdea: input.changeIdea,
    title: input.title,
    description: input.description,
    owner: input.owner,
    status: 'in_progress',
    startDate: input.start,
    reviewDate: input.review,
    sites: [RIVERSIDE.code],
    predictions: [{ role: 'primary', measure: input.measure, site: RIVERSIDE.code, dimension: null, group: null, direction: 'increase', expectedSize: 0.03, by }],
    cycles: [],
    expectedVerdict: 'working',
  }
}
