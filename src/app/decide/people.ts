/** The organisation's people as the decide pages name them: by email, never by account id. */
import { listOrganisationPeople, type OrganisationPersonRow, type PersonRow } from '../../storage/decision-groups.ts'
import type { AppDeps } from '../deps.ts'
import type { FieldChecks } from './field-checks.ts'

export interface PersonView {
  readonly email: string
  readonly displayName: string
}

export type { OrganisationPersonRow }

export function personView(row: Pick<PersonRow, 'email' | 'displayName'>): PersonView {
  return { email: row.email, displayName: row.displayName }
}

/** How a person is named on a page: their name and email, or just the email. */
export function personName(person: PersonView): string {
  return person.displayName.trim() === '' ? person.email : `${person.displayName} (${person.email})`
}

export function listPeopleOf(deps: AppDeps, organisationId: number): Promise<OrganisationPersonRow[]> {
  return listOrganisationPeople(deps.store.db, organisationId)
}

/** The account ids of these emails among `people`; an email not among them is a problem on `field`. */
export function userIdsOf(checks: FieldChecks, field: string, people: readonly OrganisationPersonRow[], emails: readonly string[], organisationName: string): number[] {
  const ids: number[] = []
  for (const raw of emails) {
    const email = raw.trim().toLowerCase()
    if (email === '') continue
    const person = people.find((p) => p.email === email)
    if (!person) checks.fail(field, `"${raw.slice(0, 100)}" is not a member of ${organisationName} (expected the email of one of its people).`, raw)
    else if (!ids.includes(person.userId)) ids.push(person.userId)
  }
  return ids
}
