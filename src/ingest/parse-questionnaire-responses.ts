/** FHIR R4 QuestionnaireResponse files (a Bundle, one resource, or NDJSON) as insights. */
import type { InsightInput } from '../core/insight/model.ts'
import type { Parsed } from '../core/issues.ts'
import type { InsightFileOptions } from './insight-fields.ts'
import { IssueCollector } from './issue-collector.ts'
import { forEachResponse } from './questionnaire-response-documents.ts'
import { ResponseReader } from './questionnaire-response-insight.ts'

/**
 * Read QuestionnaireResponse resources answering LHS's feedback Questionnaire (`FEEDBACK_QUESTIONNAIRE`)
 * from a Bundle of type collection or transaction, one resource, or NDJSON. Issues name the place as
 * a JSON path in `column` (`entry[3].item[comment]`) and, in NDJSON, the line. Only completed and
 * amended responses are imported; `subject` and other references to a person are never read.
 * `value` holds the responses without errors, texts as written (trimmed, not yet redacted); callers
 * should write nothing when any issue is an error. Throws only when `options.today` is not an ISO date.
 */
export function parseQuestionnaireResponses(input: string | Uint8Array, options: InsightFileOptions): Parsed<InsightInput[]> {
  const issues = new IssueCollector(options.file)
  const reader = new ResponseReader(options, issues)
  const insights: InsightInput[] = []
  forEachResponse(input, issues, (response) => {
    const insight = reader.read(response)
    if (insight !== undefined) insights.push(insight)
  })
  return { value: insights, issues: issues.toArray() }
}
