/**
 * The part of autocannon 9.0.0's programmatic API the latency bench uses (the package ships no
 * types). Field meanings from its README: latency in milliseconds, `duration` in seconds,
 * `non2xx` counts answers outside 200–299, `errors` connection errors and `timeouts` included.
 */
declare module 'autocannon' {
  interface Options {
    readonly url: string
    readonly connections?: number
    /** Seconds; ignored when `amount` is set. */
    readonly duration?: number
    /** Stop after this many requests instead of after `duration`. */
    readonly amount?: number
    /** Requests per second across all connections; latencies are then corrected for coordinated omission. */
    readonly overallRate?: number
    readonly headers?: Readonly<Record<string, string>>
    /** Seconds before a request counts as timed out (default 10). */
    readonly timeout?: number
  }
  interface Histogram {
    readonly average: number
    readonly mean: number
    readonly stddev: number
    readonly min: number
    readonly max: number
    readonly total: number
    readonly p50: number
    readonly p90: number
    readonly p99: number
  }
  interface Result {
    readonly latency: Histogram
    readonly requests: Histogram
    readonly throughput: Histogram
    /** Seconds the run took. */
    readonly duration: number
    readonly errors: number
    readonly timeouts: number
    readonly non2xx: number
    readonly '2xx': number
    readonly statusCodeStats: Readonly<Record<string, { readonly count: number }>>
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
  export type { Options, Result }
}
