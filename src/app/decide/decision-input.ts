/**
 * Checking what a person wrote for a decision (a new one or a new version): every field, with
 * every problem reported at once and named by its field. Owner, findings, lessons and meeting are
 * looked up in the organisation and programme.
 */
import { listOrganisationPeople } from '../../storage/decision-groups.ts'
import { listDecisionsByIds, type DecisionVersionValues } from '../../storage/decisions.ts'
import { findMeeting } from '../../storage/meetings.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { idsFrom, type FieldChecks } from './field-checks.ts'
import { DECISION_LABELS, isDecisionLabel, type DecisionLabel } from './labels.ts'
import { userIdsOf } from './people.ts'
import { findingsOf, programmeFindingsById } from './programme-findings.ts'

/** A decision as a form or request states it; lists may come as arrays or, for options, one per line. */
export interface DecisionInput {
  readonly title?: string | undefined
  readonly rationale?: string | undefined
  readonly optionsConsidered?: readonly string[] | string | undefined
  readonly optionChosen?: string | undefined
  readonly label?: string | undefined
  /** The owner's email: a member of the organisation. */
  readonly owner?: string | undefined
  readonly reviewDate?: string | null | undefined
  readonly findings?: readonly (number | string)[] | undefined
  readonly lessons?: readonly (number | string)[] | undefined
}

export type CheckedDecision = Omit<DecisionVersionValues, 'changedBy' | 'changeReason' | 'at'>

const MAX_OPTIONS = 20

/** Options considered: one per line (or array item), blank lines dropped. */
export function optionsFrom(raw: DecisionInput['optionsConsidered']): string[] {
  const lines = typeof raw === 'string' ? raw.split(/\r?\n/) : [...(raw ?? [])]
  return lines.map((l) => l.trim()).filter((l) => l !== '')
}

/** Check the fields into `checks`; the result is only meaningful when no problem was recorded. */
export async function checkDecision(deps: AppDeps, scope: ProgrammeScope, input: DecisionInput, checks: FieldChecks, self?: number): Promise<CheckedDecision> {
  const title = checks.text('title', 'Decision', input.title, { max: 200, ask: 'Enter what was decided, in a sentence.' })
  const rationale = checks.text('rationale', 'Rationale', input.rationale, { max: 5000, ask: 'Enter why it was decided: the reasons others will read later.' })
  const options = optionsFrom(input.optionsConsidered)
  if (options.length > MAX_OPTIONS) checks.fail('optionsConsidered', `There are ${options.length} options (expected at most ${MAX_OPTIONS}, one per line).`)
  options.forEach((o, i) => checks.text('optionsConsidered', `Option ${i + 1}`, o, { max: 1000 }))
  const optionChosen = checks.text('optionChosen', 'Option chosen', input.optionChosen, { max: 1000, ask: 'Enter the option chosen.' })
  const label = (input.label ?? '').trim()
  if (!isDecisionLabel(label)) checks.fail('label', label === '' ? 'Choose a label: standardise across sites, allow local variation, stop, or test further.' : `"${label.slice(0, 40)}" is not a label (expected ${DECISION_LABELS.map((l) => l.value).join(', ')}).`, label)
  const people = await listOrganisationPeople(deps.store.db, scope.organisation.id)
  const owner = (input.owner ?? '').trim()
  if (owner === '') checks.fail('owner', 'Choose the owner: the person who sees the decision through.')
  const [ownerUserId] = owner === '' ? [] : userIdsOf(checks, 'owner', people, [owner], scope.organisation.name)
  const reviewDate = checks.date('reviewDate', 'Review date', input.reviewDate, true)
  const findingIds = idsFrom(checks, 'findings', 'finding', input.findings ?? [])
  findingsOf(checks, 'findings', scope, await programmeFindingsById(deps, scope), findingIds)
  const lessonIds = idsFrom(checks, 'lessons', 'decision', input.lessons ?? [])
  const known = new Set((await listDecisionsByIds(deps.store.db, scope.organisation.id, lessonIds)).map((d) => d.id))
  for (const id of lessonIds) if (!known.has(id) || id === self) checks.fail('lessons', `Decision ${id} is not an earlier decision of ${scope.organisation.name} (expected one of the lessons listed).`, String(id))
  if (findingIds.length === 0 && lessonIds.length === 0) checks.fail('findings', 'Tick at least one finding (or lesson) this decision rests on: every decision cites its evidence.')
  return { title, rationale, optionsConsidered: options, optionChosen, label: label as DecisionLabel, ownerUserId: ownerUserId ?? null, reviewDate, findingIds, lessonIds }
}

/** The meeting a new decision was taken at, if named: one of the programme's meetings. */
export async function checkMeeting(deps: AppDeps, scope: ProgrammeScope, raw: number | string | null | undefined, checks: FieldChecks): Promise<number | null> {
  if (raw === null || raw === undefined || String(raw).trim() === '') return null
  const [id] = idsFrom(checks, 'meeting', 'meeting', [raw])
  if (id === undefined) return null
  if (!(await findMeeting(deps.store.db, scope.organisation.id, scope.programme.id, id))) {
    checks.fail('meeting', `Meeting ${id} is not a meeting of ${scope.programme.name} (expected one of its meetings).`, String(id))
    return null
  }
  return id
}
