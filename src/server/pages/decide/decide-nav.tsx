/** The views of a programme's deciding: its meetings and its decision log (and the organisation's groups). */
import { SubNav } from '../sub-nav.tsx'
import { decisionsPath, groupsPath, meetingsPath } from './decide-paths.ts'

interface Codes {
  readonly organisation: { readonly code: string }
  readonly programme: { readonly code: string }
}

export function DecideNav({ scope, current }: { scope: Codes; current: 'meetings' | 'decisions' | 'none' }) {
  return (
    <SubNav
      label="Deciding"
      items={[
        { href: meetingsPath(scope), text: 'Meetings', current: current === 'meetings' },
        { href: decisionsPath(scope), text: 'Decision log', current: current === 'decisions' },
        { href: groupsPath(scope.organisation.code), text: 'Decision groups', current: false },
      ]}
    />
  )
}
