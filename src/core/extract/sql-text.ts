/**
 * SQL text for DuckDB written by the extract compiler: every identifier double-quoted and every
 * literal escaped, so no text from a definition or a file is ever read as SQL.
 */

/** C0 control characters (tab, line feed and carriage return included) and lone surrogates. */
// eslint-disable-next-line no-control-regex -- control characters are what is being looked for
const UNSAFE = /[\u0000-\u001F\u007F]|\p{Cs}/u

/** `"name"` with each `"` doubled; throws on a control character or an empty name (the definition checks rule them out first). */
export function quoteIdentifier(name: string): string {
  if (name === '' || UNSAFE.test(name)) throw new Error(`invalid SQL identifier: ${JSON.stringify(name)} (expected 1 or more characters without control characters)`)
  return `"${name.replaceAll('"', '""')}"`
}

/** `'text'` with each `'` doubled; throws on a NUL or a lone surrogate, which DuckDB's SQL text cannot carry faithfully. */
export function quoteString(text: string): string {
  // eslint-disable-next-line no-control-regex -- NUL is what is being looked for
  if (/\u0000|\p{Cs}/u.test(text)) throw new Error(`invalid SQL string: ${JSON.stringify(text)} (expected text without NUL or lone surrogates)`)
  return `'${text.replaceAll("'", "''")}'`
}

/** A finite number as a DOUBLE literal, e.g. `CAST(2.5 AS DOUBLE)`; throws on NaN or ±Infinity. */
export function numberLiteral(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`invalid SQL number: ${value} (expected a finite number)`)
  return `CAST(${Object.is(value, -0) ? '0' : String(value)} AS DOUBLE)`
}
