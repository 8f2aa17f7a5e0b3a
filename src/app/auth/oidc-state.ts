/**
 * The short-lived state of one single sign-on attempt (state, nonce, PKCE verifier, where to go
 * next), sealed with AES-256-GCM into the browser's `lhs_oidc` cookie: the browser cannot read or
 * change it, and any server process that knows the client secret can open it.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto'

export interface LoginState {
  readonly state: string
  readonly nonce: string
  readonly codeVerifier: string
  /** Where to go after signing in (a path on this site). */
  readonly next: string
  /** Milliseconds since the epoch after which the attempt is refused. */
  readonly expiresAtMs: number
}

export type OpenedLoginState = { readonly ok: true; readonly login: LoginState } | { readonly ok: false; readonly reason: 'missing' | 'unreadable' | 'expired' }

const PREFIX = 'v1.'
const AAD = Buffer.from('lhs_oidc v1')
const IV_BYTES = 12
const TAG_BYTES = 16
/** Far more than a sealed state with a 2,000-character next path needs; longer values are not decrypted. */
const MAX_SEALED_LENGTH = 4000

/** The sealing key, derived from the client secret (so every server process shares it and nothing new needs configuring). */
export function loginStateKey(clientSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', clientSecret, 'lhs', 'lhs_oidc login state cookie', 32))
}

export function sealLoginState(key: Buffer, login: LoginState): string {
  const iv = randomBytes(IV_BYTES)
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES })
  cipher.setAAD(AAD)
  const body = Buffer.concat([cipher.update(JSON.stringify(login), 'utf8'), cipher.final()])
  return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url')
}

/** The login state in a cookie value, or why there is none: no cookie, not sealed by this key (or changed), or past its expiry at `now`. */
export function openLoginState(key: Buffer, sealed: string | undefined, now: Date): OpenedLoginState {
  if (sealed === undefined || sealed === '') return { ok: false, reason: 'missing' }
  const login = sealed.length <= MAX_SEALED_LENGTH && sealed.startsWith(PREFIX) ? decrypt(key, Buffer.from(sealed.slice(PREFIX.length), 'base64url')) : undefined
  if (!login) return { ok: false, reason: 'unreadable' }
  if (login.expiresAtMs <= now.getTime()) return { ok: false, reason: 'expired' }
  return { ok: true, login }
}

function decrypt(key: Buffer, bytes: Buffer): LoginState | undefined {
  if (bytes.length <= IV_BYTES + TAG_BYTES) return undefined
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES })
  decipher.setAAD(AAD)
  decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES))
  let text: string
  try {
    text = Buffer.concat([decipher.update(bytes.subarray(IV_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8')
  } catch {
    return undefined // authentication failed: sealed with another key, or changed
  }
  return asLoginState(JSON.parse(text))
}

function asLoginState(value: unknown): LoginState | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  const v = value as Record<string, unknown>
  const strings = [v.state, v.nonce, v.codeVerifier, v.next].every((s) => typeof s === 'string' && s !== '')
  if (!strings || typeof v.expiresAtMs !== 'number') return undefined
  return { state: v.state as string, nonce: v.nonce as string, codeVerifier: v.codeVerifier as string, next: v.next as string, expiresAtMs: v.expiresAtMs }
}
