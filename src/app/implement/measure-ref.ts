/** How the loop's records name a measure or a site: codes and names people read, never bare ids. */
import type { Direction, MeasureKind, MeasureType } from '../../core/model.ts'
import type { MeasureRow, ProgrammeScope, SiteRow } from '../catalogue.ts'

export interface MeasureRef {
  readonly code: string
  readonly name: string
  readonly type: MeasureType
  readonly kind: MeasureKind
  readonly direction: Direction
  readonly unit: string | null
}

export interface SiteRef {
  readonly code: string
  readonly name: string
  /** The organisation's root site: the whole organisation. */
  readonly wholeOrganisation: boolean
}

export function measureRef(m: MeasureRow): MeasureRef {
  return { code: m.code, name: m.name, type: m.type, kind: m.kind, direction: m.direction, unit: m.unit }
}

export function siteRef(s: SiteRow): SiteRef {
  return { code: s.code, name: s.name, wholeOrganisation: s.kind === 'system' }
}

/** The audit target of something in the programme: `organisation:riverside/programme:htn/action:4`. */
export function loopTarget(scope: ProgrammeScope, path: string): string {
  return `organisation:${scope.organisation.code}/programme:${scope.programme.code}${path === '' ? '' : `/${path}`}`
}
