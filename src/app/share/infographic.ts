/**
 * What the infographic of a programme or of a finding says, assembled from the live evidence: the
 * aim (or the finding), the headline measure's latest value and icons, the most deprived fifth
 * (deprivation quintile 1) at its first and latest period, one quote, and the actions in progress
 * with their verdicts. The infographic is made to leave the organisation, so every number goes
 * through the organisation's disclosure policy and quotes only come from large enough groups.
 */
import { formatPeriod, toUtcDate, formatDay } from '../../charts/format-date.ts'
import type { InfographicInput } from '../../charts/infographic.ts'
import { mayQuote, type DisclosurePolicy } from '../../core/disclosure/index.ts'
import type { Actor } from '../auth/audit.ts'
import { getSeries, type Series } from '../analyse/get-series.ts'
import { getProgrammeScope, listProgrammeMeasures, type ProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { getAim } from '../implement/aim.ts'
import { loopBoard } from '../review/loop-board.ts'
import { findingQuotes } from '../triangulate/finding-quotes.ts'
import { getFinding, listProgrammeFindings, type FindingView } from '../triangulate/findings.ts'
import { getDisclosurePolicy } from './disclosure-setting.ts'
import { QUALITATIVE_SOURCES } from './briefing-findings.ts'
import { changeText, publishValues } from './infographic-figures.ts'

/** The community group shown: the most deprived fifth of areas (deprivation quintile 1). */
export const INFOGRAPHIC_DIMENSION = 'imd_quintile'
export const INFOGRAPHIC_GROUP = '1'

/** Who asks: quotes are audited reads, included only for readers allowed to read what people said. */
export interface InfographicReader {
  readonly actor: Actor
  readonly canReadText: boolean
}

/** Action statuses shown under "What we are doing". */
const DOING = new Set(['in_progress', 'adapted'])

/** The sources a quote is taken from, in order of preference (people's own voice first). */
const QUOTE_ORDER = ['patients', 'community', 'staff'] as const

/** The infographic of a programme: its aim and headline measure, a quote from its strongest finding that may be quoted. */
export async function programmeInfographic(deps: AppDeps, reader: InfographicReader, organisationCode: string, programmeCode: string): Promise<InfographicInput> {
  const scope = await getProgrammeScope(deps, organisationCode, programmeCode)
  const [aim, policy] = await Promise.all([getAim(deps, scope), getDisclosurePolicy(deps, scope.organisation.id)])
  return {
    ...(await common(deps, scope, policy, aim.measure?.code)),
    lead: { heading: 'Our aim', text: aim.statement },
    quote: await strongestQuote(deps, reader, scope, policy),
  }
}

/** The infographic of one finding: what it says, its measure (else the programme's first) and one of its quotes. */
export async function findingInfographic(deps: AppDeps, reader: InfographicReader, organisationCode: string, programmeCode: string, findingId: number): Promise<InfographicInput> {
  const scope = await getProgrammeScope(deps, organisationCode, programmeCode)
  const [finding, policy] = await Promise.all([getFinding(deps, scope, findingId), getDisclosurePolicy(deps, scope.organisation.id)])
  return {
    ...(await common(deps, scope, policy, finding.proposal.focus.measure ?? undefined)),
    title: `What we found: ${scope.programme.name}`,
    lead: { heading: 'What we found', text: finding.statement },
    quote: await quoteOf(deps, reader, scope, policy, finding),
  }
}

/** Everything but the lead and the quote: the headline measure is `measureCode`, else the programme's first measure. */
async function common(deps: AppDeps, scope: ProgrammeScope, policy: DisclosurePolicy, measureCode: string | undefined): Promise<Omit<InfographicInput, 'lead' | 'quote'>> {
  const code = measureCode ?? (await listProgrammeMeasures(deps, scope))[0]?.code
  const query = { organisation: scope.organisation.code, programme: scope.programme.code }
  const [overall, group, board] = await Promise.all([
    code === undefined ? undefined : getSeries(deps, { ...query, measure: code }),
    code === undefined ? undefined : getSeries(deps, { ...query, measure: code, dimension: INFOGRAPHIC_DIMENSION, group: INFOGRAPHIC_GROUP }),
    loopBoard(deps, scope),
  ])
  const latest = overall?.rows.at(-1)?.period
  return {
    title: scope.programme.name,
    subtitle: `${scope.organisation.name} · ${latest ? `data to the period beginning ${formatDay(toUtcDate(latest))}` : 'no data yet'}`,
    headline: overall ? headlineOf(policy, overall) : null,
    group: group ? groupOf(policy, group) : null,
    actions: board.actions.filter((a) => DOING.has(a.status)).map((a) => ({ title: a.title, verdict: a.verdictLabel ?? 'Not reviewed yet' })),
    statement: policy.statement,
  }
}

/** The latest value as published, with the series' latest variation and assurance (as the programme overview shows them). */
function headlineOf(policy: DisclosurePolicy, series: Series): InfographicInput['headline'] {
  const last = series.rows.at(-1)
  const published = last ? publishValues(policy, series.measure, [last])[0] : undefined
  return {
    measure: series.measure.name,
    value: published?.text ?? 'No data yet',
    period: last ? formatPeriod(last.period, series.measure.period) : 'no data yet',
    variation: series.spc.variation,
    direction: series.measure.direction,
    assurance: series.spc.assurance,
  }
}

/** Quintile 1 at its first and latest period; null without that breakdown or with one period only. */
function groupOf(policy: DisclosurePolicy, series: Series): InfographicInput['group'] {
  const first = series.rows[0]
  const last = series.rows.at(-1)
  if (!first || !last || first === last) return null
  const [before, after] = publishValues(policy, series.measure, [first, last])
  if (!before || !after) return null
  const change = changeText(series.measure, before.value, after.value)
  // "3 Mar 2025" rather than "week of 3 Mar 2025": the big numbers leave little room under them.
  const period = (iso: string) => (series.measure.period === 'week' ? formatDay(toUtcDate(iso)) : formatPeriod(iso, series.measure.period))
  return {
    label: 'People in the most deprived fifth of areas',
    before: { value: before.text, period: period(first.period) },
    after: { value: after.text, period: period(last.period) },
    change: change.text,
    tone: change.tone,
  }
}

/**
 * A quote from the strongest finding (current, not rejected, strongest evidence first, as briefings
 * choose) that has a source with enough comments to quote under the policy.
 */
async function strongestQuote(deps: AppDeps, reader: InfographicReader, scope: ProgrammeScope, policy: DisclosurePolicy): Promise<InfographicInput['quote']> {
  if (!reader.canReadText) return null
  const findings = (await listProgrammeFindings(deps, scope)).filter((f) => f.current && f.status !== 'rejected').sort((a, b) => b.proposal.score - a.proposal.score || a.id - b.id)
  const quotable = findings.find((f) => QUOTE_ORDER.some((source) => mayQuote(policy, f.proposal.excerpts[source].ids.length)))
  return quotable ? quoteOf(deps, reader, scope, policy, quotable) : null
}

/** The most recent quote from the first source with enough comments to quote under the policy. */
async function quoteOf(deps: AppDeps, reader: InfographicReader, scope: ProgrammeScope, policy: DisclosurePolicy, finding: FindingView): Promise<InfographicInput['quote']> {
  if (!reader.canReadText) return null
  const allowed = QUOTE_ORDER.filter((source) => mayQuote(policy, finding.proposal.excerpts[source].ids.length))
  if (allowed.length === 0) return null
  const quotes = await findingQuotes(deps, reader.actor, scope, finding)
  for (const source of allowed) {
    const row = quotes.get(source)?.[0]
    const speaker = QUALITATIVE_SOURCES.find((s) => s.source === source)?.speaker ?? 'Someone'
    if (row) return { text: row.text, source: `${speaker}, ${formatDay(toUtcDate(row.date.slice(0, 10)))}` }
  }
  return null
}
