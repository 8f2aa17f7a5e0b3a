/** Where the implement pages live, and their sub-navigation (aim and drivers, actions). */
import type { ProgrammeScope } from '../../../app/catalogue.ts'
import { SubNav } from '../sub-nav.tsx'

type Codes = Pick<ProgrammeScope, 'organisation' | 'programme'>

const enc = encodeURIComponent

export const programmePath = (s: Codes): string => `/organisations/${enc(s.organisation.code)}/programmes/${enc(s.programme.code)}`
export const aimPath = (s: Codes): string => `${programmePath(s)}/aim`
export const driverPath = (s: Codes, id: number): string => `${programmePath(s)}/drivers/${id}`
export const actionsPath = (s: Codes): string => `${programmePath(s)}/actions`
export const actionPath = (s: Codes, id: number): string => `${actionsPath(s)}/${id}`
export const cyclePath = (s: Codes, action: number, number: number): string => `${actionPath(s, action)}/cycles/${number}`
/** The decision's page (built by the decide pages). */
export const decisionPath = (s: Codes, id: number): string => `${programmePath(s)}/decisions/${id}`

/** The breadcrumbs down to the programme. */
export function crumbs(s: Codes, ...more: { text: string; href: string }[]) {
  return [{ text: 'Programmes', href: '/' }, { text: s.programme.name, href: programmePath(s) }, ...more]
}

export function ImplementNav({ scope, current }: { scope: Codes; current: 'aim' | 'actions' | 'none' }) {
  return (
    <SubNav
      label="Implementing"
      items={[
        { href: aimPath(scope), text: 'Aim and driver diagram', current: current === 'aim' },
        { href: actionsPath(scope), text: 'Actions and PDSA cycles', current: current === 'actions' },
      ]}
    />
  )
}
