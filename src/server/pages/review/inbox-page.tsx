/** The signed-in person's inbox: alerts from the loop (verdict changes, special-cause concerns, reviews due) and scheduled briefings in every organisation they belong to. */
import type { InboxItem } from '../../../app/review/inbox.ts'
import { CsrfField, Layout } from '../layout.tsx'

const KIND = { verdict_changed: 'Verdict', special_cause: 'Special cause', review_due: 'Review due', briefing: 'Briefing' } as const

export function InboxPage({ items, done }: { items: readonly InboxItem[]; done?: string | undefined }) {
  const unread = items.filter((i) => !i.read).length
  return (
    <Layout title="Inbox" breadcrumbs={[{ text: 'Programmes', href: '/' }]}>
      <h1>Inbox</h1>
      {done ? (
        <div class="nhsuk-inset-text" role="status">
          <p>{done}</p>
        </div>
      ) : null}
      <p>
        Alerts about the changes you own or whose decision group you sit in: when a verdict changes, when a watched measure shows special-cause concern, and when a review
        is due; and the briefings scheduled for your groups. Organisations can also send them to a webhook, and to your email when the server has email set up.
      </p>
      {items.length === 0 ? (
        <p>Nothing here yet.</p>
      ) : (
        <>
          <p>{unread === 0 ? 'All read.' : `${unread} unread.`}</p>
          {unread > 0 ? (
            <form method="post" action="/inbox/read">
              <CsrfField />
              <button class="nhsuk-button nhsuk-button--secondary" type="submit">
                Mark all as read
              </button>
            </form>
          ) : null}
          <ul class="nhsuk-list">
            {items.map((item) => (
              <li class="nhsuk-card">
                <div class="nhsuk-card__content">
                  <h2 class="nhsuk-card__heading nhsuk-heading-s">
                    {item.read ? null : <strong class="nhsuk-tag nhsuk-tag--blue">New</strong>} <span class="nhsuk-tag nhsuk-tag--white">{KIND[item.kind]}</span>{' '}
                    <a href={item.link || '#'}>{item.title}</a>
                  </h2>
                  <p class="nhsuk-body-s">
                    {item.organisation} · {item.createdAt.slice(0, 10)} {item.createdAt.slice(11, 16)} UTC
                  </p>
                  {item.body.split('\n').slice(0, 2).map((line) => (
                    <p class="nhsuk-body-s">{line}</p>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
    </Layout>
  )
}
