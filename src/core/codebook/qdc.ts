/**
 * REFI-QDA codebook exchange files (`.qdc`), the format NVivo, ATLAS.ti, MAXQDA and QualCoder
 * import and export codebooks in. `codebookToQdc` writes a file that follows the standard's
 * Codebook.xsd; `parseQdc` reads what those tools write, leniently, and reports every problem as an
 * issue. A theme's examples go into its `<Description>` after its definition (`joinDescription`),
 * since the standard has no element for them; the codebook's name, which the standard has no place
 * for either, goes into a processing instruction `<?lhs-codebook name="…"?>` that other tools skip.
 * @see docs/methods/codebooks.md
 * @see https://www.qdasoftware.org/ (REFI-QDA standard, Codebook.xsd 1.0)
 */
import type { Parsed } from '../issues.ts'
import type { Codebook, CodebookTheme } from './codebook.ts'
import { isColour, isUuid } from './codebook.ts'
import { joinDescription } from './description.ts'
import { codesReader, MAX_CODE_DEPTH } from './qdc-codes.ts'
import { QdcIssues, quote } from './qdc-issues.ts'
import { escapeXmlAttribute, escapeXmlText, toXmlCharacters } from './xml-text.ts'
import type { XmlElement, XmlInstruction } from './xml-tree.ts'
import { readXml } from './xml-tree.ts'

/** The namespace of REFI-QDA codebook files. */
export const QDC_NAMESPACE = 'urn:QDA-XML:codebook:1.0'

/** The `origin` LHS writes on the root element. */
export const QDC_ORIGIN = 'LHS'

/** Target of the processing instruction that carries the codebook's name. */
export const NAME_INSTRUCTION = 'lhs-codebook'

const INDENT = '  '

/**
 * The codebook as a `.qdc` file (UTF-8 text, LF line ends). Every theme is a codable `<Code>`; a
 * character XML cannot hold becomes U+FFFD. A codebook with no themes is written with an empty
 * `<Codes/>`, which Codebook.xsd does not allow (it asks for at least one Code). Throws when a
 * GUID is not a UUID or is used twice, a colour is not `#RRGGBB`, a name is empty, or themes are
 * nested more than `MAX_CODE_DEPTH` (100) deep: those cannot come from a checked codebook, and
 * `parseQdc` would not read them back.
 */
export function codebookToQdc(codebook: Codebook): string {
  checkThemes(codebook.themes)
  const lines = ['<?xml version="1.0" encoding="utf-8"?>']
  if (codebook.name !== undefined) lines.push(`<?${NAME_INSTRUCTION} name="${encodeName(codebook.name)}"?>`)
  lines.push(`<CodeBook xmlns="${QDC_NAMESPACE}" origin="${QDC_ORIGIN}">`)
  if (codebook.themes.length === 0) lines.push(`${INDENT}<Codes/>`)
  else lines.push(`${INDENT}<Codes>`, ...codebook.themes.flatMap((theme) => codeLines(theme, 2)), `${INDENT}</Codes>`)
  lines.push('</CodeBook>', '')
  return lines.join('\n')
}

/**
 * A theme and its sub-themes as codable `<Code>` elements, indented `depth` levels of two spaces:
 * the same in a codebook file (`.qdc`) and in a project (`.qdpx`).
 */
export function codeLines(theme: CodebookTheme, depth: number): string[] {
  const indent = INDENT.repeat(depth)
  const colour = theme.colour === null ? '' : ` color="${theme.colour}"`
  const open = `${indent}<Code guid="${theme.guid}" name="${escapeXmlAttribute(theme.name)}" isCodable="true"${colour}`
  const description = joinDescription(theme.definition, theme.examples)
  if (description === '' && theme.children.length === 0) return [`${open}/>`]
  return [
    `${open}>`,
    ...(description === '' ? [] : [`${indent}${INDENT}<Description>${escapeXmlText(description)}</Description>`]),
    ...theme.children.flatMap((child) => codeLines(child, depth + 1)),
    `${indent}</Code>`,
  ]
}

function checkThemes(themes: readonly CodebookTheme[], depth = 1, guids = new Set<string>()): void {
  for (const theme of themes) {
    const where = `theme ${JSON.stringify(theme.name)}`
    if (depth > MAX_CODE_DEPTH) throw new Error(`${where} is nested ${depth} levels deep (expected at most ${MAX_CODE_DEPTH}, as parseQdc reads)`)
    if (!isUuid(theme.guid)) throw new Error(`invalid guid for ${where}: ${JSON.stringify(theme.guid)} (expected a UUID such as 0f8fad5b-d9cb-469f-a165-70867728950e)`)
    if (guids.has(theme.guid.toLowerCase())) throw new Error(`duplicate guid for ${where}: ${theme.guid} (expected a different GUID for every theme)`)
    guids.add(theme.guid.toLowerCase())
    if (theme.name === '') throw new Error(`empty theme name for guid ${theme.guid} (expected a name)`)
    if (theme.colour !== null && !isColour(theme.colour)) throw new Error(`invalid colour for ${where}: ${JSON.stringify(theme.colour)} (expected #RRGGBB or null)`)
    checkThemes(theme.children, depth + 1, guids)
  }
}

/**
 * The name for the processing instruction: percent-encoded where a pseudo-attribute could break
 * (`%`, quotes, `<`, `>`, `&`, `?`, tab and line ends); the rest as written.
 */
function encodeName(name: string): string {
  return toXmlCharacters(name).replace(/[%"'<>&?\t\n\r]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`)
}

/**
 * Read a `.qdc` file: its codebook (what could be read) and every problem, as issues with the file,
 * line and attribute. Never throws on any input. Errors: `malformed_xml`, `unexpected_root`,
 * `missing_guid`, `invalid_guid`, `duplicate_guid`, `missing_name`, `too_deep`; warnings:
 * `unexpected_namespace`, `missing_codes`, `sets_ignored`, `unknown_element`, `invalid_colour`,
 * `extra_description`, `duplicate_name`, `invalid_codebook_name`.
 */
export function parseQdc(xml: string, file?: string): Parsed<Codebook> {
  const issues = new QdcIssues(file)
  const read = readXml(xml)
  if (!read.ok) {
    const problem = xml.trim() === '' ? 'the file is empty' : `the file is not well-formed XML: ${read.message}`
    issues.error({ code: 'malformed_xml', line: read.line, column: read.column?.toString(), problem, expected: 'a REFI-QDA codebook (.qdc) file' })
    return { value: { themes: [] }, issues: issues.toArray() }
  }
  const { root } = read
  if (root.name !== 'CodeBook') {
    issues.error({ code: 'unexpected_root', line: root.line, value: root.name, problem: `the root element is <${root.name}>, so this is not a codebook file`, expected: 'a <CodeBook> root element (a REFI-QDA .qdc file)' })
    return { value: { themes: [] }, issues: issues.toArray() }
  }
  checkNamespace(root, issues)
  const name = readName(read.instructions, issues)
  const themes = readCodebook(root, issues)
  return { value: name === undefined ? { themes } : { name, themes }, issues: issues.toArray() }
}

function checkNamespace(root: XmlElement, issues: QdcIssues): void {
  const namespace = root.namespaces.get(root.prefix)
  if (namespace === undefined || namespace === QDC_NAMESPACE) return
  issues.warning({ code: 'unexpected_namespace', line: root.line, column: root.prefix === '' ? 'xmlns' : `xmlns:${root.prefix}`, value: namespace, problem: `the root element's namespace is ${quote(namespace)}; the file was read as a codebook all the same`, expected: QDC_NAMESPACE })
}

/** The themes of the root's `<Codes>`, in document order; `<Sets>` and anything else are warned about and skipped. */
function readCodebook(root: XmlElement, issues: QdcIssues): CodebookTheme[] {
  const readCodes = codesReader(issues)
  const themes: CodebookTheme[] = []
  let codes = 0
  for (const child of root.children) {
    if (child.name === 'Codes') {
      codes++
      for (const theme of readCodes(child)) themes.push(theme)
    } else if (child.name === 'Sets') {
      const count = child.children.filter((set) => set.name === 'Set').length
      issues.warning({ code: 'sets_ignored', line: child.line, column: 'Sets', problem: `${count} ${count === 1 ? 'set of codes (a code group) was' : 'sets of codes (code groups) were'} not read: LHS codebooks have no sets`, expected: 'only Codes; group codes under a parent code instead' })
    } else issues.warning({ code: 'unknown_element', line: child.line, column: child.name, problem: `<${child.name}> inside <CodeBook> is not part of a REFI-QDA codebook and was ignored`, expected: 'Codes and, optionally, Sets' })
  }
  if (codes === 0) issues.warning({ code: 'missing_codes', line: root.line, problem: 'the codebook has no <Codes> element, so no codes were read', expected: 'a <Codes> element holding the codes' })
  return themes
}

function readName(instructions: readonly XmlInstruction[], issues: QdcIssues): string | undefined {
  const written = instructions.find((instruction) => instruction.target === NAME_INSTRUCTION)?.attributes.get('name')
  if (written === undefined) return undefined
  try {
    return decodeURIComponent(written)
  } catch {
    issues.warning({ code: 'invalid_codebook_name', value: written, problem: `the codebook name ${quote(written)} in <?${NAME_INSTRUCTION}?> could not be decoded and was left out`, expected: 'a name with %XX escapes as LHS writes them' })
    return undefined
  }
}
