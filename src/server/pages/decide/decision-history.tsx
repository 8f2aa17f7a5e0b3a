/** A decision's versions, newest first: who changed it, when, why, and what changed field by field. */
import type { DecisionView } from '../../../app/decide/decisions.ts'
import type { FieldChange } from '../../../app/decide/version-changes.ts'
import { formatDate } from '../format.ts'

function idsText(ids: readonly number[], names: Readonly<Record<number, string>>, noun: string): string {
  return ids.map((id) => `“${names[id] ?? `${noun} ${id}`}”`).join(', ')
}

function ChangeRow({ change, decision }: { change: FieldChange; decision: DecisionView }) {
  if (change.kind === 'text') {
    return (
      <tr>
        <th scope="row">{change.label}</th>
        <td>{change.before === '' ? '–' : change.before}</td>
        <td>{change.after}</td>
      </tr>
    )
  }
  const names = change.field === 'findings' ? decision.findingStatements : decision.lessonTitles
  const noun = change.field === 'findings' ? 'Finding' : 'Decision'
  return (
    <tr>
      <th scope="row">{change.label}</th>
      <td>{change.removed.length === 0 ? '–' : `Removed ${idsText(change.removed, names, noun)}`}</td>
      <td>{change.added.length === 0 ? '–' : `Added ${idsText(change.added, names, noun)}`}</td>
    </tr>
  )
}

export function DecisionHistory({ decision }: { decision: DecisionView }) {
  const versions = [...decision.versions].reverse()
  return (
    <>
      <h2 id="history">Version history</h2>
      <p>Every version is kept as it was written; a change never overwrites one.</p>
      {versions.map((v) => (
        <section class="lhs-version" aria-labelledby={`version-${v.version}`}>
          <h3 id={`version-${v.version}`}>
            Version {v.version}
            {v.version === decision.current.version ? ' (in force)' : ''}
          </h3>
          <p>
            {v.version === 1 ? 'Recorded' : 'Changed'} by {v.changedBy} on {formatDate(v.createdAt.slice(0, 10))} at {v.createdAt.slice(11, 16)} UTC{v.changeReason ? `. Why: ${v.changeReason}` : '.'}
          </p>
          {v.version > 1 ? (
            <table class="nhsuk-table">
              <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">What changed in version {v.version}</caption>
              <thead class="nhsuk-table__head">
                <tr>
                  <th scope="col">Field</th>
                  <th scope="col">Before</th>
                  <th scope="col">After</th>
                </tr>
              </thead>
              <tbody class="nhsuk-table__body">
                {v.changes.map((change) => (
                  <ChangeRow change={change} decision={decision} />
                ))}
              </tbody>
            </table>
          ) : null}
        </section>
      ))}
    </>
  )
}
