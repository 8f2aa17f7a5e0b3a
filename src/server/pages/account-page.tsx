/** Your account: the organisations you belong to and your role in each, your API tokens, signing out everywhere. */
import { ROLE_DESCRIPTIONS } from '../../core/access.ts'
import type { TokenRow } from '../../app/auth/tokens.ts'
import type { MembershipRow, UserRow } from '../../app/auth/people.ts'
import { CsrfField, Layout } from './layout.tsx'

export interface AccountPageProps {
  readonly user: UserRow
  readonly memberships: readonly MembershipRow[]
  readonly tokens: readonly TokenRow[]
}

export function AccountPage({ user, memberships, tokens }: AccountPageProps) {
  const active = tokens.filter((t) => !t.revoked)
  return (
    <Layout title="Your account" breadcrumbs={[{ text: 'Home', href: '/' }]}>
      <h1>Your account</h1>
      <p>You are signed in as {user.email}.</p>
      <h2>Your organisations</h2>
      {memberships.length === 0 ? (
        <p>You do not belong to any organisation yet. Ask an administrator to add you.</p>
      ) : (
        <table class="nhsuk-table">
          <caption class="nhsuk-table__caption nhsuk-u-visually-hidden">Your organisations and roles</caption>
          <thead class="nhsuk-table__head">
            <tr>
              <th scope="col">Organisation</th>
              <th scope="col">Role</th>
              <th scope="col">Sites</th>
            </tr>
          </thead>
          <tbody class="nhsuk-table__body">
            {memberships.map((m) => (
              <tr>
                <td>{m.organisationName}</td>
                <td>
                  {m.role.replace('_', ' ')}: {ROLE_DESCRIPTIONS[m.role]}
                </td>
                <td>{m.siteCodes === null ? 'All sites' : m.siteCodes.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <h2>API tokens</h2>
      {active.length === 0 ? (
        <p>You have no API tokens.</p>
      ) : (
        <ul class="nhsuk-list nhsuk-list--bullet">
          {active.map((t) => (
            <li>
              {t.name} (number {t.id}), created {t.createdAt.slice(0, 10)}, {t.lastUsedAt ? `last used ${t.lastUsedAt.slice(0, 10)}` : 'never used'}
            </li>
          ))}
        </ul>
      )}
      <p>
        Programs that use the API send a token in the header <code>Authorization: Bearer TOKEN</code>. An administrator of the server creates one with <code>lhs token create --email {user.email}</code>, and
        revokes it with <code>lhs token revoke --email {user.email} --id N</code>.
      </p>
      <h2>Sign out everywhere</h2>
      <p>This ends your sessions on every device and browser, including this one.</p>
      <form method="post" action="/sign-out">
        <CsrfField />
        <input type="hidden" name="everywhere" value="yes" />
        <button class="nhsuk-button nhsuk-button--secondary" type="submit" data-module="nhsuk-button">
          Sign out everywhere
        </button>
      </form>
    </Layout>
  )
}
