/** The frame every insight page shares: breadcrumbs to the programme, its title and the insight sub-navigation. */
import type { Child } from 'hono/jsx'
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import type { Role } from '../../../core/access.ts'
import { Layout } from '../layout.tsx'
import { InsightNav, insightHref, type InsightView } from './insight-nav.tsx'

export interface InsightFrameProps {
  readonly scope: ProgrammeScope
  readonly role: Role
  readonly view: InsightView
  readonly title: string
  readonly error?: boolean
  readonly scripts?: readonly string[]
  readonly children?: Child
}

export function InsightFrame({ scope, role, view, title, error, scripts, children }: InsightFrameProps) {
  const { organisation, programme } = scope
  const href = insightHref(organisation.code, programme.code)
  return (
    <Layout scripts={scripts ?? []} title={`${error ? 'Error: ' : ''}${title} – ${programme.name}`} breadcrumbs={[{ text: 'Programmes', href: '/' }, { text: programme.name, href: `/organisations/${organisation.code}/programmes/${programme.code}` }, ...(view === 'overview' ? [] : [{ text: 'Insight', href }])]}>
      <span class="nhsuk-caption-l">{programme.name}</span>
      <h1>{title}</h1>
      <InsightNav href={href} current={view} role={role} />
      {children}
    </Layout>
  )
}

/** The green confirmation after a change. */
export function Done({ message }: { message: string | undefined }) {
  if (!message) return null
  return (
    <div class="nhsuk-inset-text lhs-done" role="status">
      <span class="nhsuk-u-visually-hidden">Done: </span>
      <p>{message}</p>
    </div>
  )
}
