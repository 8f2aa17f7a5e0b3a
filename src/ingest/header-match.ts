/** Checking a header line against the exact column lists a file format allows. */
import type { IssueCollector } from './issue-collector.ts'
import { quote } from './issue-collector.ts'

/**
 * Index of the choice in `choices` that the header matches exactly (after trimming each name;
 * case matters), or -1 after reporting one `bad_header` error that says how it differs.
 */
export function matchHeader(
  fields: readonly string[],
  choices: readonly (readonly string[])[],
  line: number,
  issues: IssueCollector,
): number {
  const names = fields.map((field) => field.trim())
  const index = choices.findIndex((choice) => choice.length === names.length && choice.every((name, i) => name === names[i]))
  if (index !== -1) return index
  const closest = closestChoice(names, choices)
  issues.error({
    code: 'bad_header',
    line,
    value: fields.join(','),
    problem: `the header ${quote(names.join(','))} ${describeDifference(names, closest)}`,
    expected: choices.map((choice) => quote(choice.join(','))).join(' or '),
  })
  return -1
}

function closestChoice(names: readonly string[], choices: readonly (readonly string[])[]): readonly string[] {
  const score = (choice: readonly string[]): number => choice.filter((name) => names.includes(name)).length
  return choices.reduce((best, choice) => (score(choice) > score(best) ? choice : best), choices[0] ?? [])
}

/** "is missing x, has unexpected y" or "has the right columns in the wrong order", and so on. */
export function describeDifference(names: readonly string[], expected: readonly string[]): string {
  if (names.length === 1 && /[;\t]/.test(names[0] ?? '')) return 'has semicolons or tabs between the columns instead of commas'
  const missing = expected.filter((name) => !names.includes(name))
  const unexpected = names.filter((name) => !expected.includes(name))
  const repeated = names.filter((name, i) => names.indexOf(name) !== i)
  const parts = [
    missing.length > 0 ? `is missing ${listNames(missing)}` : '',
    unexpected.length > 0 ? `has unexpected ${listNames(unexpected)}` : '',
    repeated.length > 0 ? `repeats ${listNames(repeated)}` : '',
  ].filter((part) => part !== '')
  return parts.length > 0 ? parts.join(', ') : 'has the right columns in the wrong order'
}

/** Column names listed in a message before "…", so a header of thousands of columns gives a short one. */
const LISTED_NAMES = 10

function listNames(names: readonly string[]): string {
  const quoted = names.slice(0, LISTED_NAMES).map((name) => (name === '' ? 'an unnamed column' : quote(name)))
  const more = names.length > LISTED_NAMES ? `, … (${names.length.toLocaleString('en-GB')} in all)` : ''
  return `${names.length === 1 ? 'column' : 'columns'} ${quoted.join(', ')}${more}`
}
