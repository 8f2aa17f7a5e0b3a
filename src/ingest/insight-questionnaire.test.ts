import { describe, expect, it } from 'vitest'
import { FFT_ANSWERS, SOURCE_TYPES } from '../core/insight/model.ts'
import { insightTestOptions } from './insight-test-context.ts'
import { FEEDBACK_LINK_IDS, FEEDBACK_QUESTIONNAIRE, FEEDBACK_QUESTIONNAIRE_URL, FFT_ANSWER_SYSTEM } from './insight-questionnaire.ts'
import type { QuestionnaireItem } from './insight-questionnaire.ts'
import { parseQuestionnaireResponses } from './parse-questionnaire-responses.ts'

function flatten(items: readonly QuestionnaireItem[]): QuestionnaireItem[] {
  return items.flatMap((item) => [item, ...flatten(item.item ?? [])])
}

const items = flatten(FEEDBACK_QUESTIONNAIRE.item)

/** A response answering every question of `questions`: a choice with its last option, text with a sample. */
function answersTo(questions: readonly QuestionnaireItem[]): unknown[] {
  return questions.map((item) => {
    if (item.type === 'group') return { linkId: item.linkId, item: answersTo(item.item ?? []) }
    const option = item.answerOption?.at(-1)
    const value = option !== undefined ? { valueCoding: option.valueCoding } : { valueString: item.linkId === 'site' ? 'A81001' : `some ${item.linkId}` }
    return { linkId: item.linkId, text: item.text, answer: [value] }
  })
}

describe('FEEDBACK_QUESTIONNAIRE', () => {
  it('is an R4 Questionnaire at the product canonical URL, version 1, with unique linkIds', () => {
    expect(FEEDBACK_QUESTIONNAIRE).toMatchObject({ resourceType: 'Questionnaire', url: FEEDBACK_QUESTIONNAIRE_URL, version: '1', status: 'active' })
    expect(FEEDBACK_QUESTIONNAIRE_URL).toBe('https://lhs.example.org/fhir/Questionnaire/feedback')
    const linkIds = items.map((i) => i.linkId)
    expect(new Set(linkIds).size).toBe(linkIds.length)
    expect(JSON.parse(JSON.stringify(FEEDBACK_QUESTIONNAIRE))).toEqual(FEEDBACK_QUESTIONNAIRE)
  })

  it('asks every question the reader reads, and makes only the comment required', () => {
    expect(new Set(items.filter((i) => i.type !== 'group').map((i) => i.linkId))).toEqual(new Set(Object.values(FEEDBACK_LINK_IDS)))
    expect(items.filter((i) => i.required).map((i) => i.linkId)).toEqual(['comment'])
  })

  it('gives choice questions coded answers, and groups only nested items', () => {
    for (const item of items) {
      if (item.type === 'choice') expect(item.answerOption?.every((o) => o.valueCoding.system.startsWith('https://lhs.example.org/fhir/CodeSystem/') && o.valueCoding.code !== ''), item.linkId).toBe(true)
      else expect(item.answerOption, item.linkId).toBeUndefined()
      expect(item.type === 'group', item.linkId).toBe(item.item !== undefined)
    }
  })

  it('numbers the Friends and Family Test answers as NHS England does, and offers every source type', () => {
    const fft = items.find((i) => i.linkId === 'fft')
    expect(fft?.answerOption?.map((o) => o.valueCoding)).toEqual(FFT_ANSWERS.map((a) => ({ system: FFT_ANSWER_SYSTEM, code: String(a.code), display: a.label })))
    expect(items.find((i) => i.linkId === 'source-type')?.answerOption?.map((o) => o.valueCoding.code)).toEqual([...SOURCE_TYPES])
  })

  it('reads back a response built from its own questions and options without an issue', () => {
    const response = { resourceType: 'QuestionnaireResponse', questionnaire: `${FEEDBACK_QUESTIONNAIRE_URL}|1`, status: 'completed', authored: '2025-05-01', item: answersTo(FEEDBACK_QUESTIONNAIRE.item) }
    const parsed = parseQuestionnaireResponses(JSON.stringify(response), insightTestOptions('form.json'))
    expect(parsed.issues).toEqual([])
    expect(parsed.value).toEqual([
      {
        source: 'interview', collectedVia: 'import_fhir', date: '2025-05-01', site: 'A81001', fft: 6, text: 'some comment', tags: ['some tags'],
        groups: { age_band: 'some age-band', ethnicity: 'some ethnicity', sex: 'some sex', imd_quintile: '5' },
      },
    ])
  })
})
