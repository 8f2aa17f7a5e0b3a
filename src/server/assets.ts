/** Static assets: the NHS.UK frontend's CSS, JS and images from node_modules, and our own small stylesheet. */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, normalize } from 'node:path'
import type { OpenAPIHono } from '@hono/zod-openapi'

const require = createRequire(import.meta.url)
const nhsukDist = join(dirname(require.resolve('nhsuk-frontend/package.json')), 'dist', 'nhsuk')
const ownAssets = join(import.meta.dirname, 'assets')

const TYPES: Record<string, string> = {
  css: 'text/css; charset=utf-8',
  js: 'text/javascript; charset=utf-8',
  svg: 'image/svg+xml',
  png: 'image/png',
  ico: 'image/x-icon',
}

const cache = new Map<string, Uint8Array>()

/**
 * The NHS.UK stylesheet fetches the Frutiger web font from a third-party host; pages must make no
 * third-party requests (privacy, offline use), so its @font-face rules are dropped and text falls
 * back to Arial, as the design system's own font stack intends.
 */
function withoutRemoteFonts(css: string): string {
  return css.replace(/@font-face\{[^}]*https:[^}]*\}/g, '')
}

function read(path: string): Uint8Array | undefined {
  const hit = cache.get(path)
  if (hit) return hit
  try {
    const raw = readFileSync(path)
    const bytes = path.endsWith('nhsuk-frontend.min.css') ? new TextEncoder().encode(withoutRemoteFonts(raw.toString('utf8'))) : new Uint8Array(raw)
    cache.set(path, bytes)
    return bytes
  } catch {
    return undefined
  }
}

function files(name: string): string | undefined {
  if (name === 'nhsuk-frontend.min.css') return join(nhsukDist, 'nhsuk-frontend.min.css')
  if (name === 'nhsuk-frontend.min.js') return join(nhsukDist, 'nhsuk-frontend.min.js')
  if (name.startsWith('images/')) {
    const path = normalize(join(nhsukDist, 'assets', name))
    return path.startsWith(join(nhsukDist, 'assets')) ? path : undefined
  }
  if (/^[a-z0-9-]+\.(css|js)$/.test(name)) return join(ownAssets, name)
  return undefined
}

export function assetRoutes(app: OpenAPIHono): void {
  app.get('/assets/*', (c) => {
    const name = c.req.path.slice('/assets/'.length)
    const path = files(name)
    const bytes = path === undefined ? undefined : read(path)
    if (!bytes) return c.text('Not found', 404)
    const type = TYPES[name.split('.').pop() ?? ''] ?? 'application/octet-stream'
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, { 'content-type': type, 'cache-control': 'public, max-age=3600' })
  })
}
