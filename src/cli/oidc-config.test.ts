import { describe, expect, it } from 'vitest'
import { UsageError } from './io.ts'
import { DEFAULT_OIDC_LABEL, readOidcConfig } from './oidc-config.ts'

const FULL = {
  LHS_OIDC_ISSUER: 'https://login.example.nhs.uk/realms/lhs',
  LHS_OIDC_CLIENT_ID: 'lhs',
  LHS_OIDC_CLIENT_SECRET: 's3cret',
  LHS_OIDC_REDIRECT_URI: 'https://lhs.example.nhs.uk/auth/oidc/callback',
}

function usageError(env: Record<string, string>): string {
  try {
    readOidcConfig(env)
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError)
    return (error as Error).message
  }
  throw new Error(`readOidcConfig accepted ${JSON.stringify(env)}`)
}

describe('readOidcConfig', () => {
  it('is off when no LHS_OIDC_ variable is set (empty counts as unset)', () => {
    expect(readOidcConfig({})).toBeUndefined()
    expect(readOidcConfig({ LHS_OIDC_ISSUER: '', PORT: '3000' })).toBeUndefined()
  })

  it('reads all four required variables, with the default label and HTTPS only', () => {
    expect(readOidcConfig(FULL)).toEqual({ issuer: FULL.LHS_OIDC_ISSUER, clientId: 'lhs', clientSecret: 's3cret', redirectUri: FULL.LHS_OIDC_REDIRECT_URI, label: DEFAULT_OIDC_LABEL, allowHttp: false })
    expect(readOidcConfig({ ...FULL, LHS_OIDC_LABEL: ' Sign in with Riverside ', LHS_OIDC_ALLOW_HTTP: '1' })).toMatchObject({ label: 'Sign in with Riverside', allowHttp: true })
  })

  it('names the missing variables when only some are set', () => {
    expect(usageError({ LHS_OIDC_ISSUER: FULL.LHS_OIDC_ISSUER, LHS_OIDC_CLIENT_ID: 'lhs' })).toBe(
      'Single sign-on is half configured: LHS_OIDC_ISSUER, LHS_OIDC_CLIENT_ID are set but LHS_OIDC_CLIENT_SECRET, LHS_OIDC_REDIRECT_URI are not. Set all of LHS_OIDC_ISSUER, LHS_OIDC_CLIENT_ID, LHS_OIDC_CLIENT_SECRET, LHS_OIDC_REDIRECT_URI, or none to turn single sign-on off.',
    )
    expect(usageError({ LHS_OIDC_LABEL: 'Sign in' })).toContain('LHS_OIDC_LABEL is set but LHS_OIDC_ISSUER, LHS_OIDC_CLIENT_ID, LHS_OIDC_CLIENT_SECRET, LHS_OIDC_REDIRECT_URI are not')
  })

  it('refuses plain http unless LHS_OIDC_ALLOW_HTTP=1, addresses that are not URLs, and a redirect URI off the callback path', () => {
    expect(usageError({ ...FULL, LHS_OIDC_ISSUER: 'http://localhost:8080/realms/lhs' })).toContain('LHS_OIDC_ISSUER: "http://localhost:8080/realms/lhs" does not start with https://')
    expect(readOidcConfig({ ...FULL, LHS_OIDC_ISSUER: 'http://localhost:8080/realms/lhs', LHS_OIDC_ALLOW_HTTP: 'true' })?.issuer).toBe('http://localhost:8080/realms/lhs')
    expect(usageError({ ...FULL, LHS_OIDC_ISSUER: 'login.example' })).toContain('LHS_OIDC_ISSUER: "login.example" is not a web address')
    expect(usageError({ ...FULL, LHS_OIDC_REDIRECT_URI: 'https://lhs.example.nhs.uk/callback' })).toContain('does not end in /auth/oidc/callback')
    expect(usageError({ ...FULL, LHS_OIDC_REDIRECT_URI: 'https://lhs.example.nhs.uk/auth/oidc/callback?x=1' })).toContain('has a query or fragment')
    expect(usageError({ ...FULL, LHS_OIDC_ALLOW_HTTP: 'yes' })).toContain('LHS_OIDC_ALLOW_HTTP: "yes" is not 1, true, 0 or false')
  })
})
