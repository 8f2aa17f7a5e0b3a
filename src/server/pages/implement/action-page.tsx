/**
 * One action: what it is, who owns it, where and from when, the decision it carries out, its
 * predictions (what should move, what to watch for harm), its PDSA cycles and the review engine's
 * verdict. Leads add and remove predictions and start the next cycle here.
 */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { ActionDetail } from '../../../app/implement/action-views.ts'
import { ACT_LABELS, startProblem } from '../../../app/implement/pdsa-rules.ts'
import { ROLE_LABELS } from '../../../app/implement/predictions.ts'
import type { FormProblem } from '../form-field.tsx'
import { CsrfField, Layout } from '../layout.tsx'
import { ActionReviewSection } from '../review/action-review-section.tsx'
import { dateText, directionText, groupText, sitesText, siteText, sizeText, StatusTag } from './action-text.tsx'
import { Done, InputField, Problem, Row, SubmitButton, TextareaField, type FormValues } from './form-parts.tsx'
import { actionPath, actionsPath, aimPath, crumbs, cyclePath, decisionPath } from './implement-paths.tsx'

interface ActionPageProps {
  readonly scope: ProgrammeScope
  readonly action: ActionDetail
  readonly canEdit: boolean
  readonly today: string
  readonly done?: string | undefined
  /** A refused "start a cycle" form, with what was typed. */
  readonly problem?: FormProblem | undefined
  readonly values?: FormValues | undefined
}

export function ActionPage({ scope, action, canEdit, today, done, problem, values }: ActionPageProps) {
  const path = actionPath(scope, action.id)
  return (
    <Layout title={`${problem ? 'Error: ' : ''}${action.title} – Actions`} breadcrumbs={crumbs(scope, { text: 'Actions', href: actionsPath(scope) })}>
      <Problem problem={problem} />
      <Done text={done} />
      <span class="nhsuk-caption-l">Action</span>
      <h1>{action.title}</h1>
      {action.description ? <p>{action.description}</p> : null}
      <dl class="nhsuk-summary-list">
        <Row term="Status">
          <StatusTag status={action.status} />
        </Row>
        <Row term="Owner">{action.owner ? (action.owner.name ? `${action.owner.name} (${action.owner.email})` : action.owner.email) : 'No owner yet'}</Row>
        <Row term="Where">{sitesText(action.sites)}</Row>
        <Row term="Change date">{dateText(action.startDate)}</Row>
        <Row term="Review date">{dateText(action.reviewDate)}</Row>
        <Row term="Decision">{action.decision ? <a href={decisionPath(scope, action.decision.id)}>{action.decision.title}</a> : 'None'}</Row>
        <Row term="Change idea it tests">{action.changeIdea ? <a href={`${aimPath(scope)}#driver-${action.changeIdea.id}`}>{action.changeIdea.title}</a> : 'None'}</Row>
      </dl>
      {canEdit ? (
        <p>
          <a href={`${path}/edit`}>Change the action’s status, dates, owner or sites</a>
        </p>
      ) : null}
      <Predictions scope={scope} action={action} canEdit={canEdit} />
      <Cycles scope={scope} action={action} canEdit={canEdit} today={today} problem={problem} values={values} />
      <ActionReviewSection scope={scope} actionId={action.id} />
    </Layout>
  )
}

function Predictions({ scope, action, canEdit }: { scope: ProgrammeScope; action: ActionDetail; canEdit: boolean }) {
  const path = actionPath(scope, action.id)
  return (
    <>
      <h2 id="predictions">Predictions</h2>
      <p>
        What the change should move (“should move”), and what to watch in case it does harm (“watch for harm”, usually a balancing measure): where, for whom, which way and by when.
        The review engine checks them against the data from the change date.
      </p>
      {action.predictions.length === 0 ? (
        <p>No predictions yet{canEdit ? ': add what this change should move.' : '.'}</p>
      ) : (
        <div class="lhs-table-scroll" tabindex={0} role="region" aria-labelledby="predictions-caption">
          <table class="nhsuk-table">
            <caption class="nhsuk-table__caption nhsuk-u-visually-hidden" id="predictions-caption">
              Predictions of this action
            </caption>
            <thead class="nhsuk-table__head">
              <tr>
                <th scope="col">Kind</th>
                <th scope="col">Measure</th>
                <th scope="col">Where</th>
                <th scope="col">Who</th>
                <th scope="col">Direction</th>
                <th scope="col">Expected size</th>
                <th scope="col">By</th>
                {canEdit ? <th scope="col">Remove</th> : null}
              </tr>
            </thead>
            <tbody class="nhsuk-table__body">
              {action.predictions.map((p) => (
                <tr>
                  <td>{ROLE_LABELS[p.role]}</td>
                  <td>{p.measure.name}</td>
                  <td>{siteText(p.site)}</td>
                  <td>{groupText(p.dimension, p.group)}</td>
                  <td>{directionText(p)}</td>
                  <td>{sizeText(p.expectedSize, p.measure)}</td>
                  <td class="lhs-nowrap">{dateText(p.byDate, 'Not given')}</td>
                  {canEdit ? (
                    <td>
                      <form method="post" action={`${path}/predictions/${p.id}/remove`}>
                        <CsrfField />
                        <button type="submit" class="lhs-link-button">
                          Remove<span class="nhsuk-u-visually-hidden"> the prediction on {p.measure.name} at {siteText(p.site)}</span>
                        </button>
                      </form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit ? (
        <p>
          <a href={`${path}/predictions/new`}>Add a prediction</a>
        </p>
      ) : null}
    </>
  )
}

function Cycles({ scope, action, canEdit, today, problem, values }: Omit<ActionPageProps, 'done'>) {
  const last = action.cycles.at(-1)
  const blocked = startProblem(action.cycles)
  return (
    <>
      <h2 id="cycles">PDSA cycles</h2>
      <p>Each Plan-Do-Study-Act cycle tests the change on a small scale: plan it and write down what you expect before it starts, do it, study the data against the prediction, then adopt, adapt or abandon the change.</p>
      {action.cycles.length === 0 ? <p>No cycles yet.</p> : null}
      <ol class="nhsuk-list">
        {action.cycles.map((c) => (
          <li>
            <a href={cyclePath(scope, action.id, c.number)}>Cycle {c.number}</a>: started {dateText(c.startedOn)}
            {c.act ? `, ${ACT_LABELS[c.act].toLowerCase()}ed${c.finishedOn ? ` on ${dateText(c.finishedOn)}` : ''}` : ', running'}. <span class="lhs-muted">{c.plan.length > 160 ? `${c.plan.slice(0, 160)}…` : c.plan}</span>
          </li>
        ))}
      </ol>
      {!canEdit ? null : blocked ? (
        <p class="lhs-muted">{blocked.message}</p>
      ) : (
        <StartCycle scope={scope} action={action} today={today} problem={problem} values={values ?? (last?.act === 'adapt' ? { plan: last.plan } : {})} />
      )}
    </>
  )
}

function StartCycle({ scope, action, today, problem, values }: { scope: ProgrammeScope; action: ActionDetail; today: string; problem: FormProblem | undefined; values: FormValues }) {
  const number = (action.cycles.at(-1)?.number ?? 0) + 1
  const adapted = action.cycles.at(-1)?.act === 'adapt'
  return (
    <>
      <h3 id="start-cycle">{number === 1 ? 'Start the first cycle' : `Start the next cycle (cycle ${number})`}</h3>
      {adapted ? <p>The last cycle adapted the change, so its plan is filled in below: change it to say what is different this time.</p> : null}
      <form method="post" action={`${actionPath(scope, action.id)}/cycles`} novalidate>
        <CsrfField />
        <TextareaField id="plan" label="Plan" hint="What will be done, by whom, where and for how long." problem={problem} value={values.plan} max={5000} />
        <TextareaField id="prediction" label="Prediction" hint="What you expect to happen, written before the cycle starts. It cannot change once what happened is recorded." problem={problem} value={values.prediction} rows={2} max={2000} />
        <InputField id="startedOn" label="Start date" hint="For example 2025-03-03." problem={problem} value={values.startedOn ?? today} type="date" width={10} />
        <SubmitButton text={`Start cycle ${number}`} />
      </form>
    </>
  )
}
