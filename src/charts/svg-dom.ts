/**
 * Rendering Observable Plot in Node: a linkedom document stands in for the browser's, and a
 * small structural view of its elements keeps DOM types out of the rest of the code.
 */
import * as Plot from '@observablehq/plot'
import { parseHTML } from 'linkedom'

export const SVG_NS = 'http://www.w3.org/2000/svg'

/** The few element operations the charts use (linkedom and browser elements both have them). */
export interface SvgNode {
  setAttribute(name: string, value: string): void
  appendChild(child: SvgNode): SvgNode
  insertBefore(child: SvgNode, reference: SvgNode | null): SvgNode
  readonly firstChild: SvgNode | null
  querySelector(selector: string): SvgNode | null
  querySelectorAll(selector: string): Iterable<SvgNode>
  textContent: string | null
  readonly outerHTML: string
}

export interface SvgDocument {
  createElementNS(namespace: string, name: string): SvgNode
}

/** A fresh document per chart, so no state is shared between renders. */
export function createSvgDocument(): SvgDocument {
  return parseHTML('<!doctype html><html><body></body></html>').document as unknown as SvgDocument
}

/** Plot.plot into `document`; the root is an `<svg>` because no title, caption or legend is asked of Plot. */
export function renderPlot(document: SvgDocument, options: Plot.PlotOptions): SvgNode {
  return Plot.plot({ ...options, document: document as unknown as Plot.PlotOptions['document'] }) as unknown as SvgNode
}

/** A position scale of a rendered plot (`x` or `y`) as a function of data to pixels. */
export function plotScale(svg: SvgNode, name: 'x' | 'y'): (value: Date | number) => number {
  const scale = (svg as unknown as { scale?: (name: string) => { apply: (value: Date | number) => number } | undefined }).scale?.(name)
  if (!scale) throw new Error(`the plot has no ${name} scale`)
  return (value) => scale.apply(value)
}

/** NHS typeface (Frutiger, falling back to Arial), 12px text in NHS text colour on white. */
export function setFont(svg: SvgNode, fontSize = 12): void {
  svg.setAttribute('font-family', 'Frutiger W01, Arial, Helvetica, sans-serif')
  svg.setAttribute('font-size', String(fontSize))
  svg.setAttribute('style', 'color: #212B32; background: #FFFFFF')
}

/** An SVG element with attributes (skipping undefined) and optional text. */
export function svgElement(document: SvgDocument, name: string, attributes: Readonly<Record<string, string | number | undefined>>, text?: string): SvgNode {
  const node = document.createElementNS(SVG_NS, name)
  for (const [key, value] of Object.entries(attributes)) if (value !== undefined) node.setAttribute(key, String(value))
  if (text !== undefined) node.textContent = text
  return node
}

/**
 * Make the root `<svg>` an accessible image: role="img", a `<title>` and `<desc>` first, referenced
 * by aria-labelledby and aria-describedby, with ids derived from `id`; the groups inside are
 * aria-hidden.
 */
export function labelSvg(document: SvgDocument, svg: SvgNode, label: { id: string; title: string; desc: string }): void {
  const titleId = `${label.id}-title`
  const descId = `${label.id}-desc`
  svg.setAttribute('xmlns', SVG_NS)
  svg.setAttribute('id', label.id)
  svg.setAttribute('role', 'img')
  svg.setAttribute('aria-labelledby', titleId)
  svg.setAttribute('aria-describedby', descId)
  const first = svg.firstChild
  svg.insertBefore(svgElement(document, 'title', { id: titleId }, label.title), first)
  svg.insertBefore(svgElement(document, 'desc', { id: descId }, label.desc), first)
  // The title and description say everything; the drawing's own groups (which Plot labels "line",
  // "dot", …) are hidden from assistive technology, as the children of an image are.
  for (const group of svg.querySelectorAll(':scope > g')) group.setAttribute('aria-hidden', 'true')
}

/** A default id from a title: "spc-blood-pressure-control". */
export function idFromTitle(prefix: string, title: string): string {
  const slug = title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
  return slug === '' ? prefix : `${prefix}-${slug}`
}
