import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterEach, describe, expect, it } from 'vitest'
import { createMailer, sendAlertEmail, type Mailer } from './send-email.ts'

interface Arrived {
  readonly from: string
  readonly to: readonly string[]
  /** The whole message as sent over SMTP (headers and MIME parts). */
  readonly raw: string
}

/** A real SMTP server on a free local port: no TLS, no authentication, refusing `refused@…` recipients. */
async function startSmtpServer() {
  const arrived: Arrived[] = []
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('refused@')) callback(new Error('no such mailbox'))
      else callback()
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address
        arrived.push({ from, to: session.envelope.rcptTo.map((rcpt) => rcpt.address), raw: Buffer.concat(chunks).toString('utf8') })
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.server.address() as AddressInfo
  return { url: `smtp://127.0.0.1:${port}`, arrived, close: () => new Promise<void>((resolve) => server.close(() => resolve())) }
}

describe('sendAlertEmail', () => {
  let smtp: Awaited<ReturnType<typeof startSmtpServer>> | undefined
  let mailer: Mailer | undefined

  afterEach(async () => {
    mailer?.close()
    await smtp?.close()
    smtp = undefined
    mailer = undefined
  })

  it('delivers the subject and body to a real SMTP server', async () => {
    smtp = await startSmtpServer()
    mailer = createMailer(smtp.url, { from: 'LHS alerts <alerts@lhs.test>' })
    const sent = await sendAlertEmail(mailer, {
      to: 'lead@riverside.test',
      subject: 'Special cause: BP control at Eastgate',
      text: 'BP control fell below its lower process limit in March.',
      html: '<p>BP control fell below its <strong>lower process limit</strong> in March.</p>',
    })

    expect(sent.accepted).toEqual(['lead@riverside.test'])
    expect(smtp.arrived).toHaveLength(1)
    const [message] = smtp.arrived
    expect(message).toMatchObject({ from: 'alerts@lhs.test', to: ['lead@riverside.test'] })
    expect(message?.raw).toContain('Subject: Special cause: BP control at Eastgate')
    expect(message?.raw).toContain('From: LHS alerts <alerts@lhs.test>')
    expect(message?.raw).toContain('BP control fell below its lower process limit in March.')
    expect(message?.raw).toContain('<strong>lower process limit</strong>')
    expect(message?.raw).toContain(`Message-ID: ${sent.messageId}`)
  })

  it('throws when the server refuses a recipient, so the job is retried', async () => {
    smtp = await startSmtpServer()
    mailer = createMailer(smtp.url)
    await expect(sendAlertEmail(mailer, { to: 'refused@riverside.test', subject: 'x', text: 'y' })).rejects.toThrow(/refused@riverside\.test|no such mailbox/)
    expect(smtp.arrived).toEqual([])
  })

  it('throws when no server listens', async () => {
    smtp = await startSmtpServer()
    const url = smtp.url
    await smtp.close()
    smtp = undefined
    mailer = createMailer(url)
    await expect(sendAlertEmail(mailer, { to: 'lead@riverside.test', subject: 'x', text: 'y' })).rejects.toThrow(/ECONNREFUSED/)
  })

  it('refuses an empty recipient and a URL that is not SMTP', async () => {
    expect(() => createMailer('https://mail.example.org')).toThrow('not an SMTP URL')
    mailer = createMailer('smtp://127.0.0.1:1')
    await expect(sendAlertEmail(mailer, { to: ' ', subject: 'x', text: 'y' })).rejects.toThrow('needs a recipient')
  })
})
