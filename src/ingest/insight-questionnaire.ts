/**
 * LHS's own feedback Questionnaire (FHIR R4), as data: build a form against it and send the answers
 * back as QuestionnaireResponse resources (`parseQuestionnaireResponses`). Its linkIds are the ones
 * the reader looks for.
 */
import { FFT_ANSWERS, SOURCE_TYPES } from '../core/insight/model.ts'
import type { SourceType } from '../core/insight/model.ts'
import { INSIGHT_TEXT_MAX } from './insight-fields.ts'

/** The product's canonical base for its own FHIR definitions. */
export const LHS_FHIR_BASE = 'https://lhs.example.org/fhir'
export const FEEDBACK_QUESTIONNAIRE_URL = `${LHS_FHIR_BASE}/Questionnaire/feedback`
export const FEEDBACK_QUESTIONNAIRE_VERSION = '1'
/** Codes `1`–`6` of the Friends and Family Test answers, numbered as NHS England numbers them. */
export const FFT_ANSWER_SYSTEM = `${LHS_FHIR_BASE}/CodeSystem/fft-answer`
/** Who the feedback came from: the codes of `SOURCE_TYPES`. */
export const INSIGHT_SOURCE_SYSTEM = `${LHS_FHIR_BASE}/CodeSystem/insight-source`
/** English IMD quintiles `1` (most deprived 20%) to `5`: there is no official FHIR code system for them. */
export const IMD_QUINTILE_SYSTEM = `${LHS_FHIR_BASE}/CodeSystem/imd-quintile`

/** The linkIds of the feedback Questionnaire, by what they hold. */
export const FEEDBACK_LINK_IDS = {
  fft: 'fft',
  comment: 'comment',
  site: 'site',
  sourceType: 'source-type',
  ageBand: 'age-band',
  ethnicity: 'ethnicity',
  sex: 'sex',
  imdQuintile: 'imd-quintile',
  tags: 'tags',
} as const

export interface FhirCoding {
  readonly system: string
  readonly code: string
  readonly display: string
}

/** The parts of an R4 `Questionnaire.item` this Questionnaire uses. */
export interface QuestionnaireItem {
  readonly linkId: string
  readonly text: string
  readonly type: 'group' | 'choice' | 'text' | 'string'
  readonly required?: boolean
  readonly repeats?: boolean
  readonly maxLength?: number
  readonly answerOption?: readonly { readonly valueCoding: FhirCoding }[]
  readonly item?: readonly QuestionnaireItem[]
}

/** The parts of an R4 `Questionnaire` resource this Questionnaire uses. */
export interface FhirQuestionnaire {
  readonly resourceType: 'Questionnaire'
  readonly id: string
  readonly url: string
  readonly version: string
  readonly name: string
  readonly title: string
  readonly status: 'active'
  readonly experimental: boolean
  readonly publisher: string
  readonly description: string
  readonly item: readonly QuestionnaireItem[]
}

const SOURCE_DISPLAYS: Record<SourceType, string> = {
  patient: 'A patient',
  carer: 'A carer, family member or friend',
  staff: 'A member of staff',
  community: 'A community member or group',
  interview: 'An interview',
}

const IMD_DISPLAYS = ['1 (most deprived 20%)', '2', '3', '4', '5 (least deprived 20%)'] as const

/**
 * The feedback Questionnaire: the Friends and Family Test question (answers coded `1`–`6`, or
 * valueInteger), the free-text comment (required), and optional site, source and questions about
 * the person. It asks nothing that identifies anyone, and responses are anonymous (no `subject`).
 */
export const FEEDBACK_QUESTIONNAIRE: FhirQuestionnaire = {
  resourceType: 'Questionnaire',
  id: 'feedback',
  url: FEEDBACK_QUESTIONNAIRE_URL,
  version: FEEDBACK_QUESTIONNAIRE_VERSION,
  name: 'LhsFeedback',
  title: 'Feedback about our service',
  status: 'active',
  experimental: false,
  publisher: 'LHS',
  description: 'Anonymous feedback: the Friends and Family Test question, why, and optional questions about the person. Free text is de-identified before it is stored.',
  item: [
    {
      linkId: FEEDBACK_LINK_IDS.fft,
      text: 'Overall, how was your experience of our service?',
      type: 'choice',
      answerOption: FFT_ANSWERS.map((a) => ({ valueCoding: { system: FFT_ANSWER_SYSTEM, code: String(a.code), display: a.label } })),
    },
    { linkId: FEEDBACK_LINK_IDS.comment, text: 'Please can you tell us why you gave your answer?', type: 'text', required: true, maxLength: INSIGHT_TEXT_MAX },
    { linkId: FEEDBACK_LINK_IDS.site, text: 'Which site or service is this about? (its code; leave empty for the whole organisation)', type: 'string' },
    {
      linkId: FEEDBACK_LINK_IDS.sourceType,
      text: 'Who is giving this feedback?',
      type: 'choice',
      answerOption: SOURCE_TYPES.map((s) => ({ valueCoding: { system: INSIGHT_SOURCE_SYSTEM, code: s, display: SOURCE_DISPLAYS[s] } })),
    },
    {
      linkId: 'about-you',
      text: 'About you (optional)',
      type: 'group',
      item: [
        { linkId: FEEDBACK_LINK_IDS.ageBand, text: 'What is your age?', type: 'string' },
        { linkId: FEEDBACK_LINK_IDS.ethnicity, text: 'What is your ethnic group?', type: 'string' },
        { linkId: FEEDBACK_LINK_IDS.sex, text: 'What is your sex?', type: 'string' },
        {
          linkId: FEEDBACK_LINK_IDS.imdQuintile,
          text: 'Deprivation quintile of the area the person lives in (English Indices of Deprivation)',
          type: 'choice',
          answerOption: IMD_DISPLAYS.map((display, i) => ({ valueCoding: { system: IMD_QUINTILE_SYSTEM, code: String(i + 1), display } })),
        },
      ],
    },
    { linkId: FEEDBACK_LINK_IDS.tags, text: 'Tags', type: 'string', repeats: true },
  ],
}
