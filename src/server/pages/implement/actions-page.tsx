/** The programme's actions: each change with its status, owner, sites, change date and review date. */
import type { ActionDetail } from '../../../app/implement/action-views.ts'
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import { Layout } from '../layout.tsx'
import { dateText, sitesText, StatusTag } from './action-text.tsx'
import { Done } from './form-parts.tsx'
import { actionPath, actionsPath, crumbs, ImplementNav } from './implement-paths.tsx'

export function ActionsPage({ scope, actions, canEdit, today, done }: { scope: ProgrammeScope; actions: readonly ActionDetail[]; canEdit: boolean; today: string; done?: string | undefined }) {
  return (
    <Layout title={`Actions – ${scope.programme.name}`} breadcrumbs={crumbs(scope)}>
      <Done text={done} />
      <span class="nhsuk-caption-l">{scope.programme.name}</span>
      <h1>Actions and PDSA cycles</h1>
      <ImplementNav scope={scope} current="actions" />
      <p>
        An action is a change the programme is making, usually because a decision group decided it. Each says who owns it, where it is made and from which date (the change date),
        what it should move (its predictions) and when it will be reviewed. Changes are tested in Plan-Do-Study-Act cycles.
      </p>
      {canEdit ? (
        <p>
          <a class="nhsuk-button" href={`${actionsPath(scope)}/new`} role="button" draggable="false" data-module="nhsuk-button">
            Start an action
          </a>
        </p>
      ) : null}
      {actions.length === 0 ? (
        <p>No actions yet.</p>
      ) : (
        <div class="lhs-table-scroll" tabindex={0} role="region" aria-labelledby="actions-caption">
          <table class="nhsuk-table">
            <caption class="nhsuk-table__caption" id="actions-caption">
              Actions of {scope.programme.name} ({actions.length}), latest change date first
            </caption>
            <thead class="nhsuk-table__head">
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Status</th>
                <th scope="col">Owner</th>
                <th scope="col">Sites</th>
                <th scope="col">Change date</th>
                <th scope="col">Review date</th>
              </tr>
            </thead>
            <tbody class="nhsuk-table__body">
              {actions.map((a) => {
                const overdue = a.reviewDate !== null && a.reviewDate < today && !['adopted', 'abandoned'].includes(a.status)
                return (
                  <tr>
                    <td>
                      <a href={actionPath(scope, a.id)}>{a.title}</a>
                    </td>
                    <td>
                      <StatusTag status={a.status} />
                    </td>
                    <td>{a.owner ? a.owner.name || a.owner.email : 'No owner'}</td>
                    <td>{sitesText(a.sites)}</td>
                    <td class="lhs-nowrap">{dateText(a.startDate)}</td>
                    <td class="lhs-nowrap">
                      {dateText(a.reviewDate)}
                      {overdue ? <strong class="nhsuk-tag nhsuk-tag--red lhs-tag">Overdue</strong> : null}
                    </td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  )
}
