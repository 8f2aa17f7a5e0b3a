/**
 * Alert emails over SMTP (nodemailer). The SMTP server is given as a URL, e.g.
 * `smtp://user:pass@mail.example.org:587` or `smtps://…:465`; the caller reads it (LHS_SMTP_URL, say).
 */
import nodemailer from 'nodemailer'

export interface AlertEmail {
  /** One address, or several separated by commas. */
  readonly to: string
  readonly subject: string
  readonly text: string
  readonly html?: string
  /** Files to attach (a scheduled briefing's PDF or Word file). */
  readonly attachments?: readonly EmailAttachment[]
}

export interface EmailAttachment {
  readonly filename: string
  readonly contentType: string
  readonly content: Uint8Array
}

export interface MailerOptions {
  /** The sender, e.g. `LHS <alerts@lhs.example.org>`; default `LHS <lhs@localhost>`. */
  readonly from?: string
}

/** The small part of a mail transport that alerts use. */
export interface Mailer {
  send(message: AlertEmail): Promise<{ readonly messageId: string; readonly accepted: readonly string[]; readonly rejected: readonly string[] }>
  /** Closes pooled connections, if any. */
  close(): void
}

export interface SentEmail {
  readonly messageId: string
  readonly accepted: readonly string[]
}

/** A mailer for an `smtp://` or `smtps://` URL; nodemailer upgrades to STARTTLS when the server offers it. */
export function createMailer(smtpUrl: string, { from = 'LHS <lhs@localhost>' }: MailerOptions = {}): Mailer {
  const url = new URL(smtpUrl)
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') throw new Error(`not an SMTP URL: ${url.protocol}//${url.host} (expected smtp:// or smtps://)`)
  const transport = nodemailer.createTransport(smtpUrl, { from })
  return {
    async send({ to, subject, text, html, attachments }) {
      const files = attachments?.map((a) => ({ filename: a.filename, contentType: a.contentType, content: Buffer.from(a.content) }))
      const info = await transport.sendMail({ to, subject, text, ...(html === undefined ? {} : { html }), ...(files === undefined ? {} : { attachments: files }) })
      return { messageId: info.messageId, accepted: info.accepted.map(address), rejected: info.rejected.map(address) }
    },
    close: () => transport.close(),
  }
}

/**
 * Sends one alert; throws when the server refuses it or any recipient (nodemailer's error, or one
 * naming the refused addresses), so the job queue retries it.
 */
export async function sendAlertEmail(mailer: Mailer, email: AlertEmail): Promise<SentEmail> {
  if (!email.to.trim()) throw new Error('an alert email needs a recipient')
  const { messageId, accepted, rejected } = await mailer.send(email)
  if (rejected.length > 0) throw new Error(`the mail server refused ${rejected.join(', ')}`)
  return { messageId, accepted }
}

function address(value: string | { address: string }): string {
  return typeof value === 'string' ? value : value.address
}
