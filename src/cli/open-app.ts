/** Open the configured database, bring it to the latest migration, and give the use cases their deps. */
import type { AppDeps } from '../app/deps.ts'
import { openDatabase, type Store } from '../storage/database.ts'
import { migrateToLatest } from '../storage/migrate.ts'
import type { Config } from './config.ts'

export async function openApp(config: Config): Promise<AppDeps & { store: Store }> {
  const store = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, readUrl: config.databaseReadUrl })
  try {
    await migrateToLatest(store.db)
  } catch (error) {
    await store.close()
    throw error
  }
  return { store, clock: () => new Date() }
}
