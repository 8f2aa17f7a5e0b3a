/**
 * The one place that decides whether a request's organisation data is read from the read replica
 * (DATABASE_READ_URL) or the primary:
 * - only GET and HEAD read from the replica; every other method goes to the primary;
 * - a GET that writes (an export or a page of free text appends to the audit trail) writes through
 *   `store.writeDb`, the same scope on the primary, which `audit()` uses;
 * - read-your-writes: after a state-changing request the answer carries a cookie with the
 *   primary's write-ahead-log position; while the replica has not replayed up to it, that browser
 *   reads from the primary, and once it has, the cookie is cleared. So a form post's redirect shows
 *   the change even when the replica lags, and nobody else pays for it.
 * API clients without a cookie jar read from the replica and may see their write a replay-lag later.
 */
import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import type { AppDeps } from '../../app/deps.ts'
import { secureCookies } from '../pages/auth-routes.tsx'

type Store = AppDeps['store']

/** The cookie holding the write-ahead-log position of this browser's last write. */
export const WROTE_COOKIE = 'lhs_wrote'
/** How long the cookie lives at most; a replica further behind than this is broken, not lagging. */
const WROTE_MAX_AGE_SECONDS = 15 * 60

const READ_METHODS = new Set(['GET', 'HEAD'])
/** A write-ahead-log position as PostgreSQL prints it (`pg_lsn`, e.g. 0/3000148). */
const LSN_PATTERN = /^[0-9A-F]{1,8}\/[0-9A-F]{1,8}$/i

export type ReadTarget = 'primary' | 'replica'

/** Where this request reads its organisation data; without a read replica always the primary. */
export async function readTarget(c: Context, store: Pick<Store, 'replica'>): Promise<ReadTarget> {
  if (!store.replica || !READ_METHODS.has(c.req.method)) return 'primary'
  const wrote = getCookie(c, WROTE_COOKIE)
  if (wrote === undefined) return 'replica'
  // A position this server did not write (a tampered cookie) says nothing: drop it.
  if (!LSN_PATTERN.test(wrote) || (await store.replica.hasReplayed(wrote))) {
    deleteCookie(c, WROTE_COOKIE, cookieOptions(c))
    return 'replica'
  }
  return 'primary'
}

/** After a state-changing request, remember the primary's position in this browser (no-op without a replica or for GET and HEAD). */
export async function rememberWrite(c: Context, store: Pick<Store, 'replica'>): Promise<void> {
  if (!store.replica || READ_METHODS.has(c.req.method) || c.req.method === 'OPTIONS' || c.res.status >= 500) return
  setCookie(c, WROTE_COOKIE, await store.replica.primaryPosition(), { ...cookieOptions(c), maxAge: WROTE_MAX_AGE_SECONDS })
}

function cookieOptions(c: Context) {
  return { path: '/', httpOnly: true, secure: secureCookies(c), sameSite: 'Lax' } as const
}
