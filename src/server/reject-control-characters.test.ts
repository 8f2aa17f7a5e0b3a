import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { hasControlCharacter, rejectControlCharacters } from './reject-control-characters.ts'

/** A tiny app: one API route and one page route that echo their parameter, counting the calls that reach them. */
function tinyApp() {
  const reached: string[] = []
  const app = new Hono()
  app.use(rejectControlCharacters())
  app.get('/api/v1/things/:code', (c) => {
    reached.push(c.req.param('code'))
    return c.json({ code: c.req.param('code'), group: c.req.query('group') ?? null })
  })
  app.get('/things/:code', (c) => {
    reached.push(c.req.param('code'))
    return c.html(`<p>${c.req.param('code').length}</p>`)
  })
  return { app, reached }
}

describe('rejectControlCharacters', () => {
  it.each([
    ['a NUL in a path parameter', '/api/v1/things/a%00b'],
    ['a NUL in a query value', '/api/v1/things/bp-control?site=%00'],
    ['a NUL in a query name', '/api/v1/things/bp-control?si%00te=north'],
    ['a NUL before a broken escape', '/api/v1/things/a%00%zz'],
    ['another control character (escape)', '/api/v1/things/a%1Bb'],
    ['a NUL on a path no route has', '/api/v1/nothing/%00'],
  ])('answers %s under /api/ with a 404 problem, before any route runs', async (_name, path) => {
    const { app, reached } = tinyApp()
    const response = await app.request(path)
    expect(response.status).toBe(404)
    expect(response.headers.get('content-type')).toBe('application/problem+json')
    expect(await response.json()).toMatchObject({ status: 404, code: 'not_found', title: 'Not Found' })
    expect(reached).toEqual([])
  })

  it('answers a NUL in a page address with the HTML "Page not found" page', async () => {
    const { app, reached } = tinyApp()
    for (const path of ['/things/a%00b', '/things/ok?group=x%00y']) {
      const response = await app.request(path)
      expect(response.status).toBe(404)
      expect(response.headers.get('content-type')).toMatch(/^text\/html/)
      expect(await response.text()).toContain('Page not found')
    }
    expect(reached).toEqual([])
  })

  it('lets through tabs and line breaks in a query value, an escaped percent sign and ordinary addresses', async () => {
    const { app, reached } = tinyApp()
    const group = await app.request('/api/v1/things/bp-control?group=a%09b%0D%0Ac')
    expect(group.status).toBe(200)
    expect(await group.json()).toEqual({ code: 'bp-control', group: 'a\tb\r\nc' })
    expect((await app.request('/api/v1/things/%2500')).status).toBe(200)
    expect((await app.request('/things/north')).status).toBe(200)
    expect(reached).toEqual(['bp-control', '%00', 'north'])
  })

  it('finds a control character in any segment or query part, decoded', () => {
    expect(hasControlCharacter('http://localhost/a/b%00/c')).toBe(true)
    expect(hasControlCharacter('http://localhost/a?x=1&y=%07')).toBe(true)
    expect(hasControlCharacter('http://localhost/%C0%80')).toBe(false)
    expect(hasControlCharacter('http://localhost/%E2%80%AE?q=%F0%9F%93%88')).toBe(false)
  })
})
