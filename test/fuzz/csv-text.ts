/** Writing generated rows as CSV text the way different programs do (quoting, line ends, BOM). */
import fc from 'fast-check'

/** How a generated file is laid out; each choice is one a real program makes. */
export interface CsvStyle {
  readonly lineEnd: '\n' | '\r\n' | '\r'
  readonly bom: boolean
  readonly quoteAll: boolean
  readonly finalLineEnd: boolean
}

export const csvStyle: fc.Arbitrary<CsvStyle> = fc.record({
  lineEnd: fc.constantFrom('\n' as const, '\r\n' as const, '\r' as const),
  bom: fc.boolean(),
  quoteAll: fc.boolean(),
  finalLineEnd: fc.boolean(),
})

export const PLAIN_STYLE: CsvStyle = { lineEnd: '\n', bom: false, quoteAll: false, finalLineEnd: true }

/** One field, quoted when it holds a comma, quote or line break (or always, with `quoteAll`). */
export function csvField(text: string, quoteAll = false): string {
  return quoteAll || /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

/** A whole file from rows of fields (the header being the first row). */
export function csvText(rows: readonly (readonly string[])[], style: CsvStyle = PLAIN_STYLE): string {
  const body = rows.map((fields) => fields.map((field) => csvField(field, style.quoteAll)).join(',')).join(style.lineEnd)
  return `${style.bom ? '\uFEFF' : ''}${body}${style.finalLineEnd ? style.lineEnd : ''}`
}

/** Lines of a file as a reader counts them: CRLF, LF and a lone CR each end a line. */
export function lineCount(input: string | Uint8Array): number {
  const bytes = typeof input === 'string' ? new TextEncoder().encode(input) : input
  let lines = 1
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 10 || (bytes[i] === 13 && bytes[i + 1] !== 10)) lines++
  }
  return lines
}

/** The 1-based line on which each row of `csvText(rows, style)` starts, counting breaks inside quoted fields. */
export function rowLines(rows: readonly (readonly string[])[]): number[] {
  const lines: number[] = []
  let line = 1
  for (const fields of rows) {
    lines.push(line)
    line += lineCount(fields.join(','))
  }
  return lines
}
