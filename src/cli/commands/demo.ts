/** `lhs demo`: seed the demo programme into the configured database. */
import { parseArgs } from 'node:util'
import { seedDemo } from '../../app/seed/seed-demo.ts'
import { describeStorage, readConfig } from '../config.ts'
import { EXIT_OK, type CliIo } from '../io.ts'
import { openApp } from '../open-app.ts'

export async function demoCommand(args: string[], io: CliIo): Promise<number> {
  parseArgs({ args, options: {}, strict: true, allowPositionals: false })
  const config = readConfig(io.env, io.cwd)
  const deps = await openApp(config)
  try {
    const report = await seedDemo(deps)
    io.stdout(
      `Demo seeded in ${describeStorage(config)}: ${report.organisations} organisations, ` +
        `${report.observationsInserted.toLocaleString('en-GB')} observations added, ${report.observationsUnchanged.toLocaleString('en-GB')} already there.\n`,
    )
    return EXIT_OK
  } finally {
    await deps.store.close()
  }
}
