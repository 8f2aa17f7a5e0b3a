/** A published lesson field by field, as other members read it: the same component shows the preview, so what the lead checks is what leaves. */
import { VERDICT_LABELS, type PublishedEffect, type PublishedLesson } from '../../../core/community/index.ts'

/** A published count as printed: '*' stays, numbers get thousands separators. */
const count = (text: string) => (/^\d+$/.test(text) ? Number(text).toLocaleString('en-GB') : text)
const percent = (rate: number | null) => (rate === null ? '*' : `${(rate * 100).toFixed(1)}%`)
const points = (change: number | null) => (change === null ? '*' : `${change >= 0 ? '+' : '−'}${Math.abs(change * 100).toFixed(1)} points`)

function Row({ label, children }: { label: string; children: unknown }) {
  return (
    <div class="nhsuk-summary-list__row">
      <dt class="nhsuk-summary-list__key">{label}</dt>
      <dd class="nhsuk-summary-list__value">{children as never}</dd>
    </div>
  )
}

const orNone = (text: string) => (text.trim() === '' ? <span class="nhsuk-hint nhsuk-u-margin-bottom-0">Not given</span> : text)
const listOrNone = (items: readonly string[]) => (items.length === 0 ? orNone('') : items.join('; '))

export function LessonFieldsView({ lesson, headingLevel = 2 }: { lesson: PublishedLesson; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3'
  return (
    <>
      <dl class="nhsuk-summary-list">
        <Row label="Network">{lesson.network.name}</Row>
        <Row label="Shared by">{lesson.organisation}</Row>
        <Row label="Title">{lesson.title}</Row>
        <Row label="Summary">{orNone(lesson.summary)}</Row>
        <Row label="Setting">{orNone(lesson.context.setting)}</Row>
        <Row label="Population">{orNone(lesson.context.population)}</Row>
        <Row label="CFIR factors">{listOrNone(lesson.context.cfirFactors)}</Row>
        <Row label="The change">{orNone(lesson.change)}</Row>
        <Row label="Measure">{lesson.measure ? `${lesson.measure.name} (${lesson.measure.code})` : orNone('')}</Row>
        <Row label="Themes">{listOrNone(lesson.themes)}</Row>
        <Row label="Verdict">{VERDICT_LABELS[lesson.verdict]}</Row>
        <Row label="What helped">{orNone(lesson.helped)}</Row>
        <Row label="What got in the way">{orNone(lesson.hindered)}</Row>
        <Row label="Contact">{lesson.contact ? `${lesson.contact.name || 'No name given'}${lesson.contact.email ? `, ${lesson.contact.email}` : ''}` : orNone('')}</Row>
      </dl>
      <H id="effect-heading">Measured effect by community group</H>
      {lesson.effect ? <EffectTable effect={lesson.effect} /> : <p>No measured effect is shared with this lesson.</p>}
    </>
  )
}

export function EffectTable({ effect }: { effect: PublishedEffect }) {
  return (
    <>
      <table class="nhsuk-table">
        <caption class="nhsuk-table__caption">
          {effect.measure.name} at {effect.where}: before the change ({effect.before.from} to {effect.before.to}) and after it ({effect.after.from} to {effect.after.to})
        </caption>
        <thead class="nhsuk-table__head">
          <tr>
            <th scope="col">Group</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          {effect.rows.map((row) => (
            <tr>
              <th scope="row">{row.label}</th>
              <td>
                {percent(row.before.rate)} ({count(row.before.numerator)} of {count(row.before.denominator)})
              </td>
              <td>
                {percent(row.after.rate)} ({count(row.after.numerator)} of {count(row.after.denominator)})
              </td>
              <td>{points(row.change)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p class="nhsuk-body-s">
        <strong>Disclosure control:</strong> {effect.policy}
      </p>
    </>
  )
}
