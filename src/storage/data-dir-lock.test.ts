import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { AppError } from '../core/errors.ts'
import { openDatabase } from './database.ts'
import { lockDataDir } from './data-dir-lock.ts'

const dirs: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lhs-lock-'))
  dirs.push(dir)
  return dir
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

describe('one process at a time in a PGlite data folder', () => {
  it('refuses a second opening of the same folder until the first is closed', async () => {
    const dir = tempDir()
    const first = await openDatabase({ dataDir: dir })
    expect(readFileSync(join(dir, 'lhs.lock'), 'utf8')).toBe(String(process.pid))
    await expect(openDatabase({ dataDir: dir })).rejects.toThrow(/in use by another lhs process/)
    await first.close()
    expect(existsSync(join(dir, 'lhs.lock'))).toBe(false)
    const second = await openDatabase({ dataDir: dir })
    expect(await second.ping()).toBe(true)
    await second.close()
  })

  it('refuses a folder locked by another running process, naming its pid', async () => {
    const dir = tempDir()
    const other = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)'])
    try {
      writeFileSync(join(dir, 'lhs.lock'), String(other.pid))
      let error: unknown
      try {
        lockDataDir(dir)
      } catch (caught) {
        error = caught
      }
      expect(error).toBeInstanceOf(AppError)
      expect((error as AppError).code).toBe('unavailable')
      expect((error as AppError).message).toContain(`(pid ${other.pid})`)
    } finally {
      other.kill('SIGKILL')
    }
  })

  it('takes over a lock left by a process that no longer runs', async () => {
    const dir = tempDir()
    const gone = spawn(process.execPath, ['-e', ''])
    await new Promise((resolve) => gone.once('exit', resolve))
    writeFileSync(join(dir, 'lhs.lock'), String(gone.pid))
    const lock = lockDataDir(dir)
    expect(readFileSync(join(dir, 'lhs.lock'), 'utf8')).toBe(String(process.pid))
    lock.release()
    expect(existsSync(join(dir, 'lhs.lock'))).toBe(false)
  })
})
