/** Single sign-on settings from the environment: all of the required variables, or none. */
import type { OidcSettings } from '../app/auth/oidc.ts'
import { UsageError } from './io.ts'

export const DEFAULT_OIDC_LABEL = "Sign in with your organisation's account"
const CALLBACK_PATH = '/auth/oidc/callback'
const REQUIRED = ['LHS_OIDC_ISSUER', 'LHS_OIDC_CLIENT_ID', 'LHS_OIDC_CLIENT_SECRET', 'LHS_OIDC_REDIRECT_URI'] as const
const OPTIONAL = ['LHS_OIDC_LABEL', 'LHS_OIDC_ALLOW_HTTP'] as const

/** The settings, or undefined when no LHS_OIDC_ variable is set; a UsageError naming what is missing or wrong otherwise. */
export function readOidcConfig(env: Readonly<Record<string, string | undefined>>): OidcSettings | undefined {
  const value = (name: string) => env[name]?.trim() || undefined
  const set = [...REQUIRED, ...OPTIONAL].filter((name) => value(name) !== undefined)
  if (set.length === 0) return undefined
  const missing = REQUIRED.filter((name) => value(name) === undefined)
  if (missing.length > 0) {
    throw new UsageError(`Single sign-on is half configured: ${set.join(', ')} ${set.length === 1 ? 'is' : 'are'} set but ${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} not. Set all of ${REQUIRED.join(', ')}, or none to turn single sign-on off.`)
  }
  const allowHttp = parseAllowHttp(env.LHS_OIDC_ALLOW_HTTP)
  const issuer = parseUrl(value('LHS_OIDC_ISSUER')!, 'LHS_OIDC_ISSUER', allowHttp, 'the identity provider\'s issuer, e.g. https://login.example.nhs.uk/realms/lhs')
  const redirectUri = parseUrl(value('LHS_OIDC_REDIRECT_URI')!, 'LHS_OIDC_REDIRECT_URI', allowHttp, `this server's address followed by ${CALLBACK_PATH}, e.g. https://lhs.example.nhs.uk${CALLBACK_PATH}`)
  if (new URL(redirectUri).pathname !== CALLBACK_PATH) {
    throw new UsageError(`LHS_OIDC_REDIRECT_URI: "${redirectUri}" does not end in ${CALLBACK_PATH} (expected this server's address followed by ${CALLBACK_PATH}, e.g. https://lhs.example.nhs.uk${CALLBACK_PATH}).`)
  }
  return {
    issuer,
    clientId: value('LHS_OIDC_CLIENT_ID')!,
    clientSecret: value('LHS_OIDC_CLIENT_SECRET')!,
    redirectUri,
    label: value('LHS_OIDC_LABEL') ?? DEFAULT_OIDC_LABEL,
    allowHttp,
  }
}

function parseUrl(text: string, name: string, allowHttp: boolean, expected: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new UsageError(`${name}: "${text}" is not a web address (expected ${expected}).`)
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:')) {
    throw new UsageError(`${name}: "${text}" does not start with https:// (expected ${expected}; plain http:// is allowed only for development, with LHS_OIDC_ALLOW_HTTP=1).`)
  }
  if (url.search !== '' || url.hash !== '') throw new UsageError(`${name}: "${text}" has a query or fragment (expected ${expected}, with neither).`)
  return text
}

function parseAllowHttp(text: string | undefined): boolean {
  const flag = text?.trim() ?? ''
  if (flag === '' || flag === '0' || flag === 'false') return false
  if (flag === '1' || flag === 'true') return true
  throw new UsageError(`LHS_OIDC_ALLOW_HTTP: "${text}" is not 1, true, 0 or false (set it to 1 only for development against a provider without HTTPS).`)
}
