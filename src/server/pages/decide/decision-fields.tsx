/** The fields of a decision, shared by the new-decision form and the change form; they show what was typed and every problem. */
import type { LessonView } from '../../../app/decide/find-lessons.ts'
import { DECISION_LABELS } from '../../../app/decide/labels.ts'
import { personName, type PersonView } from '../../../app/decide/people.ts'
import type { FindingView } from '../../../app/triangulate/findings.ts'
import { Field, type FormProblem } from '../form-field.tsx'
import { ConvergenceTag } from '../triangulate/finding-labels.tsx'
import { aria, Checkbox, ChoiceGroup, problemAt, Radio } from './form-problems.tsx'
import { LESSONS_HELP, LessonsList } from './lessons-list.tsx'

/** A decision form as typed. */
export interface DecisionForm {
  readonly title: string
  readonly rationale: string
  /** One per line. */
  readonly optionsConsidered: string
  readonly optionChosen: string
  readonly label: string
  readonly owner: string
  readonly reviewDate: string
  readonly findings: readonly number[]
  readonly lessons: readonly number[]
}

interface DecisionFieldsProps {
  readonly organisation: string
  readonly form: DecisionForm
  /** The findings to offer: current ones strongest first, and any already ticked. */
  readonly findings: readonly FindingView[]
  readonly people: readonly PersonView[]
  readonly lessons: readonly LessonView[]
  readonly problems: readonly FormProblem[]
  /** Titles of lessons already drawn on that the ranking no longer offers (so they can be unticked). */
  readonly lessonTitles?: Readonly<Record<number, string>>
}

export function DecisionFields({ organisation, form, findings, people, lessons, problems, lessonTitles = {} }: DecisionFieldsProps) {
  const at = (field: string) => problemAt(problems, field)
  const lessonIds = new Set(lessons.map((l) => l.decision))
  const ownerKnown = people.some((p) => p.email === form.owner)
  return (
    <>
      <Field id="title" label="What was decided" hint="One sentence, for example “Offer evening nurse clinics at every practice”." problem={at('title')}>
        <input class="nhsuk-input" id="title" name="title" type="text" maxlength={200} value={form.title} {...aria('title', at('title'), true)} />
      </Field>
      <Field id="rationale" label="Why" hint="The reasons, as someone reading the log in a year would need them." problem={at('rationale')}>
        <textarea class="nhsuk-textarea" id="rationale" name="rationale" rows={5} maxlength={5000} {...aria('rationale', at('rationale'), true)}>
          {form.rationale}
        </textarea>
      </Field>
      <Field id="optionsConsidered" label="Options considered (optional)" hint="One per line." problem={at('optionsConsidered')}>
        <textarea class="nhsuk-textarea" id="optionsConsidered" name="optionsConsidered" rows={4} {...aria('optionsConsidered', at('optionsConsidered'), true)}>
          {form.optionsConsidered}
        </textarea>
      </Field>
      <Field id="optionChosen" label="Option chosen" problem={at('optionChosen')}>
        <input class="nhsuk-input" id="optionChosen" name="optionChosen" type="text" maxlength={1000} value={form.optionChosen} {...aria('optionChosen', at('optionChosen'))} />
      </Field>
      <ChoiceGroup id="label" legend="Label" hint="What kind of decision this is." problem={at('label')}>
        <div class="nhsuk-radios">
          {DECISION_LABELS.map((l, i) => (
            <Radio id={i === 0 ? 'label' : `label-${l.value}`} name="label" value={l.value} checked={form.label === l.value} hint={l.hint}>
              {l.label}
            </Radio>
          ))}
        </div>
      </ChoiceGroup>
      <Field id="owner" label="Owner" hint="The person who sees it through; anyone in the organisation." problem={at('owner')}>
        <select class="nhsuk-select" id="owner" name="owner" {...aria('owner', at('owner'), true)}>
          <option value="">Choose the owner</option>
          {form.owner !== '' && !ownerKnown ? (
            <option value={form.owner} selected>
              {form.owner}
            </option>
          ) : null}
          {people.map((p) => (
            <option value={p.email} selected={p.email === form.owner}>
              {personName(p)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="reviewDate" label="Review date (optional)" hint="When the group will look at it again, for example 2025-09-30." problem={at('reviewDate')}>
        <input class="nhsuk-input nhsuk-input--width-10" id="reviewDate" name="reviewDate" type="text" inputmode="numeric" maxlength={40} value={form.reviewDate} {...aria('reviewDate', at('reviewDate'), true)} />
      </Field>
      <ChoiceGroup id="findings" legend="Findings it rests on" hint="Tick the evidence: at least one finding or lesson. The programme’s current findings, strongest first." problem={at('findings')}>
        {findings.length === 0 ? (
          <p>The programme has no findings yet.</p>
        ) : (
          <div class="nhsuk-checkboxes">
            {findings.map((f, i) => (
              <Checkbox id={i === 0 ? 'findings' : `finding-${f.id}`} name="findings" value={String(f.id)} checked={form.findings.includes(f.id)} hint={<ConvergenceTag value={f.proposal.overall} />}>
                {f.statement}
                {f.current ? '' : ' (no longer proposed by the latest data)'}
              </Checkbox>
            ))}
          </div>
        )}
      </ChoiceGroup>
      <ChoiceGroup id="lessons" legend="Lessons from earlier decisions it draws on (optional)" hint={LESSONS_HELP} problem={at('lessons')}>
        <LessonsList organisation={organisation} lessons={lessons} choose={{ checked: form.lessons }} />
        {form.lessons.filter((id) => !lessonIds.has(id)).length > 0 ? (
          <div class="nhsuk-checkboxes">
            {form.lessons
              .filter((id) => !lessonIds.has(id))
              .map((id) => (
                <Checkbox id={`lesson-${id}`} name="lessons" value={String(id)} checked={true}>
                  {lessonTitles[id] ?? `Decision ${id}`}
                </Checkbox>
              ))}
          </div>
        ) : null}
      </ChoiceGroup>
    </>
  )
}
