/** A small, typed programme to test against: one organisation, a network and two practices, three measures. */
import type { AppDeps } from '../../src/app/deps.ts'
import type { Measure } from '../../src/core/model.ts'
import type { Store } from '../../src/storage/database.ts'
import { upsertMeasures } from '../../src/storage/measures.ts'
import { ensureOrganisation } from '../../src/storage/organisations.ts'
import { upsertProgramme } from '../../src/storage/programmes.ts'
import { upsertSites } from '../../src/storage/sites.ts'

export function measureFixture(overrides: Partial<Measure> & Pick<Measure, 'code'>): Measure {
  return {
    name: overrides.code,
    description: '',
    type: 'process',
    kind: 'proportion',
    rateMultiplier: null,
    direction: 'increase',
    target: null,
    period: 'week',
    defaultChart: 'xmr',
    numeratorDefinition: null,
    denominatorDefinition: null,
    unit: null,
    ...overrides,
  }
}

export const FIXTURE_MEASURES: readonly Measure[] = [
  measureFixture({ code: 'bp-control', name: 'Blood pressure controlled', type: 'outcome', target: 0.7 }),
  measureFixture({ code: 'falls', name: 'Falls', kind: 'rate', rateMultiplier: 1000, direction: 'neutral', type: 'balancing' }),
  measureFixture({ code: 'monitors-lent', name: 'Monitors lent', kind: 'count' }),
]

/** Seed the fixture programme `test`/`htn` into a migrated store. */
export async function seedFixture(store: Store): Promise<void> {
  const org = await ensureOrganisation(store.db, { code: 'test', name: 'Test ICS' })
  await upsertSites(store.db, org.id, [
    { code: 'north', name: 'North network', kind: 'network', parent: 'test' },
    { code: 'alpha', name: 'Alpha Practice', kind: 'practice', parent: 'north' },
    { code: 'beta', name: 'Beta Practice', kind: 'practice', parent: 'north' },
  ])
  const programme = await upsertProgramme(store.db, org.id, { code: 'htn', name: 'Hypertension', aim: 'More people controlled' })
  await upsertMeasures(store.db, org.id, programme.id, FIXTURE_MEASURES)
  const other = await ensureOrganisation(store.db, { code: 'other', name: 'Other ICS' })
  await upsertProgramme(store.db, other.id, { code: 'htn', name: 'Other hypertension', aim: '' })
}

export function fixedClock(iso = '2025-06-02T09:00:00Z'): () => Date {
  return () => new Date(iso)
}

export function depsFor(store: Store): AppDeps {
  return { store, clock: fixedClock() }
}

/** Weekly Mondays from 2025-01-06. */
export function monday(index: number): string {
  return new Date(Date.UTC(2025, 0, 6 + 7 * index)).toISOString().slice(0, 10)
}

export const HEADER = 'measure,period,site,dimension,group,numerator,denominator,value'

export function csv(...lines: string[]): Uint8Array {
  return new TextEncoder().encode([HEADER, ...lines].join('\n') + '\n')
}
