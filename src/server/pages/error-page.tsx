/** Errors on pages are pages: the NHS.UK layout with a heading and what to do next. */
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { Layout } from './layout.tsx'

const HEADINGS: Partial<Record<number, string>> = {
  400: 'There is a problem with the request',
  401: 'Sign in to continue',
  403: 'You cannot do that here',
  404: 'Page not found',
  413: 'The file is too large',
  415: 'The request could not be read',
  429: 'Too many attempts',
}

export function ErrorPage({ status, detail }: { status: ContentfulStatusCode; detail: string }) {
  const heading = HEADINGS[status] ?? (status >= 500 ? 'Sorry, there is a problem with the service' : 'There is a problem')
  return (
    <Layout title={heading}>
      <h1>{heading}</h1>
      <p>{detail}</p>
      <p>
        <a href="/">Go to the list of programmes</a>
      </p>
    </Layout>
  )
}
