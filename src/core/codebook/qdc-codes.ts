/**
 * REFI-QDA `<Code>` elements → codebook themes, leniently: attributes in any order, any namespace
 * prefix, `isCodable` and `color` optional, GUIDs in either case and with or without braces, a
 * three-digit colour widened to six. A Code without a usable guid or name, or with a GUID already
 * used, is an error and is left out with everything below it (whose problems are still reported).
 * @see docs/methods/codebooks.md
 */
import type { CodebookTheme } from './codebook.ts'
import { isUuid } from './codebook.ts'
import { splitDescription } from './description.ts'
import type { QdcIssues } from './qdc-issues.ts'
import { quote } from './qdc-issues.ts'
import type { XmlElement } from './xml-tree.ts'

/** Deepest Code read (1 = a top-level code); anything deeper is an error and left out. */
export const MAX_CODE_DEPTH = 100

const GUID_EXPECTED = 'a GUID such as 1ff58b12-6f6f-4b0c-8be5-bbdc91f55294'

interface ReadContext {
  readonly issues: QdcIssues
  /** Line of the Code that first used each GUID, by lower-case GUID. */
  readonly guidLines: Map<string, number>
}

/**
 * A reader of `<Codes>` elements (one in a valid file) into themes, reporting every problem; GUIDs
 * must be unique across all the elements it reads.
 */
export function codesReader(issues: QdcIssues): (codes: XmlElement) => CodebookTheme[] {
  const context: ReadContext = { issues, guidLines: new Map() }
  return (codes) => readChildren(codes, 1, context)
}

function readChildren(parent: XmlElement, depth: number, context: ReadContext): CodebookTheme[] {
  const themes: CodebookTheme[] = []
  const nameLines = new Map<string, number>()
  for (const element of parent.children) {
    if (element.name === 'Description' && parent.name === 'Code') continue
    if (element.name !== 'Code') {
      ignoreElement(element, parent, context.issues)
      continue
    }
    const theme = readCode(element, depth, context)
    if (theme === undefined) continue
    const first = nameLines.get(theme.name)
    if (first === undefined) nameLines.set(theme.name, element.line)
    else context.issues.warning({ code: 'duplicate_name', line: element.line, column: 'name', value: theme.name, problem: `the code name ${quote(theme.name)} is used again under the same parent (first on line ${first})`, expected: 'different names for codes under the same parent' })
    themes.push(theme)
  }
  return themes
}

function readCode(element: XmlElement, depth: number, context: ReadContext): CodebookTheme | undefined {
  const { issues } = context
  if (depth > MAX_CODE_DEPTH) {
    issues.error({ code: 'too_deep', line: element.line, problem: `this Code is nested ${depth} levels deep and was left out with everything below it`, expected: `codes at most ${MAX_CODE_DEPTH} levels deep` })
    return undefined
  }
  const guid = readGuid(element, context)
  const name = element.attributes.get('name')
  if (name === undefined || name === '') issues.error({ code: 'missing_name', line: element.line, column: 'name', problem: `this Code has ${name === undefined ? 'no name attribute' : 'an empty name'} and was left out with everything below it`, expected: 'a name attribute with the code\'s name' })
  const children = readChildren(element, depth + 1, context)
  if (guid === undefined || name === undefined || name === '') return undefined
  const { definition, examples } = splitDescription(readDescription(element, issues))
  return { guid, name, definition, examples, colour: readColour(element, issues), children }
}

/** The Code's GUID without braces, or undefined (with an error) when it is missing, malformed or used before. */
function readGuid(element: XmlElement, { issues, guidLines }: ReadContext): string | undefined {
  const written = element.attributes.get('guid')
  if (written === undefined || written.trim() === '') {
    issues.error({ code: 'missing_guid', line: element.line, column: 'guid', problem: 'this Code has no guid and was left out with everything below it', expected: GUID_EXPECTED })
    return undefined
  }
  const guid = written.trim().replace(/^\{(.*)\}$/s, '$1')
  if (!isUuid(guid)) {
    issues.error({ code: 'invalid_guid', line: element.line, column: 'guid', value: written, problem: `the guid ${quote(written)} is not a GUID; the Code was left out with everything below it`, expected: GUID_EXPECTED })
    return undefined
  }
  const first = guidLines.get(guid.toLowerCase())
  if (first !== undefined) {
    issues.error({ code: 'duplicate_guid', line: element.line, column: 'guid', value: written, problem: `the guid ${quote(written)} was already used by the Code on line ${first}; this one was left out with everything below it`, expected: 'a different GUID for every code' })
    return undefined
  }
  guidLines.set(guid.toLowerCase(), element.line)
  return guid
}

/** The text of the Code's first `<Description>` ('' when there is none). */
function readDescription(element: XmlElement, issues: QdcIssues): string {
  const [first, ...more] = element.children.filter((child) => child.name === 'Description')
  for (const extra of more) issues.warning({ code: 'extra_description', line: extra.line, column: 'Description', problem: 'this Code has more than one Description; only the first was read', expected: 'one Description per Code' })
  return first?.text ?? ''
}

/** `#RRGGBB` as written (`#RGB` widened), or null; a colour that is neither is a warning. */
function readColour(element: XmlElement, issues: QdcIssues): string | null {
  const written = element.attributes.get('color')
  if (written === undefined) return null
  const colour = written.trim()
  if (/^#[0-9A-Fa-f]{6}$/.test(colour)) return colour
  if (/^#[0-9A-Fa-f]{3}$/.test(colour)) return `#${[...colour.slice(1)].map((digit) => digit + digit).join('')}`
  issues.warning({ code: 'invalid_colour', line: element.line, column: 'color', value: written, problem: `the color ${quote(written)} is not a colour; the code was read without one`, expected: 'a colour such as #46AA00 or #4A0' })
  return null
}

function ignoreElement(element: XmlElement, parent: XmlElement, issues: QdcIssues): void {
  issues.warning({ code: 'unknown_element', line: element.line, column: element.name, problem: `<${element.name}> inside <${parent.name}> is not part of a REFI-QDA codebook and was ignored`, expected: parent.name === 'Code' ? 'only Description and Code inside a Code' : 'only Code inside Codes' })
}
