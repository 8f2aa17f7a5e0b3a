/** The page frame: NHS.UK design system header, breadcrumbs, main content and footer. */
import type { Child } from 'hono/jsx'
import { currentIdentity } from '../access/page-context.ts'

export interface Crumb {
  readonly text: string
  readonly href: string
}

export interface LayoutProps {
  readonly title: string
  readonly breadcrumbs?: readonly Crumb[]
  /** Extra module scripts from /assets for this page only (progressive enhancement). */
  readonly scripts?: readonly string[]
  readonly children?: Child
}

export function Layout({ title, breadcrumbs = [], scripts = [], children }: LayoutProps) {
  const identity = currentIdentity()
  return (
    <html lang="en-GB">
      <PageHead title={title} />
      <body>
        <a class="nhsuk-skip-link" href="#maincontent" data-module="nhsuk-skip-link">Skip to main content</a>
        <header class="nhsuk-header" role="banner">
          <div class="nhsuk-header__container nhsuk-width-container">
            <div class="nhsuk-header__service">
              <a class="nhsuk-header__service-name" href="/">Learning Health System</a>
            </div>
            {identity ? (
              <form method="post" action="/sign-out" class="lhs-account">
                <CsrfField />
                <a class="lhs-account__link" href="/inbox">
                  Inbox
                </a>
                <a class="lhs-account__link" href="/account">
                  {identity.user.email}
                </a>
                <button class="lhs-account__button" type="submit">
                  Sign out
                </button>
              </form>
            ) : null}
          </div>
        </header>
        {breadcrumbs.length > 0 ? <Breadcrumbs crumbs={breadcrumbs} /> : null}
        <div class="nhsuk-width-container">
          <main class="nhsuk-main-wrapper" id="maincontent" role="main" tabindex={-1}>
            {children}
          </main>
        </div>
        <footer role="contentinfo">
          <div class="nhsuk-footer">
            <div class="nhsuk-width-container">
              <p class="nhsuk-body-s lhs-footer">
                LHS: gather, analyse, decide, implement, close the loop. <a href="/api/openapi.json">API (OpenAPI)</a>
              </p>
            </div>
          </div>
        </footer>
        <script type="module" src="/assets/lhs-init.js"></script>
        {scripts.map((name) => (
          <script type="module" src={`/assets/${name}`}></script>
        ))}
      </body>
    </html>
  )
}

/** The <head> every page shares: charset, viewport, title, the NHS.UK and LHS styles and the icon; `children` adds to it. */
export function PageHead({ title, children }: { title: string; children?: Child }) {
  return (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{`${title} – Learning Health System`}</title>
      <link rel="stylesheet" href="/assets/nhsuk-frontend.min.css" />
      <link rel="stylesheet" href="/assets/lhs.css" />
      <link rel="icon" href="/assets/images/favicon.svg" type="image/svg+xml" />
      {children}
    </head>
  )
}

function Breadcrumbs({ crumbs }: { crumbs: readonly Crumb[] }) {
  return (
    <div class="nhsuk-width-container">
      <nav class="nhsuk-breadcrumb" aria-label="Breadcrumb">
        <ol class="nhsuk-breadcrumb__list">
          {crumbs.map((crumb) => (
            <li class="nhsuk-breadcrumb__list-item">
              <a class="nhsuk-breadcrumb__link" href={crumb.href}>
                {crumb.text}
              </a>
            </li>
          ))}
        </ol>
      </nav>
    </div>
  )
}

/** The hidden field every form post carries: the session's token against cross-site request forgery. */
export function CsrfField() {
  const token = currentIdentity()?.csrfToken
  return token ? <input type="hidden" name="_csrf" value={token} /> : null
}
