/** Sign in with an email address and password, or with the organisation's single sign-on when configured. */
import { ErrorMessage, ErrorSummary } from './error-summary.tsx'
import { Layout } from './layout.tsx'

export interface SignInPageProps {
  /** Where to go after signing in (a path on this site). */
  readonly next: string
  readonly email?: string
  readonly error?: string | undefined
  /** Shown when single sign-on is configured. */
  readonly ssoLabel?: string | undefined
  readonly notice?: string | undefined
}

export function SignInPage({ next, email = '', error, ssoLabel, notice }: SignInPageProps) {
  return (
    <Layout title={error ? 'Error: Sign in' : 'Sign in'}>
      <div class="nhsuk-grid-row">
      <div class="nhsuk-grid-column-two-thirds">
      {error ? <ErrorSummary items={[{ href: '#email', text: error }]} /> : null}
      {notice ? (
        <div class="nhsuk-inset-text">
          <span class="nhsuk-u-visually-hidden">Information: </span>
          <p>{notice}</p>
        </div>
      ) : null}
      <h1>Sign in</h1>
      {ssoLabel ? (
        <>
          <p>
            <a class="nhsuk-button nhsuk-button--login" href={`/auth/oidc/start?next=${encodeURIComponent(next)}`} role="button" draggable="false">
              {ssoLabel}
            </a>
          </p>
          <h2 class="nhsuk-heading-s">Or sign in with a password</h2>
        </>
      ) : null}
      <form method="post" action="/sign-in" novalidate>
        <input type="hidden" name="next" value={next} />
        <div class={`nhsuk-form-group${error ? ' nhsuk-form-group--error' : ''}`}>
          <label class="nhsuk-label" for="email">
            Email address
          </label>
          {error ? <ErrorMessage id="email-error" message={error} /> : null}
          <input class={`nhsuk-input${error ? ' nhsuk-input--error' : ''}`} id="email" name="email" type="email" value={email} autocomplete="username" spellcheck={false} aria-describedby={error ? 'email-error' : undefined} />
        </div>
        <div class="nhsuk-form-group">
          <label class="nhsuk-label" for="password">
            Password
          </label>
          <input class="nhsuk-input" id="password" name="password" type="password" autocomplete="current-password" />
        </div>
        <button class="nhsuk-button" type="submit" data-module="nhsuk-button">
          Sign in
        </button>
      </form>
      <p class="nhsuk-body-s lhs-muted">If you have forgotten your password, ask an administrator of your organisation to set a new one.</p>
      </div>
      </div>
    </Layout>
  )
}
