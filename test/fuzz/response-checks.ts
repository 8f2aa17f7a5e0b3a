/** What every answer to hostile HTTP input must look like: no 500, the right content type, a stable code. */
import { parseHTML } from 'linkedom'
import { expect } from 'vitest'
import { ProblemSchema, type Problem } from '../../src/contract/problem.ts'
import type { HtmlNode } from '../support/server.ts'

export interface Answer {
  readonly status: number
  readonly type: string
  readonly text: string
}

/** Read a response once, failing (with the request named) on a server error. */
export async function answerOf(response: Response, request: string): Promise<Answer> {
  const text = await response.text()
  const answer = { status: response.status, type: response.headers.get('content-type') ?? '', text }
  expect(answer.status, `${request} answered ${answer.status}: ${text.slice(0, 300)}`).toBeLessThan(500)
  return answer
}

/** An API answer: JSON on success, otherwise problem+json whose status matches and whose code is stable. */
export function expectApiAnswer(answer: Answer, request: string): Problem | undefined {
  if (answer.status < 400) {
    expect(answer.type, request).toMatch(/^application\/json\b/)
    expect(() => JSON.parse(answer.text), request).not.toThrow()
    return undefined
  }
  expect(answer.type, `${request} (${answer.status})`).toBe('application/problem+json')
  const problem = ProblemSchema.parse(JSON.parse(answer.text))
  expect(problem.status, request).toBe(answer.status)
  expect(problem.code, request).toMatch(/^[a-z_]+$/)
  return problem
}

/** A page answer: HTML (or the CSV download), parsed. */
export function expectPageAnswer(answer: Answer, request: string): HtmlNode | undefined {
  if (answer.status === 200 && answer.type.startsWith('text/csv')) return undefined
  expect(answer.type, `${request} (${answer.status})`).toMatch(/^text\/html; charset=utf-8$/i)
  return parseHTML(answer.text).document as unknown as HtmlNode
}

/**
 * Markup from hostile text that became real markup: the fuzz payloads (hostile-text.ts MARKUP) make
 * an `lhs-xss` element or attribute, an `img` with `onerror`, an `svg` with `onload` or a `script`.
 * Pages have no inline scripts, so any script without a `src` from /assets/ is injected.
 */
export function injectedMarkup(document: HtmlNode): string[] {
  const found: string[] = []
  for (const node of document.querySelectorAll('lhs-xss, [data-lhs-xss], [onerror], [onload], img')) found.push(node.tagName)
  for (const script of document.querySelectorAll('script')) {
    if (!(script.getAttribute('src') ?? '').startsWith('/assets/')) found.push(`script ${script.textContent ?? ''}`)
  }
  return found
}
