/**
 * The decision log, the organisation's memory: a programme's decisions (their current versions),
 * searchable in full text and by label and review date, and one decision with every version, what
 * changed each time, the findings and lessons it rests on, and the actions that came from it.
 */
import { AppError, invalidField } from '../../core/errors.ts'
import { findDecision, listDecisionActions, listDecisionsByIds, listDecisionVersions, searchDecisions, type DecisionVersionRow } from '../../storage/decisions.ts'
import { findMeeting } from '../../storage/meetings.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { DECISION_LABELS, decisionLabelText, isDecisionLabel, isReviewState, verdictWords, type DecisionLabel, type ReviewState, type VerdictValue } from './labels.ts'
import type { PersonView } from './people.ts'
import { programmeFindingsById } from './programme-findings.ts'
import { versionChanges, type ComparableVersion, type FieldChange } from './version-changes.ts'

export interface DecisionVersionView {
  readonly version: number
  readonly title: string
  readonly rationale: string
  readonly optionChosen: string
  readonly optionsConsidered: readonly string[]
  readonly label: DecisionLabel
  readonly labelText: string
  readonly owner: PersonView | null
  readonly reviewDate: string | null
  readonly findings: readonly number[]
  readonly lessons: readonly number[]
  readonly changedBy: string
  readonly changeReason: string | null
  readonly createdAt: string
}

export interface DecisionSummary extends DecisionVersionView {
  readonly id: number
  readonly meeting: number | null
  readonly decidedAt: string
  /** The review date has been reached. */
  readonly reviewDue: boolean
  /** Full-text rank against the search (0 without one). */
  readonly rank: number
}

export interface DecisionFilter {
  readonly q?: string | undefined
  readonly label?: DecisionLabel | undefined
  readonly review?: ReviewState | undefined
  readonly meeting?: number | undefined
}

export interface DecisionActionView {
  readonly id: number
  readonly title: string
  readonly status: string
  readonly verdict: VerdictValue | null
  readonly verdictWords: string
}

export interface DecisionView {
  readonly id: number
  readonly meeting: { readonly id: number; readonly title: string; readonly heldOn: string } | null
  readonly decidedAt: string
  readonly current: DecisionVersionView
  /** Oldest first, each with what changed from the one before. */
  readonly versions: readonly (DecisionVersionView & { readonly changes: readonly FieldChange[] })[]
  /** The findings of the current version, and the statement of every finding any version named. */
  readonly findings: readonly { readonly id: number; readonly statement: string; readonly current: boolean }[]
  readonly findingStatements: Readonly<Record<number, string>>
  readonly lessons: readonly { readonly id: number; readonly programme: string; readonly title: string; readonly labelText: string }[]
  readonly lessonTitles: Readonly<Record<number, string>>
  readonly actions: readonly DecisionActionView[]
}

export function versionView(row: DecisionVersionRow): DecisionVersionView {
  return {
    version: row.version,
    title: row.title,
    rationale: row.rationale,
    optionChosen: row.optionChosen,
    optionsConsidered: row.optionsConsidered,
    label: row.label,
    labelText: decisionLabelText(row.label),
    owner: row.ownerEmail === null ? null : { email: row.ownerEmail, displayName: row.ownerName ?? '' },
    reviewDate: row.reviewDate,
    findings: row.findingIds,
    lessons: row.lessonIds,
    changedBy: row.changedBy,
    changeReason: row.changeReason,
    createdAt: row.createdAt,
  }
}

export function comparable(v: DecisionVersionView): ComparableVersion {
  return { title: v.title, rationale: v.rationale, optionChosen: v.optionChosen, optionsConsidered: v.optionsConsidered, label: v.label, owner: v.owner?.email ?? null, reviewDate: v.reviewDate, findings: v.findings, lessons: v.lessons }
}

/** Today's date by the clock, as YYYY-MM-DD (review dates are compared with it). */
export function today(deps: AppDeps): string {
  return deps.clock().toISOString().slice(0, 10)
}

/** The programme's decisions, best match first when searching, otherwise newest first. */
export async function listProgrammeDecisions(deps: AppDeps, scope: ProgrammeScope, filter: DecisionFilter = {}): Promise<DecisionSummary[]> {
  const day = today(deps)
  const rows = await searchDecisions(deps.store.db, scope.organisation.id, scope.programme.id, { query: filter.q?.slice(0, 500), label: filter.label, review: filter.review, meetingId: filter.meeting, today: day })
  return rows.map((r) => ({ ...versionView(r.current), id: r.id, meeting: r.meetingId, decidedAt: r.createdAt, reviewDue: r.current.reviewDate !== null && r.current.reviewDate <= day, rank: r.rank }))
}

export async function getDecision(deps: AppDeps, scope: ProgrammeScope, id: number): Promise<DecisionView> {
  const db = deps.store.db
  const organisationId = scope.organisation.id
  const row = await findDecision(db, organisationId, scope.programme.id, id)
  if (!row) throw new AppError('not_found', `No decision ${id} in ${scope.programme.name}.`)
  const versions = (await listDecisionVersions(db, organisationId, id)).map(versionView)
  const current = versionView(row.current)
  const meeting = row.meetingId === null ? undefined : await findMeeting(db, organisationId, scope.programme.id, row.meetingId)
  const findings = await programmeFindingsById(deps, scope)
  const lessons = await listDecisionsByIds(db, organisationId, [...new Set(versions.flatMap((v) => v.lessons))])
  const actions = await listDecisionActions(db, organisationId, [id])
  return {
    id,
    meeting: meeting ? { id: meeting.id, title: meeting.title, heldOn: meeting.heldOn } : null,
    decidedAt: row.createdAt,
    current,
    versions: versions.map((v, i) => ({ ...v, changes: versionChanges(i === 0 ? undefined : comparable(versions[i - 1]!), comparable(v)) })),
    findings: current.findings.map((f) => ({ id: f, statement: findings.get(f)?.statement ?? `Finding ${f} (no longer held)`, current: findings.get(f)?.current ?? false })),
    findingStatements: Object.fromEntries(versions.flatMap((v) => v.findings).map((f) => [f, findings.get(f)?.statement ?? `Finding ${f}`])),
    lessons: lessons.filter((l) => current.lessons.includes(l.id)).map((l) => ({ id: l.id, programme: l.programmeCode, title: l.current.title, labelText: decisionLabelText(l.current.label) })),
    lessonTitles: Object.fromEntries(lessons.map((l) => [l.id, l.current.title])),
    actions: actions.map((a) => ({ id: a.id, title: a.title, status: a.status, verdict: a.verdict as VerdictValue | null, verdictWords: verdictWords(a.verdict) })),
  }
}

/** The log's filter from a query string; an unknown label, review state or meeting is refused, naming it. */
export function parseDecisionFilter(raw: { readonly q?: string | undefined; readonly label?: string | undefined; readonly review?: string | undefined; readonly meeting?: string | undefined }): DecisionFilter {
  const label = raw.label?.trim() || undefined
  const review = raw.review?.trim() || undefined
  const meeting = raw.meeting?.trim() || undefined
  if (label !== undefined && !isDecisionLabel(label)) throw invalidField('label', `"${label.slice(0, 40)}" is not a label (expected ${DECISION_LABELS.map((l) => l.value).join(', ')}).`, label)
  if (review !== undefined && !isReviewState(review)) throw invalidField('review', `"${review.slice(0, 40)}" is not a review state (expected due, upcoming or none).`, review)
  const meetingId = meeting === undefined ? undefined : Number(meeting)
  if (meetingId !== undefined && (!Number.isInteger(meetingId) || meetingId <= 0 || meetingId > 2_147_483_647)) throw invalidField('meeting', `"${meeting!.slice(0, 40)}" is not a meeting number.`, meeting)
  return { q: raw.q?.slice(0, 500), label, review, meeting: meetingId }
}
