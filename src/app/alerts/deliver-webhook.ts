/**
 * Alert webhooks: one signed JSON POST per event. The receiver checks `x-lhs-signature` (HMAC-SHA256
 * of `timestamp.body` with the shared secret, as Stripe and GitHub do) and may ignore a delivery id
 * it has seen, since a delivery that timed out is sent again.
 */
import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto'

export interface WebhookDelivery {
  readonly url: string
  /** The shared secret the receiver holds. */
  readonly secret: string
  /** The event's name, e.g. `signal.detected`; sent as `x-lhs-event`. */
  readonly event: string
  /** The payload, sent as JSON. */
  readonly body: unknown
  /** Stable across retries so the receiver can drop duplicates (pass the job's id); default a new UUID. */
  readonly deliveryId?: string
  /** Default 10 000 ms. */
  readonly timeoutMs?: number
  /** Default the global fetch. */
  readonly fetch?: typeof fetch
  /** Default the system clock. */
  readonly clock?: () => Date
}

export interface WebhookReceipt {
  readonly deliveryId: string
  readonly status: number
  readonly durationMs: number
}

/** A non-2xx answer; thrown so that the job queue retries the delivery. */
export class WebhookDeliveryError extends Error {
  constructor(
    readonly url: string,
    readonly status: number,
    readonly responseText: string,
  ) {
    super(`webhook ${url} answered ${status}${responseText ? `: ${responseText}` : ''}`)
    this.name = 'WebhookDeliveryError'
  }
}

export const SIGNATURE_HEADER = 'x-lhs-signature'
export const TIMESTAMP_HEADER = 'x-lhs-timestamp'
export const EVENT_HEADER = 'x-lhs-event'
export const DELIVERY_HEADER = 'x-lhs-delivery'

const DEFAULT_TIMEOUT_MS = 10_000
/** How much of a failing receiver's answer is kept in the error. */
const RESPONSE_EXCERPT_CHARS = 200

/** `sha256=<hex>` of `timestamp.body`, `timestamp` in whole seconds since 1970. */
export function signWebhook(secret: string, timestamp: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`
}

/**
 * POSTs the event and resolves on a 2xx answer. Throws `WebhookDeliveryError` on any other status
 * (redirects are not followed, so the signed body never goes elsewhere), and fetch's own error on
 * timeout (`TimeoutError`) or network failure; either way the job queue retries it.
 */
export async function deliverWebhook(delivery: WebhookDelivery): Promise<WebhookReceipt> {
  const { url, secret, event, body, deliveryId = randomUUID(), timeoutMs = DEFAULT_TIMEOUT_MS, fetch: send = fetch, clock = () => new Date() } = delivery
  const payload = JSON.stringify(body)
  const timestamp = String(Math.floor(clock().getTime() / 1000))
  const started = performance.now()
  const response = await send(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'user-agent': 'lhs-webhooks',
      [EVENT_HEADER]: event,
      [DELIVERY_HEADER]: deliveryId,
      [TIMESTAMP_HEADER]: timestamp,
      [SIGNATURE_HEADER]: signWebhook(secret, timestamp, payload),
    },
    body: payload,
    redirect: 'manual',
    signal: AbortSignal.timeout(timeoutMs),
  })
  const text = await response.text()
  if (response.status < 200 || response.status > 299) throw new WebhookDeliveryError(url, response.status, text.slice(0, RESPONSE_EXCERPT_CHARS))
  return { deliveryId, status: response.status, durationMs: Math.round(performance.now() - started) }
}

export interface SignedRequest {
  readonly secret: string
  /** The request body exactly as received (before any JSON parsing). */
  readonly body: string
  readonly timestamp: string | undefined
  readonly signature: string | undefined
  /** Requests older or newer than this are refused (replays); default 300 s. */
  readonly toleranceSeconds?: number
  readonly now?: Date
}

/** True when the signature matches the body and timestamp, and the timestamp is within tolerance of now. */
export function verifyWebhookSignature({ secret, body, timestamp, signature, toleranceSeconds = 300, now = new Date() }: SignedRequest): boolean {
  if (!timestamp || !signature || !/^\d+$/.test(timestamp)) return false
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > toleranceSeconds) return false
  const expected = Buffer.from(signWebhook(secret, timestamp, body))
  const given = Buffer.from(signature)
  return given.length === expected.length && timingSafeEqual(given, expected)
}
