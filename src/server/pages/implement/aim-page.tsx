/**
 * The aim and driver diagram page: what the programme is trying to accomplish (on which measure,
 * from what value to what value, by when), the diagram as a picture with its text alternative and a
 * table, and the drivers as a list that leads edit (add, rename, reorder, remove, link measures).
 */
import { raw } from 'hono/html'
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import { KIND_LABELS, type DriverDiagram, type DriverView } from '../../../app/implement/drivers.ts'
import { describeDriverDiagram, driverDiagramRows, driverDiagramSvg, type DriverDiagramInput } from '../../../charts/index.ts'
import type { FormProblem } from '../form-field.tsx'
import { formatDate, formatValue } from '../format.ts'
import { CsrfField, Layout } from '../layout.tsx'
import { Done, InputField, Problem, Row, SubmitButton, TextareaField, type FormValues } from './form-parts.tsx'
import { aimPath, crumbs, driverPath, ImplementNav, programmePath } from './implement-paths.tsx'

interface AimPageProps {
  readonly scope: ProgrammeScope
  readonly diagram: DriverDiagram
  readonly canEdit: boolean
  readonly done?: string | undefined
  /** A refused "add a primary driver" form, with what was typed. */
  readonly problem?: FormProblem | undefined
  readonly values?: FormValues
}

export function AimPage({ scope, diagram, canEdit, done, problem, values = {} }: AimPageProps) {
  const input: DriverDiagramInput = { aim: diagram.aim.statement, items: diagram.drivers.map((d) => ({ id: d.id, parentId: d.parentId, kind: d.kind, title: d.title, measures: d.measures.map((m) => m.name) })) }
  return (
    <Layout title={`${problem ? 'Error: ' : ''}Aim and driver diagram – ${scope.programme.name}`} breadcrumbs={crumbs(scope)}>
      <Problem problem={problem} />
      <Done text={done} />
      <span class="nhsuk-caption-l">{scope.programme.name}</span>
      <h1>Aim and driver diagram</h1>
      <ImplementNav scope={scope} current="aim" />
      <p>
        The aim says what the programme is trying to achieve, by how much and by when. The driver diagram shows what has to be true to get there (primary drivers, and the secondary
        drivers under them) and the changes being tried (change ideas). Each can be linked to the measures that show whether it is happening.
      </p>
      <AimSummary scope={scope} diagram={diagram} canEdit={canEdit} />
      <h2 id="diagram">Driver diagram</h2>
      <figure class="lhs-figure lhs-scroll">{raw(driverDiagramSvg(input, { id: 'driver-diagram', title: `Driver diagram of ${scope.programme.name}` }))}</figure>
      <p class="nhsuk-body-s lhs-muted">In words: {describeDriverDiagram(input)}</p>
      <DiagramTable input={input} />
      <h2 id="drivers">Drivers and change ideas</h2>
      {diagram.drivers.length === 0 ? <p>No drivers yet.{canEdit ? ' Add the first primary driver below.' : ''}</p> : <DriverList scope={scope} drivers={diagram.drivers} parentId={null} canEdit={canEdit} />}
      {canEdit ? <AddPrimary scope={scope} problem={problem} values={values} /> : null}
    </Layout>
  )
}

function AimSummary({ scope, diagram, canEdit }: Omit<AimPageProps, 'done'>) {
  const { aim } = diagram
  const value = (v: number | null) => (aim.measure && v !== null ? formatValue(v, aim.measure.kind, aim.measure.unit) : 'Not set')
  return (
    <>
      <h2 id="aim">Aim</h2>
      <dl class="nhsuk-summary-list">
        <Row term="What we are trying to achieve">{aim.statement === '' ? 'Not written yet' : aim.statement}</Row>
        <Row term="Measure">{aim.measure ? <a href={`${programmePath(scope)}/measures/${aim.measure.code}`}>{aim.measure.name}</a> : 'Not chosen'}</Row>
        <Row term="From">{value(aim.baseline)}</Row>
        <Row term="To">{value(aim.target)}</Row>
        <Row term="By">{aim.by ? formatDate(aim.by) : 'Not set'}</Row>
      </dl>
      {canEdit ? (
        <p>
          <a href={`${aimPath(scope)}/edit`}>Change the aim</a>
        </p>
      ) : null}
    </>
  )
}

function DiagramTable({ input }: { input: DriverDiagramInput }) {
  const rows = driverDiagramRows(input)
  if (rows.length === 0) return null
  return (
    <div class="lhs-table-scroll" tabindex={0} role="region" aria-labelledby="diagram-table-caption">
      <table class="nhsuk-table">
        <caption class="nhsuk-table__caption" id="diagram-table-caption">
          The driver diagram as a table: {rows.length} rows
        </caption>
        <thead class="nhsuk-table__head">
          <tr>
            <th scope="col">Primary driver</th>
            <th scope="col">Secondary driver</th>
            <th scope="col">Change idea</th>
            <th scope="col">Measures</th>
          </tr>
        </thead>
        <tbody class="nhsuk-table__body">
          {rows.map((r) => (
            <tr>
              <td>{r.primary}</td>
              <td>{r.secondary ?? ''}</td>
              <td>{r.changeIdea ?? ''}</td>
              <td>{r.measures.join('; ')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

function DriverList({ scope, drivers, parentId, canEdit }: { scope: ProgrammeScope; drivers: readonly DriverView[]; parentId: number | null; canEdit: boolean }) {
  const level = drivers.filter((d) => d.parentId === parentId)
  return (
    <ul class={parentId === null ? 'nhsuk-list' : ''}>
      {level.map((d, i) => (
        <li id={`driver-${d.id}`}>
          <strong>{KIND_LABELS[d.kind]}:</strong> {d.title}
          {d.description ? <span class="lhs-muted"> – {d.description}</span> : null}
          {d.measures.length > 0 ? <span class="lhs-mix">Measures: {d.measures.map((m) => m.name).join('; ')}</span> : null}
          {canEdit ? <DriverControls scope={scope} driver={d} first={i === 0} last={i === level.length - 1} /> : null}
          {drivers.some((c) => c.parentId === d.id) ? <DriverList scope={scope} drivers={drivers} parentId={d.id} canEdit={canEdit} /> : null}
        </li>
      ))}
    </ul>
  )
}

function DriverControls({ scope, driver, first, last }: { scope: ProgrammeScope; driver: DriverView; first: boolean; last: boolean }) {
  const path = driverPath(scope, driver.id)
  return (
    <div class="nhsuk-body-s">
      <a href={path}>
        Change<span class="nhsuk-u-visually-hidden"> {driver.title}</span>
      </a>
      {(['up', 'down'] as const)
        .filter((way) => (way === 'up' ? !first : !last))
        .map((way) => (
          <form method="post" action={`${path}/move`} class="lhs-remove">
            <CsrfField />
            <input type="hidden" name="move" value={way} />
            <button type="submit" class="lhs-link-button">
              Move {way}
              <span class="nhsuk-u-visually-hidden"> {driver.title}</span>
            </button>
          </form>
        ))}
      <a href={`${path}/remove`} class="lhs-remove">
        Remove<span class="nhsuk-u-visually-hidden"> {driver.title}</span>
      </a>
    </div>
  )
}

function AddPrimary({ scope, problem, values }: { scope: ProgrammeScope; problem: FormProblem | undefined; values: FormValues }) {
  return (
    <>
      <h2 id="add-primary">Add a primary driver</h2>
      <p>A primary driver is something that has to be true for the aim to be met, such as “people with high blood pressure are found”. Add secondary drivers and change ideas under it from its Change link.</p>
      <form method="post" action={`${programmePath(scope)}/drivers`} novalidate>
        <CsrfField />
        <input type="hidden" name="kind" value="primary" />
        <InputField id="title" label="Title" hint="Up to 200 characters." problem={problem} value={values.title} />
        <TextareaField id="description" label="Description (optional)" problem={problem} value={values.description} rows={2} max={2000} />
        <SubmitButton text="Add primary driver" />
      </form>
    </>
  )
}
