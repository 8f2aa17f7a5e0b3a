/**
 * The shapes of the demo's loop (DEMO.md: decide, implement, close the loop): the aim and driver
 * diagram, the people and their decision groups, meetings, decisions, actions with predictions and
 * PDSA cycles. Pure data: everything is named by code (measures, sites, change ideas, people by
 * email, findings by focus key), and the seeder resolves codes to ids.
 */

/** The programme's aim: what, how much, by when. */
export interface DemoAim {
  readonly statement: string
  readonly measure: string
  /** In the measure's stored units (a proportion as a fraction). */
  readonly baseline: number
  readonly target: number
  /** ISO date. */
  readonly by: string
}

/** A node of the driver diagram: a primary driver, a secondary driver under it, or a change idea under that. */
export interface DemoDriver {
  /** Unique in the diagram; actions name the change idea they test by it. */
  readonly key: string
  readonly kind: 'primary' | 'secondary' | 'change_idea'
  readonly title: string
  readonly description: string
  /** Measure codes linked to this driver. */
  readonly measures: readonly string[]
  readonly children: readonly DemoDriver[]
}

export type DemoRole = 'viewer' | 'contributor' | 'analyst' | 'lead' | 'decision_maker'

/** A synthetic person: obviously fictional name, `@riverside.example` address, no password. */
export interface DemoPerson {
  readonly email: string
  readonly name: string
  /** What they do, for minutes and descriptions. */
  readonly job: string
  /** Their role in the organisation. */
  readonly role: DemoRole
}

export interface DemoGroup {
  readonly code: string
  readonly name: string
  readonly kind: 'board' | 'committee' | 'huddle'
  readonly purpose: string
  /** Emails of its members. */
  readonly members: readonly string[]
}

export interface DemoMeeting {
  readonly key: string
  /** The decision group's code. */
  readonly group: string
  readonly heldOn: string
  readonly title: string
  /** Focus keys of the findings on the agenda, in order (resolved when the demo is seeded, after its findings are computed). */
  readonly agenda: readonly string[]
  /** Emails of members who came. */
  readonly attended: readonly string[]
  /** People without an account, as free text. */
  readonly guests: string
  readonly minutes: string
}

export type DemoDecisionLabel = 'standardise' | 'local_variation' | 'stop' | 'test_further'

export interface DemoDecision {
  readonly key: string
  /** The meeting that decided it. */
  readonly meeting: string
  readonly title: string
  readonly rationale: string
  readonly optionsConsidered: readonly string[]
  readonly optionChosen: string
  readonly label: DemoDecisionLabel
  /** Email. */
  readonly owner: string
  readonly reviewDate: string
  /** Focus keys of the findings it rests on (each also on its meeting's agenda). */
  readonly findings: readonly string[]
}

/** What an action should change (primary) or must not make worse (balancing). */
export interface DemoPrediction {
  readonly role: 'primary' | 'balancing'
  readonly measure: string
  /** Site code; the organisation's root site stands for the whole organisation. */
  readonly site: string
  /** Both null for all people. */
  readonly dimension: string | null
  readonly group: string | null
  /** Primary: the expected way; balancing: the harmful way. */
  readonly direction: 'increase' | 'decrease'
  /** In the measure's units (0.05: 5 points of a proportion); null when none was stated. */
  readonly expectedSize: number | null
  readonly by: string | null
}

export interface DemoPdsaCycle {
  readonly number: number
  readonly plan: string
  /** Written before the cycle started. */
  readonly prediction: string
  readonly doNotes: string
  readonly studyNotes: string
  readonly act: 'adopt' | 'adapt' | 'abandon' | null
  readonly actNotes: string
  readonly startedOn: string
  readonly finishedOn: string | null
}

export type DemoActionStatus = 'planned' | 'in_progress' | 'adopted' | 'adapted' | 'abandoned'

/** The verdict the story expects from the review engine (documentation and tests; never stored). */
export type ExpectedVerdict = 'working' | 'not_yet_clear' | 'not_working' | 'harm'

export interface DemoAction {
  readonly key: string
  readonly decision: string
  /** The change idea (driver key) it tests. */
  readonly changeIdea: string
  readonly title: string
  readonly description: string
  /** Email. */
  readonly owner: string
  readonly status: DemoActionStatus
  /** The change date: the Monday the change started. */
  readonly startDate: string
  readonly reviewDate: string
  /** Site codes (the root site for the whole organisation). */
  readonly sites: readonly string[]
  readonly predictions: readonly DemoPrediction[]
  readonly cycles: readonly DemoPdsaCycle[]
  readonly expectedVerdict: ExpectedVerdict
}

export interface DemoLoop {
  readonly organisation: string
  readonly programme: string
  readonly aim: DemoAim
  /** Primary drivers, each with its secondary drivers and their change ideas. */
  readonly drivers: readonly DemoDriver[]
  readonly people: readonly DemoPerson[]
  readonly groups: readonly DemoGroup[]
  readonly meetings: readonly DemoMeeting[]
  readonly decisions: readonly DemoDecision[]
  readonly actions: readonly DemoAction[]
}
