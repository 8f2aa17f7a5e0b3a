/** The ready-made codebook frames a team can start from, by key. */
import type { CodebookFrame } from '../insight/model.ts'
import { CFIR_2 } from './cfir.ts'
import { PATIENT_EXPERIENCE } from './patient-experience.ts'

/** Every ready-made frame: CFIR 2.0 (`'cfir-2'`) and patient experience (`'patient-experience'`). */
export const FRAMES: readonly CodebookFrame[] = [CFIR_2, PATIENT_EXPERIENCE]

/** The frame with this key, or undefined when there is none. */
export function findFrame(key: string): CodebookFrame | undefined {
  return FRAMES.find((frame) => frame.key === key)
}
