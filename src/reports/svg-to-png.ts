/**
 * SVG → PNG with resvg, using only the DejaVu fonts of Debian's fonts-dejavu-core (never the
 * machine's other fonts), so a chart's text renders the same on every machine. The PNG is the
 * Word fallback of a chart and the downloadable infographic.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { Resvg } from '@resvg/resvg-js'
import { AppError } from '../core/errors.ts'

/** Where Debian's fonts-dejavu-core puts its fonts. */
export const DEJAVU_FOLDER = '/usr/share/fonts/truetype/dejavu'

const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf', 'DejaVuSans-Oblique.ttf', 'DejaVuSans-BoldOblique.ttf']

/** The largest PNG we draw, in pixels across (a 4K screen; more is almost certainly a mistake). */
export const MAX_PNG_WIDTH_PX = 4000

/**
 * Draw `svg` as a PNG `widthPx` pixels wide (height in proportion), on a white background.
 * Every font family falls back to DejaVu Sans. Throws `unavailable` when the DejaVu fonts are not
 * installed, and an Error for a width that is not a whole number from 1 to 4000 or for markup
 * resvg cannot read.
 */
export function svgToPng(svg: string, widthPx: number, fontFolder: string = DEJAVU_FOLDER): Buffer {
  if (!Number.isInteger(widthPx) || widthPx < 1 || widthPx > MAX_PNG_WIDTH_PX) {
    throw new Error(`invalid PNG width: ${widthPx} (expected a whole number of pixels from 1 to ${MAX_PNG_WIDTH_PX})`)
  }
  const fontFiles = FONT_FILES.map((file) => join(fontFolder, file))
  const missing = fontFiles.filter((file) => !existsSync(file))
  if (missing.length > 0) {
    throw new AppError('unavailable', `Cannot draw PNG images: the DejaVu fonts are missing (${missing.join(', ')}). Install Debian's fonts-dejavu-core package.`)
  }
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'width', value: widthPx },
    background: '#FFFFFF',
    font: {
      loadSystemFonts: false,
      fontFiles,
      defaultFontFamily: 'DejaVu Sans',
      sansSerifFamily: 'DejaVu Sans',
      serifFamily: 'DejaVu Sans',
      monospaceFamily: 'DejaVu Sans',
    },
    logLevel: 'off',
  })
  return resvg.render().asPng()
}

/** Width and height of a PNG, read from its IHDR chunk; throws when `png` is not a PNG. */
export function pngSize(png: Uint8Array): { readonly width: number; readonly height: number } {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (png.length < 24 || signature.some((byte, i) => png[i] !== byte)) throw new Error('not a PNG: the file does not start with the PNG signature')
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength)
  return { width: view.getUint32(16), height: view.getUint32(20) }
}
