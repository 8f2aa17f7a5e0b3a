/**
 * Seed the demo's loop (src/demo/loop.ts) into an organisation's programme: the aim, the driver
 * diagram, the synthetic people (no password, so nobody can sign in as them) with their
 * memberships, the decision groups, meetings with their agendas of findings, the decisions, and
 * the actions with their sites, predictions and PDSA cycles. One transaction (the caller's, when
 * `deps.store.db` is already one), on the owner's connection, codes resolved to ids.
 *
 * Run it after the demo's findings are computed: agendas and decisions cite findings by focus key.
 * A key with no finding is left out and listed in `missingFindings` (or, with `strict`, refused).
 *
 * Running it again changes nothing: when the programme already has any loop record (a driver,
 * decision group of the demo, meeting, decision or action), it writes nothing and returns
 * `seeded: false`. Existing users are never changed (their password and name stay); existing
 * memberships keep their role.
 */
import type { Kysely } from 'kysely'
import { demoLoop, type DemoDriver, type DemoLoop } from '../../demo/index.ts'
import type { Database } from '../../storage/schema.ts'
import type { AppDeps } from '../deps.ts'

const DEMO = 'demo'

export interface LoopSeedCounts {
  readonly people: number
  readonly drivers: number
  readonly driverMeasures: number
  readonly groups: number
  readonly groupMembers: number
  readonly meetings: number
  readonly meetingItems: number
  readonly attendance: number
  readonly decisions: number
  readonly actions: number
  readonly actionSites: number
  readonly predictions: number
  readonly pdsaCycles: number
}

export interface LoopSeedReport {
  /** False when the programme already had loop records, so nothing was written. */
  readonly seeded: boolean
  readonly counts: LoopSeedCounts
  /** Focus keys the demo cites that had no finding (left out of agendas and decisions). */
  readonly missingFindings: readonly string[]
}

export interface LoopSeedOptions {
  /** Refuse (throw, writing nothing) when a cited finding is missing, instead of leaving it out. */
  readonly strict?: boolean
  /** The loop to seed; the demo's by default. */
  readonly loop?: DemoLoop
}

const NONE: LoopSeedCounts = { people: 0, drivers: 0, driverMeasures: 0, groups: 0, groupMembers: 0, meetings: 0, meetingItems: 0, attendance: 0, decisions: 0, actions: 0, actionSites: 0, predictions: 0, pdsaCycles: 0 }

export async function seedLoop(deps: AppDeps, organisationCode: string, options: LoopSeedOptions = {}): Promise<LoopSeedReport> {
  const loop = options.loop ?? demoLoop()
  if (loop.organisation !== organisationCode) throw new Error(`the demo has no loop for organisation "${organisationCode}" (only for "${loop.organisation}")`)
  const db = deps.store.db
  return db.isTransaction ? write(db, loop, options) : db.transaction().execute((trx) => write(trx, loop, options))
}

async function write(db: Kysely<Database>, loop: DemoLoop, options: LoopSeedOptions): Promise<LoopSeedReport> {
  const organisation = await db.selectFrom('organisations').select(['id', 'code']).where('code', '=', loop.organisation).executeTakeFirst()
  if (!organisation) throw new Error(`no organisation "${loop.organisation}": seed the demo before its loop`)
  const org = organisation.id
  const programme = await db.selectFrom('programmes').select('id').where('organisation_id', '=', org).where('code', '=', loop.programme).executeTakeFirst()
  if (!programme) throw new Error(`organisation "${loop.organisation}" has no programme "${loop.programme}": seed the demo before its loop`)
  const programmeId = programme.id
  if (await hasLoop(db, org, programmeId, loop)) return { seeded: false, counts: NONE, missingFindings: [] }

  const measureRows = await db.selectFrom('measures').select(['id', 'code']).where('organisation_id', '=', org).where('programme_id', '=', programmeId).execute()
  const siteRows = await db.selectFrom('sites').select(['id', 'code']).where('organisation_id', '=', org).execute()
  const measureId = lookup(new Map(measureRows.map((m) => [m.code, m.id])), 'measure')
  const siteId = lookup(new Map(siteRows.map((s) => [s.code, s.id])), 'site')

  const keys = [...new Set([...loop.meetings.flatMap((m) => m.agenda), ...loop.decisions.flatMap((d) => d.findings)])]
  const findingRows = keys.length === 0 ? [] : await db.selectFrom('findings').select(['id', 'key']).where('organisation_id', '=', org).where('programme_id', '=', programmeId).where('key', 'in', keys).execute()
  const findingIds = new Map(findingRows.map((f) => [f.key, f.id]))
  const missingFindings = keys.filter((k) => !findingIds.has(k))
  if (options.strict && missingFindings.length > 0) {
    throw new Error(`the demo's loop cites findings that were not computed (run recomputeFindings first): ${missingFindings.map((k) => JSON.stringify(k)).join(', ')}`)
  }
  const found = (list: readonly string[]) => list.flatMap((k) => (findingIds.has(k) ? [findingIds.get(k)!] : []))

  // People: created when new, never changed when they exist; a membership when they have none.
  await db
    .insertInto('users')
    .values(loop.people.map((p) => ({ email: p.email.toLowerCase(), display_name: p.name, password_hash: null })))
    .onConflict((oc) => oc.column('email').doNothing())
    .execute()
  const users = await db.selectFrom('users').select(['id', 'email']).where('email', 'in', loop.people.map((p) => p.email.toLowerCase())).execute()
  const userId = lookup(new Map(users.map((u) => [u.email, u.id])), 'person')
  const person = (email: string) => userId(email.toLowerCase())
  await db
    .insertInto('memberships')
    .values(loop.people.map((p) => ({ organisation_id: org, user_id: person(p.email), role: p.role, site_codes: null })))
    .onConflict((oc) => oc.columns(['organisation_id', 'user_id']).doNothing())
    .execute()

  await db
    .updateTable('programmes')
    .set((eb) => ({ aim: loop.aim.statement, aim_measure_id: measureId(loop.aim.measure), aim_baseline: loop.aim.baseline, aim_target: loop.aim.target, aim_by: loop.aim.by, version: eb('version', '+', 1) }))
    .where('organisation_id', '=', org)
    .where('id', '=', programmeId)
    .execute()

  const driverIds = new Map<string, number>()
  let driverMeasures = 0
  const insertDrivers = async (drivers: readonly DemoDriver[], parentId: number | null): Promise<void> => {
    for (const [position, driver] of drivers.entries()) {
      if (driverIds.has(driver.key)) throw new Error(`driver key "${driver.key}" is used twice`)
      const row = await db
        .insertInto('drivers')
        .values({ organisation_id: org, programme_id: programmeId, parent_id: parentId, kind: driver.kind, title: driver.title, description: driver.description, position })
        .returning('id')
        .executeTakeFirstOrThrow()
      driverIds.set(driver.key, row.id)
      if (driver.measures.length > 0) {
        await db.insertInto('driver_measures').values(driver.measures.map((code) => ({ organisation_id: org, driver_id: row.id, measure_id: measureId(code) }))).execute()
        driverMeasures += driver.measures.length
      }
      await insertDrivers(driver.children, row.id)
    }
  }
  await insertDrivers(loop.drivers, null)
  const driverId = lookup(driverIds, 'change idea')

  const groupIds = new Map<string, number>()
  let groupMembers = 0
  for (const group of loop.groups) {
    const row = await db.insertInto('decision_groups').values({ organisation_id: org, code: group.code, name: group.name, kind: group.kind, purpose: group.purpose }).returning('id').executeTakeFirstOrThrow()
    groupIds.set(group.code, row.id)
    await db.insertInto('decision_group_members').values(group.members.map((email) => ({ organisation_id: org, group_id: row.id, user_id: person(email) }))).execute()
    groupMembers += group.members.length
  }
  const groupId = lookup(groupIds, 'decision group')

  const meetingIds = new Map<string, { id: number; heldOn: string }>()
  let meetingItems = 0
  let attendance = 0
  for (const meeting of loop.meetings) {
    const row = await db
      .insertInto('meetings')
      .values({ organisation_id: org, group_id: groupId(meeting.group), programme_id: programmeId, held_on: meeting.heldOn, title: meeting.title, minutes: meeting.minutes, guests: meeting.guests, status: 'held', created_by: DEMO, created_at: at(meeting.heldOn) })
      .returning('id')
      .executeTakeFirstOrThrow()
    meetingIds.set(meeting.key, { id: row.id, heldOn: meeting.heldOn })
    const items = found(meeting.agenda)
    if (items.length > 0) await db.insertInto('meeting_items').values(items.map((findingId, position) => ({ organisation_id: org, meeting_id: row.id, finding_id: findingId, position }))).execute()
    meetingItems += items.length
    if (meeting.attended.length > 0) await db.insertInto('meeting_attendance').values(meeting.attended.map((email) => ({ organisation_id: org, meeting_id: row.id, user_id: person(email) }))).execute()
    attendance += meeting.attended.length
  }
  const meetingOf = lookup(meetingIds, 'meeting')

  const decisionIds = new Map<string, { id: number; decidedOn: string }>()
  for (const decision of loop.decisions) {
    const meeting = meetingOf(decision.meeting)
    const row = await db.insertInto('decisions').values({ organisation_id: org, programme_id: programmeId, meeting_id: meeting.id, created_at: at(meeting.heldOn) }).returning('id').executeTakeFirstOrThrow()
    await db
      .insertInto('decision_versions')
      .values({
        organisation_id: org,
        decision_id: row.id,
        version: 1,
        title: decision.title,
        rationale: decision.rationale,
        option_chosen: decision.optionChosen,
        options_considered: JSON.stringify(decision.optionsConsidered),
        label: decision.label,
        owner_user_id: person(decision.owner),
        review_date: decision.reviewDate,
        finding_ids: found(decision.findings),
        changed_by: DEMO,
        change_reason: null,
        created_at: at(meeting.heldOn),
      })
      .execute()
    decisionIds.set(decision.key, { id: row.id, decidedOn: meeting.heldOn })
  }
  const decisionOf = lookup(decisionIds, 'decision')

  let actionSites = 0
  let predictions = 0
  let pdsaCycles = 0
  for (const action of loop.actions) {
    const decision = decisionOf(action.decision)
    const row = await db
      .insertInto('actions')
      .values({
        organisation_id: org,
        programme_id: programmeId,
        decision_id: decision.id,
        driver_id: driverId(action.changeIdea),
        title: action.title,
        description: action.description,
        owner_user_id: person(action.owner),
        status: action.status,
        start_date: action.startDate,
        review_date: action.reviewDate,
        created_by: DEMO,
        created_at: at(decision.decidedOn),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    await db.insertInto('action_sites').values(action.sites.map((code) => ({ organisation_id: org, action_id: row.id, site_id: siteId(code) }))).execute()
    actionSites += action.sites.length
    if (action.predictions.length > 0) {
      await db
        .insertInto('predictions')
        .values(
          action.predictions.map((p) => ({
            organisation_id: org,
            action_id: row.id,
            role: p.role,
            measure_id: measureId(p.measure),
            site_id: siteId(p.site),
            dimension: p.dimension ?? '',
            group_name: p.group ?? '',
            direction: p.direction,
            expected_size: p.expectedSize,
            by_date: p.by,
          })),
        )
        .execute()
      predictions += action.predictions.length
    }
    // Each cycle's plan and prediction are written before it starts: cycle 1 when the decision was made, later cycles when the previous one finished.
    let written = decision.decidedOn
    for (const cycle of action.cycles) {
      await db
        .insertInto('pdsa_cycles')
        .values({
          organisation_id: org,
          action_id: row.id,
          number: cycle.number,
          plan: cycle.plan,
          prediction: cycle.prediction,
          do_notes: cycle.doNotes,
          study_notes: cycle.studyNotes,
          act: cycle.act,
          act_notes: cycle.actNotes,
          started_on: cycle.startedOn,
          finished_on: cycle.finishedOn,
          created_by: DEMO,
          created_at: at(written),
        })
        .execute()
      written = cycle.finishedOn ?? cycle.startedOn
      pdsaCycles += 1
    }
  }

  return {
    seeded: true,
    missingFindings,
    counts: {
      people: loop.people.length,
      drivers: driverIds.size,
      driverMeasures,
      groups: groupIds.size,
      groupMembers,
      meetings: meetingIds.size,
      meetingItems,
      attendance,
      decisions: decisionIds.size,
      actions: loop.actions.length,
      actionSites,
      predictions,
      pdsaCycles,
    },
  }
}

/** True when the programme already has a driver, meeting, decision or action, or the organisation one of the demo's decision groups. */
async function hasLoop(db: Kysely<Database>, org: number, programmeId: number, loop: DemoLoop): Promise<boolean> {
  for (const table of ['drivers', 'meetings', 'decisions', 'actions'] as const) {
    const row = await db.selectFrom(table).select('id').where('organisation_id', '=', org).where('programme_id', '=', programmeId).limit(1).executeTakeFirst()
    if (row) return true
  }
  const codes = loop.groups.map((g) => g.code)
  if (codes.length === 0) return false
  return (await db.selectFrom('decision_groups').select('id').where('organisation_id', '=', org).where('code', 'in', codes).limit(1).executeTakeFirst()) !== undefined
}

/** Midday UTC on an ISO date: when a seeded record was written. */
function at(date: string): string {
  return `${date}T12:00:00Z`
}

/** A lookup that names what was missing (a bug in the demo's data, not a user's mistake). */
function lookup<V>(map: ReadonlyMap<string, V>, what: string): (code: string) => V {
  return (code) => {
    const value = map.get(code)
    if (value === undefined) throw new Error(`the demo's loop names an unknown ${what} "${code}"`)
    return value
  }
}
