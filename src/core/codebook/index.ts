/** Codebooks: ready-made frames (CFIR 2.0, patient experience), the exchange model, and REFI-QDA `.qdc` files. */
export { CFIR_2 } from './cfir.ts'
export { PATIENT_EXPERIENCE } from './patient-experience.ts'
export { FRAMES, findFrame } from './frames.ts'
export {
  frameToCodebook,
  flattenThemes,
  countThemes,
  isUuid,
  isColour,
  UUID_PATTERN,
  COLOUR_PATTERN,
  type Codebook,
  type CodebookTheme,
  type FlatTheme,
  type ThemeTree,
} from './codebook.ts'
export { joinDescription, splitDescription, EXAMPLES_HEADING, type DescribedTheme } from './description.ts'
export { codebookToQdc, parseQdc, QDC_NAMESPACE, QDC_ORIGIN, NAME_INSTRUCTION } from './qdc.ts'
export { MAX_CODE_DEPTH } from './qdc-codes.ts'
export { QDC_ISSUE_LIMIT } from './qdc-issues.ts'
