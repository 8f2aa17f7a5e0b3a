/** Passwords (argon2id) and random secrets for sessions, tokens and CSRF (stored only as SHA-256). */
import { createHash, randomBytes } from 'node:crypto'
import { hash, verify } from '@node-rs/argon2'

/** OWASP's argon2id minimum: 19 MiB, 2 passes, 1 lane. */
const ARGON2 = { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const

export const MIN_PASSWORD_LENGTH = 12

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2)
}

/** Verified against a dummy hash when the account does not exist, so timing does not reveal which accounts exist. */
let dummy: Promise<string> | undefined
export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  const target = passwordHash ?? (await (dummy ??= hashPassword('not a real password, only for timing')))
  try {
    return (await verify(target, password)) && passwordHash !== null
  } catch {
    return false
  }
}

/** A password rule in words, or undefined when the password is acceptable. */
export function passwordProblem(password: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `The password must be at least ${MIN_PASSWORD_LENGTH} characters long (it has ${password.length}).`
  if (password.length > 1024) return 'The password must be at most 1,024 characters long.'
  return undefined
}

/** 32 random bytes as URL-safe text, with an optional prefix that says what the secret is. */
export function newSecret(prefix = ''): string {
  return prefix + randomBytes(32).toString('base64url')
}

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}

/** A password people can type: four groups of five letters and digits, without look-alikes. */
export function newPassword(): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789'
  const bytes = randomBytes(20)
  const chars = [...bytes].map((b) => alphabet[b % alphabet.length])
  return [0, 5, 10, 15].map((i) => chars.slice(i, i + 5).join('')).join('-')
}

/**
 * Text from a client made safe to store: control characters (PostgreSQL cannot hold NUL) and lone
 * surrogates removed, at most `max` characters. For identifiers such as an email typed at sign-in
 * or a browser's user agent, which are recorded even when they are rubbish.
 */
export function storableText(text: string, max: number): string {
  // Cleaned again after cutting, since a cut can split a surrogate pair.
  return withoutUnstorable(withoutUnstorable(text).slice(0, max))
}

function withoutUnstorable(text: string): string {
  return text.replace(/\p{Cc}|\p{Cs}/gu, '')
}
