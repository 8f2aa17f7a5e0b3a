/** The three views of a measure (its chart, its sites on a funnel plot, its community groups), as sub-navigation links. */

export type MeasureView = 'chart' | 'sites' | 'groups'

const VIEWS: readonly { readonly view: MeasureView; readonly path: string; readonly text: string }[] = [
  { view: 'chart', path: '', text: 'Chart over time' },
  { view: 'sites', path: '/sites', text: 'Compare sites' },
  { view: 'groups', path: '/groups', text: 'Compare community groups' },
]

export function MeasureNav({ href, current }: { href: string; current: MeasureView }) {
  return (
    <nav class="lhs-subnav" aria-label="Views of this measure">
      <ul class="lhs-subnav__list">
        {VIEWS.map((v) => (
          <li class="lhs-subnav__item">
            {v.view === current ? (
              <a class="lhs-subnav__link lhs-subnav__link--current" href={`${href}${v.path}`} aria-current="page">
                {v.text}
              </a>
            ) : (
              <a class="lhs-subnav__link" href={`${href}${v.path}`}>
                {v.text}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  )
}
