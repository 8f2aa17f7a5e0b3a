/** Pages of the learning community: search and home, a lesson with its thread, the preview and publishing, and a network's funnel. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { getOrganisation, getProgrammeScope, listProgrammes } from '../../../app/catalogue.ts'
import { addComment, lessonComments } from '../../../app/community/lesson-comments.ts'
import { draftLessonFromAction, editDraft, getOwnLesson } from '../../../app/community/lesson-draft.ts'
import { listFromText } from '../../../app/community/lesson-fields.ts'
import { ownLessons, previewLesson, publishLesson, readLesson, withdrawLesson } from '../../../app/community/lesson-publish.ts'
import { searchLessons, type LessonSearch } from '../../../app/community/lesson-search.ts'
import { memberNetwork, networksOf, setMembership } from '../../../app/community/networks.ts'
import { compareNetwork, shareAggregate } from '../../../app/community/shared-aggregates.ts'
import { listProgrammeActions } from '../../../app/implement/actions.ts'
import { can } from '../../../core/access.ts'
import { AppError } from '../../../core/errors.ts'
import { accessOf, actorOf, scopedDeps } from '../../access/request-context.ts'
import { formOf } from '../form-body.ts'
import { problemFrom } from '../form-field.tsx'
import { idFrom } from '../programme-scope.ts'
import { CommunityPage, type DraftChoice } from './community-page.tsx'
import { formValuesOf, LessonEditPage } from './lesson-edit-page.tsx'
import { LessonPage } from './lesson-page.tsx'
import { LessonPreviewPage } from './lesson-preview-page.tsx'
import { NetworkPage } from './network-page.tsx'

const BASE = '/organisations/:org/community'

const orgOf = (c: Context) => c.req.param('org') ?? ''
const lessonOf = (c: Context) => idFrom(c.req.param('lesson'), 'lesson')
const home = (c: Context) => `/organisations/${orgOf(c)}/community`

async function draftChoices(c: Context): Promise<DraftChoice[]> {
  if (!can(accessOf(c).role, 'lead')) return []
  const deps = scopedDeps(c)
  const choices: DraftChoice[] = []
  for (const programme of await listProgrammes(deps, orgOf(c))) {
    const scope = await getProgrammeScope(deps, orgOf(c), programme.code)
    for (const action of await listProgrammeActions(deps, scope)) choices.push({ value: `${programme.code}:${action.id}`, label: `${action.title} (${programme.name})` })
  }
  return choices
}

export function communityPageRoutes(app: OpenAPIHono): void {
  app.get(BASE, async (c) => {
    const deps = scopedDeps(c)
    const search: LessonSearch = { text: c.req.query('q'), network: c.req.query('network'), measure: c.req.query('measure'), theme: c.req.query('theme'), setting: c.req.query('setting'), verdict: c.req.query('verdict') }
    const [organisation, result, networks, own, actions] = await Promise.all([getOrganisation(deps, orgOf(c)), searchLessons(deps, orgOf(c), search), networksOf(deps, orgOf(c)), ownLessons(deps, orgOf(c)), draftChoices(c)])
    return c.html(<CommunityPage organisation={organisation} search={search} result={result} networks={networks} own={own} actions={actions} canAdminister={can(accessOf(c).role, 'administer')} />)
  })

  app.post(`${BASE}/lessons`, async (c) => {
    const form = await formOf(c)
    const [programme, action] = (form.action ?? '').split(':')
    if (!form.network || !programme || !action) throw new AppError('invalid_request', 'Choose a network and an action to draft a lesson from.')
    const lesson = await draftLessonFromAction(scopedDeps(c), actorOf(c), orgOf(c), { network: form.network, programme, action: idFrom(action, 'action') })
    return c.redirect(`${home(c)}/lessons/${lesson.id}`, 303)
  })

  app.get(`${BASE}/lessons/:lesson`, async (c) => {
    const deps = scopedDeps(c)
    const [organisation, reading, comments] = await Promise.all([getOrganisation(deps, orgOf(c)), readLesson(deps, orgOf(c), lessonOf(c)), lessonComments(deps, orgOf(c), lessonOf(c))])
    const role = accessOf(c).role
    const done = c.req.query('published') ? 'Published: every member of the network can now find and read it.' : c.req.query('withdrawn') ? 'Withdrawn: members can no longer see it.' : undefined
    return c.html(<LessonPage organisation={organisation} reading={reading} comments={comments} canLead={can(role, 'lead')} canComment={can(role, 'contribute')} done={done} />)
  })

  app.post(`${BASE}/lessons/:lesson/comments`, async (c) => {
    const form = await formOf(c)
    await addComment(scopedDeps(c), actorOf(c), orgOf(c), lessonOf(c), form.body)
    return c.redirect(`${home(c)}/lessons/${lessonOf(c)}#discussion-heading`, 303)
  })

  app.get(`${BASE}/lessons/:lesson/preview`, async (c) => {
    const deps = scopedDeps(c)
    const [organisation, preview] = await Promise.all([getOrganisation(deps, orgOf(c)), previewLesson(deps, orgOf(c), lessonOf(c))])
    return c.html(<LessonPreviewPage organisation={organisation} preview={preview} changed={c.req.query('changed') === '1'} />)
  })

  app.get(`${BASE}/lessons/:lesson/edit`, async (c) => {
    const deps = scopedDeps(c)
    const organisation = await getOrganisation(deps, orgOf(c))
    const lesson = await getOwnLesson(deps, organisation.id, lessonOf(c))
    if (lesson.status !== 'draft') throw new AppError('conflict', `Lesson ${lesson.id} is ${lesson.status}; only a draft can be edited.`)
    return c.html(<LessonEditPage organisation={organisation} id={lesson.id} values={formValuesOf(lesson)} />)
  })

  app.post(`${BASE}/lessons/:lesson/edit`, async (c) => {
    const deps = scopedDeps(c)
    const form = await formOf(c)
    const version = Number(form.version)
    if (!Number.isSafeInteger(version) || version < 1) throw new AppError('invalid_request', `The form's version "${String(form.version ?? '').slice(0, 20)}" is not a version number; open the edit page again.`)
    const text = (key: string) => form[key] ?? ''
    const edit = { title: text('title'), summary: text('summary'), setting: text('setting'), population: text('population'), cfirFactors: listFromText(form.cfirFactors), change: text('change'), themes: listFromText(form.themes), verdict: text('verdict'), helped: text('helped'), hindered: text('hindered'), contactName: text('contactName'), contactEmail: text('contactEmail') }
    try {
      await editDraft(deps, actorOf(c), orgOf(c), lessonOf(c), version, edit)
    } catch (error) {
      const problem = problemFrom(error, 'title')
      const values = { ...edit, version, cfirFactors: text('cfirFactors'), themes: text('themes') }
      return c.html(<LessonEditPage organisation={await getOrganisation(deps, orgOf(c))} id={lessonOf(c)} values={values} problem={problem} />, 400)
    }
    return c.redirect(`${home(c)}/lessons/${lessonOf(c)}/preview`, 303)
  })

  app.post(`${BASE}/lessons/:lesson/publish`, async (c) => {
    const form = await formOf(c)
    if (!form.hash) throw new AppError('invalid_request', 'Publish from the preview page: the form must carry the preview’s fingerprint.')
    try {
      await publishLesson(scopedDeps(c), actorOf(c), orgOf(c), lessonOf(c), form.hash)
    } catch (error) {
      if (error instanceof AppError && error.code === 'conflict') return c.redirect(`${home(c)}/lessons/${lessonOf(c)}/preview?changed=1`, 303)
      throw error
    }
    return c.redirect(`${home(c)}/lessons/${lessonOf(c)}?published=1`, 303)
  })

  app.post(`${BASE}/lessons/:lesson/withdraw`, async (c) => {
    const form = await formOf(c)
    if (form.confirm !== 'withdraw') throw new AppError('invalid_request', 'Confirm the withdrawal with the Withdraw button on the lesson page.')
    await withdrawLesson(scopedDeps(c), actorOf(c), orgOf(c), lessonOf(c))
    return c.redirect(`${home(c)}/lessons/${lessonOf(c)}?withdrawn=1`, 303)
  })

  app.get(`${BASE}/networks/:network`, async (c) => {
    const deps = scopedDeps(c)
    const organisation = await getOrganisation(deps, orgOf(c))
    const { network, measures } = await memberNetwork(deps, organisation.id, c.req.param('network'))
    const comparisons = await Promise.all(measures.map((m) => compareNetwork(deps, orgOf(c), network.code, m.code)))
    const programmes = await listProgrammes(deps, orgOf(c))
    return c.html(<NetworkPage organisation={organisation} network={network} comparisons={comparisons} programmes={programmes} canLead={can(accessOf(c).role, 'lead')} done={c.req.query('shared') ? 'Shared: members now see your latest figures.' : undefined} />)
  })

  app.post(`${BASE}/networks/:network/membership`, async (c) => {
    const form = await formOf(c)
    if (form.action !== 'join' && form.action !== 'leave') throw new AppError('invalid_request', `Choose join or leave (got "${String(form.action ?? '').slice(0, 40)}").`)
    await setMembership(scopedDeps(c), actorOf(c), orgOf(c), c.req.param('network'), form.action === 'join')
    return c.redirect(home(c), 303)
  })

  app.post(`${BASE}/networks/:network/measures/:measure/aggregates`, async (c) => {
    const form = await formOf(c)
    if (!form.programme) throw new AppError('invalid_request', 'Choose the programme whose measure to share.')
    await shareAggregate(scopedDeps(c), actorOf(c), orgOf(c), c.req.param('network'), c.req.param('measure'), { programme: form.programme })
    return c.redirect(`${home(c)}/networks/${c.req.param('network')}?shared=1`, 303)
  })
}
