/**
 * The answers of one QuestionnaireResponse to LHS's feedback Questionnaire read as the parts of an
 * insight: each linkId has the answer types it accepts, and a wrong one is an error naming both.
 */
import { isFftScore } from '../core/insight/model.ts'
import type { FftScore, InsightInput, SourceType } from '../core/insight/model.ts'
import { INSIGHT_TEXT_MAX, statedGroups } from './insight-fields.ts'
import type { FieldPlace, InsightFieldChecks } from './insight-fields.ts'
import { FEEDBACK_LINK_IDS as LINK, FFT_ANSWER_SYSTEM, IMD_QUINTILE_SYSTEM, INSIGHT_SOURCE_SYSTEM } from './insight-questionnaire.ts'
import type { IssueCollector } from './issue-collector.ts'
import { preview, quote } from './issue-collector.ts'
import { joinPath } from './questionnaire-response-documents.ts'
import type { AnswerValue, LinkAnswers } from './questionnaire-response-items.ts'
import { itemLabel } from './questionnaire-response-items.ts'
import { isRecord } from './questionnaire-response-json.ts'

/** What a response gives besides its date and how it came. */
export type AnsweredInsight = Omit<InsightInput, 'date' | 'collectedVia'>

type ValueType = 'valueString' | 'valueCoding' | 'valueInteger'

/** An answer's value once its type is checked. */
type Answer =
  | { readonly type: 'valueString'; readonly text: string; readonly place: FieldPlace }
  | { readonly type: 'valueInteger'; readonly integer: number; readonly place: FieldPlace }
  | { readonly type: 'valueCoding'; readonly system?: string; readonly code?: string; readonly display?: string; readonly place: FieldPlace }

/** The answer types a linkId accepts, and what to say when another is given. */
interface Accepted {
  readonly types: readonly ValueType[]
  readonly rule: string
}

const ACCEPTED: Readonly<Record<string, Accepted>> = {
  [LINK.comment]: { types: ['valueString'], rule: `valueString with the feedback as text of 1–${INSIGHT_TEXT_MAX.toLocaleString('en-GB')} characters` },
  [LINK.fft]: { types: ['valueCoding', 'valueInteger'], rule: `valueCoding with code "1"–"6" from ${FFT_ANSWER_SYSTEM}, or valueInteger 1–6` },
  [LINK.site]: { types: ['valueString'], rule: 'valueString with a site code' },
  [LINK.sourceType]: { types: ['valueCoding'], rule: `valueCoding with a code from ${INSIGHT_SOURCE_SYSTEM} (patient, carer, staff, community or interview)` },
  [LINK.ageBand]: { types: ['valueString', 'valueCoding'], rule: 'valueString, or valueCoding (its display, else its code)' },
  [LINK.ethnicity]: { types: ['valueString', 'valueCoding'], rule: 'valueString, or valueCoding (its display, else its code)' },
  [LINK.sex]: { types: ['valueString', 'valueCoding'], rule: 'valueString, or valueCoding (its display, else its code)' },
  [LINK.imdQuintile]: { types: ['valueString', 'valueInteger', 'valueCoding'], rule: `valueInteger 1–5, valueString "1"–"5", or valueCoding with code "1"–"5" from ${IMD_QUINTILE_SYSTEM}` },
  [LINK.tags]: { types: ['valueString', 'valueCoding'], rule: 'valueString or valueCoding (its display, else its code) for each tag' },
}

/** Reads the answers of one response, reporting each problem to `issues`. */
export class AnswerReader {
  readonly #answers: ReadonlyMap<string, LinkAnswers>
  readonly #check: InsightFieldChecks
  readonly #issues: IssueCollector
  readonly #line: number | undefined
  readonly #path: string

  constructor(answers: ReadonlyMap<string, LinkAnswers>, at: { readonly line: number | undefined; readonly path: string }, check: InsightFieldChecks, issues: IssueCollector) {
    this.#answers = answers
    this.#check = check
    this.#issues = issues
    this.#line = at.line
    this.#path = at.path
  }

  /** The parts of the insight, or undefined after reporting every problem in the answers. */
  read(): AnsweredInsight | undefined {
    const text = this.#comment()
    const fft = this.#fft()
    const site = this.#one(LINK.site, (a) => (a.type === 'valueString' ? this.#check.site(a.text, a.place) : undefined), null)
    const source = this.#one(LINK.sourceType, (a) => this.#source(a), this.#check.source('', { label: 'source' }))
    const groups = statedGroups({
      age_band: this.#one(LINK.ageBand, (a) => this.#check.groupLabel(label(a), a.place), null),
      ethnicity: this.#one(LINK.ethnicity, (a) => this.#check.groupLabel(label(a), a.place), null),
      sex: this.#one(LINK.sex, (a) => this.#check.groupLabel(label(a), a.place), null),
      imd_quintile: this.#one(LINK.imdQuintile, (a) => this.#imdQuintile(a), null),
    })
    const tags = this.#tags()
    if (text === undefined || fft === undefined || site === undefined || source === undefined || tags === undefined) return undefined
    return { source, site, groups, fft, text, tags }
  }

  #comment(): string | undefined {
    const text = this.#one(LINK.comment, (a) => (a.type === 'valueString' ? this.#check.text(a.text, a.place) : undefined), null)
    if (text !== null) return text
    const column = this.#answers.get(LINK.comment)?.path ?? joinPath(this.#path, `item[${LINK.comment}]`)
    this.#issues.error({ code: 'missing_value', line: this.#line, column, value: '', problem: `the response has no answer to ${itemLabel(LINK.comment)}`, expected: ACCEPTED[LINK.comment]?.rule ?? '' })
    return undefined
  }

  #fft(): FftScore | null | undefined {
    return this.#one(LINK.fft, (a) => {
      if (a.type === 'valueInteger') return isFftScore(a.integer) ? a.integer : this.#fail('invalid_choice', a, String(a.integer), `${a.integer} is not a Friends and Family Test answer`, 'an answer 1–6')
      if (a.type !== 'valueCoding' || !this.#system(a, FFT_ANSWER_SYSTEM)) return undefined
      const code = a.code ?? ''
      return /^[1-6]$/.test(code) ? (Number(code) as FftScore) : this.#fail('invalid_choice', a, code, `code ${quote(code)} is not a Friends and Family Test answer`, `code "1"–"6" from ${FFT_ANSWER_SYSTEM}`)
    }, null)
  }

  #source(answer: Answer): SourceType | undefined {
    if (answer.type !== 'valueCoding' || !this.#system(answer, INSIGHT_SOURCE_SYSTEM)) return undefined
    return this.#check.source(answer.code ?? '', answer.place)
  }

  #imdQuintile(answer: Answer): string | null | undefined {
    if (answer.type === 'valueInteger') return this.#check.imdQuintile(String(answer.integer), answer.place)
    if (answer.type === 'valueCoding' && !this.#system(answer, IMD_QUINTILE_SYSTEM)) return undefined
    return this.#check.imdQuintile(answer.type === 'valueCoding' ? (answer.code ?? answer.display ?? '') : answer.text, answer.place)
  }

  /** Every answer's tags, split at `;` and `,` as in a file, without repeats. */
  #tags(): string[] | undefined {
    const tags: string[] = []
    let ok = true
    for (const answer of this.#typed(LINK.tags)) {
      const read = answer === undefined ? undefined : this.#check.tags(label(answer), answer.place)
      if (read === undefined) ok = false
      else tags.push(...read)
    }
    return ok ? [...new Set(tags)] : undefined
  }

  /** The one answer to `linkId` read by `read`; `absent` when there is none, undefined after an error. */
  #one<T>(linkId: string, read: (answer: Answer) => T | undefined, absent: T): T | undefined {
    const answers = this.#typed(linkId)
    const found = this.#answers.get(linkId)
    if (found !== undefined && answers.length > 1) {
      const problem = `${itemLabel(linkId)} has ${answers.length} answers${found.items > 1 ? ` in ${found.items} items` : ''}`
      this.#issues.error({ code: 'duplicate_answer', line: this.#line, column: found.path, value: String(answers.length), problem, expected: `one answer to ${itemLabel(linkId)}` })
      return undefined
    }
    const [answer] = answers
    if (answers.length === 0) return absent
    return answer === undefined ? undefined : read(answer)
  }

  /** The answers to `linkId` with their types checked; an undefined stands for a wrong one (reported). */
  #typed(linkId: string): (Answer | undefined)[] {
    const found = this.#answers.get(linkId)
    const accepted = ACCEPTED[linkId]
    if (found === undefined || accepted === undefined) return []
    const place: FieldPlace = { line: this.#line, column: found.path, label: itemLabel(linkId) }
    return found.values.map((value) => this.#typedAnswer(value, accepted, place))
  }

  #typedAnswer(answer: AnswerValue, accepted: Accepted, place: FieldPlace): Answer | undefined {
    const { type, value } = answer
    const wrong = (what: string): undefined => this.#wrongType(place, value, `${place.label} answers with ${what}`, accepted.rule)
    if (!(accepted.types as readonly string[]).includes(type)) return wrong(`${type} ${preview(value)}`)
    if (type === 'valueString') return typeof value === 'string' ? { type, text: value, place } : wrong(`valueString ${preview(value)}, which is not text`)
    if (type === 'valueInteger') return Number.isInteger(value) ? { type, integer: value as number, place } : wrong(`valueInteger ${preview(value)}, which is not a whole number`)
    if (!isRecord(value)) return wrong(`valueCoding ${preview(value)}, which is not a Coding`)
    const parts: { system?: string; code?: string; display?: string } = {}
    for (const key of ['system', 'code', 'display'] as const) {
      const part = value[key]
      if (typeof part === 'string') parts[key] = part
      else if (part !== undefined) return wrong(`a valueCoding whose ${key} is ${preview(part)}, which is not text`)
    }
    return { type: 'valueCoding', ...parts, place }
  }

  /** True when a coding's system is `system` or left out (the code is then read as one of `system`'s). */
  #system(coding: Answer & { type: 'valueCoding' }, system: string): boolean {
    if (coding.system === undefined || coding.system === system) return true
    this.#fail('invalid_choice', coding, coding.system, `the coding's system ${quote(coding.system)} is not ${system}`, `a code from ${system}`)
    return false
  }

  #wrongType(place: FieldPlace, value: unknown, problem: string, expected: string): undefined {
    this.#issues.error({ code: 'wrong_type', line: place.line, column: place.column, value: typeof value === 'string' ? value : preview(value), problem, expected })
    return undefined
  }

  #fail(code: string, answer: Answer, value: string, problem: string, expected: string): undefined {
    this.#issues.error({ code, line: answer.place.line, column: answer.place.column, value, problem: `${answer.place.label}: ${problem}`, expected })
    return undefined
  }
}

/** The text of a string answer, or a coding's display (else its code). */
function label(answer: Answer): string {
  if (answer.type === 'valueString') return answer.text
  if (answer.type === 'valueCoding') return answer.display?.trim() ? answer.display : (answer.code ?? '')
  return String(answer.integer)
}
