/** Sub-navigation: the views of one thing (a measure, a programme's insight) as a row of links, the current one marked. */

export interface SubNavItem {
  readonly href: string
  readonly text: string
  readonly current: boolean
}

export function SubNav({ label, items }: { label: string; items: readonly SubNavItem[] }) {
  return (
    <nav class="lhs-subnav" aria-label={label}>
      <ul class="lhs-subnav__list">
        {items.map((item) => (
          <li class="lhs-subnav__item">
            {item.current ? (
              <a class="lhs-subnav__link lhs-subnav__link--current" href={item.href} aria-current="page">
                {item.text}
              </a>
            ) : (
              <a class="lhs-subnav__link" href={item.href}>
                {item.text}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  )
}
