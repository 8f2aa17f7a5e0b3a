/** Which qualitative source an insight counts for, from who gave it. @see docs/methods/triangulation.md */
import type { SourceType } from '../insight/model.ts'
import type { QualitativeSource } from './types.ts'

const SOURCE_OF: Readonly<Record<SourceType, QualitativeSource>> = {
  patient: 'patients',
  carer: 'patients',
  community: 'community',
  staff: 'staff',
  // Interviews in LHS (and the demo) are with staff and leaders.
  interview: 'staff',
}

/** Patients and carers → patients; community → community; staff and interviews → staff. */
export function qualitativeSourceOf(type: SourceType): QualitativeSource {
  return SOURCE_OF[type]
}
