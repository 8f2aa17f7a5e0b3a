/** An organisation's decision groups (boards, committees, huddles), and a form for leads to add one. */
import type { GroupSummary } from '../../../app/decide/groups.ts'
import { GROUP_KINDS, groupKindLabel } from '../../../app/decide/labels.ts'
import { Field, type FormProblem } from '../form-field.tsx'
import { CsrfField, Layout } from '../layout.tsx'
import { groupPath, groupsPath } from './decide-paths.ts'
import { aria, ChoiceGroup, Done, problemAt, Problems, Radio } from './form-problems.tsx'

export interface GroupForm {
  readonly code: string
  readonly name: string
  readonly kind: string
  readonly purpose: string
}

interface GroupsPageProps {
  readonly organisation: { readonly code: string; readonly name: string }
  readonly groups: readonly GroupSummary[]
  readonly canManage: boolean
  readonly form?: GroupForm | undefined
  readonly problems?: readonly FormProblem[]
  readonly done?: string | undefined
}

export function GroupsPage({ organisation, groups, canManage, form, problems = [], done }: GroupsPageProps) {
  return (
    <Layout title={`${problems.length > 0 ? 'Error: ' : ''}Decision groups – ${organisation.name}`} breadcrumbs={[{ text: 'Programmes', href: '/' }]}>
      <Problems problems={problems} />
      <Done text={done} />
      <span class="nhsuk-caption-l">{organisation.name}</span>
      <h1>Decision groups</h1>
      <p>The boards, committees and huddles that meet to weigh the findings and decide what to do. Each group has members from the organisation; its meetings, and the decisions taken at them, are kept with each programme.</p>
      {groups.length === 0 ? (
        <p>There are no decision groups yet.</p>
      ) : (
        <table class="nhsuk-table">
          <caption class="nhsuk-table__caption">{groups.length === 1 ? '1 group' : `${groups.length} groups`}</caption>
          <thead class="nhsuk-table__head">
            <tr>
              <th scope="col">Group</th>
              <th scope="col">Kind</th>
              <th scope="col" class="nhsuk-table__header--numeric">Members</th>
              <th scope="col">Purpose</th>
            </tr>
          </thead>
          <tbody class="nhsuk-table__body">
            {groups.map((g) => (
              <tr>
                <td>
                  <a href={groupPath(organisation.code, g.code)}>{g.name}</a>
                </td>
                <td>{groupKindLabel(g.kind)}</td>
                <td class="nhsuk-table__cell--numeric">{g.memberCount}</td>
                <td>{g.purpose}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canManage ? <NewGroupForm organisation={organisation.code} form={form} problems={problems} /> : null}
    </Layout>
  )
}

function NewGroupForm({ organisation, form, problems }: { organisation: string; form: GroupForm | undefined; problems: readonly FormProblem[] }) {
  const at = (field: string) => problemAt(problems, field)
  return (
    <>
      <h2 id="new-group">Add a decision group</h2>
      <form method="post" action={groupsPath(organisation)} novalidate>
        <CsrfField />
        <Field id="name" label="Name" hint="As people know it, for example “Hypertension programme board”." problem={at('name')}>
          <input class="nhsuk-input" id="name" name="name" type="text" maxlength={120} value={form?.name ?? ''} {...aria('name', at('name'), true)} />
        </Field>
        <Field id="code" label="Short code" hint="Used in web addresses: lower-case letters, digits and hyphens, for example programme-board." problem={at('code')}>
          <input class="nhsuk-input nhsuk-input--width-20" id="code" name="code" type="text" maxlength={40} spellcheck={false} value={form?.code ?? ''} {...aria('code', at('code'), true)} />
        </Field>
        <ChoiceGroup id="kind" legend="Kind of group" problem={at('kind')}>
          <div class="nhsuk-radios">
            {GROUP_KINDS.map((k, i) => (
              <Radio id={i === 0 ? 'kind' : `kind-${k.value}`} name="kind" value={k.value} checked={form?.kind === k.value}>
                {k.label}
              </Radio>
            ))}
          </div>
        </ChoiceGroup>
        <Field id="purpose" label="Purpose (optional)" hint="What the group decides, and how often it meets." problem={at('purpose')}>
          <textarea class="nhsuk-textarea" id="purpose" name="purpose" rows={3} maxlength={1000} {...aria('purpose', at('purpose'), true)}>
            {form?.purpose ?? ''}
          </textarea>
        </Field>
        <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
          Add group
        </button>
      </form>
    </>
  )
}
