/** An organisation's audit trail for its administrators: a search form and the entries, newest first. */
import type { AuditFilterField, AuditPage as AuditResults, AuditRow } from '../../app/auth/audit-trail.ts'
import { Layout } from './layout.tsx'
import { ErrorSummary } from './error-summary.tsx'

/** The search as typed, in the page's own field names. */
export interface AuditSearch {
  readonly person: string
  readonly action: string
  readonly from: string
  readonly to: string
}

export interface AuditPageProps {
  readonly organisation: { readonly code: string; readonly name: string }
  readonly search: AuditSearch
  /** Problems with the search, by field; when any, `results` is absent. */
  readonly problems: readonly { readonly field: AuditFilterField; readonly message: string }[]
  readonly results?: AuditResults | undefined
  /** The `before` of this page, when it is not the newest. */
  readonly before?: number | undefined
}

interface Field {
  readonly name: keyof AuditSearch
  readonly filter: AuditFilterField
  readonly label: string
  readonly hint: string
  readonly width: string
}

const FIELDS: readonly Field[] = [
  { name: 'person', filter: 'actor', label: 'Person', hint: 'Their email address, or cli for the command line', width: 'nhsuk-input--width-20' },
  { name: 'action', filter: 'action', label: 'Action starts with', hint: 'For example import, sign_in or membership.', width: 'nhsuk-input--width-20' },
  { name: 'from', filter: 'from', label: 'From', hint: 'First day, as YYYY-MM-DD, for example 2025-06-01', width: 'nhsuk-input--width-10' },
  { name: 'to', filter: 'to', label: 'To', hint: 'Last day, included, as YYYY-MM-DD', width: 'nhsuk-input--width-10' },
]

export function AuditPage({ organisation, search, problems, results, before }: AuditPageProps) {
  const base = `/organisations/${encodeURIComponent(organisation.code)}/audit`
  const query = searchQuery(search)
  const errorOf = (field: Field) => problems.find((p) => p.field === field.filter)
  return (
    <Layout title={`Audit trail – ${organisation.name}`} breadcrumbs={[{ text: 'Home', href: '/' }]}>
      {problems.length > 0 ? <ErrorSummary items={problems.map((p) => ({ href: `#${fieldOf(p.field).name}`, text: `${fieldOf(p.field).label}: ${p.message}` }))} /> : null}
      <h1>Audit trail</h1>
      <p>
        Who did what in {organisation.name}, from where, and what changed. Entries cannot be changed or removed; <code>lhs audit verify</code> checks that none has been.
      </p>
      <form method="get" action={base} novalidate>
        <h2 class="nhsuk-heading-s">Search</h2>
        {FIELDS.map((field) => (
          <SearchField field={field} value={search[field.name]} error={errorOf(field)?.message} />
        ))}
        <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
          Search
        </button>
        {query ? (
          <p>
            <a href={base}>Clear the search</a>
          </p>
        ) : null}
      </form>
      {results ? <Results base={base} query={query} results={results} organisation={organisation.name} before={before} /> : null}
    </Layout>
  )
}

function Results({ base, query, results, organisation, before }: { base: string; query: string; results: AuditResults; organisation: string; before: number | undefined }) {
  const { entries, next } = results
  const and = query ? `${query}&` : ''
  return (
    <>
      <h2>Entries</h2>
      <p>
        <a href={`${base}.csv${query ? `?${query}` : ''}`} download>
          Download every entry that matches as CSV
        </a>
      </p>
      {entries.length === 0 ? (
        <p id="entries">{before === undefined ? 'No entries match the search.' : 'No older entries match the search.'}</p>
      ) : (
        <div class="lhs-table-scroll" id="entries" tabindex={0} role="region" aria-labelledby="entries-caption">
          <table class="nhsuk-table lhs-audit">
            <caption class="nhsuk-table__caption" id="entries-caption">
              {`Audit trail of ${organisation}: ${entries.length} ${entries.length === 1 ? 'entry' : 'entries'}, newest first${before === undefined ? '' : `, older than entry ${before}`}`}
            </caption>
            <thead class="nhsuk-table__head">
              <tr class="nhsuk-table__row">
                <th scope="col" class="nhsuk-table__header">Entry</th>
                <th scope="col" class="nhsuk-table__header">When (UTC)</th>
                <th scope="col" class="nhsuk-table__header">Person</th>
                <th scope="col" class="nhsuk-table__header">Action</th>
                <th scope="col" class="nhsuk-table__header">Target</th>
                <th scope="col" class="nhsuk-table__header">Address</th>
                <th scope="col" class="nhsuk-table__header">Change</th>
              </tr>
            </thead>
            <tbody class="nhsuk-table__body">
              {entries.map((entry) => (
                <Row entry={entry} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {next !== null || before !== undefined ? (
        <nav class="nhsuk-pagination" role="navigation" aria-label="More entries">
          <ul class="nhsuk-list nhsuk-pagination__list">
            {before !== undefined ? (
              <li class="nhsuk-pagination-item--previous">
                <a class="nhsuk-pagination__link nhsuk-pagination__link--prev" href={query ? `${base}?${query}` : base}>
                  <span class="nhsuk-pagination__title">Newest entries</span>
                </a>
              </li>
            ) : null}
            {next !== null ? (
              <li class="nhsuk-pagination-item--next">
                <a class="nhsuk-pagination__link nhsuk-pagination__link--next" href={`${base}?${and}before=${next}`} rel="next">
                  <span class="nhsuk-pagination__title">Older entries</span>
                </a>
              </li>
            ) : null}
          </ul>
        </nav>
      ) : null}
    </>
  )
}

function Row({ entry }: { entry: AuditRow }) {
  const changed = !isEmpty(entry.before) || !isEmpty(entry.after)
  return (
    <tr class="nhsuk-table__row">
      <td class="nhsuk-table__cell">{entry.seq}</td>
      <td class="nhsuk-table__cell lhs-nowrap">
        <time datetime={entry.at}>{entry.at.slice(0, 19).replace('T', ' ')}</time>
      </td>
      <td class="nhsuk-table__cell">{entry.actor}</td>
      <td class="nhsuk-table__cell">
        <code>{entry.action}</code>
      </td>
      <td class="nhsuk-table__cell lhs-audit__target">{entry.target}</td>
      <td class="nhsuk-table__cell">{entry.address}</td>
      <td class="nhsuk-table__cell lhs-audit__change">
        {changed ? (
          <details class="nhsuk-details nhsuk-u-margin-bottom-0">
            <summary class="nhsuk-details__summary">
              <span class="nhsuk-details__summary-text">{`Before and after, entry ${entry.seq}`}</span>
            </summary>
            <dl class="nhsuk-details__text">
              {isEmpty(entry.before) ? null : (
                <>
                  <dt>Before</dt>
                  <dd>
                    <code class="lhs-wrap">{JSON.stringify(entry.before)}</code>
                  </dd>
                </>
              )}
              {isEmpty(entry.after) ? null : (
                <>
                  <dt>After</dt>
                  <dd>
                    <code class="lhs-wrap">{JSON.stringify(entry.after)}</code>
                  </dd>
                </>
              )}
            </dl>
          </details>
        ) : null}
      </td>
    </tr>
  )
}

function SearchField({ field, value, error }: { field: Field; value: string; error: string | undefined }) {
  const described = error ? `${field.name}-hint ${field.name}-error` : `${field.name}-hint`
  return (
    <div class={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label class="nhsuk-label" for={field.name}>
        {field.label}
      </label>
      <div class="nhsuk-hint" id={`${field.name}-hint`}>
        {field.hint}
      </div>
      {error ? (
        <span class="nhsuk-error-message" id={`${field.name}-error`}>
          <span class="nhsuk-u-visually-hidden">Error:</span> {error}
        </span>
      ) : null}
      <input
        class={`nhsuk-input ${field.width}${error ? ' nhsuk-input--error' : ''}`}
        id={field.name}
        name={field.name}
        type="text"
        value={value}
        spellcheck={false}
        autocomplete="off"
        aria-describedby={described}
      />
    </div>
  )
}


/** The search as a query string (only the fields filled in), without a leading `?`. */
export function searchQuery(search: AuditSearch): string {
  const params = new URLSearchParams()
  for (const field of FIELDS) {
    const value = search[field.name].trim()
    if (value !== '') params.set(field.name, value)
  }
  return params.toString()
}

function fieldOf(filter: AuditFilterField): Field {
  const field = FIELDS.find((f) => f.filter === filter)
  if (!field) throw new Error(`no search field for the filter "${filter}"`)
  return field
}

function isEmpty(value: unknown): boolean {
  return value === null || value === undefined
}
