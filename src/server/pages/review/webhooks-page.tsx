/** An organisation's outgoing webhooks: where alerts are POSTed, signed with a shared secret shown once. */
import type { WebhookRow } from '../../../app/review/webhooks.ts'
import { ErrorSummary } from '../error-summary.tsx'
import { Field, type FormProblem } from '../form-field.tsx'
import { CsrfField, Layout } from '../layout.tsx'

interface WebhooksPageProps {
  readonly organisation: { code: string; name: string }
  readonly webhooks: readonly WebhookRow[]
  readonly created?: { url: string; secret: string } | undefined
  readonly problem?: FormProblem | undefined
  readonly url?: string | undefined
}

export function WebhooksPage({ organisation, webhooks, created, problem, url }: WebhooksPageProps) {
  const base = `/organisations/${organisation.code}/webhooks`
  return (
    <Layout title={`Webhooks – ${organisation.name}`} breadcrumbs={[{ text: 'Programmes', href: '/' }]}>
      <span class="nhsuk-caption-l">{organisation.name}</span>
      <h1>Webhooks</h1>
      {problem ? <ErrorSummary items={[{ href: '#url', text: problem.message }]} /> : null}
      {created ? (
        <div class="nhsuk-inset-text" role="status">
          <p>
            Added {created.url}. Its secret is <code>{created.secret}</code>. Copy it now: it will not be shown again. The receiver checks each call's{' '}
            <code>x-lhs-signature</code> header, <code>sha256=</code> followed by the HMAC-SHA256 of <code>timestamp.body</code> with this secret (the timestamp is in{' '}
            <code>x-lhs-timestamp</code>).
          </p>
        </div>
      ) : null}
      <p>
        Each alert (a verdict changes, a watched measure shows special-cause concern, a review is due) is sent as JSON to every webhook here, for example to a Teams or Slack
        connector you run. A receiver that fails is tried again with growing gaps, up to eight times.
      </p>
      {webhooks.length === 0 ? (
        <p>No webhooks yet.</p>
      ) : (
        <table class="nhsuk-table">
          <caption class="nhsuk-table__caption">Webhooks of {organisation.name}</caption>
          <thead class="nhsuk-table__head">
            <tr>
              <th scope="col">Address</th>
              <th scope="col">Added by</th>
              <th scope="col">
                <span class="nhsuk-u-visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody class="nhsuk-table__body">
            {webhooks.map((w) => (
              <tr>
                <td>{w.url}</td>
                <td>
                  {w.createdBy} on {w.createdAt.slice(0, 10)}
                </td>
                <td>
                  <form method="post" action={`${base}/${w.id}/remove`}>
                    <CsrfField />
                    <button class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="submit">
                      Remove<span class="nhsuk-u-visually-hidden"> {w.url}</span>
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form method="post" action={base} novalidate>
        <CsrfField />
        <h2>Add a webhook</h2>
        <Field id="url" label="Address" hint="Where to POST alerts, starting https:// (or http:// inside your network)." problem={problem}>
          <input class={`nhsuk-input${problem ? ' nhsuk-input--error' : ''}`} id="url" type="url" name="url" value={url ?? ''} autocomplete="url" spellcheck={false} aria-describedby={problem ? 'url-hint url-error' : 'url-hint'} />
        </Field>
        <button class="nhsuk-button" type="submit">
          Add webhook
        </button>
      </form>
    </Layout>
  )
}
