/** The shapes the job queue speaks in: jobs, their options and what is stored about them. */

/** A catalogue of job names and the JSON data each carries, e.g. `{ 'alert-webhook': WebhookJob }`. */
export type JobCatalogue<Jobs> = { readonly [Name in keyof Jobs]: object }

export type JobName<Jobs> = keyof Jobs & string

/** pg-boss's queue policies: `short` keeps one queued job per singleton key, `singleton` one active, `stately` one of each state. @see https://timgit.github.io/pg-boss/#/./api/queues */
export type QueuePolicy = 'standard' | 'short' | 'singleton' | 'stately'

export type JobState = 'created' | 'retry' | 'active' | 'completed' | 'cancelled' | 'failed'

export interface RetrySettings {
  /** Runs after the first, so a job runs at most `retryLimit + 1` times. */
  readonly retryLimit?: number
  /** Whole seconds before a retry; with back-off, the base of the doubling delay. */
  readonly retryDelaySeconds?: number
  /** Wait `delay × 2^(n−1)` to twice that (jittered) before retry n. */
  readonly retryBackoff?: boolean
}

export interface SendOptions extends RetrySettings {
  /** In a `short`/`singleton`/`stately` queue, or with `singletonSeconds`, a second job with this key is not queued (send answers null). */
  readonly singletonKey?: string
  /** At most one job per key (or per queue) in each window of this many seconds. */
  readonly singletonSeconds?: number
  /** When the job may first run: a time, or seconds from now. */
  readonly startAfter?: Date | number
  /** A running job not finished within this many seconds is failed (and retried); default 15 minutes. */
  readonly expireInSeconds?: number
}

/** What a handler receives. Delivery is at least once: a handler must be safe to run again. */
export interface Job<Data> {
  readonly id: string
  readonly name: string
  readonly data: Data
  /** 0 on the first run, 1 on the first retry, … */
  readonly retryCount: number
  readonly retryLimit: number
}

/** Resolving completes the job (the value is ignored); throwing fails it. */
export type JobHandler<Data> = (job: Job<Data>) => Promise<unknown>

export interface WorkOptions {
  /** Jobs claimed per fetch and run concurrently; default 1. */
  readonly batchSize?: number
  /** Overrides the queue's polling interval for this worker. */
  readonly pollingIntervalSeconds?: number
}

/** A job as stored, for status pages and tests. */
export interface JobRecord<Data> extends Job<Data> {
  readonly state: JobState
  readonly startAfter: Date
  readonly startedOn: Date | null
  readonly completedOn: Date | null
  /** The handler's error (name, message, stack) after a failure. */
  readonly output: unknown
}

export interface ScheduleEntry {
  readonly name: string
  readonly cron: string
  readonly timezone: string
  readonly data: unknown
}
