/** Read the signed-in user from inside page components (the request is held by hono/context-storage). */
import { getContext } from 'hono/context-storage'
import { identityOf, type Identity } from './request-context.ts'

export function currentIdentity(): Identity | undefined {
  try {
    return identityOf(getContext())
  } catch {
    return undefined // rendered outside a request (component tests)
  }
}
