/** One lesson: its published object field by field, the discussion thread, and for its own organisation its status and what a lead may do next. */
import type { LessonReading } from '../../../app/community/lesson-publish.ts'
import type { CommentRow } from '../../../app/community/lesson-comments.ts'
import { CsrfField, Layout } from '../layout.tsx'
import { LessonFieldsView } from './lesson-view.tsx'

interface LessonPageProps {
  readonly organisation: { readonly code: string; readonly name: string }
  readonly reading: LessonReading
  readonly comments: readonly CommentRow[]
  readonly canLead: boolean
  readonly canComment: boolean
  readonly done?: string | undefined
}

export function LessonPage({ organisation, reading, comments, canLead, canComment, done }: LessonPageProps) {
  const base = `/organisations/${organisation.code}/community`
  const id = reading.id
  const status = reading.own ? reading.status : 'published'
  return (
    <Layout title={`${reading.lesson.title} – learning community`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: 'Learning community', href: base }]}>
      <span class="nhsuk-caption-l">Lesson {id} from {reading.lesson.organisation}</span>
      <h1>{reading.lesson.title}</h1>
      {done ? <div class="nhsuk-inset-text" role="status"><p>{done}</p></div> : null}
      {reading.own ? (
        <div class="nhsuk-inset-text">
          <p>
            Status: <strong>{status}</strong>
            {reading.publishedAt ? `, published ${reading.publishedAt.slice(0, 10)}` : ''}. {status === 'draft' ? 'Other members cannot see a draft.' : status === 'withdrawn' ? 'Other members can no longer see it.' : 'Every member of the network can read what is below.'}
          </p>
          {canLead && status === 'draft' ? (
            <p>
              <a href={`${base}/lessons/${id}/edit`}>Edit the draft</a> or <a href={`${base}/lessons/${id}/preview`}>preview and publish it</a>
            </p>
          ) : null}
          {canLead && status === 'published' ? (
            <form method="post" action={`${base}/lessons/${id}/withdraw`}>
              <CsrfField />
              <input type="hidden" name="confirm" value="withdraw" />
              <button class="nhsuk-button nhsuk-button--warning nhsuk-u-margin-bottom-0" type="submit">Withdraw this lesson</button>
            </form>
          ) : null}
        </div>
      ) : (
        <p>Published {reading.publishedAt.slice(0, 10)}.</p>
      )}
      <LessonFieldsView lesson={reading.lesson} />
      <h2 id="discussion-heading">Discussion</h2>
      {comments.length === 0 ? <p>No comments yet.</p> : (
        <ul class="nhsuk-list" aria-labelledby="discussion-heading">
          {comments.map((c) => (
            <li>
              <p class="nhsuk-body-s nhsuk-u-margin-bottom-1"><strong>{c.authorName}</strong>, {c.organisationName}, {c.createdAt.slice(0, 10)}</p>
              <p>{c.body}</p>
            </li>
          ))}
        </ul>
      )}
      {canComment && status === 'published' ? (
        <form method="post" action={`${base}/lessons/${id}/comments`}>
          <CsrfField />
          <div class="nhsuk-form-group">
            <label class="nhsuk-label" for="body">Add to the discussion</label>
            <div class="nhsuk-hint" id="body-hint">Every member organisation of the network reads this, with your name and organisation. Do not include anything about a patient.</div>
            <textarea class="nhsuk-textarea" id="body" name="body" rows={4} aria-describedby="body-hint"></textarea>
          </div>
          <button class="nhsuk-button" type="submit">Post comment</button>
        </form>
      ) : null}
    </Layout>
  )
}
