/** One decision group: what it is for, its members, and (for leads) adding or removing members. */
import type { GroupView } from '../../../app/decide/groups.ts'
import { groupKindLabel } from '../../../app/decide/labels.ts'
import { personName, type PersonView } from '../../../app/decide/people.ts'
import { Field, type FormProblem } from '../form-field.tsx'
import { CsrfField, Layout } from '../layout.tsx'
import { groupPath, groupsPath } from './decide-paths.ts'
import { aria, Done, problemAt, Problems } from './form-problems.tsx'

interface GroupPageProps {
  readonly organisation: { readonly code: string; readonly name: string }
  readonly group: GroupView
  /** The organisation's people, for adding a member. */
  readonly people: readonly PersonView[]
  readonly canManage: boolean
  readonly chosen?: string | undefined
  readonly problems?: readonly FormProblem[]
  readonly done?: string | undefined
}

export function GroupPage({ organisation, group, people, canManage, chosen, problems = [], done }: GroupPageProps) {
  const path = groupPath(organisation.code, group.code)
  const members = new Set(group.members.map((m) => m.email))
  const addable = people.filter((p) => !members.has(p.email))
  return (
    <Layout title={`${problems.length > 0 ? 'Error: ' : ''}${group.name} – Decision groups`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: 'Decision groups', href: groupsPath(organisation.code) }]}>
      <Problems problems={problems} />
      <Done text={done} />
      <span class="nhsuk-caption-l">
        {groupKindLabel(group.kind)} · {organisation.name}
      </span>
      <h1>{group.name}</h1>
      <p>{group.purpose === '' ? 'A decision group: its members meet to weigh findings and record decisions.' : group.purpose}</p>
      <p>Members are the people this group’s meetings expect; attendance at each meeting is recorded on the meeting’s page.</p>
      <h2>Members</h2>
      {group.members.length === 0 ? (
        <p>No members yet.</p>
      ) : (
        <ul class="nhsuk-list lhs-member-list">
          {group.members.map((m) => (
            <li>
              {personName(m)}
              {canManage ? (
                <form method="post" action={`${path}/members/remove`} class="lhs-inline-form">
                  <CsrfField />
                  <input type="hidden" name="member" value={m.email} />
                  <button class="nhsuk-button nhsuk-button--secondary nhsuk-button--small" type="submit">
                    Remove<span class="nhsuk-u-visually-hidden"> {m.email} from the group</span>
                  </button>
                </form>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {canManage ? (
        <>
          <h2>Add a member</h2>
          {addable.length === 0 ? (
            <p>Everyone in {organisation.name} is already a member. People join the organisation on its people page.</p>
          ) : (
            <form method="post" action={`${path}/members`} novalidate>
              <CsrfField />
              <Field id="member" label="Person" hint={`Anyone with an account in ${organisation.name}.`} problem={problemAt(problems, 'member')}>
                <select class="nhsuk-select" id="member" name="member" {...aria('member', problemAt(problems, 'member'), true)}>
                  <option value="">Choose a person</option>
                  {addable.map((p) => (
                    <option value={p.email} selected={p.email === chosen}>
                      {personName(p)}
                    </option>
                  ))}
                </select>
              </Field>
              <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
                Add member
              </button>
            </form>
          )}
        </>
      ) : null}
    </Layout>
  )
}
