/** The three views of a measure (its chart, its sites on a funnel plot, its community groups), as sub-navigation links. */
import { SubNav } from './sub-nav.tsx'

export type MeasureView = 'chart' | 'sites' | 'groups'

const VIEWS: readonly { readonly view: MeasureView; readonly path: string; readonly text: string }[] = [
  { view: 'chart', path: '', text: 'Chart over time' },
  { view: 'sites', path: '/sites', text: 'Compare sites' },
  { view: 'groups', path: '/groups', text: 'Compare community groups' },
]

export function MeasureNav({ href, current }: { href: string; current: MeasureView }) {
  return <SubNav label="Views of this measure" items={VIEWS.map((v) => ({ href: `${href}${v.path}`, text: v.text, current: v.view === current }))} />
}
