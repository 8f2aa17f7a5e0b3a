/** Test helper: parse rendered SVG markup with linkedom and query it with CSS selectors. */
import { parseHTML } from 'linkedom'

export interface QueryNode {
  getAttribute(name: string): string | null
  readonly textContent: string | null
  readonly tagName: string
  querySelector(selector: string): QueryNode | null
  querySelectorAll(selector: string): Iterable<QueryNode> & { readonly length: number }
}

/** The root `<svg>` of `markup`; throws when there is none. */
export function parseSvg(markup: string): QueryNode {
  const document = parseHTML(`<!doctype html><html><body>${markup}</body></html>`).document as unknown as QueryNode
  const svg = document.querySelector('body > svg')
  if (!svg) throw new Error(`no <svg> root in: ${markup.slice(0, 80)}`)
  return svg
}

export function all(node: QueryNode, selector: string): QueryNode[] {
  return [...node.querySelectorAll(selector)]
}
