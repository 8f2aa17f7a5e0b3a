import { createServer, type IncomingHttpHeaders } from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { engineNames, jobStoreEngine, type JobStoreEngine } from '../../../test/jobs/job-stores.ts'
import type { Store } from '../../storage/database.ts'
import { createJobQueue, type JobQueue } from '../jobs/job-queue.ts'
import type { LhsJobs } from '../jobs/lhs-jobs.ts'
import { deliverWebhook, signWebhook, verifyWebhookSignature, WebhookDeliveryError } from './deliver-webhook.ts'

const SECRET = 'a shared secret of the subscriber'

interface Received {
  readonly headers: IncomingHttpHeaders
  readonly body: string
  /** What the receiver's own check of the signature said. */
  readonly verified: boolean
}

/** A real HTTP receiver on a free port that answers the given statuses in turn (the last one repeats), or never answers when `hang`. */
async function startReceiver({ statuses = [204], hang = false }: { statuses?: number[]; hang?: boolean } = {}) {
  const received: Received[] = []
  const server = createServer((request, response) => {
    const chunks: Buffer[] = []
    request.on('data', (chunk: Buffer) => chunks.push(chunk))
    request.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8')
      const header = (name: string) => request.headers[name] as string | undefined
      received.push({ headers: request.headers, body, verified: verifyWebhookSignature({ secret: SECRET, body, timestamp: header('x-lhs-timestamp'), signature: header('x-lhs-signature') }) })
      if (hang) return
      const status = statuses[Math.min(received.length, statuses.length) - 1] ?? 204
      response.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 300 ? `try later (${status})` : '')
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/hooks/lhs`,
    received,
    close: () => {
      server.closeAllConnections()
      return new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

describe('deliverWebhook', () => {
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined
  afterEach(async () => {
    await receiver?.close()
    receiver = undefined
  })

  it('POSTs signed JSON that the receiver can verify', async () => {
    receiver = await startReceiver()
    const body = { finding: 'bp-control fell below its lower limit', site: 'eastgate' }
    const receipt = await deliverWebhook({ url: receiver.url, secret: SECRET, event: 'signal.detected', body, deliveryId: 'delivery-1' })

    expect(receipt).toMatchObject({ deliveryId: 'delivery-1', status: 204 })
    const [request] = receiver.received
    expect(request?.verified).toBe(true)
    expect(request?.headers).toMatchObject({ 'content-type': 'application/json', 'x-lhs-event': 'signal.detected', 'x-lhs-delivery': 'delivery-1' })
    expect(JSON.parse(request?.body ?? '')).toEqual(body)
    const timestamp = request?.headers['x-lhs-timestamp'] as string
    expect(Math.abs(Number(timestamp) - Date.now() / 1000)).toBeLessThan(5)
    expect(request?.headers['x-lhs-signature']).toBe(signWebhook(SECRET, timestamp, request?.body ?? ''))
  })

  it('signs "timestamp.body" with HMAC-SHA256 (a vector checked with openssl)', () => {
    // printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac secret
    expect(signWebhook('secret', '1700000000', '{"a":1}')).toBe('sha256=49f24e537407743fa4a0242bb63b94b9a47ee99cbbe071ccd8a22550ae411686')
  })

  it('refuses a wrong secret, a changed body, a stale timestamp and a missing signature', () => {
    const now = new Date('2026-03-01T12:00:00Z')
    const timestamp = String(now.getTime() / 1000)
    const body = '{"a":1}'
    const signature = signWebhook(SECRET, timestamp, body)
    expect(verifyWebhookSignature({ secret: SECRET, body, timestamp, signature, now })).toBe(true)
    expect(verifyWebhookSignature({ secret: 'another', body, timestamp, signature, now })).toBe(false)
    expect(verifyWebhookSignature({ secret: SECRET, body: '{"a":2}', timestamp, signature, now })).toBe(false)
    expect(verifyWebhookSignature({ secret: SECRET, body, timestamp, signature, now: new Date(now.getTime() + 301_000) })).toBe(false)
    expect(verifyWebhookSignature({ secret: SECRET, body, timestamp, signature: undefined, now })).toBe(false)
    expect(verifyWebhookSignature({ secret: SECRET, body, timestamp: `${timestamp}x`, signature, now })).toBe(false)
  })

  it('throws on an answer that is not 2xx, with the status', async () => {
    receiver = await startReceiver({ statuses: [500] })
    const delivery = deliverWebhook({ url: receiver.url, secret: SECRET, event: 'signal.detected', body: {} })
    await expect(delivery).rejects.toBeInstanceOf(WebhookDeliveryError)
    await expect(delivery).rejects.toMatchObject({ status: 500, message: expect.stringContaining('try later (500)') })
  })

  it('gives up on a receiver that does not answer within the timeout', async () => {
    receiver = await startReceiver({ hang: true })
    const startedMs = performance.now()
    await expect(deliverWebhook({ url: receiver.url, secret: SECRET, event: 'signal.detected', body: {}, timeoutMs: 300 })).rejects.toMatchObject({ name: 'TimeoutError' })
    expect(performance.now() - startedMs).toBeLessThan(5000)
  })
})

describe.each(engineNames())('webhook deliveries through the job queue on %s', (engine) => {
  let database: JobStoreEngine
  let store: Store
  let queue: JobQueue<LhsJobs> | undefined
  let receiver: Awaited<ReturnType<typeof startReceiver>> | undefined

  beforeAll(async () => {
    database = jobStoreEngine(engine)
    store = await database.open()
  })

  afterAll(async () => {
    await queue?.stop()
    await receiver?.close()
    await store.close()
    await database.cleanUp()
  })

  it('retries a receiver that fails twice, with the same delivery id, until it succeeds', async () => {
    receiver = await startReceiver({ statuses: [503, 503, 204] })
    const errors: unknown[] = []
    queue = createJobQueue<LhsJobs>(store, { schema: 'webhook_test', pollingIntervalSeconds: 0.5, onError: (error) => errors.push(error) })
    await queue.start()
    // Stands in for storage/webhooks.webhookSecrets: the URL and secret are read when the job runs.
    const webhooks = new Map([[7, { url: receiver.url, secret: SECRET }]])
    await queue.work('alert-webhook', async ({ id, data }) => {
      const hook = webhooks.get(data.webhookId)
      if (hook) await deliverWebhook({ ...hook, event: data.event, body: data.body, deliveryId: id })
    })
    const id = (await queue.send('alert-webhook', { organisationId: 1, webhookId: 7, event: 'finding.proposed', body: { finding: 42 } }, { retryLimit: 3, retryDelaySeconds: 1, retryBackoff: false })) ?? ''

    const deadline = Date.now() + 15_000
    while ((await queue.findJob('alert-webhook', id))?.state !== 'completed' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))

    const job = await queue.findJob('alert-webhook', id)
    expect(job).toMatchObject({ state: 'completed', retryCount: 2 })
    expect(receiver.received).toHaveLength(3)
    expect(receiver.received.every((request) => request.verified && request.headers['x-lhs-delivery'] === id)).toBe(true)
    expect(errors).toEqual([])
  })
})
