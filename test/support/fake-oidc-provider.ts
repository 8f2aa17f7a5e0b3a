/**
 * A tiny OpenID Connect provider for single sign-on tests, on 127.0.0.1 over plain HTTP: discovery,
 * a JWKS with one RS256 key, an authorization endpoint that signs in `signInAs` at once and
 * redirects back with a code, and a token endpoint that checks the client, the redirect URI and the
 * PKCE verifier (S256), uses each code once, and returns an ID token signed by hand with node:crypto.
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeIdentityProvider {
  /** http://127.0.0.1:PORT */
  readonly issuer: string
  readonly clientId: string
  readonly clientSecret: string
  /** Who the next authorization signs in; undefined answers `error=access_denied`. */
  signInAs: { email?: string; email_verified?: boolean | string } | undefined
  /** Claims that replace the right ones in issued ID tokens (a wrong `nonce` or `aud`, say). */
  idTokenOverrides: Record<string, unknown>
  /** How many token requests arrived, and the last refusal the token endpoint sent. */
  readonly stats: { tokenRequests: number; lastTokenError: string | undefined }
  close(): Promise<void>
}

interface Grant {
  readonly clientId: string
  readonly redirectUri: string
  readonly codeChallenge: string
  readonly nonce: string | undefined
  readonly user: { email?: string; email_verified?: boolean | string }
}

const KEY_ID = 'fake-key-1'

export async function startFakeIdentityProvider(client: { clientId: string; clientSecret: string }): Promise<FakeIdentityProvider> {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
  const grants = new Map<string, Grant>()
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const provider: FakeIdentityProvider = {
    issuer,
    ...client,
    signInAs: undefined,
    idTokenOverrides: {},
    stats: { tokenRequests: 0, lastTokenError: undefined },
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  }
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', issuer)
    if (req.method === 'GET' && url.pathname === '/.well-known/openid-configuration') return sendJson(res, 200, discoveryDocument(issuer))
    if (req.method === 'GET' && url.pathname === '/jwks') return sendJson(res, 200, { keys: [{ ...publicKey.export({ format: 'jwk' }), kid: KEY_ID, alg: 'RS256', use: 'sig' }] })
    if (req.method === 'GET' && url.pathname === '/authorize') return authorize(provider, grants, url, res)
    if (req.method === 'POST' && url.pathname === '/token') return void readBody(req).then((body) => token(provider, grants, privateKey, req, body, res))
    sendJson(res, 404, { error: 'not_found' })
  })
  return provider
}

function discoveryDocument(issuer: string) {
  return {
    issuer,
    authorization_endpoint: `${issuer}/authorize`,
    token_endpoint: `${issuer}/token`,
    jwks_uri: `${issuer}/jwks`,
    response_types_supported: ['code'],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    code_challenge_methods_supported: ['S256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post'],
    scopes_supported: ['openid', 'email', 'profile'],
  }
}

function authorize(provider: FakeIdentityProvider, grants: Map<string, Grant>, url: URL, res: ServerResponse): void {
  const q = url.searchParams
  const redirectUri = q.get('redirect_uri')
  if (!redirectUri || q.get('client_id') !== provider.clientId) return sendJson(res, 400, { error: 'invalid_request', error_description: 'unknown client or no redirect_uri' })
  const back = new URL(redirectUri)
  const state = q.get('state')
  if (state !== null) back.searchParams.set('state', state)
  const challenge = q.get('code_challenge')
  const wellFormed = q.get('response_type') === 'code' && q.get('code_challenge_method') === 'S256' && challenge && (q.get('scope') ?? '').split(' ').includes('openid')
  if (!wellFormed) back.searchParams.set('error', 'invalid_request')
  else if (!provider.signInAs) back.searchParams.set('error', 'access_denied')
  else {
    const code = randomBytes(16).toString('base64url')
    grants.set(code, { clientId: provider.clientId, redirectUri, codeChallenge: challenge, nonce: q.get('nonce') ?? undefined, user: provider.signInAs })
    back.searchParams.set('code', code)
  }
  res.writeHead(302, { location: back.href }).end()
}

function token(provider: FakeIdentityProvider, grants: Map<string, Grant>, key: KeyObject, req: IncomingMessage, body: URLSearchParams, res: ServerResponse): void {
  provider.stats.tokenRequests += 1
  const refuse = (status: number, error: string, description: string) => {
    provider.stats.lastTokenError = `${error}: ${description}`
    sendJson(res, status, { error, error_description: description })
  }
  const credentials = clientCredentials(req, body)
  if (credentials.id !== provider.clientId || credentials.secret !== provider.clientSecret) return refuse(401, 'invalid_client', 'wrong client id or secret')
  if (body.get('grant_type') !== 'authorization_code') return refuse(400, 'unsupported_grant_type', String(body.get('grant_type')))
  const code = body.get('code') ?? ''
  const grant = grants.get(code)
  grants.delete(code) // each code works once
  if (!grant) return refuse(400, 'invalid_grant', 'unknown or used code')
  if (body.get('redirect_uri') !== grant.redirectUri) return refuse(400, 'invalid_grant', `redirect_uri ${body.get('redirect_uri')} is not ${grant.redirectUri}`)
  if (base64url(createHash('sha256').update(body.get('code_verifier') ?? '').digest()) !== grant.codeChallenge) return refuse(400, 'invalid_grant', 'code_verifier does not match code_challenge')
  const now = Math.floor(Date.now() / 1000)
  const claims = { iss: provider.issuer, sub: `sub-${grant.user.email ?? 'none'}`, aud: grant.clientId, iat: now, exp: now + 300, nonce: grant.nonce, ...grant.user, ...provider.idTokenOverrides }
  sendJson(res, 200, { access_token: randomBytes(16).toString('base64url'), token_type: 'Bearer', expires_in: 300, id_token: signJwt(key, claims) })
}

/** client_secret_basic (form-encoded, then base64, RFC 6749 §2.3.1) or client_secret_post. */
function clientCredentials(req: IncomingMessage, body: URLSearchParams): { id: string | null; secret: string | null } {
  const basic = /^Basic\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1]
  if (!basic) return { id: body.get('client_id'), secret: body.get('client_secret') }
  const [id = '', secret = ''] = Buffer.from(basic, 'base64').toString('utf8').split(':')
  const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '))
  return { id: decode(id), secret: decode(secret) }
}

/** A compact JWS with RS256 (RSASSA-PKCS1-v1_5 with SHA-256, RFC 7518 §3.3). */
export function signJwt(key: KeyObject, claims: Record<string, unknown>): string {
  const header = base64url(Buffer.from(JSON.stringify({ alg: 'RS256', typ: 'JWT', kid: KEY_ID })))
  const payload = base64url(Buffer.from(JSON.stringify(claims)))
  return `${header}.${payload}.${base64url(sign('sha256', Buffer.from(`${header}.${payload}`), key))}`
}

function base64url(bytes: Buffer): string {
  return bytes.toString('base64url')
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body))
}

async function readBody(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return new URLSearchParams(Buffer.concat(chunks).toString('utf8'))
}
