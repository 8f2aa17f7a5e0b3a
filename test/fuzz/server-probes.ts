/** Looking at a test server from outside during a fuzz run: what is stored, and whether every page still answers. */
import type { OpenAPIHono } from '@hono/zod-openapi'
import { expect } from 'vitest'
import type { MeasureKind, PeriodUnit } from '../../src/core/model.ts'
import type { ObservationFileContext } from '../../src/ingest/index.ts'
import type { Store } from '../../src/storage/database.ts'
import { countObservations } from '../support/server.ts'
import { answerOf, expectApiAnswer, expectPageAnswer, injectedMarkup } from './response-checks.ts'

export const ORG = 'test'
export const PROGRAMME = 'htn'
export const API_IMPORTS = `/api/v1/organisations/${ORG}/programmes/${PROGRAMME}/imports`
export const PAGE_IMPORT = `/organisations/${ORG}/programmes/${PROGRAMME}/import`

/** Observations and import records stored, to show that a refused upload wrote nothing. */
export async function storedCounts(store: Store): Promise<{ observations: number; imports: number }> {
  const row = await store.db.selectFrom('imports').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()
  return { observations: await countObservations(store), imports: Number(row.n) }
}

/** What an observation file is checked against right now, read through the API (measures may have been redefined). */
export async function liveContext(app: OpenAPIHono, file: string): Promise<ObservationFileContext> {
  const base = `/api/v1/organisations/${ORG}`
  const measures = (await (await app.request(`${base}/programmes/${PROGRAMME}/measures`)).json()) as { measures: { code: string; kind: MeasureKind; period: PeriodUnit; rateMultiplier: number | null }[] }
  const sites = (await (await app.request(`${base}/sites`)).json()) as { sites: { code: string; kind: string }[] }
  return {
    file,
    measures: new Map(measures.measures.map((m) => [m.code, { kind: m.kind, period: m.period, rateMultiplier: m.rateMultiplier }])),
    sites: new Set(sites.sites.filter((s) => s.kind !== 'system').map((s) => s.code)),
  }
}

export interface SeriesRef {
  readonly measure: string
  readonly site?: string | null
  readonly dimension?: string | null
  readonly group?: string | null
}

/**
 * After an upload was accepted: the series API, the measure page, its CSV download and the
 * programme page answer without a server error, and no stored text became markup.
 */
export async function expectSeriesStillAnswer(app: OpenAPIHono, series: readonly SeriesRef[]): Promise<void> {
  const base = `/organisations/${ORG}/programmes/${PROGRAMME}`
  const pages = [base]
  const apis: string[] = []
  for (const s of series.slice(0, 5)) {
    const query = new URLSearchParams()
    if (s.site) query.set('site', s.site)
    if (s.dimension && s.group) {
      query.set('dimension', s.dimension)
      query.set('group', s.group)
    }
    const path = `/measures/${encodeURIComponent(s.measure)}`
    apis.push(`/api/v1/organisations/${ORG}/programmes/${PROGRAMME}${path}`, `/api/v1/organisations/${ORG}/programmes/${PROGRAMME}${path}/series?${query}`)
    pages.push(`${base}${path}?${query}`, `${base}${path}/data.csv?${query}`)
  }
  for (const path of apis) expectApiAnswer(await answerOf(await app.request(path), `GET ${path}`), path)
  for (const path of pages) {
    const document = expectPageAnswer(await answerOf(await app.request(path), `GET ${path}`), path)
    if (document) expect(injectedMarkup(document), path).toEqual([])
  }
}
