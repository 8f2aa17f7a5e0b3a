/** What changed from one version of a decision to the next, field by field, for the version history. Pure. */
import { decisionLabelText, type DecisionLabel } from './labels.ts'

/** The parts of a version a person reads and changes. */
export interface ComparableVersion {
  readonly title: string
  readonly rationale: string
  readonly optionChosen: string
  readonly optionsConsidered: readonly string[]
  readonly label: DecisionLabel
  /** The owner's email. */
  readonly owner: string | null
  readonly reviewDate: string | null
  readonly findings: readonly number[]
  readonly lessons: readonly number[]
}

export type FieldChange =
  | { readonly kind: 'text'; readonly field: string; readonly label: string; readonly before: string; readonly after: string }
  | { readonly kind: 'ids'; readonly field: 'findings' | 'lessons'; readonly label: string; readonly added: readonly number[]; readonly removed: readonly number[] }

const TEXT_FIELDS: readonly { readonly field: keyof ComparableVersion; readonly label: string; readonly show: (v: ComparableVersion) => string }[] = [
  { field: 'title', label: 'What was decided', show: (v) => v.title },
  { field: 'rationale', label: 'Why', show: (v) => v.rationale },
  { field: 'optionsConsidered', label: 'Options considered', show: (v) => (v.optionsConsidered.length === 0 ? 'none listed' : v.optionsConsidered.join('; ')) },
  { field: 'optionChosen', label: 'Option chosen', show: (v) => v.optionChosen },
  { field: 'label', label: 'Label', show: (v) => decisionLabelText(v.label) },
  { field: 'owner', label: 'Owner', show: (v) => v.owner ?? 'nobody' },
  { field: 'reviewDate', label: 'Review date', show: (v) => v.reviewDate ?? 'none' },
]

/** The changes from `before` to `after`, in the form's order; every field counts as new for a first version (`before` undefined). */
export function versionChanges(before: ComparableVersion | undefined, after: ComparableVersion): FieldChange[] {
  const changes: FieldChange[] = []
  for (const { field, label, show } of TEXT_FIELDS) {
    const was = before === undefined ? '' : show(before)
    const now = show(after)
    if (was !== now) changes.push({ kind: 'text', field, label, before: was, after: now })
  }
  for (const [field, label] of [['findings', 'Findings it rests on'], ['lessons', 'Lessons it draws on']] as const) {
    const was = new Set(before?.[field] ?? [])
    const now = new Set(after[field])
    const added = [...now].filter((id) => !was.has(id))
    const removed = [...was].filter((id) => !now.has(id))
    if (added.length > 0 || removed.length > 0) changes.push({ kind: 'ids', field, label, added, removed })
  }
  return changes
}
