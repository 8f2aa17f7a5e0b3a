/** Pages of the closed loop: the loop board, reviewing now, rebase suggestions, the inbox and an organisation's webhooks. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import { getOrganisation } from '../../../app/catalogue.ts'
import { loopBoard } from '../../../app/review/loop-board.ts'
import { decideSuggestion } from '../../../app/review/rebase-suggestions.ts'
import { reviewNow } from '../../../app/review/review-now.ts'
import { addWebhook, removeWebhook, webhooksOf } from '../../../app/review/webhooks.ts'
import { can } from '../../../core/access.ts'
import { AppError } from '../../../core/errors.ts'
import { markAllRead, personalInbox } from '../../../app/review/inbox.ts'
import { accessOf, actorOf, requireIdentity, scopedDeps } from '../../access/request-context.ts'
import type { ServerDeps } from '../../create-app.tsx'
import { formOf } from '../form-body.ts'
import { problemFrom } from '../form-field.tsx'
import { idFrom, scopeOf } from '../programme-scope.ts'
import { InboxPage } from './inbox-page.tsx'
import { LoopBoardPage } from './loop-board-page.tsx'
import { WebhooksPage } from './webhooks-page.tsx'

const PROGRAMME = '/organisations/:org/programmes/:programme'

export function reviewPageRoutes(app: OpenAPIHono, deps: ServerDeps): void {
  app.get(`${PROGRAMME}/loop`, async (c) => {
    const scope = await scopeOf(c)
    const board = await loopBoard(scopedDeps(c), scope)
    const reviewed = c.req.query('reviewed')
    return c.html(<LoopBoardPage scope={scope} board={board} canRun={can(accessOf(c).role, 'lead')} done={reviewed ? `Reviewed ${reviewed} actions now.` : undefined} />)
  })

  app.post(`${PROGRAMME}/loop/review`, async (c) => {
    const scope = await scopeOf(c)
    const outcomes = await reviewNow(scopedDeps(c), actorOf(c), scope)
    return c.redirect(`/organisations/${scope.organisation.code}/programmes/${scope.programme.code}/loop?reviewed=${outcomes.length}`, 303)
  })

  app.post(`${PROGRAMME}/actions/:action/review`, async (c) => {
    const scope = await scopeOf(c)
    const action = idFrom(c.req.param('action'), 'action')
    await reviewNow(scopedDeps(c), actorOf(c), scope, action)
    return c.redirect(`/organisations/${scope.organisation.code}/programmes/${scope.programme.code}/actions/${action}#review-heading`, 303)
  })

  app.post(`${PROGRAMME}/rebase-suggestions/:suggestion`, async (c) => {
    const scope = await scopeOf(c)
    const form = await formOf(c)
    const decision = form.decision
    if (decision !== 'accept' && decision !== 'decline') throw new AppError('invalid_request', `Choose accept or decline (got "${String(decision ?? '').slice(0, 40)}").`)
    const suggestion = await decideSuggestion(scopedDeps(c), actorOf(c), scope, idFrom(c.req.param('suggestion'), 'suggested rebase'), decision)
    const back = suggestion.actionId === null ? `${PROGRAMME}/loop` : `${PROGRAMME}/actions/${suggestion.actionId}`
    return c.redirect(`${back.replace(':org', scope.organisation.code).replace(':programme', scope.programme.code)}#review-heading`, 303)
  })

  // The inbox spans the person's organisations: read on the owner connection, always filtered to the signed-in user.
  app.get('/inbox', async (c) => {
    const { user } = requireIdentity(c)
    const items = await personalInbox(deps, user.id)
    return c.html(<InboxPage items={items} done={c.req.query('read') ? 'Marked as read.' : undefined} />)
  })

  app.post('/inbox/read', async (c) => {
    const { user } = requireIdentity(c)
    await markAllRead(deps, user.id)
    return c.redirect('/inbox?read=1', 303)
  })

  app.get('/organisations/:org/webhooks', async (c) => {
    const code = c.req.param('org')
    const sd = scopedDeps(c)
    return c.html(<WebhooksPage organisation={await getOrganisation(sd, code)} webhooks={await webhooksOf(sd, code)} />)
  })

  app.post('/organisations/:org/webhooks', async (c) => {
    const code = c.req.param('org')
    const sd = scopedDeps(c)
    const form = await formOf(c)
    const url = typeof form.url === 'string' ? form.url : ''
    try {
      const created = await addWebhook(sd, actorOf(c), code, url)
      return c.html(<WebhooksPage organisation={await getOrganisation(sd, code)} webhooks={await webhooksOf(sd, code)} created={created} />, 201)
    } catch (error) {
      const problem = problemFrom(error, 'url')
      return c.html(<WebhooksPage organisation={await getOrganisation(sd, code)} webhooks={await webhooksOf(sd, code)} problem={problem} url={url} />, 400)
    }
  })

  app.post('/organisations/:org/webhooks/:webhook/remove', async (c) => {
    const code = c.req.param('org')
    await removeWebhook(scopedDeps(c), actorOf(c), code, idFrom(c.req.param('webhook'), 'webhook'))
    return c.redirect(`/organisations/${code}/webhooks`, 303)
  })
}
