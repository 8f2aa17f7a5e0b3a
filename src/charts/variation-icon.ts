/** The Making Data Count variation icon and its plain-English label. */
import type { Direction } from '../core/model.ts'
import type { PointType } from '../core/spc/types.ts'
import { iconSvg, noDataDrawing, type IconDrawing, type IconOptions } from './icon-svg.ts'
import { NHS, VARIATION_STYLES } from './palette.ts'

/** True when a special-cause point type lies above the centre line. */
export function isHigh(type: PointType, direction: Direction): boolean {
  switch (type) {
    case 'improvement':
      return direction !== 'decrease'
    case 'concern':
      return direction === 'decrease'
    case 'neutral_high':
      return true
    default:
      return false
  }
}

/** "Special cause variation – improvement (higher)", "Common cause variation", or "Not enough data" for null. */
export function variationLabel(type: PointType | null, direction: Direction): string {
  if (type === null) return 'Not enough data'
  if (type === 'common_cause') return 'Common cause variation'
  const kind = type === 'improvement' ? 'improvement' : type === 'concern' ? 'concern' : 'neutral'
  return `Special cause variation – ${kind} (${isHigh(type, direction) ? 'higher' : 'lower'})`
}

/** The variation icon: grey disc with a flat line, or a blue/orange/purple disc with H or L. */
export function variationIconSvg(type: PointType | null, direction: Direction, options: IconOptions = {}): string {
  return iconSvg(variationDrawing(type, direction), options)
}

function variationDrawing(type: PointType | null, direction: Direction): IconDrawing {
  const label = variationLabel(type, direction)
  if (type === null) return noDataDrawing(label)
  if (type === 'common_cause') {
    const style = VARIATION_STYLES.common_cause
    return { label, fill: style.fill, outline: NHS.darkGrey, ink: NHS.white }
  }
  const style = VARIATION_STYLES[type === 'improvement' || type === 'concern' ? type : 'neutral']
  const ink = type === 'neutral_high' || type === 'neutral_low' ? NHS.white : NHS.text
  return { label, fill: style.fill, outline: style.outline, letter: isHigh(type, direction) ? 'H' : 'L', ink }
}
