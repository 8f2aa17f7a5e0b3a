/** Decision group pages: `/organisations/:org/groups` (list, add) and `/organisations/:org/groups/:group` (members). */
import type { OpenAPIHono } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { getOrganisation } from '../../../app/catalogue.ts'
import { changeGroupMember, createDecisionGroup, getDecisionGroup, listDecisionGroups } from '../../../app/decide/groups.ts'
import { listPeopleOf, personView } from '../../../app/decide/people.ts'
import { can } from '../../../core/access.ts'
import { accessOf, actorOf, scopedDeps } from '../../access/request-context.ts'
import type { FormProblem } from '../form-field.tsx'
import { groupPath } from './decide-paths.ts'
import { problemsFrom } from './form-problems.tsx'
import { formValuesOf } from './form-values.ts'
import { GroupPage } from './group-page.tsx'
import { GroupsPage, type GroupForm } from './groups-page.tsx'

const ORG = '/organisations/:org'

export function groupPageRoutes(app: OpenAPIHono): void {
  app.get(`${ORG}/groups`, (c) => renderGroups(c, undefined, [], c.req.query('saved') ? 'The group has been added.' : undefined))

  app.post(`${ORG}/groups`, async (c) => {
    const values = await formValuesOf(c)
    const form: GroupForm = { code: values.text('code') ?? '', name: values.text('name') ?? '', kind: values.text('kind') ?? '', purpose: values.text('purpose') ?? '' }
    try {
      const group = await createDecisionGroup(scopedDeps(c), actorOf(c), c.req.param('org'), form)
      return c.redirect(`${groupPath(c.req.param('org'), group.code)}?saved=created`, 303)
    } catch (error) {
      return renderGroups(c, form, problemsFrom(error, 'name'), undefined, 400)
    }
  })

  app.get(`${ORG}/groups/:group`, (c) => renderGroup(c, [], undefined, doneText(c.req.query('saved'))))

  app.post(`${ORG}/groups/:group/members`, async (c) => memberChange(c, 'add'))
  app.post(`${ORG}/groups/:group/members/remove`, async (c) => memberChange(c, 'remove'))
}

function doneText(saved: string | undefined): string | undefined {
  return saved === 'created' ? 'The group has been added. Now add its members.' : saved === 'members' ? 'The members have been saved.' : undefined
}

async function memberChange(c: Context, change: 'add' | 'remove') {
  const member = (await formValuesOf(c)).text('member') ?? ''
  const org = c.req.param('org') ?? ''
  const group = c.req.param('group') ?? ''
  try {
    await changeGroupMember(scopedDeps(c), actorOf(c), org, group, change === 'add' ? { add: member } : { remove: member })
  } catch (error) {
    return renderGroup(c, problemsFrom(error, 'member', ['invalid_request']), member, undefined, 400)
  }
  return c.redirect(`${groupPath(org, group)}?saved=members`, 303)
}

async function renderGroups(c: Context, form: GroupForm | undefined, problems: readonly FormProblem[], done: string | undefined, status: 200 | 400 = 200) {
  const deps = scopedDeps(c)
  const organisation = await getOrganisation(deps, c.req.param('org') ?? '')
  const groups = await listDecisionGroups(deps, organisation.code)
  return c.html(<GroupsPage organisation={organisation} groups={groups} canManage={can(accessOf(c).role, 'lead')} form={form} problems={problems} done={done} />, status)
}

async function renderGroup(c: Context, problems: readonly FormProblem[], chosen: string | undefined, done: string | undefined, status: 200 | 400 = 200) {
  const deps = scopedDeps(c)
  const organisation = await getOrganisation(deps, c.req.param('org') ?? '')
  const group = await getDecisionGroup(deps, organisation.code, c.req.param('group') ?? '')
  const people = (await listPeopleOf(deps, organisation.id)).map(personView)
  return c.html(<GroupPage organisation={organisation} group={group} people={people} canManage={can(accessOf(c).role, 'lead')} chosen={chosen} problems={problems} done={done} />, status)
}

