/** How the decide vocabulary reads in plain English: group kinds, decision labels, verdicts, review states. */
import type { DecisionGroupKind, DecisionLabel, VerdictValue } from '../../storage/schema.ts'

export type { DecisionGroupKind, DecisionLabel, VerdictValue }

export const GROUP_KINDS: readonly { readonly value: DecisionGroupKind; readonly label: string }[] = [
  { value: 'board', label: 'Board' },
  { value: 'committee', label: 'Committee' },
  { value: 'huddle', label: 'Huddle' },
  { value: 'other', label: 'Other' },
]

export const DECISION_LABELS: readonly { readonly value: DecisionLabel; readonly label: string; readonly hint: string }[] = [
  { value: 'standardise', label: 'Standardise across sites', hint: 'Everyone does it the same way.' },
  { value: 'local_variation', label: 'Allow local variation', hint: 'Sites may differ, for reasons the group accepts.' },
  { value: 'stop', label: 'Stop', hint: 'Stop doing it.' },
  { value: 'test_further', label: 'Test further', hint: 'Try it on a small scale first (a PDSA cycle) and look again.' },
]

/** The review engine's verdicts on an action, in plain words. */
export const VERDICT_WORDS: Readonly<Record<VerdictValue, string>> = {
  working: 'working',
  not_yet_clear: 'not yet clear',
  not_working: 'not working',
  harm: 'harming a balancing measure',
}

export type ReviewState = 'due' | 'upcoming' | 'none'

export const REVIEW_STATES: readonly { readonly value: ReviewState; readonly label: string }[] = [
  { value: 'due', label: 'Review due (date reached)' },
  { value: 'upcoming', label: 'Review date still to come' },
  { value: 'none', label: 'No review date' },
]

export function groupKindLabel(kind: DecisionGroupKind): string {
  return GROUP_KINDS.find((k) => k.value === kind)?.label ?? kind
}

export function decisionLabelText(label: DecisionLabel): string {
  return DECISION_LABELS.find((l) => l.value === label)?.label ?? label
}

export function verdictWords(verdict: string | null): string {
  return verdict === null ? 'no verdict yet' : (VERDICT_WORDS[verdict as VerdictValue] ?? verdict)
}

export function isDecisionLabel(value: string): value is DecisionLabel {
  return DECISION_LABELS.some((l) => l.value === value)
}

export function isGroupKind(value: string): value is DecisionGroupKind {
  return GROUP_KINDS.some((k) => k.value === value)
}

export function isReviewState(value: string): value is ReviewState {
  return REVIEW_STATES.some((r) => r.value === value)
}
