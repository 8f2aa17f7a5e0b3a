/**
 * `lhs review --programme CODE [--organisation CODE] [--json] [--no-run]`: review a programme's
 * actions now (unless --no-run) and print every action's verdict: a table, or with --json each
 * action's verdict, reasons and per-prediction evidence (contract/review.ts ReviewReportSchema).
 */
import { parseArgs } from 'node:util'
import { CLI_ACTOR } from '../../app/auth/audit.ts'
import { getProgrammeScope, listOrganisations } from '../../app/catalogue.ts'
import { loopBoard, type BoardAction, type LoopBoard } from '../../app/review/loop-board.ts'
import { reviewNow } from '../../app/review/review-now.ts'
import { storedReviews } from '../../app/review/stored-review.ts'
import { ReviewReportSchema, reviewOutput, type ReviewReport } from '../../contract/review.ts'
import { VERDICT_LABELS } from '../../core/loop/index.ts'
import { readConfig } from '../config.ts'
import { EXIT_OK, UsageError, type CliIo } from '../io.ts'
import { openApp } from '../open-app.ts'

export async function reviewCommand(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    options: { programme: { type: 'string' }, organisation: { type: 'string' }, json: { type: 'boolean', default: false }, 'no-run': { type: 'boolean', default: false } },
    strict: true,
    allowPositionals: true,
  })
  if (positionals.length > 0) throw new UsageError(`review: unexpected argument "${positionals[0]}".`)
  if (!values.programme) throw new UsageError('review: give the programme with --programme CODE.')
  const deps = await openApp(readConfig(io.env, io.cwd))
  try {
    const organisations = await listOrganisations(deps)
    const organisation = values.organisation ?? (organisations.length === 1 ? organisations[0]!.code : undefined)
    if (!organisation) throw new UsageError(`review: give the organisation with --organisation CODE (organisations: ${organisations.map((o) => o.code).join(', ') || 'none yet'}).`)
    const scope = await getProgrammeScope(deps, organisation, values.programme)
    const run = values['no-run'] ? undefined : await reviewNow(deps, CLI_ACTOR, scope)
    const board = await loopBoard(deps, scope)
    if (values.json) {
      const reviews = await storedReviews(deps, scope)
      const report: ReviewReport = {
        organisation: scope.organisation.code,
        programme: scope.programme.code,
        today: board.today,
        ran: run !== undefined,
        counts: { ...board.counts },
        actions: board.actions.map((a) => {
          const stored = reviews.get(a.id)
          return { id: a.id, title: a.title, status: a.status, owner: a.owner, startDate: a.startDate, reviewDate: a.reviewDate, overdue: a.overdue, review: stored ? reviewOutput(stored.evidence, stored) : null }
        }),
      }
      io.stdout(JSON.stringify(ReviewReportSchema.parse(report), null, 2) + '\n')
    } else {
      io.stdout(`${scope.programme.name}: ${headline(board)}${run === undefined ? ' (stored verdicts; not reviewed again)' : ` (reviewed now: ${run.filter((o) => o.changed).length} verdicts changed)`}\n`)
      io.stdout(formatBoard(board.actions))
    }
    return EXIT_OK
  } finally {
    await deps.store.close()
  }
}

/** "4 actions: 1 working, 1 not working, 1 not yet clear, 1 not reviewed; 1 review overdue". */
function headline(board: LoopBoard): string {
  const { counts } = board
  const parts = ([['working', 'working'], ['not_working', 'not working'], ['not_yet_clear', 'not yet clear'], ['harm', 'harming a balancing measure'], ['unreviewed', 'not reviewed']] as const)
    .filter(([key]) => counts[key] > 0)
    .map(([key, words]) => `${counts[key]} ${words}`)
  const overdue = counts.overdue === 0 ? '' : `; ${counts.overdue} review${counts.overdue === 1 ? '' : 's'} overdue`
  return `${board.actions.length} action${board.actions.length === 1 ? '' : 's'}${parts.length > 0 ? `: ${parts.join(', ')}` : ''}${overdue}`
}

/** A table: action, verdict, owner, next review, overdue, and the verdict's first reason. */
export function formatBoard(actions: readonly BoardAction[]): string {
  const rows = [
    ['Action', 'Verdict', 'Owner', 'Next review', 'Overdue', 'Why'],
    ...actions.map((a) => [
      printable(a.title),
      a.verdict === null ? 'not reviewed' : VERDICT_LABELS[a.verdict],
      printable(a.owner ?? '-'),
      a.reviewDate ?? '-',
      a.overdue ? 'yes' : 'no',
      printable(a.summary ?? (a.predictions.length === 0 ? 'No predictions to check.' : 'Not reviewed yet.')),
    ]),
  ]
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)))
  return rows.map((row) => row.map((cell, column) => (column === row.length - 1 ? cell : cell.padEnd(widths[column]!))).join('  ')).join('\n') + '\n'
}

/** Control characters in a title would garble the terminal: shown as spaces. */
function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ')
}
