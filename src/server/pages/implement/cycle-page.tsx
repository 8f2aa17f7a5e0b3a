/**
 * One PDSA cycle: the plan and the prediction written before it, what happened (do), the study of
 * the data against the prediction (beside the review engine's current verdict), and the act: adopt,
 * adapt or abandon. Leads record each stage; after "adapt" the page offers the next cycle.
 */
import type { Child } from 'hono/jsx'
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { ActionDetail, CycleView } from '../../../app/implement/action-views.ts'
import { ACT_LABELS, PDSA_ACTS } from '../../../app/implement/pdsa-rules.ts'
import type { FormProblem } from '../form-field.tsx'
import { CsrfField, Layout } from '../layout.tsx'
import { ActionReviewSection } from '../review/action-review-section.tsx'
import { dateText, StatusTag } from './action-text.tsx'
import { ChoicesField, Done, InputField, Problem, Row, SubmitButton, TextareaField, type FormValues } from './form-parts.tsx'
import { actionPath, actionsPath, crumbs, cyclePath } from './implement-paths.tsx'

export type CycleStep = 'plan' | 'do' | 'study' | 'act'

interface CyclePageProps {
  readonly scope: ProgrammeScope
  readonly action: ActionDetail
  readonly cycle: CycleView
  readonly canEdit: boolean
  readonly today: string
  readonly done?: string | undefined
  readonly problem?: FormProblem | undefined
  /** The refused step's form, with what was typed. */
  readonly step?: CycleStep | undefined
  readonly values?: FormValues
}

export function CyclePage({ scope, action, cycle, canEdit, today, done, problem, step, values = {} }: CyclePageProps) {
  const latest = action.cycles.at(-1)?.number === cycle.number
  const v = (s: CycleStep, key: string, stored: string) => (step === s ? values[key] : stored)
  const form = (s: CycleStep, children: Child, button: string) =>
    canEdit ? (
      <form method="post" action={cyclePath(scope, action.id, cycle.number)} novalidate>
        <CsrfField />
        <input type="hidden" name="step" value={s} />
        {children}
        <SubmitButton text={button} secondary />
      </form>
    ) : null
  return (
    <Layout title={`${problem ? 'Error: ' : ''}PDSA cycle ${cycle.number} – ${action.title}`} breadcrumbs={crumbs(scope, { text: 'Actions', href: actionsPath(scope) }, { text: action.title, href: actionPath(scope, action.id) })}>
      <Problem problem={problem} />
      <Done text={done} />
      <span class="nhsuk-caption-l">{action.title}</span>
      <h1>PDSA cycle {cycle.number}</h1>
      <dl class="nhsuk-summary-list">
        <Row term="Started">{dateText(cycle.startedOn)}</Row>
        <Row term="Finished">{dateText(cycle.finishedOn, 'Still running')}</Row>
        <Row term="Act">{cycle.act ? ACT_LABELS[cycle.act] : 'Not decided yet'}</Row>
        <Row term="Action status">
          <StatusTag status={action.status} />
        </Row>
      </dl>
      <h2 id="plan-heading">Plan</h2>
      <p>What was planned, and what was expected before the cycle started.</p>
      {canEdit ? (
        <>
          {cycle.doNotes === '' ? null : <Text label="Prediction (fixed now that what happened is recorded)" text={cycle.prediction} />}
          {form(
            'plan',
            <>
              <TextareaField id="plan" label="Plan" problem={problem} value={v('plan', 'plan', cycle.plan)} max={5000} />
              {cycle.doNotes === '' ? <TextareaField id="prediction" label="Prediction" hint="It can change until what happened is recorded." problem={problem} value={v('plan', 'prediction', cycle.prediction)} rows={2} max={2000} /> : null}
              <InputField id="startedOn" label="Start date" problem={problem} value={v('plan', 'startedOn', cycle.startedOn)} type="date" width={10} />
            </>,
            'Save the plan',
          )}
        </>
      ) : (
        <>
          <Text label="Plan" text={cycle.plan} />
          <Text label="Prediction" text={cycle.prediction} />
        </>
      )}
      <h2 id="do-heading">Do</h2>
      <p>What actually happened: what was done, what went differently from the plan, anything unexpected.</p>
      {canEdit ? form('do', <TextareaField id="doNotes" label="What happened" problem={problem} value={v('do', 'doNotes', cycle.doNotes)} max={5000} />, 'Save what happened') : <Text label="What happened" text={cycle.doNotes} />}
      <h2 id="study-heading">Study</h2>
      <p>Compare the data with the prediction. The review engine’s current reading of this action’s measures is beside the box.</p>
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-one-half">{canEdit ? form('study', <TextareaField id="studyNotes" label="What the data show against the prediction" problem={problem} value={v('study', 'studyNotes', cycle.studyNotes)} rows={6} max={5000} />, 'Save the study') : <Text label="Study" text={cycle.studyNotes} />}</div>
        <div class="nhsuk-grid-column-one-half">
          <ActionReviewSection scope={scope} actionId={action.id} />
        </div>
      </div>
      <h2 id="act-heading">Act</h2>
      <p>Adopt the change as it is, adapt it and test again in a new cycle, or abandon it. The act sets the action’s status.</p>
      {canEdit && latest
        ? form(
            'act',
            <>
              <ChoicesField id="act" legend="What next?" problem={problem} values={[v('act', 'act', cycle.act ?? '') ?? '']} choices={PDSA_ACTS.map((a) => ({ value: a, text: ACT_LABELS[a], hint: ACT_HINTS[a] }))} />
              <TextareaField id="actNotes" label="Why (optional)" problem={problem} value={v('act', 'actNotes', cycle.actNotes)} rows={3} max={2000} />
              <InputField id="finishedOn" label="Date the cycle finished" hint="On or after the start date." problem={problem} value={v('act', 'finishedOn', cycle.finishedOn ?? today)} type="date" width={10} />
            </>,
            'Record the act',
          )
        : <Text label="Why" text={cycle.actNotes} />}
      {cycle.act === 'adapt' && latest && canEdit ? (
        <p>
          <a class="nhsuk-button" href={`${actionPath(scope, action.id)}#start-cycle`} role="button" draggable="false">
            Start the next cycle
          </a>
        </p>
      ) : null}
    </Layout>
  )
}

const ACT_HINTS = { adopt: 'It works: make it part of how things are done.', adapt: 'Change it and test it again in a new cycle.', abandon: 'Stop: it does not work, or does harm.' } as const

function Text({ label, text }: { label: string; text: string }) {
  return (
    <div class="nhsuk-inset-text">
      <span class="nhsuk-u-visually-hidden">Information: </span>
      <p>
        <strong>{label}:</strong> {text === '' ? 'Not recorded yet.' : text}
      </p>
    </div>
  )
}
