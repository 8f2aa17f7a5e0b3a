/** Web hardening shared by every route: security headers with a strict CSP, and same-origin form posts. */
import type { MiddlewareHandler } from 'hono'
import { secureHeaders } from 'hono/secure-headers'
import { AppError } from '../core/errors.ts'

/**
 * Scripts only from this server (no inline scripts), nothing framed, no plug-ins, forms only to
 * this server. Styles allow inline attributes because the SVG charts carry their own styling.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
}

export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: CONTENT_SECURITY_POLICY,
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    strictTransportSecurity: 'max-age=31536000; includeSubDomains',
    permissionsPolicy: { camera: [], microphone: [], geolocation: [] },
  })
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Refuse state-changing requests that a browser sent from another site (cross-site request
 * forgery). A browser marks every request with `Sec-Fetch-Site` or `Origin`; a request carrying
 * neither comes from a program (curl, the CLI), which no other site can make a user's browser send.
 */
export function sameOriginPosts(): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const site = c.req.header('sec-fetch-site')
      const origin = c.req.header('origin')
      const browser = site !== undefined || origin !== undefined
      const sameOrigin = site === 'same-origin' || (origin !== undefined && origin === new URL(c.req.url).origin)
      if (browser && !sameOrigin) throw new AppError('forbidden', 'This form was sent from another website, so it was refused. Open the page on this site and send it again.')
    }
    await next()
  }
}
