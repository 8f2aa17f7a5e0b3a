/**
 * A one-page infographic (1200 × 675, a 16:9 slide) to read in ten seconds: a blue title band;
 * three panels (the aim or finding, the headline measure with its icons, the most deprived group
 * before and after); the quote and what we are doing; the disclosure statement in small type.
 * Pure: the same input gives the same bytes. Every word is also in the `<desc>`.
 */
import { assuranceIconSvg, assuranceLabel } from './assurance-icon.ts'
import { escapeXml } from './escape-xml.ts'
import { describeInfographic, fitText, type FittedText, type InfographicInput } from './infographic-text.ts'
import { NHS } from './palette.ts'
import { variationIconSvg, variationLabel } from './variation-icon.ts'

export type { InfographicInput } from './infographic-text.ts'

export const INFOGRAPHIC_WIDTH = 1200
export const INFOGRAPHIC_HEIGHT = 675

const FONT_FAMILY = 'Frutiger W01, Arial, Helvetica, sans-serif'
/** NHS.UK grey 5: panel backgrounds (the text colour on it is 13:1). */
const PANEL = '#F0F4F5'
/** The change's background by tone: NHS.UK green, red and dark grey, each over 4.5:1 with white text. */
const TONES = { better: '#007F3B', worse: NHS.red, neutral: NHS.darkGrey } as const
const MARGIN = 40
const GAP = 20
const PAD = 20
const BAND_HEIGHT = 100
const PANEL_TOP = BAND_HEIGHT + GAP
const PANEL_HEIGHT = 290
const LOWER_TOP = PANEL_TOP + PANEL_HEIGHT + GAP
const LOWER_HEIGHT = 185

export interface InfographicOptions {
  /** Prefixes the title and desc ids (default "infographic"). Letters, digits, "-", "_", ":" and "." only. */
  readonly id?: string
}

/** SVG markup of the infographic; throws on a bad id. */
export function infographicSvg(input: InfographicInput, options: InfographicOptions = {}): string {
  const { id = 'infographic' } = options
  if (!/^[A-Za-z][\w:.-]*$/.test(id)) throw new Error(`invalid id: ${JSON.stringify(id)} (expected a letter, then letters, digits, "-", "_", ":" or ".")`)
  const third = (INFOGRAPHIC_WIDTH - 2 * MARGIN - 2 * GAP) / 3
  const half = (INFOGRAPHIC_WIDTH - 2 * MARGIN - GAP) / 2
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" id="${id}" width="${INFOGRAPHIC_WIDTH}" height="${INFOGRAPHIC_HEIGHT}" viewBox="0 0 ${INFOGRAPHIC_WIDTH} ${INFOGRAPHIC_HEIGHT}" role="img" aria-labelledby="${id}-title" aria-describedby="${id}-desc" font-family="${FONT_FAMILY}" fill="${NHS.text}" style="background: #FFFFFF">`,
    `<title id="${id}-title">${escapeXml(`Infographic: ${input.title}`)}</title>`,
    `<desc id="${id}-desc">${escapeXml(describeInfographic(input).join(' '))}</desc>`,
    `<rect width="${INFOGRAPHIC_WIDTH}" height="${INFOGRAPHIC_HEIGHT}" fill="${NHS.white}"/>`,
    `<g aria-hidden="true">`,
    titleBand(input),
    leadPanel(input, MARGIN, third),
    headlinePanel(input, MARGIN + third + GAP, third, id),
    groupPanel(input, MARGIN + 2 * (third + GAP), third),
    quotePanel(input, MARGIN, half),
    actionsPanel(input, MARGIN + half + GAP, half),
    footer(input),
    `</g>`,
    `</svg>`,
  ].join('')
}

function titleBand(input: InfographicInput): string {
  const title = fitText(input.title, INFOGRAPHIC_WIDTH - 2 * MARGIN, [40, 34, 28], 1, 'bold')
  const subtitle = fitText(input.subtitle, INFOGRAPHIC_WIDTH - 2 * MARGIN, [20, 18], 1)
  return (
    `<rect width="${INFOGRAPHIC_WIDTH}" height="${BAND_HEIGHT}" fill="${NHS.blue}"/>` +
    lines(title, MARGIN, 52, { fill: NHS.white, weight: 'bold' }) +
    lines(subtitle, MARGIN, 84, { fill: NHS.white })
  )
}

function leadPanel(input: InfographicInput, x: number, width: number): string {
  const text = fitText(input.lead.text, width - 2 * PAD, [28, 24, 20, 18], 7, 'bold')
  return panel(x, PANEL_TOP, width, PANEL_HEIGHT) + heading(input.lead.heading, x, PANEL_TOP) + lines(text, x + PAD, PANEL_TOP + 70 + text.size * 0.8, { weight: 'bold' })
}

function headlinePanel(input: InfographicInput, x: number, width: number, id: string): string {
  const h = input.headline
  const top = PANEL_TOP
  const out = [panel(x, top, width, PANEL_HEIGHT), heading('Headline measure', x, top)]
  if (h === null) return out.join('') + lines(fitText('No headline measure has been chosen yet.', width - 2 * PAD, [22], 3), x + PAD, top + 90, {})
  const name = fitText(h.measure, width - 2 * PAD, [22, 20, 18], 2, 'bold')
  out.push(lines(name, x + PAD, top + 80, { weight: 'bold' }))
  const valueY = top + 80 + (name.lines.length - 1) * name.size * 1.2 + 62
  out.push(nested(variationIconSvg(h.variation, h.direction, { size: 60, id: `${id}-variation` }), x + PAD, valueY - 48))
  out.push(lines(fitText(h.value, width - 2 * PAD - 76, [56, 48, 36], 1, 'bold'), x + PAD + 76, valueY, { weight: 'bold', fill: NHS.blue }))
  out.push(lines(fitText(`Latest: ${h.period}`, width - 2 * PAD, [16], 1), x + PAD, valueY + 30, { fill: NHS.secondaryText }))
  const labelY = valueY + 50
  out.push(nested(assuranceIconSvg(h.assurance, { size: 26, id: `${id}-assurance` }), x + PAD, labelY - 4))
  const room = Math.max(1, Math.floor((top + PANEL_HEIGHT - 8 - labelY) / 17))
  const labels = fitText(`${variationLabel(h.variation, h.direction)}. ${assuranceLabel(h.assurance)}.`, width - 2 * PAD - 34, [15, 14, 13], room)
  out.push(lines(labels, x + PAD + 34, labelY + 12, {}))
  return out.join('')
}

function groupPanel(input: InfographicInput, x: number, width: number): string {
  const g = input.group
  const top = PANEL_TOP
  const out = [panel(x, top, width, PANEL_HEIGHT), heading('Most deprived areas', x, top)]
  if (g === null) return out.join('') + lines(fitText('This measure has no breakdown by deprivation.', width - 2 * PAD, [22], 3), x + PAD, top + 90, {})
  const label = fitText(g.label, width - 2 * PAD, [20, 18, 16], 2, 'bold')
  out.push(lines(label, x + PAD, top + 80, { weight: 'bold' }))
  const numbersY = top + 80 + (label.lines.length - 1) * label.size * 1.2 + 60
  const column = (width - 2 * PAD - 40) / 2
  const before = fitText(g.before.value, column, [44, 38, 32, 26], 1, 'bold')
  const after = fitText(g.after.value, column, [44, 38, 32, 26], 1, 'bold')
  out.push(lines(before, x + PAD, numbersY, { weight: 'bold', fill: NHS.secondaryText }))
  out.push(arrow(x + PAD + column + 6, numbersY - 16))
  out.push(lines(after, x + PAD + column + 40, numbersY, { weight: 'bold', fill: NHS.blue }))
  out.push(lines(fitText(g.before.period, column, [16], 1), x + PAD, numbersY + 26, { fill: NHS.secondaryText }))
  out.push(lines(fitText(g.after.period, column, [16], 1), x + PAD + column + 40, numbersY + 26, { fill: NHS.secondaryText }))
  const pillY = numbersY + 44
  const change = fitText(g.change, width - 2 * PAD - 24, [20, 18, 16], 2, 'bold')
  const pillHeight = change.lines.length * change.size * 1.2 + 16
  out.push(`<rect x="${x + PAD}" y="${round(pillY)}" width="${width - 2 * PAD}" height="${round(pillHeight)}" rx="8" fill="${TONES[g.tone]}"/>`)
  out.push(lines(change, x + PAD + 12, pillY + 8 + change.size * 0.95, { weight: 'bold', fill: NHS.white }))
  return out.join('')
}

function quotePanel(input: InfographicInput, x: number, width: number): string {
  const q = input.quote
  const top = LOWER_TOP
  const out = [`<rect x="${x}" y="${top}" width="${width}" height="${LOWER_HEIGHT}" fill="${PANEL}"/>`, `<rect x="${x}" y="${top}" width="8" height="${LOWER_HEIGHT}" fill="${NHS.blue}"/>`, heading('What people told us', x + 8, top)]
  if (q === null) return out.join('') + lines(fitText('No quote can be shown.', width - 2 * PAD - 8, [20], 2), x + PAD + 8, top + 80, {})
  const text = fitText(`“${q.text}”`, width - 2 * PAD - 8, [24, 22, 20, 18], 3)
  const firstY = top + 74
  out.push(lines(text, x + PAD + 8, firstY, { italic: true }))
  const sourceY = Math.min(firstY + (text.lines.length - 1) * text.size * 1.2 + 30, top + LOWER_HEIGHT - 12)
  out.push(lines(fitText(`– ${q.source}`, width - 2 * PAD - 8, [16], 1), x + PAD + 8, sourceY, { fill: NHS.secondaryText }))
  return out.join('')
}

function actionsPanel(input: InfographicInput, x: number, width: number): string {
  const top = LOWER_TOP
  const out = [panel(x, top, width, LOWER_HEIGHT), heading('What we are doing', x, top)]
  if (input.actions.length === 0) return out.join('') + lines(fitText('No actions yet.', width - 2 * PAD, [20], 1), x + PAD, top + 80, {})
  const shown = input.actions.slice(0, 3)
  const size = commonSize(shown.map((a) => a.title), width - 2 * PAD - 18, [19, 18, 16])
  shown.forEach((action, i) => {
    const y = top + 68 + i * 40
    out.push(`<circle cx="${x + PAD + 5}" cy="${y - 6}" r="5" fill="${NHS.text}"/>`)
    out.push(lines(fitText(action.title, width - 2 * PAD - 18, [size], 1), x + PAD + 18, y, {}))
    out.push(lines(fitText(`Verdict: ${action.verdict}`, width - 2 * PAD - 18, [15, 14], 1, 'bold'), x + PAD + 18, y + 19, { fill: NHS.secondaryText }))
  })
  if (input.actions.length > shown.length) out.push(lines(fitText(`and ${input.actions.length - shown.length} more`, 200, [14], 1), x + width - PAD, top + 30, { fill: NHS.secondaryText, anchor: 'end' }))
  return out.join('')
}

/** The largest size at which every text fits on one line (the smallest size otherwise). */
function commonSize(texts: readonly string[], widthPx: number, sizes: readonly number[]): number {
  return sizes.find((size) => texts.every((t) => fitText(t, widthPx, [size], 1).lines[0] === t)) ?? (sizes.at(-1) as number)
}

function footer(input: InfographicInput): string {
  const text = fitText(input.statement, INFOGRAPHIC_WIDTH - 2 * MARGIN, [14, 13, 12], 2)
  return lines(text, MARGIN, LOWER_TOP + LOWER_HEIGHT + 8 + text.size, { fill: NHS.secondaryText })
}

function panel(x: number, y: number, width: number, height: number): string {
  return `<rect x="${round(x)}" y="${y}" width="${round(width)}" height="${height}" fill="${PANEL}"/>`
}

function heading(text: string, x: number, y: number): string {
  return `<text x="${round(x + PAD)}" y="${y + 38}" font-size="18" font-weight="700" fill="${NHS.blue}" letter-spacing="0.5">${escapeXml(text.toUpperCase())}</text>`
}

function arrow(x: number, y: number): string {
  return `<path d="M${round(x)},${y}H${round(x + 22)}M${round(x + 14)},${y - 8}L${round(x + 24)},${y}L${round(x + 14)},${y + 8}" stroke="${NHS.text}" stroke-width="3" fill="none" stroke-linecap="round" stroke-linejoin="round"/>`
}

/** An icon's own `<svg>` placed at (x, y) inside the infographic. */
function nested(svg: string, x: number, y: number): string {
  return svg.replace('<svg ', `<svg x="${round(x)}" y="${round(y)}" `)
}

interface LineStyle {
  readonly fill?: string
  readonly weight?: 'bold'
  readonly italic?: boolean
  readonly anchor?: 'end'
}

/** One `<text>` with a `<tspan>` per line, the first baseline at `y`, lines 1.2 em apart. */
function lines(text: FittedText, x: number, y: number, style: LineStyle): string {
  const attributes = [
    `x="${round(x)}"`,
    `y="${round(y)}"`,
    `font-size="${text.size}"`,
    style.weight ? 'font-weight="700"' : '',
    style.italic ? 'font-style="italic"' : '',
    style.fill ? `fill="${style.fill}"` : '',
    style.anchor ? `text-anchor="${style.anchor}"` : '',
  ].filter((a) => a !== '')
  const spans = text.lines.map((line, i) => `<tspan x="${round(x)}" dy="${i === 0 ? 0 : round(text.size * 1.2)}">${escapeXml(line)}</tspan>`)
  return `<text ${attributes.join(' ')}>${spans.join('')}</text>`
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}
