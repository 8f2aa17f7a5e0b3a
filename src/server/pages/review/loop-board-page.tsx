/** The loop board: every action of a programme with its prediction, verdict, next review and owner; overdue reviews first. */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { BoardAction, BoardPrediction, LoopBoard } from '../../../app/review/loop-board.ts'
import { formatDate } from '../format.ts'
import { CsrfField, Layout } from '../layout.tsx'
import { WarningCallout } from '../warning-callout.tsx'
import { predictionWords, VerdictTag } from './verdict-tag.tsx'

interface LoopBoardPageProps {
  readonly scope: ProgrammeScope
  readonly board: LoopBoard
  readonly canRun: boolean
  readonly done?: string | undefined
}

export function LoopBoardPage({ scope, board, canRun, done }: LoopBoardPageProps) {
  const { organisation, programme } = scope
  const base = `/organisations/${organisation.code}/programmes/${programme.code}`
  const overdue = board.actions.filter((a) => a.overdue)
  const { counts } = board
  return (
    <Layout title={`Loop board – ${programme.name}`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: programme.name, href: base }]}>
      <span class="nhsuk-caption-l">{programme.name}</span>
      <h1>Loop board</h1>
      {done ? (
        <div class="nhsuk-inset-text" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      <p>
        Every change this programme is making, what it should move, and what the data say so far. The review engine compares each measure after the change date with the
        variation it showed before, whenever new data arrive and every morning, and gives a verdict: working, not yet clear, not working, or harming a balancing measure.
        A group reads it and decides to adopt, adapt or abandon the change. <a href={`${base}/actions`}>All actions</a> · <a href={`${base}/decisions`}>Decision log</a>
      </p>
      <ul class="lhs-counts" aria-label="Verdicts">
        <li>{counts.working} working</li>
        <li>{counts.not_yet_clear} not yet clear</li>
        <li>{counts.not_working} not working</li>
        <li>{counts.harm} harming a balancing measure</li>
        {counts.unreviewed > 0 ? <li>{counts.unreviewed} not reviewed yet</li> : null}
        <li>
          <strong>{counts.overdue} overdue for review</strong>
        </li>
      </ul>
      {overdue.length > 0 ? (
        <WarningCallout label={overdue.length === 1 ? 'One review is overdue' : `${overdue.length} reviews are overdue`}>
          <ul>
            {overdue.map((a) => (
              <li>
                <a href={`${base}/actions/${a.id}`}>{a.title}</a>: due {formatDate(a.reviewDate ?? '')}
                {a.owner ? `, owner ${a.owner}` : ''}
              </li>
            ))}
          </ul>
        </WarningCallout>
      ) : null}
      {canRun ? (
        <form method="post" action={`${base}/loop/review`}>
          <CsrfField />
          <button class="nhsuk-button nhsuk-button--secondary" type="submit">
            Review every action now
          </button>
        </form>
      ) : null}
      {board.actions.length === 0 ? (
        <p>
          No actions yet. Actions come from decisions: <a href={`${base}/decisions`}>record a decision</a>, then add the changes it leads to, each with its prediction.
        </p>
      ) : (
        <div class="lhs-scroll" tabindex={0} role="region" aria-label="Actions and their verdicts">
          <table class="nhsuk-table">
            <caption class="nhsuk-table__caption">
              {board.actions.length} actions, by change date (reviewed {board.today === '' ? '' : `as of ${formatDate(board.today)}`})
            </caption>
            <thead class="nhsuk-table__head">
              <tr>
                <th scope="col">Action</th>
                <th scope="col">Prediction</th>
                <th scope="col">Verdict</th>
                <th scope="col">Next review</th>
                <th scope="col">Owner</th>
              </tr>
            </thead>
            <tbody class="nhsuk-table__body">
              {board.actions.map((a) => (
                <ActionRow base={base} action={a} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  )
}

function ActionRow({ base, action }: { base: string; action: BoardAction }) {
  return (
    <tr class={action.overdue ? 'lhs-row--overdue' : undefined}>
      <td>
        <a href={`${base}/actions/${action.id}`}>{action.title}</a>
        <br />
        <span class="nhsuk-body-s">
          Changed {formatDate(action.startDate)}
          {action.sites.length > 0 ? ` at ${action.sites.join(', ')}` : ''} · {STATUS[action.status]}
          {action.cycles > 0 ? ` · ${action.cycles} PDSA ${action.cycles === 1 ? 'cycle' : 'cycles'}` : ''}
          {action.rebaseSuggestions > 0 ? ' · a rebase is suggested' : ''}
        </span>
      </td>
      <td>
        {action.predictions.length === 0 ? (
          'No prediction yet'
        ) : (
          <ul class="nhsuk-list nhsuk-body-s">
            {action.predictions.map((p) => (
              <li>{predictionText(p)}</li>
            ))}
          </ul>
        )}
      </td>
      <td>
        <VerdictTag verdict={action.verdict} />
        {action.dataThrough ? <span class="nhsuk-body-s lhs-block">data to {formatDate(action.dataThrough)}</span> : null}
      </td>
      <td>
        {action.reviewDate ? formatDate(action.reviewDate) : 'Not set'}
        {action.overdue ? (
          <strong class="nhsuk-tag nhsuk-tag--red lhs-block">Overdue</strong>
        ) : null}
      </td>
      <td>{action.owner ?? 'No owner'}</td>
    </tr>
  )
}

export const STATUS = { planned: 'planned', in_progress: 'in progress', adopted: 'adopted', adapted: 'adapted', abandoned: 'abandoned' } as const

export function predictionText(p: BoardPrediction): string {
  const where = p.wholeOrganisation ? 'across the organisation' : `at ${p.siteName}`
  const who = p.groupLabel ? `, ${p.groupLabel}` : ''
  const size = p.expectedSize !== null && p.role === 'primary' ? ` by about ${sizeText(p)}` : ''
  const by = p.by && p.role === 'primary' ? ` by ${formatDate(p.by)}` : ''
  return `${p.measureName} ${where}${who} ${predictionWords(p)}${size}${by}`
}

/** An expected size in words: proportions in percentage points, others in the measure's unit. */
export function sizeText(p: Pick<BoardPrediction, 'expectedSize' | 'measureKind' | 'unit'>): string {
  const size = p.expectedSize ?? 0
  if (p.measureKind === 'proportion') return `${Number((size * 100).toFixed(2))} percentage points`
  return `${Number(size.toPrecision(4))}${p.unit ? ` ${p.unit}` : ''}`
}
