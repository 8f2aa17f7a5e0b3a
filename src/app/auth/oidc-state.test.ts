import { describe, expect, it } from 'vitest'
import { loginStateKey, openLoginState, sealLoginState, type LoginState } from './oidc-state.ts'

const NOW = new Date('2025-06-02T09:00:00Z')
const LOGIN: LoginState = { state: 'st', nonce: 'no', codeVerifier: 've', next: '/organisations/test', expiresAtMs: NOW.getTime() + 600_000 }
const KEY = loginStateKey('client secret')

describe('the sealed login state cookie', () => {
  it('opens what it sealed, until it expires', () => {
    const sealed = sealLoginState(KEY, LOGIN)
    expect(sealed).toMatch(/^v1\.[\w-]+$/)
    expect(sealed).not.toContain('organisations')
    expect(openLoginState(KEY, sealed, NOW)).toEqual({ ok: true, login: LOGIN })
    expect(openLoginState(KEY, sealed, new Date(LOGIN.expiresAtMs))).toEqual({ ok: false, reason: 'expired' })
  })

  it('says why it cannot: missing, another key, changed, truncated or not ours', () => {
    const sealed = sealLoginState(KEY, LOGIN)
    expect(openLoginState(KEY, undefined, NOW)).toEqual({ ok: false, reason: 'missing' })
    expect(openLoginState(loginStateKey('another secret'), sealed, NOW)).toEqual({ ok: false, reason: 'unreadable' })
    const last = sealed.at(-1) === 'A' ? 'B' : 'A'
    for (const bad of [sealed.slice(0, -1) + last, sealed.slice(0, 30), 'v1.', 'v2.' + sealed.slice(3), 'x'.repeat(5000)]) {
      expect(openLoginState(KEY, bad, NOW), bad.slice(0, 40)).toEqual({ ok: false, reason: 'unreadable' })
    }
  })

  it('uses a fresh IV each time, so two seals of the same state differ', () => {
    expect(sealLoginState(KEY, LOGIN)).not.toBe(sealLoginState(KEY, LOGIN))
  })
})
