/** The views of a programme's insight, as sub-navigation; each shown only to roles that may use it. */
import { can, type Permission, type Role } from '../../../core/access.ts'
import { SubNav } from '../sub-nav.tsx'

export type InsightView = 'overview' | 'staff' | 'events' | 'import' | 'codebook' | 'coding' | 'themes' | 'agreement'

const VIEWS: readonly { readonly view: InsightView; readonly path: string; readonly text: string; readonly needs: Permission }[] = [
  { view: 'overview', path: '', text: 'Overview', needs: 'view' },
  { view: 'themes', path: '/themes', text: 'Themes', needs: 'view' },
  { view: 'coding', path: '/coding', text: 'Code excerpts', needs: 'analyse' },
  { view: 'codebook', path: '/codebook', text: 'Codebook', needs: 'view' },
  { view: 'agreement', path: '/agreement', text: 'Agreement', needs: 'analyse' },
  { view: 'staff', path: '/staff', text: 'Add a staff note', needs: 'contribute' },
  { view: 'events', path: '/events', text: 'Events and interviews', needs: 'contribute' },
  { view: 'import', path: '/import', text: 'Import', needs: 'analyse' },
]

export function insightHref(organisation: string, programme: string): string {
  return `/organisations/${encodeURIComponent(organisation)}/programmes/${encodeURIComponent(programme)}/insight`
}

export function InsightNav({ href, current, role }: { href: string; current: InsightView; role: Role }) {
  return <SubNav label="Insight" items={VIEWS.filter((v) => can(role, v.needs)).map((v) => ({ href: `${href}${v.path}`, text: v.text, current: v.view === current }))} />
}
