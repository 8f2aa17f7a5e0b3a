/**
 * One QuestionnaireResponse as an insight, with the rules LHS adds to FHIR R4 for anonymous
 * feedback: only completed or amended responses, a day in `authored`, a comment, and no person.
 */
import type { InsightInput } from '../core/insight/model.ts'
import { isoDayNumber } from '../core/period.ts'
import { InsightFieldChecks } from './insight-fields.ts'
import type { FieldPlace, InsightFileOptions } from './insight-fields.ts'
import { FEEDBACK_QUESTIONNAIRE, FEEDBACK_QUESTIONNAIRE_URL, FEEDBACK_QUESTIONNAIRE_VERSION } from './insight-questionnaire.ts'
import type { QuestionnaireItem } from './insight-questionnaire.ts'
import type { IssueCollector } from './issue-collector.ts'
import { preview, quote } from './issue-collector.ts'
import { AnswerReader } from './questionnaire-response-answers.ts'
import { joinPath } from './questionnaire-response-documents.ts'
import type { ResponseAt } from './questionnaire-response-documents.ts'
import { collectAnswers, itemLabel } from './questionnaire-response-items.ts'
import type { LinkAnswers } from './questionnaire-response-items.ts'

/** QuestionnaireResponse.status (R4, required). */
export const RESPONSE_STATUSES = ['in-progress', 'completed', 'amended', 'entered-in-error', 'stopped'] as const
const IMPORTED_STATUSES: ReadonlySet<unknown> = new Set(['completed', 'amended'])
const STATUS_RULE = `one of ${RESPONSE_STATUSES.join(', ')} (only completed and amended responses are imported)`

/** References that could say who gave the feedback: never read, never stored. */
const IDENTIFYING = ['subject', 'encounter', 'author', 'source'] as const

/** An R4 dateTime that gives a day: a date, or a date and time with its time zone. */
const DATE_TIME = /^(\d{4}-\d{2}-\d{2})(?:T(?:[01]\d|2[0-3]):[0-5]\d:(?:[0-5]\d|60)(?:\.\d+)?(?:Z|[+-](?:(?:0\d|1[0-3]):[0-5]\d|14:00)))?$/
const AUTHORED_FORM = 'a FHIR dateTime with at least the day, such as 2024-03-05 or 2024-03-05T14:30:00Z'

/** Every linkId of the feedback Questionnaire, groups included. */
const KNOWN_LINK_IDS: ReadonlySet<string> = new Set(linkIdsOf(FEEDBACK_QUESTIONNAIRE.item))

function linkIdsOf(items: readonly QuestionnaireItem[]): string[] {
  return items.flatMap((item) => [item.linkId, ...linkIdsOf(item.item ?? [])])
}

/** Names listed in a message before "…". */
const LISTED = 10

/** Reads QuestionnaireResponse resources as insights, reporting each problem to `issues`. */
export class ResponseReader {
  readonly #check: InsightFieldChecks
  readonly #issues: IssueCollector

  /** Throws when `options.today` is not an ISO date. */
  constructor(options: InsightFileOptions, issues: IssueCollector) {
    this.#check = new InsightFieldChecks(options, issues, AUTHORED_FORM)
    this.#issues = issues
  }

  /** The insight in `at`, or undefined when it is not imported (a warning says why) or has errors. */
  read(at: ResponseAt): InsightInput | undefined {
    const errorsBefore = this.#issues.errorCount
    if (!this.#imported(at)) return undefined
    this.#checkModifier(at)
    this.#warnIdentifying(at)
    this.#checkQuestionnaire(at)
    const date = this.#authored(at)
    const answers = collectAnswers(at.resource.item, at.path, at.line, this.#issues)
    this.#warnUnknownItems(answers, at)
    const answered = new AnswerReader(answers, at, this.#check, this.#issues).read()
    if (this.#issues.errorCount !== errorsBefore || date === undefined || answered === undefined) return undefined
    return { ...answered, collectedVia: 'import_fhir', date }
  }

  /** False for a response whose status says it is not finished or not valid (a warning); an unknown status is an error. */
  #imported(at: ResponseAt): boolean {
    const status = at.resource.status
    const column = joinPath(at.path, 'status')
    if (IMPORTED_STATUSES.has(status)) return true
    if (typeof status === 'string' && (RESPONSE_STATUSES as readonly string[]).includes(status)) {
      this.#issues.warning({ code: 'not_imported', line: at.line, column, value: status, problem: `a response with status ${quote(status)} is not imported`, expected: 'status completed or amended' })
      return false
    }
    if (status === undefined) this.#issues.error({ code: 'missing_value', line: at.line, column, value: '', problem: 'the response has no status', expected: STATUS_RULE })
    else this.#issues.error({ code: 'invalid_choice', line: at.line, column, value: typeof status === 'string' ? status : preview(status), problem: `status ${typeof status === 'string' ? quote(status) : preview(status)} is not a QuestionnaireResponse status`, expected: STATUS_RULE })
    return true
  }

  #checkModifier(at: ResponseAt): void {
    if (at.resource.modifierExtension === undefined) return
    const problem = 'the response has a modifierExtension, which changes its meaning in a way LHS does not understand'
    this.#issues.error({ code: 'modifier_extension', line: at.line, column: joinPath(at.path, 'modifierExtension'), value: preview(at.resource.modifierExtension), problem, expected: 'no modifierExtension' })
  }

  /** Feedback is imported anonymously: a subject (or another reference to a person or visit) is dropped, and never quoted. */
  #warnIdentifying(at: ResponseAt): void {
    const present = IDENTIFYING.filter((key) => at.resource[key] !== undefined)
    const [first] = present
    if (first === undefined) return
    const names = present.join(' and ')
    const problem = `${names} ${present.length === 1 ? 'is' : 'are'} ignored and never stored (feedback is imported anonymously)`
    this.#issues.warning({ code: 'ignored_value', line: at.line, column: joinPath(at.path, first), value: present.join(','), problem, expected: `anonymous feedback, without ${IDENTIFYING.join(', ')}` })
  }

  /** A response to another Questionnaire is still read by linkId, with a warning. */
  #checkQuestionnaire(at: ResponseAt): void {
    const canonical = at.resource.questionnaire
    const ours = [FEEDBACK_QUESTIONNAIRE_URL, `${FEEDBACK_QUESTIONNAIRE_URL}|${FEEDBACK_QUESTIONNAIRE_VERSION}`]
    if (canonical === undefined || ours.includes(canonical as string)) return
    const written = typeof canonical === 'string' ? canonical : preview(canonical)
    const problem = `the response answers the Questionnaire ${typeof canonical === 'string' ? quote(canonical) : preview(canonical)}, not LHS's feedback Questionnaire; its items are read by linkId`
    this.#issues.warning({ code: 'unknown_questionnaire', line: at.line, column: joinPath(at.path, 'questionnaire'), value: written, problem, expected: `questionnaire ${ours[1]}, or none` })
  }

  /** The day of `authored` as written (the author's own date, whatever the time zone). */
  #authored(at: ResponseAt): string | undefined {
    const raw = at.resource.authored
    const place: FieldPlace = { line: at.line, column: joinPath(at.path, 'authored'), label: 'authored' }
    const expected = this.#check.dateRule
    const fail = (code: string, value: string, problem: string): undefined => {
      this.#issues.error({ code, line: place.line, column: place.column, value, problem, expected })
      return undefined
    }
    if (raw === undefined) return fail('missing_value', '', 'the response has no authored date, which LHS needs as the day the feedback was given')
    if (typeof raw !== 'string') return fail('wrong_type', preview(raw), `authored is ${preview(raw)}, not a dateTime`)
    const day = DATE_TIME.exec(raw)?.[1]
    if (day === undefined) {
      return fail('bad_date', raw, /^\d{4}(-\d{2})?$/.test(raw) ? `authored ${quote(raw)} gives no day` : `authored ${quote(raw)} is not a FHIR dateTime`)
    }
    if (isoDayNumber(day) === undefined) return fail('bad_date', raw, `authored ${quote(raw)} is not a real date`)
    return this.#check.dateInRange(day, raw, place)
  }

  /** Answers to questions the feedback Questionnaire does not ask are left out, with one warning per response. */
  #warnUnknownItems(answers: ReadonlyMap<string, LinkAnswers>, at: ResponseAt): void {
    const unknown = [...answers].filter(([linkId, found]) => !KNOWN_LINK_IDS.has(linkId) && found.values.length > 0)
    const [first] = unknown
    if (first === undefined) return
    const listed = unknown.slice(0, LISTED).map(([linkId]) => itemLabel(linkId)).join(', ')
    const more = unknown.length > LISTED ? `, … (${unknown.length.toLocaleString('en-GB')} in all)` : ''
    const problem = `${listed}${more} ${unknown.length === 1 ? 'is not a question' : 'are not questions'} of LHS's feedback Questionnaire and ${unknown.length === 1 ? 'is' : 'are'} ignored`
    this.#issues.warning({ code: 'unknown_item', line: at.line, column: first[1].path, value: unknown.map(([linkId]) => linkId).join(','), problem, expected: `only the linkIds ${[...KNOWN_LINK_IDS].join(', ')}` })
  }
}
