/**
 * Single sign-on with OpenID Connect: the authorization code flow with PKCE, state and nonce
 * (openid-client). The provider vouches for an email address; the person must already have an
 * account here (administrators add people), and then gets an ordinary session.
 *
 * The attempt's state travels in the sealed `lhs_oidc` cookie (oidc-state.ts) rather than in server
 * memory, so it survives a restart and works with several server processes, and anonymous visits to
 * the start route cost the server nothing. A used state is also remembered in this process until it
 * expires, so a replayed callback is refused before the provider is asked (the provider refuses a
 * reused code as well).
 */
import * as client from 'openid-client'
import { AppError } from '../../core/errors.ts'
import { findUserByEmail } from '../../storage/users.ts'
import { audit } from './audit.ts'
import { loginStateKey, openLoginState, sealLoginState, type LoginState } from './oidc-state.ts'
import { startSession, type AuthDeps, type SignedIn } from './sign-in.ts'

/** Single sign-on settings, read from the environment by the entry points (src/cli/oidc-config.ts). */
export interface OidcSettings {
  /** The provider's issuer identifier, e.g. https://login.example.nhs.uk/realms/lhs. */
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string
  /** This server's callback as registered with the provider: https://HOST/auth/oidc/callback. */
  readonly redirectUri: string
  /** The text of the sign-in page's button. */
  readonly label: string
  /** Allow plain-HTTP providers (tests and development only). */
  readonly allowHttp: boolean
}

/** The settings plus what is worked out from them once: the provider's discovered metadata and the cookie key. */
export interface OidcClient {
  readonly settings: OidcSettings
  /** Discovery, fetched at first use and kept; a failed fetch is forgotten so the next attempt tries again. */
  configuration(): Promise<client.Configuration>
  /** Key that seals the `lhs_oidc` cookie. */
  readonly stateKey: Buffer
  /** True the first time a state is presented; false when this process has seen it before (a replay). */
  consumeState(state: string, expiresAtMs: number, nowMs: number): boolean
}

export const OIDC_STATE_COOKIE = 'lhs_oidc'
export const OIDC_STATE_MAX_AGE_SECONDS = 10 * 60
const SCOPE = 'openid email profile'
const DISCOVERY_TIMEOUT_SECONDS = 10
/** Used states remembered at most; the oldest are forgotten first. */
const MAX_USED_STATES = 10_000

export function createOidcClient(settings: OidcSettings): OidcClient {
  let discovered: Promise<client.Configuration> | undefined
  const usedStates = new Map<string, number>()
  return {
    settings,
    stateKey: loginStateKey(settings.clientSecret),
    configuration() {
      discovered ??= discover(settings).catch((error: unknown) => {
        discovered = undefined
        throw error
      })
      return discovered
    },
    consumeState(state, expiresAtMs, nowMs) {
      for (const [old, expires] of usedStates) {
        if (expires > nowMs && usedStates.size < MAX_USED_STATES) break
        usedStates.delete(old)
      }
      if (usedStates.has(state)) return false
      usedStates.set(state, expiresAtMs)
      return true
    },
  }
}

/** The provider's authorization URL for a new attempt, and the sealed cookie value that remembers it. */
export async function oidcStart(oidc: OidcClient, next: string, now: Date): Promise<{ url: URL; cookie: string }> {
  const config = await oidc.configuration()
  const codeVerifier = client.randomPKCECodeVerifier()
  const state = client.randomState()
  const nonce = client.randomNonce()
  const url = client.buildAuthorizationUrl(config, {
    redirect_uri: oidc.settings.redirectUri,
    scope: SCOPE,
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  })
  const cookie = sealLoginState(oidc.stateKey, { state, nonce, codeVerifier, next, expiresAtMs: now.getTime() + OIDC_STATE_MAX_AGE_SECONDS * 1000 })
  return { url, cookie }
}

export interface OidcSignedIn extends SignedIn {
  /** Where the attempt asked to go afterwards. */
  readonly next: string
}

/**
 * Completes an attempt: checks the cookie and state, exchanges the code (PKCE) and validates the ID
 * token (signature, issuer, audience, expiry, nonce), then starts a session for the existing user
 * with the token's email. Every refusal is audited as `sign_in.failed` and thrown as an AppError.
 * `callbackUrl` is the registered redirect URI with the query the provider sent.
 */
export async function oidcCallback(deps: AuthDeps, oidc: OidcClient, callbackUrl: URL, stateCookie: string | undefined, meta: { address: string; userAgent: string }): Promise<OidcSignedIn> {
  let email: string | undefined
  try {
    const login = checkLoginState(oidc, stateCookie, callbackUrl, deps.clock())
    const claims = await exchangeCode(oidc, callbackUrl, login)
    email = verifiedEmail(claims)
    const user = await findUserByEmail(deps.store.db, email)
    if (!user) throw new AppError('forbidden', `No account for ${email} here. Ask an administrator of your organisation to add you.`)
    if (user.disabled) throw new AppError('forbidden', `The account for ${email} is turned off here. Ask an administrator of your organisation to turn it back on.`)
    const signedIn = await startSession(deps, user, { ...meta, method: 'oidc' })
    return { ...signedIn, next: login.next }
  } catch (error) {
    const failure = asFailure(error)
    const actor = { userId: null, name: email ?? 'anonymous', address: meta.address }
    await audit(deps, actor, { organisationId: null, action: 'sign_in.failed', target: `user:${email ?? 'unknown'}`, after: { method: 'oidc', reason: failure.reason } })
    throw failure.error
  }
}

const START_AGAIN = 'Go back to the sign-in page and try again.'
const COOKIE_PROBLEMS = {
  missing: `This sign-in was not started in this browser, or the browser did not keep its cookie. ${START_AGAIN}`,
  unreadable: `This sign-in's cookie is not valid. ${START_AGAIN}`,
  expired: `This sign-in took longer than ${OIDC_STATE_MAX_AGE_SECONDS / 60} minutes, so it has expired. ${START_AGAIN}`,
} as const

function checkLoginState(oidc: OidcClient, stateCookie: string | undefined, callbackUrl: URL, now: Date): LoginState {
  const opened = openLoginState(oidc.stateKey, stateCookie, now)
  if (!opened.ok) throw new AppError('invalid_request', COOKIE_PROBLEMS[opened.reason])
  const { login } = opened
  if (callbackUrl.searchParams.get('state') !== login.state) {
    throw new AppError('unauthorized', `The answer from the identity provider does not belong to the sign-in this browser started, so it was refused. ${START_AGAIN}`)
  }
  if (!oidc.consumeState(login.state, login.expiresAtMs, now.getTime())) throw new AppError('unauthorized', `This sign-in answer has already been used. ${START_AGAIN}`)
  return login
}

async function exchangeCode(oidc: OidcClient, callbackUrl: URL, login: LoginState): Promise<client.IDToken> {
  const config = await oidc.configuration()
  const tokens = await client.authorizationCodeGrant(config, callbackUrl, { pkceCodeVerifier: login.codeVerifier, expectedState: login.state, expectedNonce: login.nonce })
  const claims = tokens.claims()
  if (!claims) throw new AppError('unauthorized', `The identity provider sent no ID token. ${START_AGAIN}`)
  return claims
}

/** The ID token's email, lower case; refused when missing or when the provider says it is not verified. */
function verifiedEmail(claims: client.IDToken): string {
  const email = typeof claims.email === 'string' ? claims.email.trim().toLowerCase() : ''
  if (email === '') throw new AppError('forbidden', 'The identity provider did not send an email address (the "email" claim), so you cannot be matched to an account here. Ask the team who run your organisation\'s sign-in to release it to this service.')
  if (claims.email_verified === false || claims.email_verified === 'false') {
    throw new AppError('forbidden', `The identity provider says the email address ${email} is not verified, so it cannot be used to sign in here.`)
  }
  return email
}

/** What to tell the person (an AppError) and what to record (the technical reason); anything unexpected is a bug and is rethrown. */
function asFailure(error: unknown): { error: AppError; reason: string } {
  if (error instanceof AppError) return { error, reason: error.message }
  if (error instanceof client.AuthorizationResponseError) {
    const described = error.error_description ? `: ${error.error_description}` : ''
    return { error: new AppError('unauthorized', `The identity provider did not sign you in (${error.error}${described}). ${START_AGAIN}`), reason: `authorization response: ${error.error}${described}` }
  }
  if (error instanceof client.ResponseBodyError) {
    return { error: new AppError('unauthorized', `The identity provider refused to complete the sign-in (${error.error}). ${START_AGAIN}`), reason: `token endpoint: ${error.error}${error.error_description ? `: ${error.error_description}` : ''}` }
  }
  if (error instanceof client.ClientError || error instanceof client.WWWAuthenticateChallengeError) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
    return { error: new AppError('unauthorized', `The answer from the identity provider could not be verified, so you are not signed in. ${START_AGAIN}`), reason: `${error.message}${cause}` }
  }
  if (isNetworkFailure(error)) {
    return { error: new AppError('unavailable', 'The identity provider could not be reached. Try again in a few minutes, or sign in with a password.'), reason: `network: ${describe(error)}` }
  }
  throw error
}

async function discover(settings: OidcSettings): Promise<client.Configuration> {
  try {
    return await client.discovery(new URL(settings.issuer), settings.clientId, undefined, clientAuthentication(settings.clientSecret), {
      timeout: DISCOVERY_TIMEOUT_SECONDS,
      ...(settings.allowHttp ? { execute: [client.allowInsecureRequests] } : {}),
    })
  } catch (error) {
    throw new AppError('unavailable', `Single sign-on is not available just now: the identity provider at ${settings.issuer} could not be reached or did not describe itself (${describe(error)}). Try again in a few minutes, or sign in with a password.`)
  }
}

/** client_secret_basic, the standard's default, unless the provider lists only client_secret_post. */
function clientAuthentication(secret: string): client.ClientAuth {
  const basic = client.ClientSecretBasic(secret)
  const post = client.ClientSecretPost(secret)
  return (as, metadata, body, headers) => {
    const methods = as.token_endpoint_auth_methods_supported
    const usePost = Array.isArray(methods) && !methods.includes('client_secret_basic') && methods.includes('client_secret_post')
    return (usePost ? post : basic)(as, metadata, body, headers)
  }
}

function isNetworkFailure(error: unknown): boolean {
  if (error instanceof TypeError && error.message === 'fetch failed') return true
  return error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError')
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error)
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : ''
  return `${error.message}${cause}`
}
