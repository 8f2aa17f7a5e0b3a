/**
 * Choosing a briefing: which one (the board's, the community's, a meeting's pack or a finding's),
 * for whom (inside the organisation with exact numbers, or to share outside with small numbers
 * hidden), and as what (a web page to read or print, a PDF or a Word file).
 */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { MeetingSummary } from '../../../app/decide/meetings.ts'
import type { FindingView } from '../../../app/triangulate/findings.ts'
import { ChoiceGroup, problemAt, Problems, Radio } from '../decide/form-problems.tsx'
import type { FormProblem } from '../form-field.tsx'
import { formatDate } from '../format.ts'
import { Layout } from '../layout.tsx'

export interface BriefingChoice {
  readonly kind: string
  readonly audience: string
  readonly format: string
}

interface BriefingsPageProps {
  readonly scope: ProgrammeScope
  readonly meetings: readonly MeetingSummary[]
  /** A finding whose briefing is offered (arriving from the finding's page). */
  readonly finding: FindingView | undefined
  readonly choice: BriefingChoice
  readonly problems: readonly FormProblem[]
}

export function BriefingsPage({ scope, meetings, finding, choice, problems }: BriefingsPageProps) {
  const { organisation, programme } = scope
  const base = `/organisations/${organisation.code}/programmes/${programme.code}`
  return (
    <Layout title={`${problems.length > 0 ? 'Error: ' : ''}Briefings – ${programme.name}`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: programme.name, href: base }]}>
      <Problems problems={problems} />
      <span class="nhsuk-caption-l">{programme.name}</span>
      <h1>Briefings</h1>
      <p>A briefing gathers the latest evidence into one document: the numbers with their charts, what people said, what was decided and whether the changes are working. It is made from the data as it is now, every time you open it.</p>
      <form method="get" action={`${base}/briefings`} novalidate>
        {finding ? <input type="hidden" name="finding" value={String(finding.id)} /> : null}
        <ChoiceGroup id="kind" legend="Which briefing?" problem={problemAt(problems, 'kind')}>
          <div class="nhsuk-radios">
            {finding ? (
              <Radio id="kind" name="kind" value={`finding-${finding.id}`} checked={choice.kind === `finding-${finding.id}`} hint="One finding: what it says, its chart, what people said and the decisions resting on it.">
                {`Finding: ${finding.statement}`}
              </Radio>
            ) : null}
            <Radio id={finding ? 'kind-board' : 'kind'} name="kind" value="board" checked={choice.kind === 'board'} hint="For the programme board: every measure at a glance, the top findings with charts and quotes, decisions, actions with verdicts, and what is next.">
              Board briefing
            </Radio>
            <Radio id="kind-community" name="kind" value="community" checked={choice.kind === 'community'} hint="For the people who took part: what they told us and what we changed, in plain words and larger type.">
              Community briefing: you said, we did
            </Radio>
            {meetings.map((m) => (
              <Radio id={`kind-meeting-${m.id}`} name="kind" value={`meeting-${m.id}`} checked={choice.kind === `meeting-${m.id}`} hint={`${m.group.name}, ${formatDate(m.heldOn)}: the findings on its agenda and the decisions taken.`}>
                {`Meeting pack: ${m.title}`}
              </Radio>
            ))}
          </div>
        </ChoiceGroup>
        <ChoiceGroup id="audience" legend="Who is it for?" problem={problemAt(problems, 'audience')}>
          <div class="nhsuk-radios">
            <Radio id="audience" name="audience" value="internal" checked={choice.audience === 'internal'} hint="Exact numbers. Only for people in your organisation.">
              People in our organisation
            </Radio>
            <Radio id="audience-external" name="audience" value="external" checked={choice.audience === 'external'} hint="Small numbers are hidden and other numbers rounded, using your organisation's disclosure policy, so it is safe to share outside.">
              People outside our organisation
            </Radio>
          </div>
        </ChoiceGroup>
        <ChoiceGroup id="format" legend="As what?" problem={problemAt(problems, 'format')}>
          <div class="nhsuk-radios">
            <Radio id="format" name="format" value="html" checked={choice.format === 'html'} hint="Opens in your browser, ready to read or print.">
              Web page
            </Radio>
            <Radio id="format-pdf" name="format" value="pdf" checked={choice.format === 'pdf'} hint="A file to attach to an email or board papers.">
              PDF
            </Radio>
            <Radio id="format-docx" name="format" value="docx" checked={choice.format === 'docx'} hint="A file you can edit before sending.">
              Word
            </Radio>
          </div>
        </ChoiceGroup>
        <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
          Make the briefing
        </button>
      </form>
      <p>
        Downloads are recorded in the audit trail. To send a briefing every month, <a href={`${base}/briefings/schedules`}>schedule it</a>.
      </p>
    </Layout>
  )
}
