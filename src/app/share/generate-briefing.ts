/**
 * One entry point for every briefing: which programme, which kind (board, community, a meeting's
 * pack, a finding), and for whom (internal: exact numbers; external: through the organisation's
 * disclosure policy). The server's pages and downloads, the scheduler and the bench all call this.
 */
import { AppError } from '../../core/errors.ts'
import type { Audience, Briefing, BriefingKind } from '../../reports/model.ts'
import type { Actor } from '../auth/audit.ts'
import { getProgrammeScope } from '../catalogue.ts'
import type { AppDeps } from '../deps.ts'
import { boardBriefing } from './briefing-board.ts'
import { communityBriefing } from './briefing-community.ts'
import { internalPublisher, type BriefingContext, type Publisher } from './briefing-context.ts'
import { findingBriefing } from './briefing-finding.ts'
import { meetingBriefing } from './briefing-meeting.ts'
import { externalPublisher } from './briefing-publisher.ts'
import { getDisclosurePolicy } from './disclosure-setting.ts'

export interface BriefingScope {
  readonly organisation: string
  readonly programme: string
  /** The meeting (kind `meeting`) or finding (kind `finding`) the briefing is about. */
  readonly id?: number | undefined
}

export interface BriefingReader {
  readonly actor: Actor
  /** May read what people said (`read_text`): quotes are included and the read is audited. */
  readonly canReadText: boolean
}

export const AUDIENCES: readonly Audience[] = ['internal', 'external']

/** `?audience=` as an Audience: absent is internal; anything else is an `invalid_request` naming the value. */
export function parseAudience(value: string | undefined): Audience {
  if (value === undefined || value === '') return 'internal'
  if ((AUDIENCES as readonly string[]).includes(value)) return value as Audience
  throw new AppError('invalid_request', `"${value.slice(0, 40)}" is not an audience (expected internal or external).`)
}

export async function generateBriefing(deps: AppDeps, reader: BriefingReader, scope: BriefingScope, kind: BriefingKind, audience: Audience): Promise<Briefing> {
  const programmeScope = await getProgrammeScope(deps, scope.organisation, scope.programme)
  const publisher: Publisher = audience === 'external' ? externalPublisher(await getDisclosurePolicy(deps, programmeScope.organisation.id)) : internalPublisher()
  const ctx: BriefingContext = { deps, actor: reader.actor, scope: programmeScope, publisher, canReadText: reader.canReadText, today: deps.clock().toISOString().slice(0, 10) }
  switch (kind) {
    case 'board':
      return boardBriefing(ctx)
    case 'community':
      return communityBriefing(ctx)
    case 'meeting':
      return meetingBriefing(ctx, requireId(scope, 'meeting'))
    case 'finding':
      return findingBriefing(ctx, requireId(scope, 'finding'))
  }
}

function requireId(scope: BriefingScope, what: string): number {
  if (scope.id === undefined) throw new AppError('invalid_request', `A ${what} briefing needs the ${what}'s number.`)
  return scope.id
}
