/**
 * Findings as people see them: the proposal's statement and class unless a lead edited them, its
 * evidence and convergence labels, and who decided what and why. A decision needs a reason, is
 * audited, and survives recomputation.
 */
import type { Classification, Convergence, ProposedFinding } from '../../core/triangulate/index.ts'
import { AppError, invalidField } from '../../core/errors.ts'
import { textCharacterProblem } from '../../ingest/index.ts'
import { decideFinding as saveDecision, listFindings, type FindingRow, type FindingStatus } from '../../storage/findings.ts'
import { audit, type Actor } from '../auth/audit.ts'
import type { ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { inTransaction } from '../transaction.ts'

export const CLASSIFICATIONS: readonly { readonly value: Classification; readonly label: string }[] = [
  { value: 'inequality', label: 'Inequality' },
  { value: 'opportunity_for_improvement', label: 'Opportunity for improvement' },
  { value: 'area_of_excellence', label: 'Area of excellence' },
  { value: 'candidate_to_standardise', label: 'Candidate to standardise' },
  { value: 'acceptable_local_variation', label: 'Acceptable local variation' },
]

export const CONVERGENCE_LABELS: Readonly<Record<Convergence, string>> = { agreement: 'Agreement', partial_agreement: 'Partial agreement', dissonance: 'Dissonance', silence: 'Silence' }

export interface FindingView {
  readonly id: number
  readonly statement: string
  readonly classification: Classification
  readonly proposal: ProposedFinding
  readonly status: FindingStatus
  readonly current: boolean
  readonly decidedBy: string | null
  readonly decisionReason: string | null
  readonly decidedAt: string | null
  readonly computedAt: string
}

export interface FindingFilter {
  readonly status?: FindingStatus | undefined
  readonly classification?: Classification | undefined
  readonly convergence?: Convergence | undefined
  /** Include findings the latest computation no longer proposes. */
  readonly old?: boolean
}

function view(row: FindingRow<ProposedFinding>): FindingView {
  return {
    id: row.id,
    statement: row.statement ?? row.proposal.statement,
    classification: (row.classification as Classification | null) ?? row.proposal.classification,
    proposal: row.proposal,
    status: row.status,
    current: row.current,
    decidedBy: row.decidedBy,
    decisionReason: row.decisionReason,
    decidedAt: row.decidedAt,
    computedAt: row.computedAt,
  }
}

export async function listProgrammeFindings(deps: AppDeps, scope: ProgrammeScope, filter: FindingFilter = {}): Promise<FindingView[]> {
  const rows = await listFindings<ProposedFinding>(deps.store.db, scope.organisation.id, scope.programme.id, { includeOld: filter.old === true })
  return rows
    .map(view)
    .filter((f) => (filter.status === undefined || f.status === filter.status) && (filter.classification === undefined || f.classification === filter.classification) && (filter.convergence === undefined || f.proposal.overall === filter.convergence))
}

export async function getFinding(deps: AppDeps, scope: ProgrammeScope, id: number): Promise<FindingView> {
  const [row] = await listFindings<ProposedFinding>(deps.store.db, scope.organisation.id, scope.programme.id, { includeOld: true, id })
  if (!row) throw new AppError('not_found', `No finding ${id} in ${scope.programme.name}.`)
  return view(row)
}

export interface DecisionInput {
  readonly action: 'confirm' | 'edit' | 'reject'
  readonly statement?: string | undefined
  readonly classification?: string | undefined
  readonly reason: string
}

/** A lead confirms, edits (its wording or class) or rejects a finding, always with a reason. */
export async function decide(deps: AppDeps, actor: Actor, scope: ProgrammeScope, id: number, input: DecisionInput): Promise<FindingView> {
  const reason = input.reason.trim()
  if (reason === '') throw invalidField('reason', 'Give the reason for your decision: it is kept with the finding so others know why.')
  if (reason.length > 2000) throw invalidField('reason', `The reason is ${reason.length} characters long (expected at most 2,000).`)
  const problem = textCharacterProblem(reason)
  if (problem) throw invalidField('reason', `The reason ${problem}.`)
  if (!['confirm', 'edit', 'reject'].includes(input.action)) throw invalidField('action', `"${input.action}" is not a decision (expected confirm, edit or reject).`)
  let statement: string | null = null
  let classification: string | null = null
  if (input.action === 'edit') {
    statement = (input.statement ?? '').trim()
    if (statement === '' || statement.length > 500) throw invalidField('statement', statement === '' ? 'Write the finding as you want it to read.' : `The finding is ${statement.length} characters long (expected at most 500).`)
    if (textCharacterProblem(statement)) throw invalidField('statement', `The finding ${textCharacterProblem(statement)}.`)
    classification = input.classification ?? null
    if (classification !== null && !CLASSIFICATIONS.some((c) => c.value === classification)) throw invalidField('classification', `"${classification}" is not a kind of finding (expected ${CLASSIFICATIONS.map((c) => c.value).join(', ')}).`)
  }
  const status = input.action === 'confirm' ? 'confirmed' : input.action === 'edit' ? 'edited' : 'rejected'
  return inTransaction(deps, async (tx) => {
    const before = await getFinding(tx, scope, id)
    await saveDecision(tx.store.db, scope.organisation.id, id, { status, statement, classification, decidedBy: actor.name, reason, at: deps.clock() })
    await audit(tx, actor, { organisationId: scope.organisation.id, action: `finding.${input.action}`, target: `organisation:${scope.organisation.code}/programme:${scope.programme.code}/finding:${before.proposal.key}`, before: { status: before.status, statement: before.statement }, after: { status, statement: statement ?? before.proposal.statement, classification: classification ?? before.proposal.classification, reason } }, tx.store.db)
    return getFinding(tx, scope, id)
  })
}

