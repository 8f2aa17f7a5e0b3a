/**
 * "Lessons from earlier decisions": past decisions of the organisation whose actions have a
 * verdict, with what they share with the findings in hand, the verdicts in plain words and the
 * review date. Optionally each with a checkbox, to say the new decision draws on it.
 */
import type { LessonView } from '../../../app/decide/find-lessons.ts'
import { formatDate } from '../format.ts'
import { decisionPath } from './decide-paths.ts'
import { Checkbox } from './form-problems.tsx'

interface LessonsListProps {
  readonly organisation: string
  readonly lessons: readonly LessonView[]
  /** Show checkboxes named `lesson`, these ticked. */
  readonly choose?: { readonly checked: readonly number[] } | undefined
}

export const LESSONS_HELP =
  'Earlier decisions of this organisation whose actions the data have already judged, ranked by how many measures and themes they share with the findings in hand. Lessons shared by other organisations will appear here once a learning community exists.'

function shared(lesson: LessonView): string {
  const parts = [...lesson.shared.measures.map((m) => m.name), ...lesson.shared.themes.map((t) => `theme “${t.name}”`)]
  return parts.length === 0 ? '' : `Shares ${parts.join(', ')}.`
}

function href(organisation: string, lesson: LessonView): string {
  return decisionPath({ organisation: { code: organisation }, programme: { code: lesson.programme } }, lesson.decision)
}

/** The verdicts, review date and what it shares, in words. */
function LessonDetail({ lesson }: { lesson: LessonView }) {
  return (
    <>
      {lesson.labelText}. {lesson.actions.map((a) => `${a.title}: ${a.words}`).join('; ')}.{lesson.reviewDate ? ` Review date ${formatDate(lesson.reviewDate)}.` : ' No review date.'} {shared(lesson)}
    </>
  )
}

export function LessonsList({ organisation, lessons, choose }: LessonsListProps) {
  if (lessons.length === 0) return <p>No earlier decision has actions with a verdict that share a measure or theme with these findings yet.</p>
  if (choose) {
    return (
      <div class="nhsuk-checkboxes">
        {lessons.map((l, i) => (
          <Checkbox
            id={i === 0 ? 'lessons' : `lesson-${l.decision}`}
            name="lessons"
            value={String(l.decision)}
            checked={choose.checked.includes(l.decision)}
            hint={
              <>
                <LessonDetail lesson={l} /> <a href={href(organisation, l)}>Read the decision<span class="nhsuk-u-visually-hidden">: {l.title}</span></a>
              </>
            }
          >
            {l.title}
          </Checkbox>
        ))}
      </div>
    )
  }
  return (
    <ul class="nhsuk-list nhsuk-list--bullet">
      {lessons.map((l) => (
        <li>
          <a href={href(organisation, l)}>{l.title}</a>
          <span class="lhs-block nhsuk-body-s">
            <LessonDetail lesson={l} />
          </span>
        </li>
      ))}
    </ul>
  )
}
