/**
 * How a driver diagram's boxes look: from the aim (darkest) to the change ideas (lightest), NHS.UK
 * colours whose text meets WCAG AA (4.5:1) and whose box edges meet 3:1 against the white page.
 * @see https://service-manual.nhs.uk/design-system/styles/colour
 */
import { NHS } from './palette.ts'
import type { DriverKind } from './driver-diagram-tree.ts'
import type { FontWeight } from './driver-diagram-wrap.ts'

/** NHS.UK dark blue and grey 5, which palette.ts does not hold. */
const NHS_DARK_BLUE = '#003087'
const NHS_GREY_5 = '#F0F4F5'

export type DriverColumn = 'aim' | DriverKind

export interface DriverBoxStyle {
  readonly fill: string
  readonly stroke: string
  readonly strokeWidth: number
  readonly text: string
  /** Colour of the measures line, small text (still 4.5:1 on the fill). */
  readonly measures: string
  readonly weight: FontWeight
}

export const DRIVER_BOX_STYLES: Readonly<Record<DriverColumn, DriverBoxStyle>> = {
  aim: { fill: NHS_DARK_BLUE, stroke: NHS_DARK_BLUE, strokeWidth: 1, text: NHS.white, measures: NHS.white, weight: 'bold' },
  primary: { fill: NHS.blue, stroke: NHS.blue, strokeWidth: 1, text: NHS.white, measures: NHS.white, weight: 'bold' },
  secondary: { fill: NHS.white, stroke: NHS.blue, strokeWidth: 2, text: NHS.text, measures: NHS.secondaryText, weight: 'bold' },
  change_idea: { fill: NHS_GREY_5, stroke: NHS.midGrey, strokeWidth: 1, text: NHS.text, measures: NHS.secondaryText, weight: 'normal' },
}

export const DRIVER_COLUMNS: readonly DriverColumn[] = ['aim', 'primary', 'secondary', 'change_idea']

export const DRIVER_HEADINGS: Readonly<Record<DriverColumn, string>> = {
  aim: 'Aim',
  primary: 'Primary drivers',
  secondary: 'Secondary drivers',
  change_idea: 'Change ideas',
}

/** Connectors (3.5:1 against white), the heading rule and the empty diagram's sentence. */
export const DRIVER_LINES = {
  connector: { stroke: NHS.midGrey, strokeWidth: 1.5 },
  headingRule: { stroke: NHS.blue, strokeWidth: 3 },
  heading: NHS.text,
  note: NHS.secondaryText,
} as const
