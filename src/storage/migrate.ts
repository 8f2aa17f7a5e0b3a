/** Versioned migrations, kept in code and applied in order at start and by `lhs migrate`. */
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResult } from 'kysely'
import * as foundation from './migrations/0001-foundation.ts'
import * as trust from './migrations/0002-trust.ts'
import * as analysis from './migrations/0003-analysis.ts'
import * as insight from './migrations/0004-insight.ts'
import * as triangulation from './migrations/0005-triangulation.ts'
import * as loop from './migrations/0006-loop.ts'
import * as disclosure from './migrations/0007-disclosure.ts'
import * as community from './migrations/0008-community.ts'
import * as briefingSchedules from './migrations/0009-briefing-schedules.ts'
import * as seriesAnalysis from './migrations/0010-series-analysis.ts'
import * as extractDefinitions from './migrations/0011-extract-definitions.ts'

const migrations: Record<string, Migration> = {
  '0001-foundation': foundation,
  '0002-trust': trust,
  '0003-analysis': analysis,
  '0004-insight': insight,
  '0005-triangulation': triangulation,
  '0006-loop': loop,
  '0007-disclosure': disclosure,
  '0008-community': community,
  '0009-briefing-schedules': briefingSchedules,
  '0010-series-analysis': seriesAnalysis,
  '0011-extract-definitions': extractDefinitions,
}

const provider: MigrationProvider = { getMigrations: async () => migrations }

/** Apply every pending migration; throws with the failing migration's name on error. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<readonly MigrationResult[]> {
  const migrator = new Migrator({ db, provider, migrationTableName: 'lhs_migrations', migrationLockTableName: 'lhs_migrations_lock' })
  const { error, results = [] } = await migrator.migrateToLatest()
  if (error) {
    const failed = results.find((r) => r.status === 'Error')?.migrationName ?? 'unknown'
    throw new Error(`migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error })
  }
  return results
}
