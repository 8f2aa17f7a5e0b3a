/**
 * PGlite is a single-process database: two processes writing one data folder lose data. A lock
 * file (`lhs.lock`, holding the owner's process id) keeps a second process out; a lock left by a
 * process that no longer runs (killed with SIGKILL, say) is taken over.
 */
import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs'
import { join } from 'node:path'
import { AppError } from '../core/errors.ts'

const held = new Set<string>()

export interface DataDirLock {
  release(): void
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readOwner(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, 'utf8'), 10)
    return Number.isInteger(pid) && pid > 0 ? pid : undefined
  } catch {
    return undefined
  }
}

export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, 'lhs.lock')
  const inUse = (pid: number) =>
    new AppError('unavailable', `The data folder ${dataDir} is in use by another lhs process (pid ${pid}). Stop that process first (if none is running, delete ${path}), or set DATABASE_URL to a PostgreSQL server, which many processes can share.`)
  if (held.has(path)) throw inUse(process.pid)
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx')
      writeSync(fd, String(process.pid))
      closeSync(fd)
      held.add(path)
      return {
        release() {
          held.delete(path)
          if (readOwner(path) === process.pid) unlinkSync(path)
        },
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
      const owner = readOwner(path)
      if (owner !== undefined && owner !== process.pid && isRunning(owner)) throw inUse(owner)
      unlinkSync(path)
    }
  }
  throw new Error(`could not lock ${path}`)
}
