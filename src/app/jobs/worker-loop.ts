/**
 * One polling loop for one queue: fetch a batch, run each job, fetch again at once while there is
 * work, otherwise sleep for the polling interval (cut short by `wake`). Stop resolves only when the
 * loop has left its last `await`, so no timer or query outlives it.
 */
import { setTimeout as sleep } from 'node:timers/promises'

export interface WorkerLoop {
  /** Fetch now instead of at the end of the current sleep. */
  wake(): void
  /** Ends the loop after the jobs in hand; resolves false if they were still running after `timeoutMs`. */
  stop(timeoutMs: number): Promise<boolean>
}

export interface WorkerLoopOptions<J> {
  /** Claims up to a batch of jobs; an empty array when there is none. */
  readonly fetch: () => Promise<readonly J[]>
  /** Runs one job to its end (completion or failure recorded); never rejects. */
  readonly run: (job: J) => Promise<void>
  readonly intervalMs: number
  readonly onError: (error: unknown) => void
}

export function startWorkerLoop<J>({ fetch, run, intervalMs, onError }: WorkerLoopOptions<J>): WorkerLoop {
  let stopping = false
  let napping: AbortController | undefined

  const nap = async () => {
    napping = new AbortController()
    await sleep(intervalMs, undefined, { signal: napping.signal }).catch(() => {})
    napping = undefined
  }

  const loop = (async () => {
    while (!stopping) {
      let jobs: readonly J[] = []
      try {
        jobs = await fetch()
      } catch (error) {
        onError(error)
      }
      if (jobs.length > 0) await Promise.all(jobs.map(run))
      else if (!stopping) await nap()
    }
  })()

  return {
    wake: () => napping?.abort(),
    async stop(timeoutMs) {
      stopping = true
      napping?.abort()
      const deadline = new AbortController()
      const timedOut = sleep(timeoutMs, false, { signal: deadline.signal }).catch(() => false)
      const finished = await Promise.race([loop.then(() => true), timedOut])
      deadline.abort()
      return finished
    },
  }
}
