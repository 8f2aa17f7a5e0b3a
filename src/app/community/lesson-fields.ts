/** Checking a lesson draft's fields as a lead typed them (page or API): each refusal names the field and quotes the bad value. */
import { LESSON_VERDICTS } from '../../core/community/index.ts'
import { invalidField } from '../../core/errors.ts'
import type { LessonFields } from '../../storage/lessons.ts'
import { checkChoice, checkText } from '../implement/fields.ts'

/** What a lead may change in a draft (the effect comes from the review, never typed). */
export interface LessonEdit {
  readonly title?: string | undefined
  readonly summary?: string | undefined
  readonly setting?: string | undefined
  readonly population?: string | undefined
  readonly cfirFactors?: readonly string[] | undefined
  readonly change?: string | undefined
  readonly themes?: readonly string[] | undefined
  readonly verdict?: string | undefined
  readonly helped?: string | undefined
  readonly hindered?: string | undefined
  readonly contactName?: string | undefined
  readonly contactEmail?: string | undefined
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/

/** The draft's fields with the edit applied and checked. */
export function applyLessonEdit(current: LessonFields, edit: LessonEdit): LessonFields {
  const pick = <K extends keyof LessonEdit>(key: K, fallback: NonNullable<LessonEdit[K]>): NonNullable<LessonEdit[K]> => (edit[key] ?? fallback) as NonNullable<LessonEdit[K]>
  const contactEmail = checkText('contactEmail', 'the contact’s email', pick('contactEmail', current.contactEmail), 200, true)
  if (contactEmail !== '' && !EMAIL.test(contactEmail)) throw invalidField('contactEmail', `"${contactEmail.slice(0, 60)}" is not an email address (expected name@example.org).`, contactEmail)
  return {
    ...current,
    title: checkText('title', 'a title', pick('title', current.title), 200),
    summary: checkText('summary', 'a summary', pick('summary', current.summary), 2000, true),
    setting: checkText('setting', 'the setting', pick('setting', current.setting), 120, true),
    population: checkText('population', 'the population', pick('population', current.population), 1000, true),
    cfirFactors: checkList('cfirFactors', 'a CFIR factor', pick('cfirFactors', current.cfirFactors)),
    change: checkText('change', 'the change', pick('change', current.change), 5000, true),
    themes: checkList('themes', 'a theme', pick('themes', current.themes)),
    verdict: checkChoice('verdict', 'a verdict', pick('verdict', current.verdict), LESSON_VERDICTS),
    helped: checkText('helped', 'what helped', pick('helped', current.helped), 5000, true),
    hindered: checkText('hindered', 'what got in the way', pick('hindered', current.hindered), 5000, true),
    contactName: checkText('contactName', 'the contact’s name', pick('contactName', current.contactName), 120, true),
    contactEmail,
  }
}

/** Up to 20 distinct short entries, each trimmed; empty entries dropped. */
function checkList(field: string, label: string, values: readonly string[]): string[] {
  const items = [...new Set(values.map((v, i) => checkText(`${field}[${i}]`, label, v, 80, true)).filter((v) => v !== ''))]
  if (items.length > 20) throw invalidField(field, `There are ${items.length} entries in ${field} (expected at most 20).`)
  return items
}

/** A comma- or line-separated list as a form sends it. */
export function listFromText(text: string | undefined): string[] {
  return (text ?? '').split(/[,\n]/).map((s) => s.trim()).filter((s) => s !== '')
}
