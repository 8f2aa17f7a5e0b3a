/**
 * An XML document as a plain tree of elements with local names, decoded attributes and text, and
 * the 1-based line and column each element starts at, read with fast-xml-parser. Namespace
 * prefixes are kept apart from names so a reader can ignore them; entities are decoded here
 * (`decodeXmlEntities`) and entities declared in a DOCTYPE are never expanded. Malformed XML is a
 * value with the parser's line and column, never an exception. Deeply nested input is walked
 * without recursion.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser'
import { decodeXmlEntities } from './xml-text.ts'

export interface XmlElement {
  /** Local name, without any namespace prefix. */
  readonly name: string
  /** Namespace prefix as written ('' for none). */
  readonly prefix: string
  /** Attributes by local name (namespace declarations are in `namespaces`), values decoded. */
  readonly attributes: ReadonlyMap<string, string>
  /** Namespace declarations on this element: prefix ('' for `xmlns`) → namespace name. */
  readonly namespaces: ReadonlyMap<string, string>
  readonly children: readonly XmlElement[]
  /** Character data directly inside the element (text and CDATA sections joined), decoded. */
  readonly text: string
  readonly line: number
  readonly column: number
}

/** A processing instruction such as `<?target name="value"?>`, with its pseudo-attributes. */
export interface XmlInstruction {
  readonly target: string
  readonly attributes: ReadonlyMap<string, string>
}

export type XmlRead =
  | { readonly ok: true; readonly root: XmlElement; readonly instructions: readonly XmlInstruction[] }
  | { readonly ok: false; readonly message: string; readonly line?: number; readonly column?: number }

interface MutableElement extends XmlElement {
  readonly children: MutableElement[]
  text: string
}

/** A node of fast-xml-parser's `preserveOrder` output: one key naming it, plus `:@` attributes. */
type RawNode = { readonly [key: string]: unknown; readonly [key: symbol]: unknown }

const PARSER = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  ignoreDeclaration: true,
  cdataPropName: '#cdata',
  captureMetaData: true,
})
/** fast-xml-parser's typings call it `Symbol`, the wrapper type; it is a symbol. */
const META = XMLParser.getMetaDataSymbol() as unknown as symbol

/** Read `xml` (line ends normalised first, as XML requires; a leading byte-order mark dropped). */
export function readXml(xml: string): XmlRead {
  const text = xml.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n')
  const valid = XMLValidator.validate(text)
  if (valid !== true) return { ok: false, message: valid.err.msg, line: valid.err.line, ...(Number.isInteger(valid.err.col) ? { column: valid.err.col } : {}) }
  const parsed = parseNodes(text)
  if (!Array.isArray(parsed)) return { ok: false, message: parsed.message }
  const lines = lineStarts(text)
  const nodes = parsed
  const roots: MutableElement[] = []
  const instructions: XmlInstruction[] = []
  for (const node of nodes) {
    const key = nodeName(node)
    if (key?.startsWith('?')) instructions.push({ target: key.slice(1), attributes: rawAttributes(node).attributes })
    else if (key !== undefined && !key.startsWith('#')) roots.push(buildTree(node, key, lines))
  }
  const [root, second] = roots
  if (root === undefined) return { ok: false, message: 'The document has no root element.' }
  if (second !== undefined) return { ok: false, message: `There is a second root element <${second.prefix === '' ? '' : `${second.prefix}:`}${second.name}> after the first.`, line: second.line, column: second.column }
  return { ok: true, root, instructions }
}

/**
 * fast-xml-parser's nodes for text its validator passed; its parser is stricter in places (an
 * unclosed processing instruction inside another), and what it throws then is the file's problem.
 */
function parseNodes(text: string): RawNode[] | { message: string } {
  try {
    return PARSER.parse(text) as RawNode[]
  } catch (error) {
    return { message: error instanceof Error ? error.message : String(error) }
  }
}

/** The element for `node` and all below it, built with an explicit stack. */
function buildTree(node: RawNode, key: string, lines: readonly number[]): MutableElement {
  const root = newElement(node, key, lines)
  const work: [RawNode[], MutableElement][] = [[childNodes(node, key), root]]
  for (let next = work.pop(); next !== undefined; next = work.pop()) {
    const [nodes, parent] = next
    for (const child of nodes) {
      const name = nodeName(child)
      if (name === '#text') parent.text += decodeXmlEntities(String(child[name]))
      else if (name === '#cdata') parent.text += childNodes(child, name).map((part) => String(part['#text'] ?? '')).join('')
      else if (name !== undefined && !name.startsWith('?') && !name.startsWith('#')) {
        const element = newElement(child, name, lines)
        parent.children.push(element)
        work.push([childNodes(child, name), element])
      }
    }
  }
  return root
}

function newElement(node: RawNode, qualifiedName: string, lines: readonly number[]): MutableElement {
  const [prefix, name] = splitName(qualifiedName)
  const { attributes, namespaces } = rawAttributes(node)
  const meta = node[META] as { startIndex?: unknown } | undefined
  const at = typeof meta?.startIndex === 'number' ? position(lines, meta.startIndex) : { line: 1, column: 1 }
  return { name, prefix, attributes, namespaces, children: [], text: '', ...at }
}

function nodeName(node: RawNode): string | undefined {
  return Object.keys(node).find((key) => key !== ':@')
}

function childNodes(node: RawNode, key: string): RawNode[] {
  const value = node[key]
  return Array.isArray(value) ? (value as RawNode[]) : []
}

function rawAttributes(node: RawNode): { attributes: Map<string, string>; namespaces: Map<string, string> } {
  const attributes = new Map<string, string>()
  const namespaces = new Map<string, string>()
  const raw = node[':@']
  if (typeof raw !== 'object' || raw === null) return { attributes, namespaces }
  for (const [qualifiedName, value] of Object.entries(raw)) {
    const decoded = decodeXmlEntities(String(value))
    const [prefix, name] = splitName(qualifiedName)
    if (qualifiedName === 'xmlns') namespaces.set('', decoded)
    else if (prefix === 'xmlns') namespaces.set(name, decoded)
    else if (!attributes.has(name)) attributes.set(name, decoded)
  }
  return { attributes, namespaces }
}

/** `prefix:local` as [prefix, local]; ['', name] without a prefix. */
function splitName(qualifiedName: string): [string, string] {
  const colon = qualifiedName.indexOf(':')
  return colon < 0 ? ['', qualifiedName] : [qualifiedName.slice(0, colon), qualifiedName.slice(colon + 1)]
}

/** Offsets at which each line starts. */
function lineStarts(text: string): number[] {
  const starts = [0]
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1)
  return starts
}

/** 1-based line and column of an offset, by binary search over the line starts. */
function position(lines: readonly number[], offset: number): { line: number; column: number } {
  let low = 0
  let high = lines.length - 1
  while (low < high) {
    const middle = Math.ceil((low + high) / 2)
    if ((lines[middle] ?? 0) <= offset) low = middle
    else high = middle - 1
  }
  return { line: low + 1, column: offset - (lines[low] ?? 0) + 1 }
}
