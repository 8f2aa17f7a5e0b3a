/** The shared drawing of Making Data Count icons: a coloured disc with a letter or a line. */
import { escapeXml } from './escape-xml.ts'
import { NHS } from './palette.ts'

export interface IconOptions {
  /** Width and height in pixels (default 40). */
  readonly size?: number
  /** Id of the `<svg>`; its `<title>` gets `${id}-title`. */
  readonly id?: string
}

export interface IconDrawing {
  readonly label: string
  readonly fill: string
  readonly outline: string
  /** A letter drawn in `ink`, or a horizontal line when absent. */
  readonly letter?: string
  readonly ink: string
  readonly dashed?: boolean
}

/** View box is 40 × 40; the letter (22 units, bold) is WCAG "large text" at the default size. */
export const ICON_LETTER_SIZE = 22

export function iconSvg(drawing: IconDrawing, options: IconOptions = {}): string {
  const { size = 40, id } = options
  if (!(size > 0)) throw new Error(`invalid icon size: ${size} (expected a positive number)`)
  const label = escapeXml(drawing.label)
  const idAttr = id === undefined ? '' : ` id="${escapeXml(id)}"`
  const titleId = id === undefined ? '' : ` id="${escapeXml(id)}-title"`
  const dash = drawing.dashed ? ' stroke-dasharray="4 3"' : ''
  const glyph =
    drawing.letter === undefined
      ? `<path d="M11,20H29" stroke="${drawing.ink}" stroke-width="4" stroke-linecap="round"/>`
      : `<text x="20" y="20" dy="0.36em" text-anchor="middle" font-family="Frutiger W01, Arial, sans-serif" font-weight="700" font-size="${ICON_LETTER_SIZE}" fill="${drawing.ink}">${escapeXml(drawing.letter)}</text>`
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${idAttr} width="${size}" height="${size}" viewBox="0 0 40 40" role="img" aria-label="${label}">` +
    `<title${titleId}>${label}</title>` +
    `<circle cx="20" cy="20" r="18" fill="${drawing.fill}" stroke="${drawing.outline}" stroke-width="2"${dash}/>` +
    glyph +
    `</svg>`
  )
}

/** The "not enough data" icon: an empty dashed ring with a dash. */
export function noDataDrawing(label: string): IconDrawing {
  return { label, fill: NHS.white, outline: NHS.midGrey, letter: '–', ink: NHS.darkGrey, dashed: true }
}
