/** The preview: exactly what other members of the network will read, field by field, with the disclosure policy; publishing sends back this preview's hash. */
import type { LessonPreview } from '../../../app/community/lesson-publish.ts'
import { CsrfField, Layout } from '../layout.tsx'
import { LessonFieldsView } from './lesson-view.tsx'
import { WarningCallout } from '../warning-callout.tsx'

export function LessonPreviewPage({ organisation, preview, changed }: { organisation: { code: string; name: string }; preview: LessonPreview; changed?: boolean }) {
  const base = `/organisations/${organisation.code}/community`
  const policy = preview.lesson.effect?.policy
  return (
    <Layout title={`Preview: ${preview.lesson.title} – learning community`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: 'Learning community', href: base }, { text: `Lesson ${preview.id}`, href: `${base}/lessons/${preview.id}` }]}>
      <span class="nhsuk-caption-l">Preview of lesson {preview.id}</span>
      <h1>What leaves {organisation.name}</h1>
      {changed ? <div class="nhsuk-inset-text" role="status"><p>The lesson changed after the preview you published from, so nothing was published. This is the preview as it is now: check it again.</p></div> : null}
      <WarningCallout label="Check every field">
        <p>
          Publishing shows every member of {preview.lesson.network.name} exactly what is below, and nothing else: no names of people other than the contact, no record numbers, and
          only counts that went through your disclosure policy.
          {policy ? ` ${policy}` : ''}
        </p>
      </WarningCallout>
      <LessonFieldsView lesson={preview.lesson} />
      {preview.status === 'draft' ? (
        <form method="post" action={`${base}/lessons/${preview.id}/publish`}>
          <CsrfField />
          <input type="hidden" name="hash" value={preview.hash} />
          <p class="nhsuk-body-s">Preview fingerprint: <code>{preview.hash.slice(0, 16)}</code>. If the lesson changes before you publish, publishing is refused and you see the new preview.</p>
          <button class="nhsuk-button" type="submit">Publish to {preview.lesson.network.name}</button>
        </form>
      ) : (
        <p>This lesson is {preview.status}.</p>
      )}
    </Layout>
  )
}
