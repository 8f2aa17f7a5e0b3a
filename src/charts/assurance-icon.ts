/** The Making Data Count assurance icon and its plain-English label. */
import type { Assurance } from '../core/spc/types.ts'
import { iconSvg, noDataDrawing, type IconDrawing, type IconOptions } from './icon-svg.ts'
import { MDC, NHS, VARIATION_STYLES } from './palette.ts'

const LABELS: Readonly<Record<Assurance, string>> = {
  pass: 'Target consistently achieved',
  fail: 'Target consistently not achieved',
  hit_or_miss: 'Target hit or miss',
}

/**
 * "Target consistently achieved", "Target consistently not achieved", "Target hit or miss";
 * null (no target, a neutral measure, or no data) gives "Assurance not available".
 */
export function assuranceLabel(assurance: Assurance | null): string {
  return assurance === null ? 'Assurance not available' : LABELS[assurance]
}

/** The assurance icon: blue P, orange F, grey ?; a dashed empty ring for null. */
export function assuranceIconSvg(assurance: Assurance | null, options: IconOptions = {}): string {
  return iconSvg(assuranceDrawing(assurance), options)
}

function assuranceDrawing(assurance: Assurance | null): IconDrawing {
  const label = assuranceLabel(assurance)
  switch (assurance) {
    case null:
      return noDataDrawing(label)
    case 'pass':
      return { label, fill: MDC.improvement, outline: VARIATION_STYLES.improvement.outline, letter: 'P', ink: NHS.text }
    case 'fail':
      return { label, fill: MDC.concern, outline: VARIATION_STYLES.concern.outline, letter: 'F', ink: NHS.text }
    case 'hit_or_miss':
      return { label, fill: MDC.commonCause, outline: NHS.darkGrey, letter: '?', ink: NHS.white }
  }
}
