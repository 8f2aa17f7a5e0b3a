/** The learning community's pure rules: a lesson's published effect and the object members read. */
export { publishEffect, type Counts, type EffectInput, type PublishedEffect, type PublishedEffectRow, type PublishedWindowFigures } from './lesson-effect.ts'
export { canonicalJson, lessonPreview, LESSON_VERDICTS, VERDICT_LABELS, type LessonDraftContent, type LessonVerdict, type PublishedLesson } from './lesson-preview.ts'
