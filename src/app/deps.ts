/** What every use case needs, passed in by the entry points (server, CLI, tests). */
import type { Store } from '../storage/database.ts'

export interface AppDeps {
  readonly store: Store
  /** The current time; tests pass a fixed clock. */
  readonly clock: () => Date
  /** The job queue, when the entry point runs one (the server does); without it, follow-up work (reviews, alert delivery) runs inline. */
  readonly jobs?: JobSender
}

/** Puts work on the Postgres-backed job queue (app/jobs); `singletonKey` folds duplicates waiting in the queue into one. */
export interface JobSender {
  send(name: string, data: object, options?: { readonly singletonKey?: string }): Promise<void>
}
