/**
 * The public feedback form: phone-first, plain English, no sign-in. The Friends and Family Test
 * question, why, which place, and clearly optional questions about the person. A hidden honeypot
 * field catches form-filling robots.
 */
import { ABOUT_YOU, FEEDBACK_COMMENT_MAX, FFT_ANSWERS, type FeedbackChoices, type FeedbackForm, type FieldError } from '../../../app/insight/public-feedback.ts'
import { ErrorMessage, ErrorSummary } from '../error-summary.tsx'
import { Layout } from '../layout.tsx'

export const HONEYPOT_FIELD = 'website'

interface FeedbackPageProps {
  readonly choices: FeedbackChoices
  readonly action: string
  readonly form?: FeedbackForm
  readonly errors?: readonly FieldError[]
}

export function FeedbackPage({ choices, action, form = {}, errors = [] }: FeedbackPageProps) {
  const errorOf = (field: string) => errors.find((e) => e.field === field)
  const organisation = choices.scope.organisation.name
  return (
    <Layout title={`${errors.length > 0 ? 'Error: ' : ''}Tell us about your experience`}>
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          {errors.length > 0 ? <ErrorSummary items={errors.map((e) => ({ href: `#${fieldId(e.field)}`, text: e.message }))} /> : null}
          <span class="nhsuk-caption-l">{organisation}</span>
          <h1>Tell us about your experience</h1>
          <p>
            Your answers help {organisation} improve its care. It takes about 2 minutes. You do not need to give your name, and we do not ask for it.
          </p>
          <form method="post" action={action} novalidate>
            <Radios
              name="fft"
              legend="Overall, how was your experience of our service?"
              large
              options={FFT_ANSWERS.map((a) => ({ value: String(a.code), label: a.label }))}
              value={form.fft}
              error={errorOf('fft')?.message}
            />
            <div class={`nhsuk-form-group${errorOf('comment') ? ' nhsuk-form-group--error' : ''}`}>
              <label class="nhsuk-label nhsuk-label--m" for="comment">
                Please tell us why you gave this answer
              </label>
              <div class="nhsuk-hint" id="comment-hint">
                Do not include names, phone numbers or other personal details. If you do, we remove them before your comment is saved.
              </div>
              {errorOf('comment') ? <ErrorMessage id="comment-error" message={errorOf('comment')!.message} /> : null}
              <textarea class={`nhsuk-textarea${errorOf('comment') ? ' nhsuk-textarea--error' : ''}`} id="comment" name="comment" rows={5} maxlength={FEEDBACK_COMMENT_MAX} aria-describedby={errorOf('comment') ? 'comment-hint comment-error' : 'comment-hint'}>
                {form.comment ?? ''}
              </textarea>
            </div>
            {choices.sites.length > 0 ? (
              <div class={`nhsuk-form-group${errorOf('site') ? ' nhsuk-form-group--error' : ''}`}>
                <label class="nhsuk-label" for="site">
                  Which place is your feedback about? (optional)
                </label>
                {errorOf('site') ? <ErrorMessage id="site-error" message={errorOf('site')!.message} /> : null}
                <select class="nhsuk-select" id="site" name="site" aria-describedby={errorOf('site') ? 'site-error' : undefined}>
                  <option value="">Not sure, or prefer not to say</option>
                  {choices.sites.map((s) => (
                    <option value={s.code} selected={form.site === s.code}>
                      {s.name}
                    </option>
                  ))}
                </select>
              </div>
            ) : null}
            <h2 class="nhsuk-heading-m">About you (optional)</h2>
            <p>
              These questions help us check that our services work well for everyone. You can skip any of them. We do not ask for your name, address or postcode.
            </p>
            {ABOUT_YOU.map((question) => (
              <Radios
                name={question.dimension}
                legend={`${question.question} (optional)`}
                options={[...(choices.groups.get(question.dimension) ?? []).map((g) => ({ value: g, label: g })), { value: '', label: 'Prefer not to say' }]}
                value={form[question.dimension] ?? ''}
                error={errorOf(question.dimension)?.message}
                small
              />
            ))}
            <div class="lhs-honeypot" aria-hidden="true">
              <label for={HONEYPOT_FIELD}>Leave this field empty</label>
              <input type="text" id={HONEYPOT_FIELD} name={HONEYPOT_FIELD} tabindex={-1} autocomplete="off" />
            </div>
            <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
              Send feedback
            </button>
          </form>
          <p class="nhsuk-body-s lhs-muted">
            This form sets no cookies and does not track you. Your comment is used by the team running this service to find out what works and what to change.
          </p>
        </div>
      </div>
    </Layout>
  )
}

function fieldId(field: string): string {
  return field === 'comment' || field === 'site' ? field : `${field}-1`
}

interface RadiosProps {
  readonly name: string
  readonly legend: string
  readonly options: readonly { readonly value: string; readonly label: string }[]
  readonly value: string | undefined
  readonly error: string | undefined
  readonly large?: boolean
  readonly small?: boolean
}

function Radios({ name, legend, options, value, error, large, small }: RadiosProps) {
  return (
    <div class={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
      <fieldset class="nhsuk-fieldset" aria-describedby={error ? `${name}-error` : undefined}>
        <legend class={`nhsuk-fieldset__legend ${large ? 'nhsuk-fieldset__legend--m' : 'nhsuk-fieldset__legend--s'}`}>{large ? <h2 class="nhsuk-fieldset__heading">{legend}</h2> : legend}</legend>
        {error ? <ErrorMessage id={`${name}-error`} message={error} /> : null}
        <div class={`nhsuk-radios${small ? ' nhsuk-radios--small' : ''}`}>
          {options.map((option, i) => (
            <div class="nhsuk-radios__item">
              <input class="nhsuk-radios__input" id={`${name}-${i + 1}`} name={name} type="radio" value={option.value} checked={value === option.value} />
              <label class="nhsuk-label nhsuk-radios__label" for={`${name}-${i + 1}`}>
                {option.label}
              </label>
            </div>
          ))}
        </div>
      </fieldset>
    </div>
  )
}

export function FeedbackThanksPage({ organisation }: { organisation: string }) {
  return (
    <Layout title="Thank you for your feedback">
      <div class="nhsuk-grid-row">
        <div class="nhsuk-grid-column-two-thirds">
          <div class="nhsuk-panel">
            <h1>Thank you for your feedback</h1>
            <p>{organisation} has received it. We read every comment, and we use them to decide what to change.</p>
          </div>
          <p>If you need help with your care, contact the place you were seen. This form is not checked every day.</p>
        </div>
      </div>
    </Layout>
  )
}

export function FeedbackBusyPage() {
  return (
    <Layout title="Please try again later">
      <h1>Please try again later</h1>
      <p>We have received a lot of feedback from this connection in the last few minutes. Please try again in 10 minutes.</p>
    </Layout>
  )
}
