/** A network the organisation belongs to: its shared measures, each compared across members on a funnel plot of their shared aggregates, and (for leads) sharing the organisation's own figure. */
import { raw } from 'hono/html'
import { funnelPlotSvg } from '../../../charts/index.ts'
import type { NetworkComparison } from '../../../app/community/shared-aggregates.ts'
import type { NetworkRow } from '../../../app/community/networks.ts'
import { CsrfField, Layout } from '../layout.tsx'

interface NetworkPageProps {
  readonly organisation: { readonly code: string; readonly name: string }
  readonly network: NetworkRow
  readonly comparisons: readonly NetworkComparison[]
  readonly programmes: readonly { readonly code: string; readonly name: string }[]
  readonly canLead: boolean
  readonly done?: string | undefined
}

const percent = (value: number) => `${(value * 100).toFixed(1)}%`
const count = (text: string) => (/^\d+$/.test(text) ? Number(text).toLocaleString('en-GB') : text)

export function NetworkPage({ organisation, network, comparisons, programmes, canLead, done }: NetworkPageProps) {
  const base = `/organisations/${organisation.code}/community`
  return (
    <Layout title={`${network.name} – learning community`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: 'Learning community', href: base }]}>
      <span class="nhsuk-caption-l">{organisation.name}</span>
      <h1>{network.name}</h1>
      {done ? <div class="nhsuk-inset-text" role="status"><p>{done}</p></div> : null}
      <p>{network.description}</p>
      {comparisons.map((c) => (
        <section aria-labelledby={`measure-${c.measure.code}`}>
          <h2 id={`measure-${c.measure.code}`}>{c.measure.name}</h2>
          <p>{c.measure.definition}</p>
          {c.funnel ? (
            <figure class="lhs-figure">
              {raw(funnelPlotSvg(c.funnel, { title: `${c.measure.name} across ${network.name}`, valueFormat: 'percent', id: `funnel-${c.measure.code}` }))}
            </figure>
          ) : (
            <p>{c.unavailable}</p>
          )}
          <table class="nhsuk-table">
            <caption class="nhsuk-table__caption">What each member shared for {c.measure.name}</caption>
            <thead class="nhsuk-table__head">
              <tr><th scope="col">Member</th><th scope="col">Period</th><th scope="col">Numerator</th><th scope="col">Denominator</th><th scope="col">Rate</th></tr>
            </thead>
            <tbody class="nhsuk-table__body">
              {c.aggregates.map((a) => (
                <tr>
                  <th scope="row">{a.organisationName}</th>
                  <td>{a.from} to {a.to}</td>
                  <td>{count(a.numeratorText)}</td>
                  <td>{count(a.denominatorText)}</td>
                  <td>{a.numerator !== null && a.denominator !== null && a.denominator > 0 ? percent(a.numerator / a.denominator) : '*'}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p class="nhsuk-body-s">Each member's figures went through its own disclosure policy before they were shared; * marks a suppressed count.</p>
          {canLead && programmes.length > 0 ? (
            <form method="post" action={`${base}/networks/${network.code}/measures/${c.measure.code}/aggregates`}>
              <CsrfField />
              <div class="nhsuk-form-group">
                <label class="nhsuk-label" for={`programme-${c.measure.code}`}>Programme whose {c.measure.code} measure to share</label>
                <select class="nhsuk-select" id={`programme-${c.measure.code}`} name="programme">{programmes.map((p) => <option value={p.code}>{p.name}</option>)}</select>
              </div>
              <button class="nhsuk-button nhsuk-button--secondary" type="submit">Share our latest 13 periods</button>
            </form>
          ) : null}
        </section>
      ))}
    </Layout>
  )
}
