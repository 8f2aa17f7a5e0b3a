/** A programme's insight at a glance, with the public feedback form's address and QR code. */
import type { InsightOverview } from '../../../app/insight/insight-overview.ts'
import type { Role } from '../../../core/access.ts'
import { formatDate } from '../format.ts'
import { InsightFrame } from './insight-frame.tsx'

const SOURCE_LABEL: Readonly<Record<string, string>> = { patient: 'Patients', carer: 'Carers', staff: 'Staff', community: 'Community events', interview: 'Interviews' }

const percent = (share: number | null) => (share === null ? 'no responses yet' : `${Math.round(share * 100)}%`)

export function InsightOverviewPage({ overview, role, formUrl }: { overview: InsightOverview; role: Role; formUrl: string }) {
  const { totals, fft } = overview
  const qr = `/feedback/${overview.scope.organisation.code}/${overview.scope.programme.code}/qr.svg`
  return (
    <InsightFrame scope={overview.scope} role={role} view="overview" title="Insight from people">
      <p>
        What staff, patients, carers and communities tell us, de-identified before it is stored: {totals.records.toLocaleString('en-GB')} records, {totals.excerpts.toLocaleString('en-GB')}{' '}
        excerpts, of which {totals.coded.toLocaleString('en-GB')} have been coded into themes by a person.
      </p>
      <p class="nhsuk-body-s">
        How each excerpt reads (negative, neutral or positive) comes from the words used, with negation ("not good") and "but" taken into account. It describes a mix of comments, never a
        person or a team.
      </p>
      <table class="nhsuk-table">
        <caption class="nhsuk-table__caption">Where the insight came from, and how its excerpts read</caption>
        <thead class="nhsuk-table__head">
          <tr>
            <th scope="col">Source</th>
            <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Records</th>
            <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Excerpts</th>
            <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Read as negative</th>
            <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Neutral</th>
            <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Positive</th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          {overview.bySource.map((row) => (
            <tr>
              <td>{SOURCE_LABEL[row.source] ?? row.source}</td>
              <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{row.records.toLocaleString('en-GB')}</td>
              <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{row.excerpts.toLocaleString('en-GB')}</td>
              <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{row.negative.toLocaleString('en-GB')}</td>
              <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{row.neutral.toLocaleString('en-GB')}</td>
              <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{row.positive.toLocaleString('en-GB')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Friends and Family Test</h2>
      <p>
        {fft.responses === 0 ? (
          'No answers yet.'
        ) : (
          <>
            <strong>{percent(fft.percentPositive)} positive</strong> (very good or good) and {percent(fft.percentNegative)} negative (poor or very poor), of {fft.responses.toLocaleString('en-GB')} answers.
            "Don't know" counts in the total, as NHS England counts it.
          </>
        )}
      </p>
      {fft.responses > 0 ? (
        <table class="nhsuk-table">
          <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Answers to "Overall, how was your experience of our service?"</caption>
          <thead class="nhsuk-table__head">
            <tr>
              <th scope="col">Answer</th>
              <th scope="col" class="nhsuk-table__header nhsuk-table__header--numeric">Responses</th>
            </tr>
          </thead>
          <tbody class="nhsuk-table__body">
            {fft.counts.map((c) => (
              <tr>
                <td>{c.label}</td>
                <td class="nhsuk-table__cell nhsuk-table__cell--numeric">{c.count.toLocaleString('en-GB')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      <h2>Public feedback form</h2>
      <div class="lhs-feedback-link">
        <img src={qr} width={160} height={160} alt={`QR code that opens the feedback form at ${formUrl}`} />
        <div>
          <p>
            Anyone can give feedback at <a href={formUrl}>{formUrl}</a>, on a phone or computer, without signing in. Print the QR code on posters and appointment letters.
          </p>
          <p class="nhsuk-body-s lhs-muted">
            To say which place feedback is about, add <code>?site=CODE</code> to the address (for example <code>?site={overview.sites.find((s) => s.kind === 'practice')?.code ?? 'CODE'}</code>).
          </p>
          <p>
            <a href={qr} download={`feedback-${overview.scope.programme.code}-qr.svg`}>
              Download the QR code (SVG)
            </a>
          </p>
        </div>
      </div>
      {overview.events.length > 0 ? (
        <>
          <h2>Events and interviews</h2>
          <ul>
            {overview.events.slice(0, 10).map((e) => (
              <li>
                {formatDate(e.date)}: {e.title} ({e.kind === 'event' ? 'community event' : 'interview'}, {e.excerpts} excerpts)
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </InsightFrame>
  )
}
