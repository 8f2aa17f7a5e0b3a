/** A progress bar on stderr for long imports, drawn only when stderr is a terminal. */
import cliProgress from 'cli-progress'
import type { ImportProgress } from '../app/gather/import-observations.ts'
import type { CliIo } from './io.ts'

export interface Progress {
  readonly update: ImportProgress
  stop(): void
}

const LARGE_FILE_BYTES = 1024 * 1024

export function createProgress(io: CliIo, fileBytes: number): Progress {
  if (!io.interactive || fileBytes < LARGE_FILE_BYTES) return { update: () => {}, stop: () => {} }
  const bar = new cliProgress.SingleBar(
    { format: '{stage} [{bar}] {percentage}% | {value}/{total} {unit}', stream: process.stderr, hideCursor: true, clearOnComplete: false },
    cliProgress.Presets.shades_classic,
  )
  let stage: string | undefined
  return {
    update(next, done, total) {
      if (next !== stage) {
        if (stage !== undefined) bar.stop()
        stage = next
        const reading = next === 'reading'
        bar.start(reading ? fileBytes : total, 0, { stage: reading ? 'Reading' : next === 'checking' ? 'Checking gaps and outliers' : 'Writing', unit: reading ? 'bytes' : 'rows' })
      }
      bar.update(done)
    },
    stop() {
      if (stage !== undefined) bar.stop()
    },
  }
}
