/** Editing a draft lesson: every shareable field a lead may change (the measured effect comes from the review and is not typed). */
import type { LessonRow } from '../../../app/community/lesson-publish.ts'
import { LESSON_VERDICTS, VERDICT_LABELS } from '../../../core/community/index.ts'
import { ErrorSummary } from '../error-summary.tsx'
import { describedBy, Field, type FormProblem } from '../form-field.tsx'
import { CsrfField, Layout } from '../layout.tsx'

/** What the form shows: the draft, or what was sent when it was refused. */
export interface LessonFormValues {
  readonly version: number
  readonly title: string
  readonly summary: string
  readonly setting: string
  readonly population: string
  readonly cfirFactors: string
  readonly change: string
  readonly themes: string
  readonly verdict: string
  readonly helped: string
  readonly hindered: string
  readonly contactName: string
  readonly contactEmail: string
}

export function formValuesOf(lesson: LessonRow): LessonFormValues {
  return { ...lesson, cfirFactors: lesson.cfirFactors.join('\n'), themes: lesson.themes.join('\n') }
}

type TextKey = Exclude<keyof LessonFormValues, 'version' | 'verdict'>

const FIELDS: readonly { key: TextKey; label: string; hint?: string; rows?: number }[] = [
  { key: 'title', label: 'Title' },
  { key: 'summary', label: 'Summary', rows: 3 },
  { key: 'setting', label: 'Setting', hint: 'For example general practice, community pharmacy, whole system. Members filter by it.' },
  { key: 'population', label: 'Population', rows: 2 },
  { key: 'cfirFactors', label: 'CFIR factors', hint: 'One per line.', rows: 3 },
  { key: 'change', label: 'The change', rows: 4 },
  { key: 'themes', label: 'Themes', hint: 'One per line. Members filter by them.', rows: 3 },
  { key: 'helped', label: 'What helped', rows: 4 },
  { key: 'hindered', label: 'What got in the way', rows: 4 },
  { key: 'contactName', label: 'Contact name', hint: 'The only person named to other members. A team name is fine.' },
  { key: 'contactEmail', label: 'Contact email' },
]

export function LessonEditPage({ organisation, id, values, problem }: { organisation: { code: string; name: string }; id: number; values: LessonFormValues; problem?: FormProblem | undefined }) {
  const base = `/organisations/${organisation.code}/community/lessons/${id}`
  return (
    <Layout title={`Edit lesson ${id} – learning community`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: 'Learning community', href: `/organisations/${organisation.code}/community` }, { text: `Lesson ${id}`, href: base }]}>
      <span class="nhsuk-caption-l">Draft lesson {id}</span>
      <h1>Edit the lesson</h1>
      {problem ? <ErrorSummary items={[{ href: `#${problem.field}`, text: problem.message }]} /> : null}
      <p>Nothing here leaves {organisation.name} until you publish it from the preview.</p>
      <form method="post" action={`${base}/edit`} novalidate>
        <CsrfField />
        <input type="hidden" name="version" value={String(values.version)} />
        {FIELDS.map((f) => (
          <Field id={f.key} label={f.label} {...(f.hint ? { hint: f.hint } : {})} problem={problem}>
            {f.rows ? (
              <textarea class="nhsuk-textarea" id={f.key} name={f.key} rows={f.rows} {...describedBy(f.key, problem)}>{values[f.key]}</textarea>
            ) : (
              <input class="nhsuk-input" id={f.key} name={f.key} type={f.key === 'contactEmail' ? 'email' : 'text'} value={values[f.key]} {...describedBy(f.key, problem)} />
            )}
          </Field>
        ))}
        <Field id="verdict" label="Verdict" problem={problem}>
          <select class="nhsuk-select" id="verdict" name="verdict" {...describedBy('verdict', problem)}>
            {LESSON_VERDICTS.map((v) => <option value={v} selected={v === values.verdict}>{VERDICT_LABELS[v]}</option>)}
          </select>
        </Field>
        <button class="nhsuk-button" type="submit">Save and preview</button>
      </form>
    </Layout>
  )
}
