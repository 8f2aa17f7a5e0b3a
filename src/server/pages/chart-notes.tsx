/** What changes how a chart is drawn — rebases, points left out, notes — listed with their reasons, and the forms to change them. */
import type { Series } from '../../app/analyse/get-series.ts'
import { describedBy, Field, type FormProblem } from './form-field.tsx'
import { formatDate } from './format.ts'
import { CsrfField } from './layout.tsx'

export type { FormProblem }

type PointNoteRow = Series['notes'][number]


interface NotesProps {
  readonly series: Series
  readonly href: string
  readonly query: string
  readonly canAnalyse: boolean
  readonly problem?: FormProblem | undefined
}

export function ChartNotes({ series, href, query, canAnalyse, problem }: NotesProps) {
  const siteCode = series.site.kind === 'system' ? '' : series.site.code
  const exclusions = series.notes.filter((n) => n.kind === 'exclusion')
  const annotations = series.notes.filter((n) => n.kind === 'annotation')
  return (
    <>
      {series.rebases.length > 0 ? (
        <>
          <h2>Limits recalculated</h2>
          <ul class="lhs-notes">
            {series.rebases.map((r) => (
              <li>
                {formatDate(r.date)}: {r.reason} <span class="lhs-muted nhsuk-body-s">(recorded by {r.createdBy})</span>
                {canAnalyse ? <RemoveButton action={`${href}/rebases/remove`} query={query} fields={{ date: r.date }} label={`Remove the rebase of ${formatDate(r.date)}`} /> : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {exclusions.length > 0 ? (
        <>
          <h2>Points left out of the limits</h2>
          <p>These values are still drawn (hollow) and tested against the limits, but they do not count towards the average or the limits.</p>
          <NoteList notes={exclusions} href={href} query={query} canAnalyse={canAnalyse} siteCode={siteCode} />
        </>
      ) : null}
      {annotations.length > 0 ? (
        <>
          <h2>Notes on this chart</h2>
          <p>Numbered as on the chart.</p>
          <NoteList numbered notes={annotations} href={href} query={query} canAnalyse={canAnalyse} siteCode={siteCode} rootId={series.site.kind === 'system' ? undefined : series.site.id} />
        </>
      ) : null}
      {canAnalyse ? <ChangeForms series={series} href={href} query={query} siteCode={siteCode} problem={problem} /> : null}
    </>
  )
}

function NoteList(props: { notes: readonly PointNoteRow[]; href: string; query: string; canAnalyse: boolean; siteCode: string; rootId?: number | undefined; numbered?: boolean }) {
  const { notes, href, query, canAnalyse, siteCode, rootId } = props
  const items = notes.map((n) => {
    const organisationWide = rootId !== undefined && n.siteId !== rootId
    return (
      <li>
        {formatDate(n.period)}: {n.note}{' '}
        <span class="lhs-muted nhsuk-body-s">
          ({organisationWide ? 'for the whole organisation, ' : ''}by {n.createdBy})
        </span>
        {canAnalyse ? (
          <RemoveButton
            action={`${href}/notes/remove`}
            query={query}
            fields={{ kind: n.kind, site: organisationWide ? '' : siteCode, period: n.period }}
            label={`Remove the ${n.kind === 'exclusion' ? 'exclusion' : 'note'} of ${formatDate(n.period)}`}
          />
        ) : null}
      </li>
    )
  })
  return props.numbered ? <ol class="lhs-notes">{items}</ol> : <ul class="lhs-notes">{items}</ul>
}

function RemoveButton({ action, query, fields, label }: { action: string; query: string; fields: Record<string, string>; label: string }) {
  return (
    <form method="post" action={action} class="lhs-remove">
      <CsrfField />
      <input type="hidden" name="return" value={query} />
      {Object.entries(fields).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      <button type="submit" class="lhs-link-button">
        {label}
      </button>
    </form>
  )
}

function ChangeForms({ series, href, query, siteCode, problem }: { series: Series; href: string; query: string; siteCode: string; problem?: FormProblem | undefined }) {
  const periods = [...series.rows].reverse().map((r) => r.period)
  const where = series.site.kind === 'system' ? 'the whole organisation' : series.site.name
  return (
    <details class="nhsuk-details" open={problem !== undefined}>
      <summary class="nhsuk-details__summary">
        <span class="nhsuk-details__summary-text">Change how this chart is drawn</span>
      </summary>
      <div class="nhsuk-details__text">
        <p>Every change needs a reason. The reason is shown on every chart of this measure, and the change is recorded in the audit trail.</p>
        <form method="post" action={`${href}/rebases`} novalidate>
          <CsrfField />
          <input type="hidden" name="return" value={query} />
          <h3>Recalculate the limits from a date (rebase)</h3>
          <p class="nhsuk-body-s">For a known change to the process, such as a new guideline or a new way of working. It applies to every site and group.</p>
          <Field id="rebase-date" label="First period of the new limits" problem={problem}>
            <input class="nhsuk-input nhsuk-input--width-10" type="date" id="rebase-date" name="date" required {...describedBy('rebase-date', problem)} />
          </Field>
          <Field id="rebase-reason" label="Reason" problem={problem}>
            <textarea class="nhsuk-textarea" id="rebase-reason" name="reason" rows={2} maxlength={500} required {...describedBy('rebase-reason', problem)}></textarea>
          </Field>
          <button class="nhsuk-button nhsuk-button--secondary" type="submit">
            Recalculate the limits
          </button>
        </form>
        <NoteForm kind="exclusion" href={href} query={query} siteCode={siteCode} periods={periods} problem={problem} title={`Leave a point out of the limits (${where})`} button="Leave the point out" />
        <NoteForm kind="annotation" href={href} query={query} siteCode={siteCode} periods={periods} problem={problem} title={`Add a note to a period (${where})`} button="Add the note" />
      </div>
    </details>
  )
}

function NoteForm(props: { kind: 'exclusion' | 'annotation'; href: string; query: string; siteCode: string; periods: readonly string[]; problem?: FormProblem | undefined; title: string; button: string }) {
  const { kind, problem } = props
  return (
    <form method="post" action={`${props.href}/notes`} novalidate>
      <CsrfField />
      <input type="hidden" name="return" value={props.query} />
      <input type="hidden" name="kind" value={kind} />
      <input type="hidden" name="site" value={props.siteCode} />
      <h3>{props.title}</h3>
      <p class="nhsuk-body-s">
        {kind === 'exclusion'
          ? 'For a value you know is wrong or exceptional (a data error, a one-off event). It is still shown and tested, but not used for the average and limits.'
          : 'Say what happened in a period, such as a change started or a clinic closed. The note is listed with the chart.'}
      </p>
      <Field id={`${kind}-period`} label="Period" problem={problem}>
        <select class="nhsuk-select" id={`${kind}-period`} name="period">
          {props.periods.map((p) => (
            <option value={p}>{formatDate(p)}</option>
          ))}
        </select>
      </Field>
      <Field id={`${kind}-note`} label={kind === 'exclusion' ? 'Reason' : 'Note'} problem={problem}>
        <textarea class="nhsuk-textarea" id={`${kind}-note`} name="note" rows={2} maxlength={500} required {...describedBy(`${kind}-note`, problem)}></textarea>
      </Field>
      <button class="nhsuk-button nhsuk-button--secondary" type="submit">
        {props.button}
      </button>
    </form>
  )
}

/** Points a field in error at its message, so a screen reader reads it with the field. */
