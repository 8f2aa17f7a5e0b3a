/**
 * Coded excerpts as a REFI-QDA project (`project.qde`, Project.xsd 1.0): the codebook, the coders
 * as users, and one text source per excerpt (its redacted text, stored beside the XML as
 * `sources/{guid}.txt`) with a `PlainTextSelection` per coding. The zip (`.qdpx`) is made by the
 * caller. GUIDs are deterministic, so the same codings always give the same project.
 * Positions count Unicode code points from 0, end exclusive, as the standard's character positions.
 * @see https://www.qdasoftware.org/ (REFI-QDA standard, Project.xsd 1.0)
 */
import { deterministicUuid } from '../fhir/uuid.ts'
import type { Codebook, CodebookTheme } from './codebook.ts'
import { codeLines } from './qdc.ts'
import { escapeXmlAttribute, toXmlCharacters } from './xml-text.ts'

export const QDE_NAMESPACE = 'urn:QDA-XML:project:1.0'

export interface QdpxCoding {
  readonly themeGuid: string
  readonly coder: string
  /** UTF-16 offsets into the excerpt's text, end exclusive; null for the whole excerpt. */
  readonly start: number | null
  readonly end: number | null
  /** ISO timestamp. */
  readonly createdAt: string
}

export interface QdpxSource {
  /** A stable key for the excerpt (its id): the source's GUID is made from it. */
  readonly key: string
  readonly name: string
  /** The redacted excerpt text. */
  readonly text: string
  readonly codings: readonly QdpxCoding[]
}

export interface QdpxInput {
  readonly name: string
  readonly codebook: Codebook
  readonly sources: readonly QdpxSource[]
  /** ISO timestamp of the export. */
  readonly createdAt: string
}

export interface QdpxProject {
  /** `project.qde`. */
  readonly xml: string
  /** Paths inside the zip (`sources/{guid}.txt`) and their UTF-8 text. */
  readonly files: readonly { readonly path: string; readonly text: string }[]
}

const INDENT = '  '

/** The project's XML and its source files. Throws when a coding names a theme the codebook lacks. */
export function refiQdaProject(input: QdpxInput): QdpxProject {
  const themeGuids = new Set(allThemes(input.codebook.themes).map((t) => t.guid.toLowerCase()))
  const coders = [...new Set(input.sources.flatMap((s) => s.codings.map((c) => c.coder)))].sort()
  const userGuid = (coder: string) => deterministicUuid(`qdpx/user/${coder}`)
  const exporter = deterministicUuid('qdpx/user/LHS export')
  const attr = escapeXmlAttribute
  const lines = [
    '<?xml version="1.0" encoding="utf-8"?>',
    `<Project xmlns="${QDE_NAMESPACE}" name="${attr(input.name)}" origin="LHS" creatingUserGUID="${exporter}" creationDateTime="${input.createdAt}">`,
    `${INDENT}<Users>`,
    `${INDENT}${INDENT}<User guid="${exporter}" name="LHS export"/>`,
    ...coders.map((coder) => `${INDENT}${INDENT}<User guid="${userGuid(coder)}" name="${attr(coder)}"/>`),
    `${INDENT}</Users>`,
    `${INDENT}<CodeBook>`,
    input.codebook.themes.length === 0 ? `${INDENT}${INDENT}<Codes/>` : [`${INDENT}${INDENT}<Codes>`, ...input.codebook.themes.flatMap((t) => codeLines(t, 3)), `${INDENT}${INDENT}</Codes>`].join('\n'),
    `${INDENT}</CodeBook>`,
  ]
  const files: { path: string; text: string }[] = []
  if (input.sources.length > 0) lines.push(`${INDENT}<Sources>`)
  for (const source of input.sources) {
    const guid = deterministicUuid(`qdpx/source/${source.key}`)
    const text = toXmlCharacters(source.text)
    files.push({ path: `sources/${guid}.txt`, text })
    lines.push(`${INDENT}${INDENT}<TextSource guid="${guid}" name="${attr(source.name)}" plainTextPath="internal://${guid}.txt" creatingUser="${exporter}" creationDateTime="${input.createdAt}">`)
    source.codings.forEach((coding, i) => {
      if (!themeGuids.has(coding.themeGuid.toLowerCase())) throw new Error(`a coding of source ${source.key} names theme ${coding.themeGuid}, which is not in the codebook (expected one of its GUIDs)`)
      const [start, end] = span(source.text, coding)
      const selection = deterministicUuid(`qdpx/selection/${source.key}/${i}`)
      const user = userGuid(coding.coder)
      lines.push(
        `${INDENT.repeat(3)}<PlainTextSelection guid="${selection}" name="${attr(preview(source.text, coding))}" startPosition="${start}" endPosition="${end}" creatingUser="${user}" creationDateTime="${coding.createdAt}">`,
        `${INDENT.repeat(4)}<Coding guid="${deterministicUuid(`qdpx/coding/${source.key}/${i}`)}" creatingUser="${user}" creationDateTime="${coding.createdAt}">`,
        `${INDENT.repeat(5)}<CodeRef targetGUID="${coding.themeGuid}"/>`,
        `${INDENT.repeat(4)}</Coding>`,
        `${INDENT.repeat(3)}</PlainTextSelection>`,
      )
    })
    lines.push(`${INDENT}${INDENT}</TextSource>`)
  }
  if (input.sources.length > 0) lines.push(`${INDENT}</Sources>`)
  lines.push('</Project>', '')
  return { xml: lines.join('\n'), files }
}

/** Start and end in code points; a span outside the text is clamped to it. */
function span(text: string, coding: QdpxCoding): [number, number] {
  const start = Math.max(0, Math.min(coding.start ?? 0, text.length))
  const end = Math.max(start, Math.min(coding.end ?? text.length, text.length))
  return [codePoints(text.slice(0, start)), codePoints(text.slice(0, end))]
}

function codePoints(text: string): number {
  let n = 0
  for (const _ of text) n++
  return n
}

/** The selection's name: its first 60 characters. */
function preview(text: string, coding: QdpxCoding): string {
  const selected = text.slice(coding.start ?? 0, coding.end ?? text.length).replace(/\s+/g, ' ').trim()
  return selected.length > 60 ? `${selected.slice(0, 59)}…` : selected
}

function allThemes(themes: readonly CodebookTheme[]): CodebookTheme[] {
  return themes.flatMap((t) => [t, ...allThemes(t.children)])
}
