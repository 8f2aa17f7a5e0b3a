/** The start page: the organisations you belong to and their improvement programmes. */
import type { ProgrammeRow } from '../../app/catalogue.ts'
import type { Organisation } from '../../core/model.ts'
import { Layout } from './layout.tsx'

export interface HomePageProps {
  readonly organisations: readonly { organisation: Organisation; programmes: readonly ProgrammeRow[]; administers?: boolean }[]
}

/** An administrator's pages of the organisation. */
const ADMIN_LINKS = [
  ['people', 'People and roles'],
  ['disclosure', 'Disclosure policy'],
  ['webhooks', 'Webhooks'],
  ['audit', 'Audit trail'],
] as const

export function HomePage({ organisations }: HomePageProps) {
  return (
    <Layout title="Improvement programmes">
      <h1>Improvement programmes</h1>
      <p class="nhsuk-lede-text">Choose a programme to see its measures on statistical process control charts: whether each one is changing for real, and whether it will meet its target.</p>
      {organisations.length === 0 ? (
        <p>You do not belong to any organisation yet. Ask an administrator of your organisation to add you (<code>lhs user add</code>).</p>
      ) : null}
      {organisations.map(({ organisation, programmes, administers }) => (
        <section aria-labelledby={`org-${organisation.code}`}>
          <h2 id={`org-${organisation.code}`}>{organisation.name}</h2>
          {programmes.length === 0 ? <p>No programmes yet.</p> : null}
          <ul class="nhsuk-grid-row nhsuk-card-group">
            {programmes.map((programme) => (
              <li class="nhsuk-grid-column-one-half nhsuk-card-group__item">
                <div class="nhsuk-card nhsuk-card--clickable">
                  <div class="nhsuk-card__content">
                    <h3 class="nhsuk-card__heading nhsuk-heading-m">
                      <a class="nhsuk-card__link" href={`/organisations/${organisation.code}/programmes/${programme.code}`}>
                        {programme.name}
                      </a>
                    </h3>
                    <p class="nhsuk-card__description">{programme.aim}</p>
                  </div>
                </div>
              </li>
            ))}
          </ul>
          <ul class="nhsuk-list lhs-inline-links" aria-label={`More for ${organisation.name}`}>
            <li>
              <a href={`/organisations/${organisation.code}/community`}>Learning community</a>
            </li>
            {administers
              ? ADMIN_LINKS.map(([path, text]) => (
                  <li>
                    <a href={`/organisations/${organisation.code}/${path}`}>{text}</a>
                  </li>
                ))
              : null}
          </ul>
        </section>
      ))}
    </Layout>
  )
}
