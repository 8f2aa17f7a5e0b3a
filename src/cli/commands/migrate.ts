/** `lhs migrate`: bring the configured database up to the latest schema. */
import { parseArgs } from 'node:util'
import { openDatabase } from '../../storage/database.ts'
import { migrateToLatest } from '../../storage/migrate.ts'
import { describeStorage, readConfig } from '../config.ts'
import { EXIT_OK, type CliIo } from '../io.ts'

export async function migrateCommand(args: string[], io: CliIo): Promise<number> {
  parseArgs({ args, options: {}, strict: true, allowPositionals: false })
  const config = readConfig(io.env, io.cwd)
  const store = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir })
  try {
    const results = await migrateToLatest(store.db)
    const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName)
    io.stdout(applied.length > 0 ? `Applied ${applied.join(', ')} to ${describeStorage(config)}.\n` : `${describeStorage(config)} is up to date.\n`)
    return EXIT_OK
  } finally {
    await store.close()
  }
}
