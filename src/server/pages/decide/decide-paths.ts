/** Where the decide pages live, for links from here and from other pages (actions, the loop board). */

interface ScopeCodes {
  readonly organisation: { readonly code: string }
  readonly programme: { readonly code: string }
}

const enc = encodeURIComponent

export function programmePath(scope: ScopeCodes): string {
  return `/organisations/${enc(scope.organisation.code)}/programmes/${enc(scope.programme.code)}`
}

export const groupsPath = (organisation: string): string => `/organisations/${enc(organisation)}/groups`
export const groupPath = (organisation: string, group: string): string => `${groupsPath(organisation)}/${enc(group)}`
export const meetingsPath = (scope: ScopeCodes): string => `${programmePath(scope)}/meetings`
export const meetingPath = (scope: ScopeCodes, meeting: number): string => `${meetingsPath(scope)}/${meeting}`
export const packPath = (scope: ScopeCodes, meeting: number): string => `${meetingPath(scope, meeting)}/pack`
export const decisionsPath = (scope: ScopeCodes): string => `${programmePath(scope)}/decisions`
export const decisionPath = (scope: ScopeCodes, decision: number): string => `${decisionsPath(scope)}/${decision}`
export const findingPath = (scope: ScopeCodes, finding: number): string => `${programmePath(scope)}/findings/${finding}`
/** The action's page (built by the implement pages). */
export const actionPath = (scope: ScopeCodes, action: number): string => `${programmePath(scope)}/actions/${action}`

/** The new-decision form, with the meeting it is taken at and the findings to tick. */
export function newDecisionPath(scope: ScopeCodes, options: { readonly meeting?: number; readonly findings?: readonly number[] } = {}): string {
  const query = new URLSearchParams()
  if (options.meeting !== undefined) query.set('meeting', String(options.meeting))
  for (const f of options.findings ?? []) query.append('finding', String(f))
  const text = query.toString()
  return `${decisionsPath(scope)}/new${text === '' ? '' : `?${text}`}`
}
