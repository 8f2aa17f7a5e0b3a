/**
 * A theme's definition and examples as one description text, for formats with a single free-text
 * description per code (REFI-QDA's `<Description>`). The examples follow the definition after a
 * blank line and an `Examples:` line, one per line as a dash list, so people reading the code in
 * NVivo, ATLAS.ti, MAXQDA or QualCoder see them plainly:
 *
 *   Whether people can get an appointment at a time they can make.
 *
 *   Examples:
 *   - no appointments after 4pm
 *   - rang at 8am and all the slots had gone
 *
 * A line break inside an example continues on a line indented by two spaces, so the list never
 * holds a blank line and the last `\n\nExamples:\n` in a description is always the one written
 * here: `splitDescription(joinDescription(d, e))` gives back `d` and `e` exactly, for any text.
 * @see docs/methods/codebooks.md
 */

/** The line that starts the examples. */
export const EXAMPLES_HEADING = 'Examples:'

const SEPARATOR = `\n\n${EXAMPLES_HEADING}\n`
const ITEM = '- '
const CONTINUATION = '  '

/** A theme's definition and examples. */
export interface DescribedTheme {
  readonly definition: string
  readonly examples: readonly string[]
}

/**
 * The description text for a definition and its examples: the definition alone when there are no
 * examples (unless it holds the separator itself, when an empty list is written after it so that it
 * reads back whole); '' when both are empty.
 */
export function joinDescription(definition: string, examples: readonly string[]): string {
  if (examples.length === 0 && !definition.includes(SEPARATOR)) return definition
  const items = examples.map((example) => ITEM + example.split('\n').join(`\n${CONTINUATION}`))
  return definition + SEPARATOR + items.join('\n')
}

/**
 * A description split into definition and examples: everything before the last `Examples:` block
 * is the definition, provided what follows it is a dash list as `joinDescription` writes it (one
 * trailing line break is allowed); otherwise the whole text is the definition and there are no
 * examples.
 */
export function splitDescription(text: string): DescribedTheme {
  const at = text.lastIndexOf(SEPARATOR)
  if (at < 0) return { definition: text, examples: [] }
  const rest = text.slice(at + SEPARATOR.length)
  const examples = readItems(rest.endsWith('\n') ? rest.slice(0, -1) : rest)
  return examples === undefined ? { definition: text, examples: [] } : { definition: text.slice(0, at), examples }
}

/** The examples of a dash list, or undefined when `list` is not one. */
function readItems(list: string): string[] | undefined {
  if (list === '') return []
  const examples: string[] = []
  for (const line of list.split('\n')) {
    if (line.startsWith(ITEM)) examples.push(line.slice(ITEM.length))
    else if (line.startsWith(CONTINUATION) && examples.length > 0) examples[examples.length - 1] += `\n${line.slice(CONTINUATION.length)}`
    else return undefined
  }
  return examples
}
