/** The learning community home: search the published lessons of the organisation's networks, its networks, its own lessons and (for leads) drafting a lesson from an action. */
import type { LessonSearch, LessonSearchResult } from '../../../app/community/lesson-search.ts'
import type { NetworkView } from '../../../app/community/networks.ts'
import { LESSON_VERDICTS, VERDICT_LABELS } from '../../../core/community/index.ts'
import type { LessonRow } from '../../../app/community/lesson-publish.ts'
import { CsrfField, Layout } from '../layout.tsx'

export interface DraftChoice {
  readonly value: string
  readonly label: string
}

interface CommunityPageProps {
  readonly organisation: { readonly code: string; readonly name: string }
  readonly search: LessonSearch
  readonly result: LessonSearchResult
  readonly networks: readonly NetworkView[]
  readonly own: readonly LessonRow[]
  /** Actions a lead may draft from (empty for other roles). */
  readonly actions: readonly DraftChoice[]
  readonly canAdminister: boolean
}

function Select({ id, label, value, options }: { id: string; label: string; value: string | undefined; options: readonly { value: string; label: string }[] }) {
  return (
    <div class="nhsuk-form-group">
      <label class="nhsuk-label" for={id}>{label}</label>
      <select class="nhsuk-select" id={id} name={id}>
        <option value="">Any</option>
        {options.map((o) => <option value={o.value} selected={o.value === value}>{o.label}</option>)}
      </select>
    </div>
  )
}

const plain = (values: readonly string[]) => values.map((v) => ({ value: v, label: v }))

export function CommunityPage({ organisation, search, result, networks, own, actions, canAdminister }: CommunityPageProps) {
  const base = `/organisations/${organisation.code}/community`
  const member = networks.filter((n) => n.member)
  return (
    <Layout title={`Learning community – ${organisation.name}`} breadcrumbs={[{ text: 'Programmes', href: '/' }]}>
      <span class="nhsuk-caption-l">{organisation.name}</span>
      <h1>Learning community</h1>
      <p>Lessons other organisations in your networks have published, with their measured effect (small numbers suppressed), and how your shared measures compare.</p>
      <form method="get" action={base} role="search" aria-labelledby="search-heading">
        <h2 id="search-heading">Search lessons</h2>
        <div class="nhsuk-form-group">
          <label class="nhsuk-label" for="q">Words to look for</label>
          <div class="nhsuk-hint" id="q-hint">Use "quotes" for a phrase, or, and -word to leave a word out.</div>
          <input class="nhsuk-input" id="q" name="q" type="search" value={search.text ?? ''} aria-describedby="q-hint" />
        </div>
        <Select id="network" label="Network" value={search.network} options={member.map((n) => ({ value: n.code, label: n.name }))} />
        <Select id="measure" label="Measure" value={search.measure} options={plain(result.facets.measures)} />
        <Select id="theme" label="Theme" value={search.theme} options={plain(result.facets.themes)} />
        <Select id="setting" label="Setting" value={search.setting} options={plain(result.facets.settings)} />
        <Select id="verdict" label="Verdict" value={search.verdict} options={LESSON_VERDICTS.map((v) => ({ value: v, label: VERDICT_LABELS[v] }))} />
        <button class="nhsuk-button" type="submit">Search</button>
      </form>
      <h2 id="results-heading">{result.hits.length === 0 ? 'No lessons found' : `${result.hits.length} lesson${result.hits.length === 1 ? '' : 's'}`}</h2>
      {member.length === 0 ? <p>{organisation.name} belongs to no network yet, so there are no lessons to search.</p> : null}
      <ul class="nhsuk-list" aria-labelledby="results-heading">
        {result.hits.map((hit) => (
          <li>
            <a href={`${base}/lessons/${hit.id}`}>{hit.lesson.title}</a>
            <br />
            <span class="nhsuk-body-s">
              {hit.lesson.organisation}, {hit.lesson.network.name}. Verdict: {VERDICT_LABELS[hit.lesson.verdict]}. Published {hit.publishedAt.slice(0, 10)}.
            </span>
          </li>
        ))}
      </ul>
      <h2>Networks</h2>
      <table class="nhsuk-table">
        <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Networks</caption>
        <thead class="nhsuk-table__head"><tr><th scope="col">Network</th><th scope="col">Membership</th></tr></thead>
        <tbody class="nhsuk-table__body">
          {networks.map((n) => (
            <tr>
              <td>{n.member ? <a href={`${base}/networks/${n.code}`}>{n.name}</a> : n.name}<br /><span class="nhsuk-body-s">{n.description}</span></td>
              <td>
                {n.member ? 'Member' : 'Not a member'}
                {canAdminister ? (
                  <form method="post" action={`${base}/networks/${n.code}/membership`}>
                    <CsrfField />
                    <input type="hidden" name="action" value={n.member ? 'leave' : 'join'} />
                    <button class="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0" type="submit">{n.member ? 'Leave' : 'Join'}<span class="nhsuk-u-visually-hidden"> {n.name}</span></button>
                  </form>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>Lessons from {organisation.name}</h2>
      {own.length === 0 ? <p>None yet.</p> : (
        <ul class="nhsuk-list">
          {own.map((l) => <li><a href={`${base}/lessons/${l.id}`}>{l.title}</a> ({l.status})</li>)}
        </ul>
      )}
      {actions.length > 0 && member.length > 0 ? (
        <form method="post" action={`${base}/lessons`}>
          <CsrfField />
          <h3>Draft a lesson from an action</h3>
          <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="draft-network">Network to share it with</label>
            <select class="nhsuk-select" id="draft-network" name="network">{member.map((n) => <option value={n.code}>{n.name}</option>)}</select>
          </div>
          <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="draft-action">Action</label>
            <select class="nhsuk-select" id="draft-action" name="action">{actions.map((a) => <option value={a.value}>{a.label}</option>)}</select>
          </div>
          <button class="nhsuk-button" type="submit">Draft lesson</button>
        </form>
      ) : null}
    </Layout>
  )
}
