/** The people of an organisation: who has which role for which sites, and the form to add someone or change a role. */
import type { MemberRow } from '../../app/admin/members.ts'
import type { SiteRow } from '../../app/catalogue.ts'
import { ROLE_DESCRIPTIONS, ROLES, type Role } from '../../core/access.ts'
import { CsrfField, Layout } from './layout.tsx'
import { ErrorMessage, ErrorSummary } from './error-summary.tsx'

export interface PersonForm {
  readonly email: string
  readonly displayName: string
  readonly role: string
  /** Site codes ticked; none for every site. */
  readonly sites: readonly string[]
}

export type PersonField = 'email' | 'displayName' | 'role' | 'sites'

export interface FieldError {
  readonly field: PersonField
  readonly message: string
}

export interface PeoplePageProps {
  readonly organisation: { readonly code: string; readonly name: string }
  readonly members: readonly MemberRow[]
  /** The sites a membership can be narrowed to (not the organisation's root site). */
  readonly sites: readonly SiteRow[]
  readonly form?: PersonForm | undefined
  readonly errors?: readonly FieldError[] | undefined
  /** The person just added or changed. */
  readonly saved?: MemberRow | undefined
}

const EMPTY_FORM: PersonForm = { email: '', displayName: '', role: '', sites: [] }

export function roleName(role: Role): string {
  const words = role.replace('_', ' ')
  return words.charAt(0).toUpperCase() + words.slice(1)
}

function sitesText(codes: readonly string[] | null, sites: readonly SiteRow[]): string {
  if (codes === null) return 'All sites'
  const names = new Map(sites.map((s) => [s.code, s.name]))
  return codes.map((code) => names.get(code) ?? code).join(', ')
}

export function PeoplePage({ organisation, members, sites, form = EMPTY_FORM, errors = [], saved }: PeoplePageProps) {
  const title = `People – ${organisation.name}`
  return (
    <Layout title={errors.length > 0 ? `Error: ${title}` : title} breadcrumbs={[{ text: 'Home', href: '/' }]}>
      {errors.length > 0 ? <PeopleErrors errors={errors} sites={sites} /> : null}
      {saved ? <Saved member={saved} sites={sites} /> : null}
      <h1>People in {organisation.name}</h1>
      <MemberTable organisation={organisation} members={members} sites={sites} />
      <h2 id="person-form">Add a person or change a role</h2>
      <p>Enter the email address of someone new to add them, or of someone in the table to change their role and sites.</p>
      <div class="nhsuk-inset-text">
        <span class="nhsuk-u-visually-hidden">Information: </span>
        <p>
          A new person gets no password. They sign in with single sign-on, or an administrator of the server gives them a password with the command <code>lhs user add</code> and its option{' '}
          <code>--password-stdin</code>.
        </p>
      </div>
      <form method="post" action={`/organisations/${organisation.code}/people`} novalidate>
        <CsrfField />
        <EmailField value={form.email} error={errorFor(errors, 'email')} />
        <NameField value={form.displayName} error={errorFor(errors, 'displayName')} />
        <RoleField value={form.role} error={errorFor(errors, 'role')} />
        <SitesField sites={sites} ticked={form.sites} error={errorFor(errors, 'sites')} />
        <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
          Save
        </button>
      </form>
    </Layout>
  )
}

function errorFor(errors: readonly FieldError[], field: PersonField): string | undefined {
  return errors.find((e) => e.field === field)?.message
}

/** The id of the control an error summary link moves to. */
function anchorOf(field: PersonField, sites: readonly SiteRow[]): string {
  if (field === 'email') return '#email'
  if (field === 'displayName') return '#display-name'
  if (field === 'role') return `#role-${ROLES[0]}`
  return sites[0] ? `#site-${sites[0].code}` : '#person-form'
}


function Saved({ member, sites }: { member: MemberRow; sites: readonly SiteRow[] }) {
  return (
    <div class="nhsuk-panel lhs-success" role="status">
      <h2 class="nhsuk-panel__title">Saved</h2>
      <div class="nhsuk-panel__body">
        {member.email} is {member.role === 'admin' ? 'an' : 'a'} {member.role.replace('_', ' ')} ({ROLE_DESCRIPTIONS[member.role]}), for {member.siteCodes === null ? 'all sites' : sitesText(member.siteCodes, sites)}.
      </div>
    </div>
  )
}

function MemberTable({ organisation, members, sites }: Pick<PeoplePageProps, 'organisation' | 'members' | 'sites'>) {
  if (members.length === 0) return <p>Nobody belongs to {organisation.name} yet.</p>
  return (
    <div class="lhs-table-scroll" tabindex={0} role="region" aria-labelledby="people-caption">
      <table class="nhsuk-table" id="people">
        <caption class="nhsuk-table__caption" id="people-caption">
          People in {organisation.name} and their roles ({members.length})
        </caption>
        <thead class="nhsuk-table__head">
          <tr class="nhsuk-table__row">
            <th scope="col" class="nhsuk-table__header">Email</th>
            <th scope="col" class="nhsuk-table__header">Name</th>
            <th scope="col" class="nhsuk-table__header">Role</th>
            <th scope="col" class="nhsuk-table__header">Sites</th>
            <th scope="col" class="nhsuk-table__header">
              <span class="nhsuk-u-visually-hidden">Action</span>
            </th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          {members.map((member) => (
            <tr class="nhsuk-table__row">
              <td class="nhsuk-table__cell">{member.email}</td>
              <td class="nhsuk-table__cell">{member.displayName}</td>
              <td class="nhsuk-table__cell">
                <strong>{roleName(member.role)}</strong>: {ROLE_DESCRIPTIONS[member.role]}
              </td>
              <td class="nhsuk-table__cell">{sitesText(member.siteCodes, sites)}</td>
              <td class="nhsuk-table__cell">
                <a href={`/organisations/${organisation.code}/people?email=${encodeURIComponent(member.email)}#person-form`}>
                  Change<span class="nhsuk-u-visually-hidden"> the role of {member.email}</span>
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}


function EmailField({ value, error }: { value: string; error: string | undefined }) {
  return (
    <div class={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label class="nhsuk-label" for="email">
        Email address
      </label>
      <div class="nhsuk-hint" id="email-hint">
        The address they sign in with, such as name@example.nhs.uk
      </div>
      {error ? <ErrorMessage id="email-error" message={error} /> : null}
      <input
        class={`nhsuk-input nhsuk-u-width-two-thirds${error ? ' nhsuk-input--error' : ''}`}
        id="email"
        name="email"
        type="email"
        autocomplete="off"
        spellcheck={false}
        value={value}
        aria-describedby={error ? 'email-hint email-error' : 'email-hint'}
      />
    </div>
  )
}

function NameField({ value, error }: { value: string; error: string | undefined }) {
  return (
    <div class={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <label class="nhsuk-label" for="display-name">
        Name (optional)
      </label>
      <div class="nhsuk-hint" id="display-name-hint">
        Leave it empty to keep the name they already have.
      </div>
      {error ? <ErrorMessage id="display-name-error" message={error} /> : null}
      <input
        class={`nhsuk-input nhsuk-u-width-two-thirds${error ? ' nhsuk-input--error' : ''}`}
        id="display-name"
        name="displayName"
        type="text"
        autocomplete="off"
        value={value}
        aria-describedby={error ? 'display-name-hint display-name-error' : 'display-name-hint'}
      />
    </div>
  )
}

function RoleField({ value, error }: { value: string; error: string | undefined }) {
  return (
    <div class={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset class="nhsuk-fieldset" aria-describedby={error ? 'role-hint role-error' : 'role-hint'}>
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Role</legend>
        <div class="nhsuk-hint" id="role-hint">
          What they may do in this organisation. A role is not a rank: a decision maker does not import data.
        </div>
        {error ? <ErrorMessage id="role-error" message={error} /> : null}
        <div class="nhsuk-radios">
          {ROLES.map((role) => (
            <div class="nhsuk-radios__item">
              <input class="nhsuk-radios__input" id={`role-${role}`} name="role" type="radio" value={role} checked={value === role} aria-describedby={`role-${role}-hint`} />
              <label class="nhsuk-label nhsuk-radios__label" for={`role-${role}`}>
                {roleName(role)}
              </label>
              <div class="nhsuk-hint nhsuk-radios__hint" id={`role-${role}-hint`}>
                {ROLE_DESCRIPTIONS[role]}
              </div>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  )
}

function SitesField({ sites, ticked, error }: { sites: readonly SiteRow[]; ticked: readonly string[]; error: string | undefined }) {
  if (sites.length === 0) return <p>This organisation has no sites yet, so everyone sees all of its data.</p>
  return (
    <div class={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset class="nhsuk-fieldset" aria-describedby={error ? 'sites-hint sites-error' : 'sites-hint'}>
        <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Sites (optional)</legend>
        <div class="nhsuk-hint" id="sites-hint">
          Leave every box unticked for all sites. Tick sites to let them see those sites' data only.
        </div>
        {error ? <ErrorMessage id="sites-error" message={error} /> : null}
        <div class="nhsuk-checkboxes">
          {sites.map((site) => (
            <div class="nhsuk-checkboxes__item">
              <input class="nhsuk-checkboxes__input" id={`site-${site.code}`} name="sites" type="checkbox" value={site.code} checked={ticked.includes(site.code)} />
              <label class="nhsuk-label nhsuk-checkboxes__label" for={`site-${site.code}`}>
                {site.name} ({site.code})
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  )
}

function PeopleErrors({ errors, sites }: { errors: readonly FieldError[]; sites: readonly SiteRow[] }) {
  return <ErrorSummary items={errors.map((error) => ({ href: anchorOf(error.field, sites), text: error.message }))} />
}
