import { describe, expect, it } from 'vitest'
import { AppError } from '../core/errors.ts'
import { pngSize, svgToPng } from './svg-to-png.ts'

const blank = '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"></svg>'
const withText = (family: string) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100" viewBox="0 0 200 100"><text x="10" y="60" font-family="${family}" font-size="40">Hello</text></svg>`

describe('svgToPng', () => {
  it('draws a PNG of the asked width, the height in proportion', () => {
    expect(pngSize(svgToPng(blank, 400))).toEqual({ width: 400, height: 200 })
    expect(pngSize(svgToPng(blank, 50))).toEqual({ width: 50, height: 25 })
  })

  it('draws text with the DejaVu fonts, whatever family the SVG asks for', () => {
    const empty = svgToPng(blank, 200)
    for (const family of ['Frutiger W01, Arial, sans-serif', 'Times New Roman', 'no such font']) {
      expect(svgToPng(withText(family), 200).equals(empty), family).toBe(false)
    }
    // Families that all fall back to DejaVu Sans draw the same pixels.
    expect(svgToPng(withText('Arial'), 200).equals(svgToPng(withText('sans-serif'), 200))).toBe(true)
  })

  it('refuses a width that is not a whole number of pixels from 1 to 4000', () => {
    for (const width of [0, -5, 1.5, 4001, Number.NaN]) {
      expect(() => svgToPng(blank, width)).toThrow(/invalid PNG width/)
    }
  })

  it('says which fonts are missing when the font folder is absent', () => {
    const call = () => svgToPng(blank, 100, '/no/such/folder')
    expect(call).toThrow(AppError)
    expect(call).toThrow(/\/no\/such\/folder\/DejaVuSans\.ttf.*fonts-dejavu-core/)
  })

  it('refuses markup that is not SVG', () => {
    expect(() => svgToPng('<html></html>', 100)).toThrow()
  })
})

describe('pngSize', () => {
  it('refuses bytes that are not a PNG', () => {
    expect(() => pngSize(Buffer.from('GIF89a and more bytes here....'))).toThrow(/not a PNG/)
  })
})
