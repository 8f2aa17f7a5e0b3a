/**
 * What the trust walls cost a request: the same series read through the API (bearer token lookup,
 * membership and role, a connection switched to lhs_app under row-level security, the JSON answer)
 * beside the use case called directly on the owner's connection (no access control at all).
 */
import { performance } from 'node:perf_hooks'
import { CLI_ACTOR } from '../src/app/auth/audit.ts'
import { addMember } from '../src/app/auth/people.ts'
import { DEFAULT_AUTH_SETTINGS } from '../src/app/auth/settings.ts'
import { createToken } from '../src/app/auth/tokens.ts'
import { getSeries } from '../src/app/analyse/get-series.ts'
import { createApp } from '../src/server/create-app.tsx'
import type { Store } from '../src/storage/database.ts'

export interface RequestTimings {
  readonly requests: number
  readonly direct: number
  readonly api: number
}

export async function benchRequests(store: Store, measure: string, site: string, requests = 200): Promise<RequestTimings> {
  const deps = { store, clock: () => new Date() }
  await addMember(deps, CLI_ACTOR, { email: 'bench@bench.example', organisation: 'bench', role: 'viewer' })
  const { token } = await createToken(deps, CLI_ACTOR, 'bench@bench.example', 'bench')
  const app = createApp({ ...deps, uploadLimitBytes: 1024 * 1024, log: () => {}, auth: DEFAULT_AUTH_SETTINGS, trustProxy: false })
  const path = `/api/v1/organisations/bench/programmes/bench/measures/${measure}/series?site=${site}`
  const headers = { authorization: `Bearer ${token}` }
  const query = { organisation: 'bench', programme: 'bench', measure, site }
  // Warm both paths (JIT, prepared plans), then alternate rounds so neither gets a quieter machine.
  await getSeries(deps, query)
  await (await app.request(path, { headers })).arrayBuffer()
  let direct = 0
  let api = 0
  for (let i = 0; i < requests; i++) {
    let start = performance.now()
    await getSeries(deps, query)
    direct += performance.now() - start
    start = performance.now()
    const response = await app.request(path, { headers })
    if (response.status !== 200) throw new Error(`${path} answered ${response.status}: ${await response.text()}`)
    await response.arrayBuffer()
    api += performance.now() - start
  }
  return { requests, direct: direct / 1000, api: api / 1000 }
}
