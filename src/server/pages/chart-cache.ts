/**
 * Rendered charts, remembered by content: a chart's SVG is a pure function of its analysis and
 * options, so the cache key is a hash of exactly those, and a changed series can never be served
 * an old picture (it hashes differently). Drawing a chart with Observable Plot costs milliseconds
 * (a programme overview of 25 measures spent most of its time on its sparklines); looking one up
 * costs microseconds. Least recently used charts are dropped beyond MAX_BYTES per process.
 */
import { createHash } from 'node:crypto'
import { spcChartSvg, spcSparklineSvg } from '../../charts/index.ts'

const MAX_BYTES = 32 * 1024 * 1024

const entries = new Map<string, string>()
let bytes = 0

function remember(kind: string, keyText: string, draw: () => string): string {
  const key = createHash('sha1').update(kind).update('\u0000').update(keyText).digest('base64')
  const hit = entries.get(key)
  if (hit !== undefined) {
    entries.delete(key)
    entries.set(key, hit)
    return hit
  }
  const svg = draw()
  entries.set(key, svg)
  bytes += svg.length * 2
  for (const [oldest, value] of entries) {
    if (bytes <= MAX_BYTES) break
    entries.delete(oldest)
    bytes -= value.length * 2
  }
  return svg
}

/** NaN, ±Infinity and −0 hash apart (JSON would make them all null or 0). */
function finiteReplacer(_key: string, value: unknown): unknown {
  if (typeof value !== 'number' || (Number.isFinite(value) && !Object.is(value, -0))) return value
  return `\u0000${Object.is(value, -0) ? '-0' : String(value)}`
}

/** Exact JSON of anything: NaN, ±Infinity and −0 stay apart (plain JSON makes them null or 0). */
function exactJson(value: unknown): string {
  return JSON.stringify(value, finiteReplacer)
}

/**
 * A sparkline of `result`; `resultKey` is text that identifies the result exactly (the programme
 * overview passes the stored JSON it parsed, so nothing is serialised again), or absent to use the result's own JSON.
 */
export function cachedSpcSparklineSvg(result: Parameters<typeof spcSparklineSvg>[0], options: Parameters<typeof spcSparklineSvg>[1], resultKey?: string | null): string {
  return remember('sparkline', `${resultKey ?? exactJson(result)}\u0000${exactJson(options)}`, () => spcSparklineSvg(result, options))
}

export const cachedSpcChartSvg: typeof spcChartSvg = (result, options) => remember('spc', exactJson([result, options]), () => spcChartSvg(result, options))

/** How many charts and bytes the cache holds (for tests). */
export function chartCacheSize(): { readonly charts: number; readonly bytes: number } {
  return { charts: entries.size, bytes }
}
