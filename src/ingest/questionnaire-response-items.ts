/**
 * The answers of a QuestionnaireResponse by linkId, wherever they are: nested `item[].item[]` groups
 * and questions nested under answers (`item[].answer[].item[]`) are walked.
 */
import type { IssueCollector } from './issue-collector.ts'
import { preview, quote } from './issue-collector.ts'
import { joinPath } from './questionnaire-response-documents.ts'
import { isRecord } from './questionnaire-response-json.ts'

/** One answer's value: the `value[x]` key it was given under (`valueString`) and what it holds. */
export interface AnswerValue {
  readonly type: string
  readonly value: unknown
}

/** Every answer to one linkId. */
export interface LinkAnswers {
  /** JSON path of the first item with this linkId, e.g. `entry[3].item[about-you].item[sex]`. */
  readonly path: string
  /** How many items had this linkId. */
  items: number
  readonly values: AnswerValue[]
}

/** Levels of nested items read; a response nested deeper is an error rather than a deep recursion. */
export const MAX_ITEM_DEPTH = 10
/** Characters of a linkId shown in a path. */
const PATH_LINK_ID = 64

interface Walk {
  readonly line: number | undefined
  readonly issues: IssueCollector
  readonly answers: Map<string, LinkAnswers>
  tooDeep: boolean
}

/**
 * The answers in `items` (a response's `item`) by linkId, reporting items that are not objects, have
 * no linkId, hold a modifierExtension (which would change their meaning) or nest too deep.
 */
export function collectAnswers(items: unknown, path: string, line: number | undefined, issues: IssueCollector): Map<string, LinkAnswers> {
  const walk: Walk = { line, issues, answers: new Map(), tooDeep: false }
  walkItems(items, path, 1, walk)
  return walk.answers
}

function walkItems(items: unknown, path: string, depth: number, walk: Walk): void {
  if (items === undefined) return
  const column = joinPath(path, 'item')
  if (!Array.isArray(items)) return fail(walk, 'wrong_type', column, preview(items), `item is ${preview(items)}`, 'a list of items')
  if (depth > MAX_ITEM_DEPTH) {
    if (!walk.tooDeep) fail(walk, 'too_deep', column, '', `items are nested more than ${MAX_ITEM_DEPTH} levels deep`, `at most ${MAX_ITEM_DEPTH} levels of nested items`)
    walk.tooDeep = true
    return
  }
  items.forEach((item: unknown, i) => {
    if (!isRecord(item)) return fail(walk, 'wrong_type', `${column}[${i}]`, preview(item), `the item is ${preview(item)}`, 'an object with a linkId')
    const linkId = typeof item.linkId === 'string' ? item.linkId.trim() : ''
    const itemPath = `${column}[${linkId === '' ? i : shortLinkId(linkId)}]`
    if (linkId === '') fail(walk, 'missing_value', itemPath, item.linkId === undefined ? '' : preview(item.linkId), 'the item has no linkId', 'a linkId naming the question (text)')
    checkModifier(item, itemPath, walk)
    const values = answerValues(item.answer, itemPath, depth, walk)
    if (linkId !== '') addAnswers(walk.answers, linkId, itemPath, values)
    walkItems(item.item, itemPath, depth + 1, walk)
  })
}

/** The values of an item's answers; answers' own nested items are walked too. */
function answerValues(answers: unknown, itemPath: string, depth: number, walk: Walk): AnswerValue[] {
  if (answers === undefined) return []
  if (!Array.isArray(answers)) {
    fail(walk, 'wrong_type', joinPath(itemPath, 'answer'), preview(answers), `answer is ${preview(answers)}`, 'a list of answers')
    return []
  }
  const values: AnswerValue[] = []
  answers.forEach((answer: unknown, i) => {
    const path = joinPath(itemPath, `answer[${i}]`)
    if (!isRecord(answer)) return fail(walk, 'wrong_type', path, preview(answer), `the answer is ${preview(answer)}`, 'an object with one value[x], such as valueString')
    checkModifier(answer, path, walk)
    const keys = Object.keys(answer).filter((key) => /^value[A-Z]/.test(key))
    if (keys.length > 1) fail(walk, 'wrong_type', path, keys.join(','), `the answer has ${keys.length} values (${keys.slice(0, 5).join(', ')})`, 'one value[x] in each answer')
    const type = keys[0]
    if (keys.length === 1 && type !== undefined) values.push({ type, value: answer[type] })
    walkItems(answer.item, path, depth + 1, walk)
  })
  return values
}

function addAnswers(answers: Map<string, LinkAnswers>, linkId: string, path: string, values: readonly AnswerValue[]): void {
  const known = answers.get(linkId)
  if (known === undefined) {
    answers.set(linkId, { path, items: 1, values: [...values] })
    return
  }
  known.items++
  known.values.push(...values)
}

/** A modifierExtension changes what an element means, so one LHS does not understand makes the response unreadable. */
function checkModifier(element: Readonly<Record<string, unknown>>, path: string, walk: Walk): void {
  if (element.modifierExtension === undefined) return
  const problem = 'the element has a modifierExtension, which changes its meaning in a way LHS does not understand'
  fail(walk, 'modifier_extension', joinPath(path, 'modifierExtension'), preview(element.modifierExtension), problem, 'no modifierExtension')
}

function shortLinkId(linkId: string): string {
  if (linkId.length <= PATH_LINK_ID) return linkId
  // Cut before a high surrogate so a path never ends in half a character.
  const last = linkId.charCodeAt(PATH_LINK_ID - 1)
  return `${linkId.slice(0, last >= 0xd800 && last <= 0xdbff ? PATH_LINK_ID - 1 : PATH_LINK_ID)}…`
}

function fail(walk: Walk, code: string, column: string, value: string, problem: string, expected: string): void {
  walk.issues.error({ code, line: walk.line, column, value, problem, expected })
}

/** A linkId quoted for a message: `item "comment"`. */
export function itemLabel(linkId: string): string {
  return `item ${quote(linkId, PATH_LINK_ID)}`
}
