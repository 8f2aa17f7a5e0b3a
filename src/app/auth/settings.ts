/** Sign-in settings, read from the environment by the entry points. */

export interface AuthSettings {
  /** A session ends after this many minutes without a request. */
  readonly sessionIdleMinutes: number
  /** No session lasts longer than this many hours, however active. */
  readonly sessionMaxHours: number
  /** Failed sign-ins allowed per account, and per address, within the window before further attempts are refused. */
  readonly maxFailuresPerAccount: number
  readonly maxFailuresPerAddress: number
  readonly failureWindowMinutes: number
}

export const DEFAULT_AUTH_SETTINGS: AuthSettings = {
  sessionIdleMinutes: 30,
  sessionMaxHours: 12,
  maxFailuresPerAccount: 5,
  maxFailuresPerAddress: 20,
  failureWindowMinutes: 15,
}
