/**
 * Every colour the charts use, in one place: Making Data Count (MDC) point colours and the
 * NHS.UK design-system greys, blue and red.
 * @see https://service-manual.nhs.uk/design-system/styles/colour
 */
import type { PointType } from '../core/spc/types.ts'

export const NHS = {
  text: '#212B32',
  secondaryText: '#4C6272',
  darkGrey: '#425563',
  midGrey: '#768692',
  paleGrey: '#D8DDE0',
  blue: '#005EB8',
  red: '#D5281B',
  white: '#FFFFFF',
} as const

/** MDC colours: fills of points and icons. */
export const MDC = {
  commonCause: '#768692',
  improvement: '#41B6E6',
  concern: '#ED8B00',
  neutral: '#490092',
} as const

/** How a kind of variation is drawn: fill, a darker outline (3:1 against white) and a shape. */
export interface VariationStyle {
  readonly fill: string
  readonly outline: string
  /** Plot symbol name: special cause never differs from common cause by colour alone. */
  readonly symbol: 'circle' | 'diamond' | 'triangle' | 'square'
  readonly legend: string
}

export type VariationKind = 'common_cause' | 'improvement' | 'concern' | 'neutral'

export const VARIATION_STYLES: Readonly<Record<VariationKind, VariationStyle>> = {
  common_cause: { fill: MDC.commonCause, outline: MDC.commonCause, symbol: 'circle', legend: 'Common cause' },
  improvement: { fill: MDC.improvement, outline: NHS.blue, symbol: 'diamond', legend: 'Improvement' },
  concern: { fill: MDC.concern, outline: '#8A4D00', symbol: 'triangle', legend: 'Concern' },
  neutral: { fill: MDC.neutral, outline: '#2A0054', symbol: 'square', legend: 'Special cause (neutral)' },
}

/** A run chart's point in an unusually long run (Anhøj): a non-random pattern with no better direction. */
export const LONG_RUN_STYLE: VariationStyle = { fill: MDC.neutral, outline: '#2A0054', symbol: 'square', legend: 'Part of an unusually long run' }

/** The kind of variation a point type belongs to (neutral high and low share one style). */
export function variationKind(type: PointType): VariationKind {
  return type === 'neutral_high' || type === 'neutral_low' ? 'neutral' : type
}

/** WCAG 2 contrast ratio of two `#RRGGBB` colours (1 to 21). @see https://www.w3.org/TR/WCAG21/#dfn-contrast-ratio */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number]
  return (light + 0.05) / (dark + 0.05)
}

function relativeLuminance(hex: string): number {
  if (!/^#[0-9a-fA-F]{6}$/.test(hex)) throw new Error(`invalid colour: ${JSON.stringify(hex)} (expected #RRGGBB)`)
  const n = Number.parseInt(hex.slice(1), 16)
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((channel) => {
    const c = channel / 255
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4
  }) as [number, number, number]
  return 0.2126 * r + 0.7152 * g + 0.0722 * b
}

export interface LineStyle {
  readonly stroke: string
  readonly strokeWidth: number
  readonly dash?: string
}

/** Lines of an SPC chart: solid centre, dashed limits, dotted trial limits, red dash-dot target. */
export const LINES = {
  values: { stroke: NHS.midGrey, strokeWidth: 1.5 },
  centre: { stroke: NHS.text, strokeWidth: 1.5 },
  limits: { stroke: NHS.darkGrey, strokeWidth: 1.25, dash: '6 4' },
  trialLimits: { stroke: NHS.midGrey, strokeWidth: 1.25, dash: '2 3' },
  target: { stroke: NHS.red, strokeWidth: 2, dash: '12 4 3 4' },
  rebase: { stroke: NHS.text, strokeWidth: 1.5 },
} as const satisfies Record<string, LineStyle>

/**
 * Notes on single periods (annotations): a numbered NHS-blue disc with a white number (6.4:1, over
 * the 4.5:1 text needs), a white outline where markers touch, and a dotted blue guide down to the
 * point (dotted and thin, so it is not taken for the solid rebase rule).
 */
export const NOTE_STYLE = {
  fill: NHS.blue,
  number: NHS.white,
  outline: NHS.white,
  guide: { stroke: NHS.blue, strokeWidth: 1.25, dash: '2 3' },
} as const satisfies { fill: string; number: string; outline: string; guide: LineStyle }

/** Lines of a funnel plot: solid centre (the overall value), dashed 95% limits, thicker solid 99.8% limits. */
export const FUNNEL_LINES_STYLE = {
  centre: { stroke: NHS.text, strokeWidth: 1.5 },
  limits95: { stroke: NHS.darkGrey, strokeWidth: 1.25, dash: '6 4' },
  limits998: { stroke: NHS.darkGrey, strokeWidth: 2 },
} as const satisfies Record<string, LineStyle>
